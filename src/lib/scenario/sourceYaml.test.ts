import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { sourceMetaSchema, type SourceMeta } from './schema';
import { toSourceYaml } from './sourceYaml';

const base: SourceMeta = { id: 'memo', title: 'A memo', file: 'memo.txt' };
const record = {
	raw: 'scrape.txt',
	sha256: '0'.repeat(64),
	dropped: [
		{ from: 1, to: 2, text: '  Menu: home\n# not a comment', reason: 'listed with --drop-lines' }
	]
};

describe('toSourceYaml', () => {
	it.each([
		{ name: 'the least', meta: base },
		{
			name: 'no author, an outlet, a date range, a note with quotes and colons',
			meta: {
				...base,
				author: null,
				outlet: 'The Paper',
				date: { from: '2024-08-05', to: '2024-08-11' },
				note: `Scraped: "it's" here; a 'note' # with a hash.`
			}
		},
		{
			name: 'a single date and a url',
			meta: { ...base, date: '2024-08', url: 'https://x.org/a?b=1' }
		},
		{ name: 'an ingestion record', meta: { ...base, author: null, outlet: null, ingest: record } },
		{ name: 'a long title', meta: { ...base, title: 'A title that goes on '.repeat(8).trim() } }
	])('reads back as it was: $name', ({ meta }) => {
		const text = toSourceYaml(meta);
		expect(parseYaml(text)).toEqual(meta);
		expect(sourceMetaSchema.parse(parseYaml(text))).toEqual(meta);
	});

	it('starts with the editor schema comment and says where the file comes from', () => {
		const lines = toSourceYaml({ ...base, ingest: record }).split('\n');
		expect(lines.slice(0, 2)).toEqual([
			'# yaml-language-server: $schema=./source.schema.json',
			'# Written by npm run ingest from scrape.txt: run it again to change this file.'
		]);
	});

	it('keeps dates quoted, the title on one line, and says what the source does not name', () => {
		const text = toSourceYaml({
			...base,
			title: 'x'.repeat(120),
			author: null,
			outlet: null,
			date: { from: '2024-08-05', to: '2024-08-11' }
		});
		expect(text).toContain(`\ntitle: ${'x'.repeat(120)}\n`);
		expect(text).toContain("date: { from: '2024-08-05', to: '2024-08-11' }");
		expect(text).toContain('# The source names no author and no outlet.\nauthor: null\n');
		expect(toSourceYaml({ ...base, outlet: null })).toContain(
			'# The source names no outlet.\noutlet: null\n'
		);
	});

	it('lists the fields in a fixed order, whatever order it is given', () => {
		const text = toSourceYaml({ note: 'n', file: 'f.txt', title: 't', id: 'f', date: '2024' });
		const keys = text
			.split('\n')
			.filter((l) => /^\w+:/.test(l))
			.map((l) => l.split(':')[0]);
		expect(keys).toEqual(['id', 'title', 'file', 'date', 'note']);
	});
});
