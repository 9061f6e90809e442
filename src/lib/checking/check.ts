/**
 * The /validate page's checking, without the page: the files a person gave, sorted into scenarios
 * and the sources they may cite, each scenario run through the same loader as `npm run validate`,
 * and its report in the command line's words. Never throws: an unexpected exception becomes a
 * line that says so.
 */
import { messageOf } from '$lib/format/messageOf';
import { loadScenario } from '$lib/engine/load';
import { fileDiagnostic, type Diagnostic } from '$lib/scenario/diagnostics';
import { toReportLines, type ReportLine } from '$lib/scenario/format';
import { limits } from '$lib/scenario/limits';
import { parseText } from '$lib/scenario/parse';
import { sourceMetaSchema } from '$lib/scenario/schema';
import { resolverFromFiles, type SourceResolver } from '$lib/scenario/sources';
import { toSummary, type ScenarioSummary } from '$lib/scenarios/summary';
import { toCodeFrame, type CodeFrame } from './codeFrame';

/** A file the person gave: its bytes, or only its size when it is over the limit (never read). */
export interface GivenFile {
	name: string;
	size: number;
	bytes?: Uint8Array;
	/** Why the browser could not read it (a dropped folder, a file gone meanwhile). */
	readError?: string;
}

export interface CheckedLine extends ReportLine {
	/** The line of the file the diagnostic points at, when it has one. */
	frame?: CodeFrame;
}

export interface FileReport {
	file: string;
	ok: boolean;
	lines: CheckedLine[];
	/** For a file that loads: what it holds, and how many quotes were anchored in their sources. */
	summary?: ScenarioSummary & { quotes: number };
}

/** A scenario to check: a file given, or the pasted text. */
export type CheckedFile = GivenFile | { name: string; text: string };

/** The given files by role: scenarios to check, source metadata, source texts. */
export interface SortedFiles {
	scenarios: GivenFile[];
	sources: GivenFile[];
	texts: GivenFile[];
}

/** The name the page gives pasted text in its messages. */
export const pastedName = 'pasted text';

/** Read what the browser hands over; a file over limits.maxFileBytes is not read at all. */
export async function readGiven(files: Iterable<File>): Promise<GivenFile[]> {
	const read = async (file: File): Promise<GivenFile> => {
		const given = { name: file.name, size: file.size };
		if (file.size > limits.maxFileBytes) return given;
		try {
			return { ...given, bytes: new Uint8Array(await file.arrayBuffer()) };
		} catch (error) {
			return { ...given, readError: messageOf(error) };
		}
	};
	return Promise.all([...files].map(read));
}

/**
 * Stands for a file over limits.maxFileBytes without reading it: the loader refuses a file by its
 * `byteLength` before it looks at a byte, so the person gets the command line's own message.
 */
function toInput(file: GivenFile): Uint8Array {
	return file.bytes ?? ({ byteLength: file.size } as Uint8Array);
}

const isText = (name: string) => /\.(txt|md)$/i.test(name);

/** Source metadata (`id`, `title`, `file`): what a scenario cites, not a scenario itself. */
function isSourceMeta(file: GivenFile): boolean {
	if (!file.bytes || isText(file.name)) return false;
	const parsed = parseText(file.name, file.bytes);
	return parsed.ok && sourceMetaSchema.safeParse(parsed.document.value).success;
}

/**
 * Texts (.txt, .md) and valid source metadata are sources; every other file is checked as a
 * scenario, as the command line checks any file it is given by name. Sorted by name.
 */
export function sortGiven(files: GivenFile[]): SortedFiles {
	const sorted = [...files].sort((a, b) => a.name.localeCompare(b.name));
	const texts = sorted.filter((f) => isText(f.name));
	const sources = sorted.filter((f) => !isText(f.name) && isSourceMeta(f));
	const scenarios = sorted.filter((f) => !texts.includes(f) && !sources.includes(f));
	return { scenarios, sources, texts };
}

