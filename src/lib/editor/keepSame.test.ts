import { describe, expect, test } from 'vitest';
import { keepSame, same } from './keepSame';

describe('same', () => {
	test.each([
		{ a: 1, b: 1, equal: true },
		{ a: NaN, b: NaN, equal: true },
		{ a: 1, b: '1', equal: false },
		{ a: [1, [2]], b: [1, [2]], equal: true },
		{ a: [1, 2], b: [1, 2, 3], equal: false },
		{ a: { x: { y: [1] } }, b: { x: { y: [1] } }, equal: true },
		{ a: { x: 1 }, b: { x: 1, y: undefined }, equal: false },
		{ a: { x: 1 }, b: { y: 1 }, equal: false },
		{ a: new Set(['a', 'b']), b: new Set(['b', 'a']), equal: true },
		{ a: new Set(['a']), b: new Set(['b']), equal: false },
		{ a: new Map([['t', 0.5]]), b: new Map([['t', 0.5]]), equal: true },
		{ a: new Map([['t', 0.5]]), b: new Map([['t', 0.25]]), equal: false },
		{ a: new Set(), b: [], equal: false },
		{ a: null, b: {}, equal: false }
	])('$a and $b: $equal', ({ a, b, equal }) => {
		expect(same(a, b)).toBe(equal);
	});
});

describe('keepSame', () => {
	test('equal: the value shown itself', () => {
		const shown = { layout: { nodes: [{ x: 1 }] }, flow: new Map([['t', 1]]) };
		const next = structuredClone(shown);
		expect(keepSame(shown, next)).toBe(shown);
	});

	test('a field changed: a new object, its equal fields the shown ones', () => {
		const shown = { title: 'Talks', layout: { nodes: [{ x: 1 }] }, open: new Set(['a']) };
		const next = { ...structuredClone(shown), title: 'Talks draft' };
		const kept = keepSame(shown, next);
		expect(kept).toEqual(next);
		expect(kept).not.toBe(shown);
		expect(kept.layout).toBe(shown.layout);
		expect(kept.open).toBe(shown.open);
	});

	test('nothing shown yet, or not a plain object: the next value', () => {
		const next = { a: 1 };
		expect(keepSame(undefined, next)).toBe(next);
		const list = [1, 2];
		expect(keepSame([1, 2], list)).toEqual(list);
		expect(keepSame([1], list)).toBe(list);
	});
});
