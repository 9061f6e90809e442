import { describe, expect, it } from 'vitest';
import {
	anchorQuote,
	normalizeQuote,
	normalizeText,
	placesText,
	type QuoteSelector
} from './anchor';

/** Anchor a selector in `original`; on success, also the original text between the offsets. */
function anchorIn(original: string, selector: QuoteSelector) {
	const result = anchorQuote(normalizeText(original), selector);
	return result.ok ? { ...result, found: original.slice(result.start, result.end) } : result;
}

describe('normalizeText', () => {
	it.each([
		{ input: 'It\u2019s', expected: "It's" },
		{ input: '\u2018a\u2019 \u201ab\u201b x\u2032', expected: "'a' 'b' x'" },
		{ input: '\u201cquoted\u201d \u201elow\u201d 5\u2033', expected: '"quoted" "low" 5"' },
		{ input: 'a\u2013b\u2014c\u2010d\u2011e\u2012f\u2212g', expected: 'a-b-c-d-e-f-g' },
		{ input: 'a  \t\n  b', expected: 'a b' },
		{ input: 'a\u00a0\u00a0b', expected: 'a b' },
		{ input: '  lead and trail  ', expected: ' lead and trail ' },
		{ input: 'wait\u2026', expected: 'wait...' },
		{ input: '', expected: '' }
	])('folds $input', ({ input, expected }) => {
		expect(normalizeText(input).text).toBe(expected);
	});

	it('keeps one offset per character of the folded text, plus the end', () => {
		const original = 'a \u201cb\u201d\n\n  c\u2026';
		const { text, offsets } = normalizeText(original);
		// a, space, ", b, ", space (the run of 4 white-space characters starts at 5), c, ., ., ., end
		expect(text).toBe('a "b" c...');
		expect(offsets).toEqual([0, 1, 2, 3, 4, 5, 9, 10, 10, 10, 11]);
	});

	it('normalizeQuote also trims', () => {
		expect(normalizeQuote('  \u201cTalks\u201d \n may\u2013fail ')).toBe('"Talks" may-fail');
	});
});

describe('anchorQuote: matches', () => {
	it.each([
		{
			name: 'curly apostrophe in the source, straight in the quote',
			source: 'Yes. It\u2019s here.',
			selector: { quote: "It's here" },
			expected: { start: 5, found: 'It\u2019s here' }
		},
		{
			name: 'straight apostrophe in the source, curly in the quote',
			source: "Yes. It's here.",
			selector: { quote: 'It\u2019s here' },
			expected: { start: 5, found: "It's here" }
		},
		{
			name: 'curly double quotes against straight ones',
			source: 'A \u201cceasefire\u201d is likely',
			selector: { quote: 'A "ceasefire" is likely' },
			expected: { start: 0, found: 'A \u201cceasefire\u201d is likely' }
		},
		{
			name: 'en dash and em dash against a hyphen',
			source: 'likely \u2013 but not certain \u2014 yet',
			selector: { quote: 'likely - but not certain - yet' },
			expected: { start: 0, found: 'likely \u2013 but not certain \u2014 yet' }
		},
		{
			name: 'runs of white space and line breaks in the source',
			source: 'xx  Talks   may\n\t fail.  yy',
			selector: { quote: 'Talks may fail.' },
			expected: { start: 4, found: 'Talks   may\n\t fail.' }
		},
		{
			name: 'line breaks in the quote',
			source: 'the sides will probably fight',
			selector: { quote: 'the sides\n  will probably\nfight' },
			expected: { start: 0, found: 'the sides will probably fight' }
		},
		{
			name: 'a quote padded with white space',
			source: 'one two three',
			selector: { quote: '   two  ' },
			expected: { start: 4, found: 'two' }
		},
		{
			name: 'an ellipsis character against three dots',
			source: 'and then\u2026 nothing',
			selector: { quote: 'then... nothing' },
			expected: { start: 4, found: 'then\u2026 nothing' }
		},
		{
			name: 'a quote ending inside an ellipsis takes the whole character',
			source: 'wait\u2026 and see',
			selector: { quote: 'wait..' },
			expected: { start: 0, found: 'wait\u2026' }
		},
		{
			name: 'a quote starting inside an ellipsis takes the whole character',
			source: 'wait\u2026 and see',
			selector: { quote: '.. and' },
			expected: { start: 4, found: '\u2026 and' }
		},
		{
			name: 'prefix picks the second of two repeats',
			source: 'A said no. B said no.',
			selector: { quote: 'said no', prefix: 'B' },
			expected: { start: 13, found: 'said no' }
		},
		{
			name: 'suffix picks the second of two repeats',
			source: 'no way. no deal.',
			selector: { quote: 'no', suffix: 'deal' },
			expected: { start: 8, found: 'no' }
		},
		{
			name: 'prefix and suffix together, with folded typography',
			source: 'x \u2013 go \u2013 y. x \u2013 go \u2013 z.',
			selector: { quote: 'go', prefix: 'x -', suffix: '- z' },
			expected: { start: 16, found: 'go' }
		},
		{
			name: 'start hint breaks a tie, nearest wins',
			source: 'go. go. go.',
			selector: { quote: 'go', start: 7 },
			expected: { start: 8, found: 'go' }
		},
		{
			name: 'start hint at 0 picks the first',
			source: 'go. go. go.',
			selector: { quote: 'go', start: 0 },
			expected: { start: 0, found: 'go' }
		}
	])('$name', ({ source, selector, expected }) => {
		const result = anchorIn(source, selector);
		expect(result).toMatchObject({ ok: true, ...expected });
		if (result.ok) expect(result.end).toBe(expected.start + expected.found.length);
	});

	it('maps offsets back into a source with typography before the quote', () => {
		const source = '\u201cNo\u201d \u2014 he said\u2026  then: \u201cwe\u2019ll  fight\u201d.';
		const result = anchorIn(source, { quote: '"we\'ll fight"' });
		expect(result).toMatchObject({ ok: true, found: '\u201cwe\u2019ll  fight\u201d' });
	});

	it('does not change the selector', () => {
		const selector = Object.freeze({ quote: ' said  no ', prefix: 'B', suffix: '.' });
		const copy = { ...selector };
		anchorIn('A said no. B said no.', selector);
		expect(selector).toEqual(copy);
	});
});

