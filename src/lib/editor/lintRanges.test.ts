import { describe, expect, it } from 'vitest';
import { lineStarts, toRange } from './lintRanges';

const text = 'id: x\nstates:\n  a: { target: wra }\n';

describe('lineStarts', () => {
	it.each([
		{ input: '', expected: [0] },
		{ input: 'a\nbc', expected: [0, 2] },
		{ input: 'a\n', expected: [0, 2] }
	])('$input', ({ input, expected }) => expect(lineStarts(input)).toEqual(expected));
});

describe('toRange', () => {
	it.each([
		{ at: { line: 1, column: 5 }, expected: 'x' },
		{ at: { line: 3, column: 16 }, expected: 'wra' },
		{ at: { line: 2, column: 1 }, expected: 'states:' },
		// A problem of the whole file marks the first line.
		{ at: { line: 0, column: 0 }, expected: 'id: x' }
	])('line $at.line column $at.column → "$expected"', ({ at, expected }) => {
		const { from, to } = toRange(text, at);
		expect(text.slice(from, to)).toBe(expected);
	});

	it('clamps a stale place to the text', () => {
		expect(toRange('ab', { line: 9, column: 40 })).toEqual({ from: 2, to: 2 });
		expect(toRange('ab\ncd', { line: 1, column: 40 })).toEqual({ from: 2, to: 2 });
	});

	it('marks one character where the line has no word at the column', () => {
		expect(toRange('a:   \nb', { line: 1, column: 3 })).toEqual({ from: 2, to: 3 });
	});
});
