/**
 * A draft's own sources as files the loader can read (`sources/<id>.yaml` and the text it names),
 * and the metadata file the editor writes for a text the person pastes or opens.
 */
import { parse } from 'yaml';
import type { DraftSource } from './drafts';

/** A file given to the loader: the shape the /validate page's resolver takes. */
export interface DraftFile {
	name: string;
	size: number;
	bytes: Uint8Array;
}

const encoder = new TextEncoder();
const asFile = (name: string, text: string): DraftFile => {
	const bytes = encoder.encode(text);
	return { name, size: bytes.byteLength, bytes };
};

/** The text file a source's metadata names; `<id>.txt` when the metadata does not say. */
export function textFileOf(id: string, meta: string): string {
	try {
		const file = (parse(meta) as { file?: unknown } | null)?.file;
		if (typeof file === 'string' && file.trim() !== '') return file;
	} catch {
		// Broken metadata is reported by the loader, at its place; the text still needs a name.
	}
	return `${id}.txt`;
}

/** `toDraftFiles({ memo: { meta, text } })` → `sources/memo.yaml` and `sources/memo.txt`. */
export function toDraftFiles(sources: Record<string, DraftSource>): DraftFile[] {
	return Object.entries(sources).flatMap(([id, { meta, text }]) => [
		asFile(`sources/${id}.yaml`, meta),
		asFile(`sources/${textFileOf(id, meta)}`, text)
	]);
}

/**
 * A source id from a file name, in the format's id syntax (lower case, digits, dashes):
 * `toSourceId('Putin & Iran, 2024.md') === 'putin-iran-2024'`.
 */
export function toSourceId(fileName: string): string {
	const stem = fileName.replace(/\.[^.]*$/, '');
	return (
		stem
			.toLowerCase()
			.normalize('NFKD')
			.replace(/\p{M}/gu, '')
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 60) || 'source'
	);
}

/** The metadata file for a new source: `id`, `title` and `file`, as scenarios/sources/*.yaml. */
export function sourceMeta(id: string, title: string, file: string): string {
	return `id: ${id}\ntitle: ${JSON.stringify(title)}\nfile: ${JSON.stringify(file)}\n`;
}