describe('anchorQuote: errors', () => {
	const memo = 'Talks may fail. If they fail, the sides will probably fight.\nTalks may fail.\n';

	it.each([
		{ name: 'empty quote', source: memo, selector: { quote: '' }, expected: { reason: 'empty' } },
		{
			name: 'white-space-only quote',
			source: memo,
			selector: { quote: ' \n\t ' },
			expected: { reason: 'empty' }
		},
		{
			name: 'two matches and no prefix, suffix or start',
			source: memo,
			selector: { quote: 'Talks may fail.' },
			expected: { reason: 'ambiguous', message: 'quote matches 2 places in the source' }
		},
		{
			name: 'three matches',
			source: 'go. go. go.',
			selector: { quote: 'go' },
			expected: { reason: 'ambiguous', message: 'quote matches 3 places in the source' }
		},
		{
			name: 'a prefix that does not narrow it to one',
			source: 'A said no. A said no.',
			selector: { quote: 'said no', prefix: 'A' },
			expected: { reason: 'ambiguous' }
		},
		{
			name: 'quote found, prefix not',
			source: memo,
			selector: { quote: 'Talks may fail.', prefix: 'never' },
			expected: {
				reason: 'not-found',
				message: 'quote is found, but not with the given prefix/suffix'
			}
		},
		{
			name: 'quote found, suffix not',
			source: memo,
			selector: { quote: 'Talks may fail.', suffix: 'If they win' },
			expected: {
				reason: 'not-found',
				message: 'quote is found, but not with the given prefix/suffix'
			}
		},
		{
			name: 'a long quote that parts from the source after its first 14 characters',
			source: memo,
			selector: { quote: 'Talks may fail badly' },
			expected: {
				reason: 'not-found',
				message: 'quote "Talks may fail badly" is not in the source',
				hint: 'the first 14 characters match; then the quote has " badly" where the source reads ". If they fail, the sides will"'
			}
		},
		{
			name: 'a quote whose differing letter is folded neither way',
			source: memo,
			selector: { quote: 'the sides will probably fihgt' },
			expected: {
				reason: 'not-found',
				hint: 'the first 26 characters match; then the quote has "hgt" where the source reads "ght. Talks may fail. "'
			}
		},
		{
			name: 'a quote that parts early gets the generic hint',
			source: memo,
			selector: { quote: 'Talk is cheap' },
			expected: { reason: 'not-found', hint: 'copy the words exactly from the source text' }
		}
	])('$name', ({ source, selector, expected }) => {
		expect(anchorIn(source, selector)).toMatchObject({ ok: false, ...expected });
	});

	it('shortens a long quote in the message', () => {
		const quote = 'z'.repeat(80);
		const result = anchorIn(memo, { quote });
		expect(result).toMatchObject({
			ok: false,
			message: `quote "${'z'.repeat(57)}\u2026" is not in the source`
		});
	});
});

describe('placesText: where a quote found several times stands', () => {
	it('names each place by sentence id and line, in the original text', () => {
		const text = 'Talks may fail.\n\nThey will.\n\nTalks may fail. Talks may fail.';
		const result = anchorQuote(normalizeText(text), { quote: 'Talks  may fail' });
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.places).toEqual([0, 29, 45]);
		expect(placesText(text, result.places ?? [])).toBe(
			'p1.s1 (line 1), p3.s1 (line 5) and p3.s2 (line 5)'
		);
	});

	it('shows five places, then how many more', () => {
		const text = 'Go. '.repeat(8);
		const places = [0, 4, 8, 12, 16, 20, 24, 28];
		expect(placesText(text, places)).toBe(
			'p1.s1 (line 1), p1.s2 (line 1), p1.s3 (line 1), p1.s4 (line 1), p1.s5 (line 1) and 3 more'
		);
	});
});
