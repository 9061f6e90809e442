import { describe, expect, it } from 'vitest';
import { sameSet } from './sameSet';

describe('sameSet', () => {
	it('keeps the previous set when the new one holds the same members, in any order', () => {
		const previous = new Set(['a', 'b']);
		expect(sameSet(previous, new Set(['b', 'a']))).toBe(previous);
	});

	it('takes the new set when a member differs, one is added or one is missing', () => {
		const previous = new Set(['a', 'b']);
		for (const members of [['a', 'c'], ['a', 'b', 'c'], ['a'], []]) {
			const next = new Set(members);
			expect(sameSet(previous, next)).toBe(next);
		}
	});

	it('takes the new set when there is none before', () => {
		const next = new Set(['a']);
		expect(sameSet(undefined, next)).toBe(next);
	});
});