/**
 * Sources by id: first among the given files (`memo` is `memo.yaml` and the text it names, with or
 * without a `sources/` folder), then among the shipped ones. A source found nowhere is reported
 * as missing beside the given files, as `npm run validate` run in their folder reports it
 * (`./sources/memo.yaml`), with the closest id the page could find (given or shipped) as a hint.
 */
export function toSourceResolver(
	given: GivenFile[],
	shipped: Record<string, string>
): SourceResolver {
	const byName = new Map(given.filter((f) => !f.readError).map((f) => [f.name, f]));
	const find = (rel: string) => {
		const file = byName.get(rel) ?? byName.get(rel.replace(/^sources\//, ''));
		return file && toInput(file);
	};
	// Every source the page could find, for "did you mean" when an id has none.
	const known = [
		...new Set([
			...[...byName.keys()].map((name) => name.replace(/^sources\//, '')),
			...Object.keys(shipped).map((path) => path.replace('/scenarios/sources/', ''))
		])
	];
	const fromGiven = resolverFromFiles(find, '.', () => known);
	const fromShipped = resolverFromFiles(
		(rel) => shipped[`/scenarios/${rel}`],
		'scenarios',
		() => known
	);
	return (id) =>
		find(`sources/${id}.yaml`) === undefined && `/scenarios/sources/${id}.yaml` in shipped
			? fromShipped(id)
			: fromGiven(id);
}

/** The text of a file a diagnostic names (given, pasted or shipped), for its code frame. */
export function toTextLookup(
	given: GivenFile[],
	shipped: Record<string, string>,
	pasted?: string
): (file: string) => string | undefined {
	const decoder = new TextDecoder();
	return (file) => {
		if (file === pastedName) return pasted;
		if (file.startsWith('scenarios/')) return shipped[`/${file}`];
		const name = file.replace(/^\.\//, '');
		const found =
			given.find((f) => f.name === name) ??
			given.find((f) => f.name === name.replace(/^sources\//, ''));
		return found?.bytes && decoder.decode(found.bytes);
	};
}

/** The line for an unexpected exception: what failed and where to report it, no stack trace. */
export function internalError(file: string, error: unknown): CheckedLine {
	return {
		kind: 'error',
		text: `internal error while checking ${file}: ${messageOf(error)} — please report it with the file`
	};
}

function withFrame(line: ReportLine, textOf: (file: string) => string | undefined): CheckedLine {
	const d: Diagnostic | undefined = line.diagnostic;
	if (!d || d.line < 1) return line;
	const text = textOf(d.file);
	const frame = text === undefined ? undefined : toCodeFrame(text, d.line, d.column);
	return frame ? { ...line, frame } : line;
}

/**
 * Check one scenario, given as a file or as pasted text. `textOf` finds the text of the files
 * the diagnostics name, for their code frames.
 */
export function checkScenario(
	file: CheckedFile,
	resolveSource: SourceResolver,
	textOf: (file: string) => string | undefined
): FileReport {
	const { name } = file;
	if ('readError' in file && file.readError !== undefined) {
		const d = fileDiagnostic(
			name,
			`cannot be read: ${file.readError}`,
			'give a file, not a folder'
		);
		return { file: name, ok: false, lines: toReportLines({ ok: false, diagnostics: [d] }) };
	}
	let report: FileReport | undefined;
	try {
		const result = loadScenario(name, 'text' in file ? file.text : toInput(file), resolveSource);
		const lines = toReportLines(result).map((line) => withFrame(line, textOf));
		report = { file: name, ok: result.ok, lines };
		if (!result.ok) return report;
		report.summary = { ...toSummary(result.value), quotes: result.value.quotes.length };
		return report;
	} catch (error) {
		// Keep what was found before the failure (a summary that failed keeps its `ok` lines).
		report ??= { file: name, ok: false, lines: [] };
		return { ...report, lines: [...report.lines, internalError(name, error)] };
	}
}
