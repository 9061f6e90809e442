import { normalizeText, type NormalizedText } from './anchor';
import type { Diagnostic } from './diagnostics';
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

export function toSourceText(meta: SourceMeta, text: string): SourceText {
	return { meta, text, normalized: normalizeText(text) };
}

/**
 * A resolver over a set of files keyed by path relative to the scenarios folder
 * (`sources/memo.yaml`, `sources/memo.txt`): the same lookup on the command line (files read from
 * disk) and in the page (files bundled at build time).
 */
export function resolverFromFiles(
	files: (path: string) => string | Uint8Array | undefined,
	displayDir: string,
	/** The file names in sources/, for "did you mean" when an id has no file. */
	list: () => readonly string[] = () => []
): SourceResolver {
	return (id) => {
		const metaPath = `sources/${id}.yaml`;
		const metaFile = `${displayDir}/${metaPath}`;
		const metaText = files(metaPath);
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
		const textPath = `sources/${meta.data.file}`;
		const raw = files(textPath);
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
