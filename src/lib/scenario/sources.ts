import { normalizeText, type NormalizedText } from './anchor';
import { escapeControls, fileDiagnostic, type Diagnostic } from './diagnostics';
import { decodeText, diagnosticAt, parseText } from './parse';
import { sourceMetaSchema, type SourceMeta } from './schema';

/** A cited source: its metadata and its text, as stored under scenarios/sources/. */
export interface SourceText {
	meta: SourceMeta;
	text: string;
	normalized: NormalizedText;
}

/** A source id with no metadata file: the file to create, and the ids that do exist. */
export interface MissingSource {
	missing: string;
	known: string[];
}

/**
 * Finds a source by id: its text, the diagnostics that explain why it could not be read, or
 * word that it does not exist (reported by the scenario, at the entry that names it).
 */
export type SourceResolver = (id: string) => SourceText | Diagnostic[] | MissingSource;

/** Why a file was not read (outside the sources folder, not a regular file, too large). */
export interface Refusal {
	refused: string;
	hint: string;
}

export const isRefusal = (value: unknown): value is Refusal =>
	typeof value === 'object' && value !== null && 'refused' in value;

/** What a source file's lookup gives: its bytes or text, nothing (missing), or a refusal. */
export type FileLookup = (path: string) => string | Uint8Array | Refusal | undefined;

/**
 * Why a source's `file:` may not be read, or undefined when it names a file inside the sources
 * folder: a relative path, forward slashes, no `..`, `.` or empty segment, no drive letter, no
 * control character. A shared scenario must not reach the rest of the machine.
 *
 * `sourceFileProblem('memo.txt') === undefined`; `sourceFileProblem('../../etc/passwd')` explains.
 */
export function sourceFileProblem(file: string): string | undefined {
	if (file.trim() === '') return 'is empty';
	if (escapeControls(file) !== file) return 'holds a control character';
	if (
		file.startsWith('/') ||
		file.startsWith('\\') ||
		/^[a-z]:/i.test(file) ||
		file.startsWith('~')
	)
		return 'is an absolute path';
	if (file.includes('\\')) return 'uses a backslash';
	const segments = file.split('/');
	if (segments.includes('..')) return 'leads out of the sources folder with ".."';
	if (segments.some((s) => s === '' || s === '.')) return 'has an empty or "." segment';
	return undefined;
}

export function toSourceText(meta: SourceMeta, text: string): SourceText {
	return { meta, text, normalized: normalizeText(text) };
}

/**
 * A resolver over a set of files keyed by path relative to the scenarios folder
 * (`sources/memo.yaml`, `sources/memo.txt`): the same lookup on the command line (files read from
 * disk) and in the page (files bundled at build time).
 */
export function resolverFromFiles(
	files: FileLookup,
	displayDir: string,
	/** The file names in sources/, for "did you mean" when an id has no file. */
	list: () => readonly string[] = () => []
): SourceResolver {
	return (id) => {
		const metaPath = `sources/${id}.yaml`;
		const metaFile = `${displayDir}/${metaPath}`;
		const metaText = files(metaPath);
		if (isRefusal(metaText)) return [fileDiagnostic(metaFile, metaText.refused, metaText.hint)];
		if (metaText === undefined) {
			const known = list()
				.filter((name) => name.endsWith('.yaml'))
				.map((name) => name.slice(0, -'.yaml'.length));
			return { missing: metaFile, known };
		}
		const parsed = parseText(metaFile, metaText);
		if (!parsed.ok) return parsed.diagnostics;
		const meta = sourceMetaSchema.safeParse(parsed.document.value);
		if (!meta.success) {
			return meta.error.issues.map((issue) =>
				diagnosticAt(
					parsed.document,
					issue.path as (string | number)[],
					issue.message.replace(/^Invalid input: /, '')
				)
			);
		}
		if (meta.data.id !== id) {
			return [
				diagnosticAt(
					parsed.document,
					['id'],
					`id "${meta.data.id}" does not match the file name "${id}"`,
					`set id: ${id}`
				)
			];
		}
		const unsafe = sourceFileProblem(meta.data.file);
		if (unsafe) {
			return [
				diagnosticAt(
					parsed.document,
					['file'],
					`text file "${meta.data.file}" ${unsafe}: a source's text must be a file inside the sources folder, so it is not read`,
					`name the text file relative to ${displayDir}/sources/, such as ${id}.txt`
				)
			];
		}
		const textPath = `sources/${meta.data.file}`;
		const raw = files(textPath);
		if (isRefusal(raw))
			return [
				diagnosticAt(
					parsed.document,
					['file'],
					`text file "${meta.data.file}" ${raw.refused}`,
					raw.hint
				)
			];
		if (raw === undefined) {
			return [
				diagnosticAt(
					parsed.document,
					['file'],
					`text file "${meta.data.file}" not found next to ${metaFile}`,
					'check the file name'
				)
			];
		}
		const text = decodeText(`${displayDir}/${textPath}`, raw);
		if (typeof text !== 'string') return text.ok ? [] : text.diagnostics;
		return toSourceText(meta.data, text);
	};
}
