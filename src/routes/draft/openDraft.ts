/**
 * A draft from the editor, made ready for the full dashboard in the browser: read from the drafts
 * database, then, in a check worker (off the main thread), checked with the command line's loader,
 * turned into the same payload a shipped scenario's page gets from the build, and its statechart
 * laid out by ELK (checking/draftOpen.ts). Never throws: every failure is a state the page explains.
 */
import type { StatechartLayout } from '$lib/charts/statechartLayout';
import { openDraftStore, type Draft } from '$lib/editor/drafts';
import type { ReportLine } from '$lib/scenario/format';
import type { ScenarioPayload } from '$lib/scenarios/payload';
import type { DraftOpened } from '$lib/checking/draftOpen';
import { openInWorker } from '$lib/workers/checkClient';

export type DraftDashboard =
	| { kind: 'ready'; id: string; name: string; payload: ScenarioPayload; layout: StatechartLayout }
	/** The text does not load: the command line's lines say why. */
	| { kind: 'invalid'; id: string; name: string; lines: ReportLine[] }
	/** No draft with this id in this browser's storage. */
	| { kind: 'missing'; id: string }
	| { kind: 'failed'; message: string };

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function openDraftDashboard(
	id: string,
	factory: IDBFactory,
	open: (draft: Draft) => Promise<DraftOpened> = openInWorker
): Promise<DraftDashboard> {
	let draft;
	try {
		const store = await openDraftStore(factory);
		try {
			draft = await store.get(id);
		} finally {
			store.close();
		}
	} catch (error) {
		return { kind: 'failed', message: messageOf(error) };
	}
	if (!draft) return { kind: 'missing', id };
	try {
		const opened = await open(draft);
		return { ...opened, id, name: draft.name };
	} catch (error) {
		return { kind: 'failed', message: `the draft could not be opened (${messageOf(error)})` };
	}
}
