import { describe, expect, it } from 'vitest';
import { plural } from './plural';

describe('plural', () => {
	it.each([
		{ count: 0, one: 'quote', many: undefined, expected: '0 quotes' },
		{ count: 1, one: 'quote', many: undefined, expected: '1 quote' },
		{ count: 2, one: 'quote', many: undefined, expected: '2 quotes' },
		{ count: 1, one: 'error', many: undefined, expected: '1 error' },
		{ count: 1200, one: 'run', many: undefined, expected: '1,200 runs' },
		{ count: 1, one: 'entry', many: 'entries', expected: '1 entry' },
		{ count: 5, one: 'entry', many: 'entries', expected: '5 entries' },
		{ count: 1, one: 'transition rests', many: 'transitions rest', expected: '1 transition rests' },
		{ count: 4, one: 'transition rests', many: 'transitions rest', expected: '4 transitions rest' },
		// Only exactly one is singular: 1.5 reads as plural, as English writes it.
		{ count: 1.5, one: 'step', many: undefined, expected: '1.5 steps' }
	])('$count $one → $expected', ({ count, one, many, expected }) => {
		expect(plural(count, one, many)).toBe(expected);
	});
});
