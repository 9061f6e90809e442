import { describe, expect, it } from 'vitest';
import { createRng } from './rng';
import { Heap } from './heap';

const drain = <T>(heap: Heap<T>): T[] => {
	const out: T[] = [];
	while (heap.size > 0) out.push(heap.pop()!);
	return out;
};

describe('Heap', () => {
	it.each([
		{ input: [], expected: [] },
		{ input: [3], expected: [3] },
		{ input: [1, 3, 2], expected: [3, 2, 1] },
		{ input: [5, 5, 1, 5], expected: [5, 5, 5, 1] }
	])('max-heap of $input', ({ input, expected }) => {
		const heap = new Heap<number>((a, b) => a > b);
		input.forEach((x) => heap.push(x));
		expect(drain(heap)).toEqual(expected);
	});

	it('sorts 500 seeded numbers, pushes and pops interleaved', () => {
		const rng = createRng(7);
		const heap = new Heap<number>((a, b) => a < b);
		const kept: number[] = [];
		const popped: number[] = [];
		for (let i = 0; i < 500; i++) {
			const x = rng.next();
			heap.push(x);
			kept.push(x);
			if (i % 3 === 2) popped.push(heap.pop()!);
		}
		const rest = drain(heap);
		expect([...popped, ...rest].sort()).toEqual(kept.sort());
		expect(rest).toEqual([...rest].sort((a, b) => a - b));
	});

	it('pop on an empty heap gives undefined', () => {
		expect(new Heap<number>((a, b) => a > b).pop()).toBeUndefined();
	});
});
