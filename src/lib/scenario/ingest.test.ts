import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import {
	describeDropped,
	findRepeats,
	handReason,
	ingest,
	toLineRanges,
	toLines,
	type Ingested
} from './ingest';
import { sourceMetaSchema } from './schema';

const address = ['Physical Address', '304 North Cardinal St.', 'Dorchester Center, MA 02124'];

function ingested(raw: string, drop: { from: number; to: number }[] = []): Ingested {
	const result = ingest(raw, drop);
	if (typeof result === 'string') throw new Error(result);
	return result;
}

describe('toLines', () => {
	it.each([
		{ input: 'a\nb\n', expected: ['a', 'b'] },
		{ input: 'a\nb', expected: ['a', 'b'] },
		{ input: 'a\r\nb\rc\r\n', expected: ['a', 'b', 'c'] },
		{ input: '\ufeffa\n\nb\n\n', expected: ['a', '', 'b', ''] },
		{ input: '', expected: [] }
	])('$input', ({ input, expected }) => {
		expect(toLines(input)).toEqual(expected);
	});
});

describe('toLineRanges', () => {
	it.each([
		{
			spec: '1-6,9',
			expected: [
				{ from: 1, to: 6 },
				{ from: 9, to: 9 }
			]
		},
		{
			spec: ' 2 - 3 , 4',
			expected: [
				{ from: 2, to: 3 },
				{ from: 4, to: 4 }
			]
		},
		{ spec: '10', expected: [{ from: 10, to: 10 }] }
	])('reads $spec', ({ spec, expected }) => {
		expect(toLineRanges(spec, 10)).toEqual(expected);
	});

	it.each([
		{ spec: '', expected: /"" is not a line number/ },
		{ spec: '1-', expected: /"1-" is not a line number/ },
		{ spec: 'a-b', expected: /not a line number/ },
		{ spec: '1,,2', expected: /not a line number/ },
		{ spec: '0', expected: /from 1 up/ },
		{ spec: '5-3', expected: /the lower first/ },
		{ spec: '9-11', expected: /the file has 10 lines/ }
	])('refuses $spec', ({ spec, expected }) => {
		expect(toLineRanges(spec, 10)).toMatch(expected);
	});
});

describe('findRepeats', () => {
	it.each([
		{
			name: 'a block repeated at once',
			lines: [...address, ...address, 'Text.'],
			expected: [{ length: 3, starts: [0, 3] }]
		},
		{
			name: 'a block repeated apart, three times',
			lines: ['Menu', 'Home', 'Text.', 'Menu', 'Home', 'More.', 'Menu', 'Home'],
			expected: [{ length: 2, starts: [0, 3, 6] }]
		},
		{
			name: 'blank lines inside a block, not at its ends',
			lines: ['A', '', 'B', '', 'x', 'A', '', 'B', ''],
			expected: [{ length: 3, starts: [0, 5] }]
		},
		{ name: 'one repeated line is not a block', lines: ['A', 'x', 'A'], expected: [] },
		{ name: 'repeated blank lines are not a block', lines: ['', '', 'x', '', ''], expected: [] },
		{ name: 'a line and a blank are not a block', lines: ['A', '', 'A', ''], expected: [] },
		{
			name: 'overlapping copies of one line are not a block',
			lines: ['*', '*', '*'],
			expected: []
		},
		{ name: 'nothing repeated', lines: ['a', 'b', 'c'], expected: [] }
	])('$name', ({ lines, expected }) => {
		expect(findRepeats(lines)).toEqual(expected);
	});

	it('keeps the longest block, not its parts', () => {
		const lines = ['A', 'B', 'C', 'x', 'A', 'B', 'C'];
		expect(findRepeats(lines)).toEqual([{ length: 3, starts: [0, 4] }]);
	});
});

describe('ingest', () => {
	it('drops both copies of a repeated block, with line numbers, text and reason', () => {
		const raw = [...address, ...address, 'Title', 'Body \u2019quoted\u2019 \u2013 text.'].join(
			'\r\n'
		);
		const result = ingested(raw);
		expect(result.text).toBe('Title\nBody \u2019quoted\u2019 \u2013 text.\n');
		expect(result.lines).toBe(8);
		expect(result.dropped).toEqual([
			{
				from: 1,
				to: 3,
				text: address.join('\n'),
				reason: 'page boilerplate: the same 3 lines also stand at lines 4-6'
			},
			{
				from: 4,
				to: 6,
				text: address.join('\n'),
				reason: 'page boilerplate: the same 3 lines also stand at lines 1-3'
			}
		]);
	});

	it('drops lines given by hand, and only those besides repeats', () => {
		const result = ingested('Ad\nTitle\nText.\nShare this\n', [
			{ from: 1, to: 1 },
			{ from: 4, to: 4 }
		]);
		expect(result.text).toBe('Title\nText.\n');
		expect(result.dropped).toEqual([
			{ from: 1, to: 1, text: 'Ad', reason: handReason },
			{ from: 4, to: 4, text: 'Share this', reason: handReason }
		]);
	});

	it('a line both repeated and given by hand keeps the repeat as its reason', () => {
		const result = ingested('A\nB\nA\nB\nAd\nText\n', [{ from: 1, to: 5 }]);
		expect(result.dropped.map((d) => [d.from, d.to, d.reason.slice(0, 16)])).toEqual([
			[1, 2, 'page boilerplate'],
			[3, 4, 'page boilerplate'],
			[5, 5, handReason.slice(0, 16)]
		]);
	});

	it.each([
		{ raw: 'One.\nTwo.', expected: 'One.\nTwo.\n' },
		{ raw: 'One.\n\n\n', expected: 'One.\n' },
		{ raw: 'One.\n\nTwo.  \n', expected: 'One.\n\nTwo.  \n' },
		{
			raw: '  Indented \u201cquote\u201d\u2026\n',
			expected: '  Indented \u201cquote\u201d\u2026\n'
		}
	])('keeps everything else byte for byte: $raw', ({ raw, expected }) => {
		expect(ingested(raw)).toEqual({ text: expected, lines: toLines(raw).length, dropped: [] });
	});

	it.each([
		{ raw: '', drop: [] },
		{ raw: '\n\n', drop: [] },
		{ raw: 'A\nB\nA\nB\n', drop: [] },
		{ raw: 'Only\n', drop: [{ from: 1, to: 1 }] }
	])('refuses to leave nothing: $raw', ({ raw, drop }) => {
		expect(ingest(raw, drop)).toBe('nothing is left once the dropped lines are taken out');
	});

	it('describes what it dropped for the terminal', () => {
		const { dropped } = ingested('Ad\nText\n', [{ from: 1, to: 1 }]);
		expect(describeDropped(dropped)).toEqual([`dropped line 1 (${handReason}):`, '     1  Ad']);
	});

	it('does not change the ranges it is given', () => {
		const drop = [{ from: 1, to: 1 }];
		ingested('Ad\nText\n', drop);
		expect(drop).toEqual([{ from: 1, to: 1 }]);
	});
});

