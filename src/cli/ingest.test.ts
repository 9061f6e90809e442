/**
 * `npm run ingest` as a person uses it: the command run in process (runMain), files in a
 * temporary folder; src/cli/brink.test.ts runs the real command line.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { sourceMetaSchema } from '../lib/scenario/schema';
import { runMain } from '../../tests/unit/runCli';

const root = join(import.meta.dirname, '../..');

const ingest = (...args: string[]) => runMain('ingest.ts', args);

const address = 'Physical Address\r\n304 North Cardinal St.\r\nDorchester Center, MA 02124\r\n';
const article = 'A headline\r\nIt\u2019s \u201cquoted\u201d \u2013 text.\r\nShare this';

/** A folder with a raw file; returns the folder and the arguments that ingest it there. */
function workspace(raw: string) {
	const dir = mkdtempSync(join(tmpdir(), 'brink-ingest-'));
	writeFileSync(join(dir, 'raw.txt'), raw);
	const args = [join(dir, 'raw.txt'), '--id', 'scrape', '--title', 'A scrape', '--out', dir];
	return { dir, args };
}

describe('ingest', () => {
	it('writes the text and its metadata, and prints what it dropped', async () => {
		const { dir, args } = workspace(address + address + article);
		const result = await ingest(...args, '--drop-lines', '9', '--date', '2024-08-06');
		expect(result.code).toBe(0);
		expect(result.stdout).toContain(
			'dropped lines 1-3 (page boilerplate: the same 3 lines also stand at lines 4-6):\n' +
				'     1  Physical Address\n'
		);
		expect(result.stdout).toContain(
			'dropped line 9 (listed with --drop-lines):\n     9  Share this\n'
		);
		expect(result.stdout).toMatch(/raw\.txt: 9 lines, 7 dropped, 2 kept/);

		expect(readFileSync(join(dir, 'scrape.txt'), 'utf8')).toBe(
			'A headline\nIt\u2019s \u201cquoted\u201d \u2013 text.\n'
		);
		const meta = sourceMetaSchema.parse(parseYaml(readFileSync(join(dir, 'scrape.yaml'), 'utf8')));
		expect(meta).toMatchObject({
			id: 'scrape',
			title: 'A scrape',
			file: 'scrape.txt',
			author: null,
			outlet: null,
			date: '2024-08-06',
			ingest: { raw: 'raw.txt' }
		});
		expect(meta.ingest?.sha256).toMatch(/^[0-9a-f]{64}$/);
		expect(meta.ingest?.dropped.map((d) => [d.from, d.to])).toEqual([
			[1, 3],
			[4, 6],
			[9, 9]
		]);
	});

	it('--check passes on what it wrote, fails on a changed file and writes nothing', async () => {
		const { dir, args } = workspace(address + address + article);
		expect((await ingest(...args)).code).toBe(0);
		expect((await ingest(...args, '--check')).code).toBe(0);

		writeFileSync(join(dir, 'scrape.txt'), 'edited by hand\n');
		const changed = await ingest(...args, '--check');
		expect(changed.code).toBe(1);
		expect(changed.stderr).toMatch(/scrape\.txt: differs from what ingestion gives/);
		expect(readFileSync(join(dir, 'scrape.txt'), 'utf8')).toBe('edited by hand\n');

		const otherTitle = await ingest(
			...args.slice(0, -4),
			'--title',
			'Another',
			'--out',
			dir,
			'--check'
		);
		expect(otherTitle.code).toBe(1);
		expect(otherTitle.stderr).toMatch(/scrape\.yaml: differs/);
	});

	it('--check on a folder without the files says they are missing and creates nothing', async () => {
		const { dir, args } = workspace(article);
		const result = await ingest(...args, '--check');
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/scrape\.txt: is missing/);
		expect(existsSync(join(dir, 'scrape.txt'))).toBe(false);
	});

	const refusals: { args: string[]; expected: RegExp }[] = [
		{ args: ['--drop-lines', '2-99'], expected: /--drop-lines 2-99: the file has 3 lines/ },
		{ args: ['--drop-lines', 'x'], expected: /"x" is not a line number/ },
		{ args: ['--date-from', '2024-08-01'], expected: /--date-from and --date-to go together/ },
		{ args: ['--date', '6 Aug'], expected: /dates are written 2024-08-05/ },
		{
			args: ['--date-from', '2024-08-09', '--date-to', '2024-08-01'],
			expected: /is after --date-to/
		},
		{ args: ['--id', 'Bad id'], expected: /--id "Bad id": must start with a letter/ },
		{ args: ['--bogus'], expected: /Unknown option '--bogus'/ }
	];
	it.each(refusals)('refuses $args with one line and exit 2', async ({ args, expected }) => {
		const { dir, args: base } = workspace(article);
		const result = await ingest(...base, ...args);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(expected);
		expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
		expect(existsSync(join(dir, 'scrape.txt'))).toBe(false);
	});

	it.each([
		{ args: [], expected: /give one raw text file/ },
		{ args: ['x.txt', '--title', 'T'], expected: /--id and --title are required/ },
		{
			args: ['no/such.txt', '--id', 'x', '--title', 'T'],
			expected: /raw file "no\/such\.txt" not found/
		}
	])('refuses $args', async ({ args, expected }) => {
		const result = await ingest(...args);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(expected);
	});

	it('refuses a binary file and a file with nothing left, exit 1', async () => {
		const binary = workspace('');
		writeFileSync(join(binary.dir, 'raw.txt'), Buffer.from([0xff, 0xfe, 0x00, 0x01]));
		const notText = await ingest(...binary.args);
		expect(notText.code).toBe(1);
		expect(notText.stderr).toMatch(/raw\.txt: \(document\): file is not UTF-8 text/);

		const empty = await ingest(...workspace(address + address).args);
		expect(empty.code).toBe(1);
		expect(empty.stderr).toMatch(/nothing is left/);
	});
});

describe('the shipped source', () => {
	// The raw scrape the shipped source was ingested from, kept in the repository (byte for byte;
	// its sha256 is checked below) so that this check runs everywhere.
	const seed = join(root, 'tests/fixtures/ingest/000_76cf35c5299b26fe.txt');
	const metaPath = join(root, 'scenarios/sources/putin-iran-2024.yaml');

	// The stored files must be exactly what ingesting the raw scrape with the stored metadata gives.
	it('is what ingesting the raw scrape gives (--check)', async () => {
		expect(createHash('sha256').update(readFileSync(seed)).digest('hex')).toBe(
			'44da9eb41180ab5245e07cc780b0f3ba941c4e16d4ec58573ce861b26becbd03'
		);
		const meta = sourceMetaSchema.parse(parseYaml(readFileSync(metaPath, 'utf8')));
		const date = meta.date as { from: string; to: string };
		const result = await ingest(
			seed,
			'--id',
			meta.id,
			'--title',
			meta.title,
			'--date-from',
			date.from,
			'--date-to',
			date.to,
			'--note',
			meta.note!,
			...(meta.genre ? ['--genre', meta.genre] : []),
			'--check'
		);
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/putin-iran-2024\.txt: up to date/);
		expect(result.stdout).toMatch(/putin-iran-2024\.yaml: up to date/);
		expect(meta.ingest?.sha256).toBe(
			'44da9eb41180ab5245e07cc780b0f3ba941c4e16d4ec58573ce861b26becbd03'
		);
	});
});
