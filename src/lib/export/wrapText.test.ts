import { describe, expect, it } from 'vitest';
import { wrapText } from './wrapText';

/** One unit per character, so that widths read as lengths. */
const chars = (s: string) => s.length;

describe('wrapText', () => {
	it.each([
		{ text: 'one two three', width: 9, expected: ['one two', 'three'] },
		{ text: 'one two three', width: 13, expected: ['one two three'] },
		{ text: '  spaced \n out\twords ', width: 20, expected: ['spaced out words'] },
		{ text: '', width: 10, expected: [] },
		// A word too wide for a line is cut where it must.
		{ text: 'abcdefghij', width: 4, expected: ['abcd', 'efgh', 'ij'] },
		// A link breaks after & , or / in the second half of what fits.
		{ text: 'http://h/p?a=1&b=2&c=3', width: 16, expected: ['http://h/p?a=1&', 'b=2&c=3'] },
		{ text: 'abc/defgh', width: 6, expected: ['abc/', 'defgh'] },
		{ text: 'x a/bcdefgh', width: 6, expected: ['x', 'a/bcde', 'fgh'] },
		// A no-break space keeps a figure and its unit together.
		{ text: 'now 53\u00a0% here', width: 7, expected: ['now', '53\u00a0%', 'here'] }
	])('$text in $width', ({ text, width, expected }) => {
		expect(wrapText(text, width, chars)).toEqual(expected);
	});

	it('every line fits the width, and the words come back whole when joined', () => {
		const text = 'Russia: How does Russia answer Iran’s request for hardware? Full package';
		for (const width of [10, 17, 30, 80]) {
			const lines = wrapText(text, width, chars);
			for (const line of lines) expect(line.length).toBeLessThanOrEqual(width);
			expect(lines.join(' ')).toBe(text);
		}
	});

	it('cuts what goes beyond maxLines with an ellipsis inside the width', () => {
		expect(wrapText('one two three four', 9, chars, 1)).toEqual(['one two…']);
		expect(wrapText('one two three four', 7, chars, 2)).toEqual(['one two', 'three…']);
		expect(wrapText('abcdefghij', 4, chars, 2)).toEqual(['abcd', 'efg…']);
		for (const line of wrapText('a long title that goes on and on', 12, chars, 2))
			expect(line.length).toBeLessThanOrEqual(12);
	});

	it('always moves on, however narrow the width', () => {
		expect(wrapText('abc', 0, chars)).toEqual(['a', 'b', 'c']);
	});

	it('uses the measure it is given (a wide letter takes more room)', () => {
		const wideM = (s: string) => [...s].reduce((w, c) => w + (c === 'M' ? 3 : 1), 0);
		expect(wrapText('MM aa', 6, wideM)).toEqual(['MM', 'aa']);
		expect(wrapText('aa aa', 6, wideM)).toEqual(['aa aa']);
	});
});
