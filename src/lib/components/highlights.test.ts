import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../cli/files';
import { toSentences } from '../scenario/sentences';
import { toPayload } from '../scenarios/payload';
import {
	describeCitations,
	quotesIn,
	toParagraphs,
	toRuns,
	uncitedSentences,
	type Paragraph
} from './highlights';

/** Runs as `text[quotes]` strings, for readable expectations. */
const show = (runs: { text: string; quotes: number[] }[]) =>
	runs.map((r) => (r.quotes.length ? `${r.text}[${r.quotes.join(',')}]` : r.text));

describe('toRuns', () => {
	const text = 'abcdefghij';
	it.each([
		{ name: 'no quotes', quotes: [], expected: ['abcdefghij'] },
		{ name: 'one inside', quotes: [{ start: 2, end: 5 }], expected: ['ab', 'cde[0]', 'fghij'] },
		{ name: 'the whole', quotes: [{ start: 0, end: 10 }], expected: ['abcdefghij[0]'] },
		{
			name: 'overlapping',
			quotes: [
				{ start: 1, end: 6 },
				{ start: 4, end: 8 }
			],
			expected: ['a', 'bcd[0]', 'ef[0,1]', 'gh[1]', 'ij']
		},
		{
			name: 'nested',
			quotes: [
				{ start: 0, end: 10 },
				{ start: 3, end: 4 }
			],
			expected: ['abc[0]', 'd[0,1]', 'efghij[0]']
		},
		{
			name: 'the same passage twice',
			quotes: [
				{ start: 2, end: 4 },
				{ start: 2, end: 4 }
			],
			expected: ['ab', 'cd[0,1]', 'efghij']
		},
		{
			name: 'reaching outside the span',
			quotes: [
				{ start: 0, end: 3 },
				{ start: 8, end: 20 }
			],
			expected: ['abc[0]', 'defgh', 'ij[1]']
		}
	])('$name', ({ quotes, expected }) => {
		const runs = toRuns(text, 0, 10, quotes);
		expect(show(runs)).toEqual(expected);
		expect(runs.map((r) => r.text).join('')).toBe(text);
		for (const r of runs) expect(text.slice(r.start, r.end)).toBe(r.text);
	});

	it('cuts only inside [start, end), and gives nothing for an empty span', () => {
		expect(show(toRuns(text, 3, 7, [{ start: 0, end: 5 }]))).toEqual(['de[0]', 'fg']);
		expect(toRuns(text, 4, 4, [{ start: 0, end: 5 }])).toEqual([]);
	});

	it('does not mutate the quotes', () => {
		const quotes = [
			{ start: 5, end: 8 },
			{ start: 1, end: 3 }
		];
		const copy = structuredClone(quotes);
		toRuns(text, 0, 10, quotes);
		expect(quotes).toEqual(copy);
	});
});

describe('quotesIn', () => {
	it.each([
		{ span: { start: 0, end: 2 }, expected: [] },
		{ span: { start: 0, end: 3 }, expected: [0] },
		{ span: { start: 4, end: 6 }, expected: [0, 1] },
		{ span: { start: 9, end: 12 }, expected: [] }
	])('$span', ({ span, expected }) => {
		const quotes = [
			{ start: 2, end: 5 },
			{ start: 5, end: 9 }
		];
		expect(quotesIn(span, quotes)).toEqual(expected);
	});
});

describe('toParagraphs', () => {
	const text = 'One two. Three four.\n\nFive six.';
	const sentences = toSentences(text);

	it('keeps paragraphs, sentences and the space between them, and gives back the text', () => {
		const paragraphs = toParagraphs(text, sentences, [{ start: 4, end: 13 }]);
		expect(paragraphs.map((p) => p.number)).toEqual([1, 2]);
		const [first, second] = paragraphs;
		expect(first.pieces.map((p) => [p.sentence?.id ?? null, show(p.runs)])).toEqual([
			['p1.s1', ['One ', 'two.[0]']],
			[null, [' [0]']],
			['p1.s2', ['Thre[0]', 'e four.']]
		]);
		expect(second.pieces.map((p) => [p.sentence?.id, show(p.runs)])).toEqual([
			['p2.s1', ['Five six.']]
		]);
		const joined = (p: Paragraph) => p.pieces.flatMap((x) => x.runs.map((r) => r.text)).join('');
		expect(paragraphs.map(joined)).toEqual(['One two. Three four.', 'Five six.']);
	});

	it('gives no paragraphs for no sentences', () => {
		expect(toParagraphs('', [], [])).toEqual([]);
	});
});

describe('uncitedSentences and describeCitations', () => {
	it('lists the sentences no quote touches', () => {
		const sentences = toSentences('One. Two. Three.');
		const uncited = uncitedSentences(sentences, [{ start: 5, end: 7 }]);
		expect(uncited.map((s) => s.id)).toEqual(['p1.s1', 'p1.s3']);
		expect(uncitedSentences(sentences, []).length).toBe(3);
	});

	it.each([
		{ n: 1, expected: 'Quoted by 1 transition' },
		{ n: 2, expected: 'Quoted by 2 transitions' }
	])('$n → $expected', ({ n, expected }) => {
		expect(describeCitations(n)).toBe(expected);
	});
});

describe('on the shipped article', () => {
	const loaded = loadScenarioFile('scenarios/regional-escalation.yaml');
	if (!loaded.ok) throw new Error('regional-escalation.yaml does not load');
	const payload = toPayload(loaded.value);
	const [source] = payload.sources;
	const quotes = payload.quotes.filter((q) => q.source === source.id);

	it('rebuilds every paragraph from its runs, and every quote is covered by its runs', () => {
		const paragraphs = toParagraphs(source.text, source.sentences, quotes);
		const lines = source.text
			.split('\n')
			.map((l) => l.trim())
			.filter(Boolean);
		expect(
			paragraphs.map((p) => p.pieces.flatMap((x) => x.runs.map((r) => r.text)).join(''))
		).toEqual(lines);
		const runs = paragraphs.flatMap((p) => p.pieces.flatMap((x) => x.runs));
		quotes.forEach((q, i) => {
			const covered = runs.filter((r) => r.quotes.includes(i));
			expect(covered.map((r) => r.text).join(''), `quote ${i}`).toBe(
				source.text.slice(q.start, q.end)
			);
		});
		const uncited = uncitedSentences(source.sentences, quotes);
		expect(uncited.length).toBeGreaterThan(0);
		expect(uncited.length).toBeLessThan(source.sentences.length);
	});
});
