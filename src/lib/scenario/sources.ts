import { normalizeText, type NormalizedText } from './anchor';
import type { Diagnostic } from './diagnostics';
import type { SourceMeta } from './schema';

/** A cited source: its metadata and its text, as stored under scenarios/sources/. */
export interface SourceText {
	meta: SourceMeta;
	text: string;
	normalized: NormalizedText;
}

/** Finds a source by id: its text, or the diagnostics that explain why it could not be read. */
export type SourceResolver = (id: string) => SourceText | Diagnostic[];

export function toSourceText(meta: SourceMeta, text: string): SourceText {
	return { meta, text, normalized: normalizeText(text) };
}