describe('ingest: link text', () => {
	const article = [
		'Home',
		'World',
		'',
		'Middle East',
		'Talks may fail in the spring. If they fail, the sides will probably fight.',
		'Read more: Iran vows revenge after strike',
		'A \u201cceasefire\u201d is likely. Sponsored content',
		'It would hold for a year. Sponsored content',
		'Share this article',
		'Invading Ukraine was a blunder. Backing Iran could be an even bigger miscalculation',
		'Mr. Smith said no.'
	];

	it('drops a run of short lines with no sentence, and lines that read as links; keeps the sentences', () => {
		const result = ingested(article.join('\n'));
		expect(result.text).toBe(
			[
				'',
				'Talks may fail in the spring. If they fail, the sides will probably fight.',
				'A \u201cceasefire\u201d is likely.',
				'It would hold for a year.',
				'Invading Ukraine was a blunder. Backing Iran could be an even bigger miscalculation',
				'Mr. Smith said no.',
				''
			].join('\n')
		);
		expect(result.dropped).toEqual([
			{
				from: 1,
				to: 2,
				text: 'Home\nWorld',
				reason:
					'link text: 3 short lines in a row with no sentence in them (a menu or a list of links)'
			},
			{
				from: 4,
				to: 4,
				text: 'Middle East',
				reason:
					'link text: 3 short lines in a row with no sentence in them (a menu or a list of links)'
			},
			{
				from: 6,
				to: 6,
				text: 'Read more: Iran vows revenge after strike',
				reason: 'link text: "Read more: Iran…"'
			},
			{
				from: 7,
				to: 7,
				column: 25,
				text: ' Sponsored content',
				reason: 'page furniture inside the text: the same words stand in 1 other line (8)'
			},
			{
				from: 8,
				to: 8,
				column: 26,
				text: ' Sponsored content',
				reason: 'page furniture inside the text: the same words stand in 1 other line (7)'
			},
			{ from: 9, to: 9, text: 'Share this article', reason: 'link text: "Share this article…"' }
		]);
	});

	it('cuts link text inside a line of article text, with its column, and the raw line can be rebuilt', () => {
		const raw = 'The sides will probably fight. Read more: Iran vows revenge';
		const result = ingested(`${raw}\n`);
		expect(result.text).toBe('The sides will probably fight.\n');
		const [cut] = result.dropped;
		expect(cut).toMatchObject({
			from: 1,
			to: 1,
			column: 31,
			text: ' Read more: Iran vows revenge'
		});
		const kept = result.text.trimEnd();
		expect(kept.slice(0, cut.column! - 1) + cut.text + kept.slice(cut.column! - 1)).toBe(raw);
		expect(describeDropped(result.dropped)).toEqual([
			'dropped part of line 1, from column 31 (link text inside the line: "Read more: Iran…"):',
			'     1  Read more: Iran vows revenge'
		]);
	});

	it('keeps a lone short line (a heading) and a repeated real sentence', () => {
		const raw = 'Background\nHe said no. Talks went on.\nShe asked again. He said no.\n';
		expect(ingested(raw)).toEqual({ text: raw, lines: 3, dropped: [] });
	});
});

describe('the shipped article and its ingestion record', () => {
	const dir = resolve(import.meta.dirname, '../../../scenarios/sources');
	const meta = sourceMetaSchema.parse(
		parseYaml(readFileSync(resolve(dir, 'putin-iran-2024.yaml'), 'utf8'))
	);
	const text = readFileSync(resolve(dir, meta.file), 'utf8');

	it('names no author and no outlet, and records the dropped boilerplate', () => {
		expect(meta).toMatchObject({ author: null, outlet: null });
		expect(meta.ingest?.dropped.map((d) => [d.from, d.to, d.text])).toEqual([
			[1, 3, address.join('\n')],
			[4, 6, address.join('\n')]
		]);
		expect(text).not.toMatch(/Physical Address|Cardinal St\./);
		expect(text.endsWith('winning.\n')).toBe(true);
	});

	it('is what ingestion gives for its raw file rebuilt from the record', () => {
		const lines = toLines(text);
		for (const d of meta.ingest!.dropped) lines.splice(d.from - 1, 0, ...d.text.split('\n'));
		const again = ingested(lines.join('\n'));
		expect(again.text).toBe(text);
		expect(again.dropped).toEqual(meta.ingest!.dropped);
	});
});
