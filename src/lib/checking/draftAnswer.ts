/**
 * A draft's check and results as plain data, the way the check worker sends them to the editor:
 * the command line's lines (draftCheck.ts), the transitions of a valid text (what the wording
 * proposals and the evidence panel work on), and its results (draftResults.ts), or why they
 * could not be computed. Never throws: checkDraft turns an exception into a line, and a failure
 * of the results is kept in `resultsError`.
 */
import { messageOf } from '../format/messageOf';
import type { Draft } from '$lib/editor/drafts';
import type { ReportLine } from '$lib/scenario/format';
import type { TransitionInfo } from '$lib/scenario/model';
import { checkDraft } from './draftCheck';
import { toResults, type DraftResults } from './draftResults';

/** What is checked of a draft. */
export type DraftInput = Pick<Draft, 'name' | 'format' | 'scenario' | 'sources'>;

export interface DraftAnswer {
	/** The file name the messages use. */
	file: string;
	/** The command line's lines, in its order. */
	lines: ReportLine[];
	/** The model's transitions, while the text is valid. */
	transitions?: TransitionInfo[];
	/** The results of a valid text. */
	results?: DraftResults;
	/** Why the results of a valid text could not be computed. */
	resultsError?: string;
}

/**
 * Check `draft` and compute the results of a valid text (`results`: draftResults.ts's
 * `toResults`; the unit tests pass a stand-in without the layout).
 */
export async function answerDraft(
	draft: DraftInput,
	results: typeof toResults = toResults
): Promise<DraftAnswer> {
	const { file, lines, loaded } = checkDraft(draft);
	if (!loaded) return { file, lines };
	const answer: DraftAnswer = { file, lines, transitions: loaded.model.transitions };
	try {
		answer.results = await results(loaded);
	} catch (error) {
		answer.resultsError = messageOf(error);
	}
	return answer;
}
