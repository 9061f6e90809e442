import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sentenceAt, sentencesIn, toSentences } from './sentences';

const texts = (input: string) => toSentences(input).map((s) => s.text);

describe('toSentences: where sentences end', () => {
	it.each([
		{ name: 'full stops', input: 'One. Two. Three.', expected: ['One.', 'Two.', 'Three.'] },
		{
			name: 'question and exclamation',
			input: 'Why? Because! Yes.',
			expected: ['Why?', 'Because!', 'Yes.']
		},
		{
			name: 'a digit starts the next',
			input: 'It fell. 300 missiles came.',
			expected: ['It fell.', '300 missiles came.']
		},
		{
			name: 'closing curly quote kept with its sentence',
			input: 'He said \u201cno.\u201d Then he left.',
			expected: ['He said \u201cno.\u201d', 'Then he left.']
		},
		{
			name: 'closing straight quote and bracket',
			input: 'It is "over." (So they say.) Next.',
			expected: ['It is "over."', '(So they say.)', 'Next.']
		},
		{
			name: 'opening quote starts the next',
			input: 'He paused. \u201cNever,\u201d he said.',
			expected: ['He paused.', '\u201cNever,\u201d he said.']
		},
		{
			name: 'lower case after a full stop',
			input: 'Aged 3 yrs. and more. Yes.',
			expected: ['Aged 3 yrs. and more.', 'Yes.']
		},
		{
			name: 'decimal number',
			input: 'It rose 3.5 per cent. Then fell.',
			expected: ['It rose 3.5 per cent.', 'Then fell.']
		},
		{
			name: 'no space after the stop',
			input: 'See example.com. Now.',
			expected: ['See example.com.', 'Now.']
		},
		{ name: 'ellipsis then capital', input: 'Wait... Then go.', expected: ['Wait...', 'Then go.'] },
		{
			name: 'no final stop',
			input: 'A headline. Without a stop',
			expected: ['A headline.', 'Without a stop']
		},
		{ name: 'double space between', input: 'One.  Two.', expected: ['One.', 'Two.'] }
	])('$name', ({ input, expected }) => {
		expect(texts(input)).toEqual(expected);
	});
});

describe('toSentences: abbreviations and initials do not end a sentence', () => {
	it.each([
		{ input: '304 North Cardinal St. Dorchester Center.', expected: 1 },
		{ input: 'Mr. Smith and Mrs. Jones met Dr. Who.', expected: 1 },
		{ input: 'The U.S. President and the U.K. Prime Minister spoke.', expected: 1 },
		{ input: 'Some allies, e.g. France, i.e. Paris, etc. Also more.', expected: 1 },
		{ input: 'He lives at No. 10 Downing Street.', expected: 1 },
		{ input: 'J. R. R. Tolkien wrote it.', expected: 1 },
		{ input: 'Ask (Dr. Jones) first.', expected: 1 },
		{ input: 'Who said St. Petersburg? Putin did.', expected: 2 },
		{ input: 'He is from the U.S.! Really.', expected: 2 },
		{ input: 'Talk to Mrs. Jones. She knows.', expected: 2 }
	])('$input: $expected sentence(s)', ({ input, expected }) => {
		expect(toSentences(input)).toHaveLength(expected);
	});
});

describe('toSentences: paragraphs, ids and offsets', () => {
	it('numbers paragraphs by non-blank lines and sentences within each', () => {
		const text = '  One. Two.\n\n   \nThree!\r\nFour?  \n';
		const sentences = toSentences(text);
		expect(sentences.map((s) => [s.id, s.text])).toEqual([
			['p1.s1', 'One.'],
			['p1.s2', 'Two.'],
			['p2.s1', 'Three!'],
			['p3.s1', 'Four?']
		]);
		for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
		expect(sentences[0]).toMatchObject({ paragraph: 1, sentence: 1, start: 2, end: 6 });
	});

	it.each([
		{ input: '', expected: [] },
		{ input: '\n \n\t\n', expected: [] },
		{ input: 'x', expected: ['x'] }
	])('gives $expected for $input', ({ input, expected }) => {
		expect(texts(input)).toEqual(expected);
	});

	it('does not change its input', () => {
		const text = 'One. Two.';
		toSentences(text);
		expect(text).toBe('One. Two.');
	});
});

describe('sentenceAt and sentencesIn', () => {
	// "One. Two.\nThree." : One. 0–4, Two. 5–9, Three. 10–16
	const sentences = toSentences('One. Two.\nThree.');

	it.each([
		{ offset: 0, expected: 'p1.s1' },
		{ offset: 3, expected: 'p1.s1' },
		{ offset: 4, expected: undefined },
		{ offset: 5, expected: 'p1.s2' },
		{ offset: 15, expected: 'p2.s1' },
		{ offset: 16, expected: undefined },
		{ offset: -1, expected: undefined }
	])('sentenceAt($offset) is $expected', ({ offset, expected }) => {
		expect(sentenceAt(sentences, offset)?.id).toBe(expected);
	});

	it.each([
		{ start: 0, end: 4, expected: ['p1.s1'] },
		{ start: 2, end: 7, expected: ['p1.s1', 'p1.s2'] },
		{ start: 4, end: 5, expected: [] },
		{ start: 0, end: 16, expected: ['p1.s1', 'p1.s2', 'p2.s1'] },
		{ start: 8, end: 12, expected: ['p1.s2', 'p2.s1'] },
		{ start: 6, end: 6, expected: [] },
		{ start: 20, end: 30, expected: [] }
	])('sentencesIn($start, $end) is $expected', ({ start, end, expected }) => {
		expect(sentencesIn(sentences, start, end).map((s) => s.id)).toEqual(expected);
	});
});

describe('the shipped article', () => {
	const text = readFileSync(
		resolve(import.meta.dirname, '../../../scenarios/sources/putin-iran-2024.txt'),
		'utf8'
	);
	const sentences = toSentences(text);

	it('has one paragraph per non-blank line', () => {
		const lines = text.split('\n').filter((l) => l.trim() !== '');
		expect(new Set(sentences.map((s) => s.paragraph)).size).toBe(lines.length);
		expect(sentences.at(-1)?.paragraph).toBe(lines.length);
	});

	it('gives each sentence its own id and its exact text', () => {
		expect(new Set(sentences.map((s) => s.id)).size).toBe(sentences.length);
		for (const s of sentences) {
			expect(text.slice(s.start, s.end)).toBe(s.text);
			expect(s.text).toBe(s.text.trim());
		}
	});

	it('covers every character but white space, in order, without overlap', () => {
		const nonSpace = (s: string) => s.replace(/\s+/g, '');
		expect(sentences.map((s) => nonSpace(s.text)).join('')).toBe(nonSpace(text));
		for (let i = 1; i < sentences.length; i++)
			expect(sentences[i].start).toBeGreaterThanOrEqual(sentences[i - 1].end);
	});

	it('splits the headline and the long paragraphs where a reader would', () => {
		expect(sentences.filter((s) => s.paragraph === 1).map((s) => s.text)).toEqual([
			'Invading Ukraine was a major strategic blunder.',
			'Backing Iran could be an even bigger miscalculation'
		]);
		const ends = sentences.map((s) => s.text.at(-1));
		expect(new Set(ends)).toEqual(new Set(['.', 'n']));
	});
});
