import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { sourceMeta, textFileOf, toDraftFiles, toSourceId } from './draftSources';

describe('toSourceId', () => {
	it.each([
		{ input: 'Putin & Iran, 2024.md', expected: 'putin-iran-2024' },
		{ input: 'memo.txt', expected: 'memo' },
		{ input: '---.txt', expected: 'source' },
		{ input: 'Éclat.txt', expected: 'eclat' }
	])('$input → $expected', ({ input, expected }) => expect(toSourceId(input)).toBe(expected));
});

describe('sourceMeta', () => {
	it('writes id, title and file that read back as given', () => {
		const meta = sourceMeta('memo', 'A "memo": notes', 'memo.md');
		expect(parse(meta)).toEqual({ id: 'memo', title: 'A "memo": notes', file: 'memo.md' });
	});
});

describe('textFileOf', () => {
	it.each([
		{ meta: 'id: memo\nfile: memo.md\n', expected: 'memo.md' },
		{ meta: 'id: memo\n', expected: 'memo.txt' },
		{ meta: 'id: [unclosed', expected: 'memo.txt' }
	])('$meta → $expected', ({ meta, expected }) => expect(textFileOf('memo', meta)).toBe(expected));
});

describe('toDraftFiles', () => {
	it('gives the metadata and the text it names, under sources/', () => {
		const sources = {
			memo: { meta: sourceMeta('memo', 'Memo', 'memo.md'), text: 'Talks may fail.' }
		};
		const before = structuredClone(sources);
		const files = toDraftFiles(sources);
		expect(files.map((f) => f.name)).toEqual(['sources/memo.yaml', 'sources/memo.md']);
		expect(new TextDecoder().decode(files[1].bytes)).toBe('Talks may fail.');
		expect(files[1].size).toBe(15);
		expect(sources).toEqual(before);
	});
});
