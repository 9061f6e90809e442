/**
 * A draft's check in stages, for the editor's check worker: the same steps as the command line's
 * loader (engine/load.ts `loadScenario`: parse, validate, compile, the check of every combination
 * of choices, the readings' check) and the same answer as `answerDraft`, with a pause between the
 * steps so that a newer text can stop it there (`between` says whether to go on), and the lines
 * sent as soon as they are known (`checked`), before the results (the exact analysis and the
 * statechart's layout) are computed.
 *
 * The check of every combination of choices (hundreds of ms on the largest shipped scenario) is
 * skipped when it found nothing for the same scenario but for its title and summary (`CheckMemo`):
 * what it reports comes from the compiled statechart, never from those two, and an empty report
 * has no positions to move. A report with something in it is always made again (its lines and
 * columns follow the text).
 */
import type { LoadedScenario, LoadResult } from '$lib/engine/load';
import { byPosition } from '$lib/engine/load';
import { analysisDiagnostics, readingDiagnostics } from '$lib/engine/check';
import { compile } from '$lib/engine/compile';
import { toDraftFiles } from '$lib/editor/draftSources';
import { toFileName } from '$lib/editor/template';
import { toReportLines } from '$lib/scenario/format';
import { sha256 } from '$lib/scenario/hash';
import { parseText } from '$lib/scenario/parse';
import type { SourceResolver } from '$lib/scenario/sources';
import { validateDocument } from '$lib/scenario/validate';
import { internalError, toSourceResolver } from './check';
import type { DraftAnswer, DraftInput } from './draftAnswer';
import { toResults } from './draftResults';
import { shippedSources } from './shippedSources';

/** What the last check of the combinations found nothing in: its scenario, without its prose. */
export interface CheckMemo {
	clean?: string;
}

/** The scenario as the combinations' check reads it: the document without its title and summary. */
export function checkKey(value: unknown): string | undefined {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
	// eslint-disable-next-line @typescript-eslint/no-unused-vars -- left out of the key
	const { title, summary, ...rest } = value as Record<string, unknown>;
	return JSON.stringify(rest);
}

export interface StageOptions {
	/** Awaited between the steps: false stops the check there (a newer text came). */
	between: () => Promise<boolean>;
	/** The lines (and transitions) as soon as they are known, before the results. */
	checked?: (answer: DraftAnswer) => void;
	/** Kept from one check to the next (one per worker). */
	memo: CheckMemo;
	/** draftResults.ts's `toResults` (the unit tests pass a stand-in without the layout). */
	results?: typeof toResults;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * `loadScenario` step by step (the same calls in the same order); undefined when `between` said
 * to stop.
 */
async function loadInStages(
	file: string,
	text: string,
	resolveSource: SourceResolver,
	{ between, memo }: StageOptions
): Promise<LoadResult | undefined> {
	const parsed = parseText(file, text);
	if (!parsed.ok) return parsed;
	if (!(await between())) return undefined;
	const validated = validateDocument(parsed.document, resolveSource);
	if (!validated.ok) return { ok: false, diagnostics: byPosition(validated.diagnostics) };
	const compiled = compile(validated.value.model);
	if (!(await between())) return undefined;
	const key = checkKey(parsed.document.value);
	const found =
		key !== undefined && memo.clean === key
			? []
			: [
					...analysisDiagnostics(compiled, parsed.document),
					...readingDiagnostics(compiled, parsed.document)
				];
	memo.clean = found.length === 0 ? key : undefined;
	const errors = found.filter((d) => d.severity === 'error');
	if (errors.length > 0) return { ok: false, diagnostics: byPosition(found) };
	const warnings = byPosition([...validated.warnings, ...found]);
	const value: LoadedScenario = {
		...validated.value,
		file,
		sha256: sha256(text),
		compiled,
		warnings
	};
	return { ok: true, value };
}

/**
 * Check `draft` as `answerDraft` does (draftAnswer.ts), in stages; undefined when `between` said
 * to stop. Never throws: an exception becomes a line, as in `checkDraft`.
 */
export async function answerInStages(
	draft: DraftInput,
	options: StageOptions
): Promise<DraftAnswer | undefined> {
	const file = toFileName(draft.name, draft.format);
	let loaded: LoadedScenario | undefined;
	let answer: DraftAnswer;
	try {
		const resolveSource = toSourceResolver(toDraftFiles(draft.sources), shippedSources);
		const result = await loadInStages(file, draft.scenario, resolveSource, options);
		if (result === undefined) return undefined;
		answer = { file, lines: toReportLines(result) };
		if (result.ok) {
			loaded = result.value;
			answer.transitions = loaded.model.transitions;
		}
	} catch (error) {
		return { file, lines: [internalError(file, error)] };
	}
	if (!loaded) return answer;
	options.checked?.(answer);
	if (!(await options.between())) return undefined;
	try {
		answer = { ...answer, results: await (options.results ?? toResults)(loaded) };
	} catch (error) {
		answer = { ...answer, resultsError: messageOf(error) };
	}
	return answer;
}
