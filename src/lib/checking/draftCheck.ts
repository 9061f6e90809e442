/**
 * A draft checked as the command line checks a file: the same loader, the same messages
 * (scenario/format.ts), with the draft's own sources first and the shipped ones after them (the
 * /validate page's resolver). Never throws: an unexpected exception becomes a line that says so.
 */
import { toDraftFiles } from '$lib/editor/draftSources';
import type { Draft } from '$lib/editor/drafts';
import { toFileName } from '$lib/editor/template';
import { loadScenario, type LoadedScenario } from '$lib/engine/load';
import { toReportLines, type ReportLine } from '$lib/scenario/format';
import { internalError, toSourceResolver } from './check';
import { shippedSources } from './shippedSources';

export interface DraftCheck {
	/** The file name the messages use. */
	file: string;
	/** The command line's lines, in its order. */
	lines: ReportLine[];
	/** The loaded scenario, when the text is valid. */
	loaded?: LoadedScenario;
}

export function checkDraft(
	draft: Pick<Draft, 'name' | 'format' | 'scenario' | 'sources'>
): DraftCheck {
	const file = toFileName(draft.name, draft.format);
	try {
		const resolveSource = toSourceResolver(toDraftFiles(draft.sources), shippedSources);
		const result = loadScenario(file, draft.scenario, resolveSource);
		return { file, lines: toReportLines(result), loaded: result.ok ? result.value : undefined };
	} catch (error) {
		return { file, lines: [internalError(file, error)] };
	}
}
