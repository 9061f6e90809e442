/**
 * The whole road from file text to a compiled scenario: parse, validate, anchor the quotes,
 * compile to XState, and check the state space. Returns diagnostics instead of throwing.
 */
import type { Diagnostic } from '../scenario/diagnostics';
import { sha256 } from '../scenario/hash';
import { parseText } from '../scenario/parse';
import type { SourceResolver } from '../scenario/sources';
import { validateDocument, type ValidatedScenario } from '../scenario/validate';
import { analysisDiagnostics, readingDiagnostics } from './check';
import { compile, type Compiled } from './compile';

export interface LoadedScenario extends ValidatedScenario {
	file: string;
	/** SHA-256 (hex) of the file's bytes (a string input as UTF-8): the content hash an audit cites. */
	sha256: string;
	compiled: Compiled;
	warnings: Diagnostic[];
}

export type LoadResult =
	{ ok: true; value: LoadedScenario } | { ok: false; diagnostics: Diagnostic[] };

export function loadScenario(
	file: string,
	input: string | Uint8Array,
	resolveSource: SourceResolver
): LoadResult {
	const parsed = parseText(file, input);
	if (!parsed.ok) return parsed;
	const validated = validateDocument(parsed.document, resolveSource);
	if (!validated.ok) return { ok: false, diagnostics: byPosition(validated.diagnostics) };
	const compiled = compile(validated.value.model);
	const found = [
		...analysisDiagnostics(compiled, parsed.document),
		...readingDiagnostics(compiled, parsed.document)
	];
	const errors = found.filter((d) => d.severity === 'error');
	if (errors.length > 0) return { ok: false, diagnostics: byPosition(found) };
	const warnings = byPosition([...validated.warnings, ...found]);
	return {
		ok: true,
		value: { ...validated.value, file, sha256: sha256(input), compiled, warnings }
	};
}

/** Diagnostics in reading order: by file, then line and column (a stable sort). */
export function byPosition(diagnostics: Diagnostic[]): Diagnostic[] {
	return [...diagnostics].sort(
		(a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column
	);
}
