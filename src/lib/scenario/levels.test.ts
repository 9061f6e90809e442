import { describe, expect, it } from 'vitest';
import { levelName, namedLevels } from './levels';

const ties = { levels: { '0': 'working', '-1': 'strained', '-2': 'ruptured' } };

describe('levelName', () => {
	it.each([
		{ value: -1, expected: 'strained' },
		{ value: 0, expected: 'working' },
		{ value: -0, expected: 'working' },
		{ value: -0.5, expected: undefined },
		{ value: 1, expected: undefined },
		{ value: Number.NaN, expected: undefined }
	])('$value → $expected', ({ value, expected }) => {
		expect(levelName(ties, value)).toBe(expected);
	});

	it('has no names without levels, and none from the prototype', () => {
		expect(levelName({}, 0)).toBeUndefined();
		expect(levelName({ levels: {} }, 0)).toBeUndefined();
		expect(levelName({ levels: { '1': 'a' } }, Number('constructor'))).toBeUndefined();
	});
});

describe('namedLevels', () => {
	it('orders the levels by value, lowest first, whatever the order in the file', () => {
		expect(namedLevels(ties)).toEqual([
			{ value: -2, name: 'ruptured' },
			{ value: -1, name: 'strained' },
			{ value: 0, name: 'working' }
		]);
		expect(namedLevels({})).toEqual([]);
	});

	it('leaves the scale as it was', () => {
		const before = JSON.stringify(ties);
		namedLevels(ties);
		expect(JSON.stringify(ties)).toBe(before);
	});
});
