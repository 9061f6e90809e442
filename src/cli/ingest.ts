/**
 * `npm run ingest -- <raw text file> --id <source-id> --title "<title>" [--date D |
 *  --date-from D --date-to D] [--genre G] [--author A] [--outlet O] [--url U] [--drop-lines 1-6,9]
 *  [--note "…"] [--out dir] [--check]`
 *
 * Writes `<out>/<id>.txt` (the cleaned text) and `<out>/<id>.yaml` (its metadata, with a record
 * of the raw file and of every line dropped), and prints what it dropped. With `--check`, writes
 * nothing and exits 1 when the stored files differ from what ingestion gives.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { formatDiagnostic } from '../lib/scenario/diagnostics';
import { describeDropped, ingest, toLineRanges, toLines } from '../lib/scenario/ingest';
import { decodeText } from '../lib/scenario/parse';
import { sourceMetaSchema, type SourceMeta } from '../lib/scenario/schema';
import { toSourceYaml } from '../lib/scenario/sourceYaml';
import { isRefusal } from '../lib/scenario/sources';
import { displayPath, scenariosDir } from './files';
import { readBounded } from './readFile';
import { parse, runAsScript, UsageError, out, err } from './run';

const usage = `usage: npm run ingest -- <raw text file> --id <source-id> --title "<title>"
         [--date D | --date-from D --date-to D] [--genre opinion|news|analysis|official]
         [--author A] [--outlet O] [--url U] [--drop-lines 1-6,9] [--note "…"] [--out folder] [--check]`;

const isDate = (d: string) => /^\d{4}(-\d{2}(-\d{2})?)?$/.test(d);

function toDate(flags: { date?: string; 'date-from'?: string; 'date-to'?: string }) {
	const { date, 'date-from': from, 'date-to': to } = flags;
	if (date !== undefined && (from !== undefined || to !== undefined))
		throw new UsageError(`give --date, or --date-from and --date-to, not both\n${usage}`);
	if ((from === undefined) !== (to === undefined))
		throw new UsageError(`--date-from and --date-to go together\n${usage}`);
	for (const d of [date, from, to])
		if (d !== undefined && !isDate(d))
			throw new UsageError(`dates are written 2024-08-05 (or 2024-08, 2024), got "${d}"`);
	if (from !== undefined && to !== undefined && from > to)
		throw new UsageError(`--date-from ${from} is after --date-to ${to}`);
	return from !== undefined && to !== undefined ? { from, to } : date;
}

/**
 * The metadata file as committed: `toSourceYaml` laid out by Prettier with the project's settings
 * (those of scenarios/sources/, wherever the file goes), so that it passes `npm run lint`.
 */
async function formatYaml(text: string): Promise<string> {
	const filepath = join(scenariosDir, 'sources', 'source.yaml');
	const { plugins: _plugins, ...options } = (await resolveConfig(filepath)) ?? {};
	return format(text, { ...options, filepath });
}

export const options = {
	id: { type: 'string' },
	title: { type: 'string' },
	date: { type: 'string' },
	'date-from': { type: 'string' },
	'date-to': { type: 'string' },
	genre: { type: 'string' },
	author: { type: 'string' },
	outlet: { type: 'string' },
	url: { type: 'string' },
	'drop-lines': { type: 'string' },
	note: { type: 'string' },
	out: { type: 'string' },
	check: { type: 'boolean' }
} as const;

export async function main(argv: string[]): Promise<number> {
	const { positionals, values: flags } = parse(usage, options, argv);
	if (positionals.length !== 1) throw new UsageError(`give one raw text file\n${usage}`);
	if (flags.id === undefined || flags.title === undefined)
		throw new UsageError(`--id and --title are required\n${usage}`);
	const idCheck = sourceMetaSchema.shape.id.safeParse(flags.id);
	if (!idCheck.success)
		throw new UsageError(`--id "${flags.id}": ${idCheck.error.issues[0].message}`);
	const date = toDate(flags);
	const genre = sourceMetaSchema.shape.genre.safeParse(flags.genre);
	if (!genre.success)
		throw new UsageError(`--genre "${flags.genre}": choose opinion, news, analysis or official`);

	const rawPath = positionals[0];
	if (!existsSync(rawPath)) throw new UsageError(`raw file "${rawPath}" not found`);
	const bytes = readBounded(rawPath);
	if (isRefusal(bytes)) {
		err(`${displayPath(rawPath)}: ${bytes.refused} (hint: ${bytes.hint})\n`);
		return 1;
	}
	const raw = decodeText(displayPath(rawPath), bytes);
	if (typeof raw !== 'string') {
		for (const d of raw.ok ? [] : raw.diagnostics) err(`${formatDiagnostic(d)}\n`);
		return 1;
	}
	const dropLines =
		flags['drop-lines'] === undefined ? [] : toLineRanges(flags['drop-lines'], toLines(raw).length);
	if (typeof dropLines === 'string') throw new UsageError(`--drop-lines ${dropLines}`);
	const result = ingest(raw, dropLines);
	if (typeof result === 'string') {
		err(`${displayPath(rawPath)}: ${result}\n`);
		return 1;
	}

	const meta: SourceMeta = {
		id: flags.id,
		title: flags.title,
		file: `${flags.id}.txt`,
		...(genre.data === undefined ? {} : { genre: genre.data }),
		author: flags.author ?? null,
		outlet: flags.outlet ?? null,
		...(date === undefined ? {} : { date }),
		...(flags.url === undefined ? {} : { url: flags.url }),
		...(flags.note === undefined ? {} : { note: flags.note }),
		ingest: {
			raw: basename(rawPath),
			sha256: createHash('sha256').update(bytes).digest('hex'),
			dropped: result.dropped
		}
	};
	const checked = sourceMetaSchema.safeParse(meta);
	if (!checked.success) throw new Error(`metadata refused: ${checked.error.issues[0].message}`);

	for (const line of describeDropped(result.dropped)) out(`${line}\n`);
	// A part of a line is not a dropped line: its line is kept, shortened.
	const droppedCount = result.dropped.reduce(
		(n, d) => n + (d.column === undefined ? d.to - d.from + 1 : 0),
		0
	);
	out(
		`${displayPath(rawPath)}: ${result.lines} lines, ${droppedCount} dropped, ${result.lines - droppedCount} kept\n`
	);

	const outDir = resolve(flags.out ?? join(scenariosDir, 'sources'));
	const textPath = join(outDir, `${flags.id}.txt`);
	const metaPath = join(outDir, `${flags.id}.yaml`);
	const files: [string, string][] = [
		[textPath, result.text],
		[metaPath, await formatYaml(toSourceYaml(meta))]
	];
	let stale = 0;
	for (const [path, text] of files) {
		const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
		if (current === text) out(`${displayPath(path)}: up to date\n`);
		else if (flags.check) {
			stale++;
			const why = current === undefined ? 'is missing' : 'differs from what ingestion gives';
			err(`${displayPath(path)}: ${why} (hint: run without --check)\n`);
		} else {
			mkdirSync(outDir, { recursive: true });
			writeFileSync(path, text);
			out(`${displayPath(path)}: written\n`);
		}
	}
	return stale > 0 ? 1 : 0;
}

runAsScript(import.meta.url, main);
