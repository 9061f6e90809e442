/**
 * A draft's check in stages, for the editor's check worker: the command line's loader run a step
 * at a time (engine/load.ts `loadSteps`: parse, validate, compile, the check of every combination
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
import { messageOf } from '../format/messageOf';
import {
	checkStateSpace,
	loadSteps,
	type LoadedScenario,
	type LoadResult,
	type StateSpaceCheck
} from '$lib/engine/load';
import { toDraftFiles } from '$lib/editor/draftSources';
import { toFileName } from '$lib/editor/template';
import { toReportLines } from '$lib/scenario/format';
import type { SourceResolver } from '$lib/scenario/sources';
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

/**
 * `loadScenario` step by step (engine/load.ts `loadSteps`), asking `between` at each pause;
 * undefined when it said to stop. The state space's check is skipped for a text the memo knows clean.
 */
async function loadInStages(
	file: string,
	text: string,
	resolveSource: SourceResolver,
	{ between, memo }: StageOptions
): Promise<LoadResult | undefined> {
	const checkSpace: StateSpaceCheck = (compiled, document) => {
		const key = checkKey(document.value);
		const found =
			key !== undefined && memo.clean === key ? [] : checkStateSpace(compiled, document);
		memo.clean = found.length === 0 ? key : undefined;
		return found;
	};
	const steps = loadSteps(file, text, resolveSource, checkSpace);
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
		if (!(await between())) return undefined;
	}
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
