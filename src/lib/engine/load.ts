/**
 * The whole road from file text to a compiled scenario: parse, validate, anchor the quotes,
 * compile to XState, and check the state space. Returns diagnostics instead of throwing.
 */
import type { Diagnostic } from '../scenario/diagnostics';
import { sha256 } from '../scenario/hash';
import { parseText, type ParsedDocument } from '../scenario/parse';
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

/**
 * What checks a compiled scenario's state space (every combination of choices, the readings):
 * `checkStateSpace` unless a caller knows the answer (the editor's worker, for a text that differs
 * from one already found clean only in its title and summary: src/lib/checking/stagedCheck.ts).
 */
export type StateSpaceCheck = (compiled: Compiled, document: ParsedDocument) => Diagnostic[];

export const checkStateSpace: StateSpaceCheck = (compiled, document) => [
	...analysisDiagnostics(compiled, document),
	...readingDiagnostics(compiled, document)
];

/**
 * `loadScenario` one step at a time: it pauses (yields) after parsing and after compiling, so that
 * a caller can stop there (the editor's worker, when a newer text comes); run to its end it is
 * `loadScenario`.
 */
export function* loadSteps(
	file: string,
	input: string | Uint8Array,
	resolveSource: SourceResolver,
	checkSpace: StateSpaceCheck = checkStateSpace
): Generator<void, LoadResult, void> {
	const parsed = parseText(file, input);
	if (!parsed.ok) return parsed;
	yield;
	const validated = validateDocument(parsed.document, resolveSource);
	if (!validated.ok) return { ok: false, diagnostics: byPosition(validated.diagnostics) };
	const compiled = compile(validated.value.model);
	yield;
	const found = checkSpace(compiled, parsed.document);
	const errors = found.filter((d) => d.severity === 'error');
	if (errors.length > 0) return { ok: false, diagnostics: byPosition(found) };
	const warnings = byPosition([...validated.warnings, ...found]);
	return {
		ok: true,
		value: { ...validated.value, file, sha256: sha256(input), compiled, warnings }
	};
}

export function loadScenario(
	file: string,
	input: string | Uint8Array,
	resolveSource: SourceResolver
): LoadResult {
	const steps = loadSteps(file, input, resolveSource);
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
	}
}

/** Diagnostics in reading order: by file, then line and column (a stable sort). */
export function byPosition(diagnostics: Diagnostic[]): Diagnostic[] {
	return [...diagnostics].sort(
		(a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column
	);
}
