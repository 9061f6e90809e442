/**
 * A draft made ready for the full dashboard (/draft): checked with the command line's loader, turned
 * into the payload a shipped scenario's page gets from the build, and its statechart laid out by
 * ELK. Run in the check worker (checkHost.ts), off the page's main thread: a large draft's check
 * and layout take seconds.
 */
import type { StatechartLayout } from '$lib/charts/statechartLayout';
import type { ReportLine } from '$lib/scenario/format';
import { toPayload, type ScenarioPayload } from '$lib/scenarios/payload';
import type { DraftInput } from './draftAnswer';
import { checkDraft } from './draftCheck';

export type DraftOpened =
	| { kind: 'ready'; payload: ScenarioPayload; layout: StatechartLayout }
	/** The text does not load: the command line's lines say why. */
	| { kind: 'invalid'; lines: ReportLine[] };

export async function openDraft(draft: DraftInput): Promise<DraftOpened> {
	const check = checkDraft(draft);
	if (!check.loaded) return { kind: 'invalid', lines: check.lines };
	const { layoutStatechart } = await import('$lib/charts/statechartLayout');
	return {
		kind: 'ready',
		payload: toPayload(check.loaded),
		layout: await layoutStatechart(check.loaded.model)
	};
}
