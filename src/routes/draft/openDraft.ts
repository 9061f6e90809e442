/**
 * A draft from the editor, made ready for the full dashboard in the browser: read from the drafts
 * database, checked with the command line's loader (the editor's engine), turned into the same
 * payload a shipped scenario's page gets from the build, and its statechart laid out by ELK (loaded
 * here, on demand, as in the editor). Never throws: every failure is a state the page explains.
 */
import type { StatechartLayout } from '$lib/charts/statechartLayout';
import { openDraftStore } from '$lib/editor/drafts';
import type { ReportLine } from '$lib/scenario/format';
import { toPayload, type ScenarioPayload } from '$lib/scenarios/payload';
import { loadEngine } from '$lib/checking/loadEngine';

export type DraftDashboard =
	| { kind: 'ready'; id: string; name: string; payload: ScenarioPayload; layout: StatechartLayout }
	/** The text does not load: the command line's lines say why. */
	| { kind: 'invalid'; id: string; name: string; lines: ReportLine[] }
	/** No draft with this id in this browser's storage. */
	| { kind: 'missing'; id: string }
	| { kind: 'failed'; message: string };

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function openDraftDashboard(id: string, factory: IDBFactory): Promise<DraftDashboard> {
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
		const engine = await loadEngine();
		const check = engine.checkDraft(draft);
		if (!check.loaded) return { kind: 'invalid', id, name: draft.name, lines: check.lines };
		const { layoutStatechart } = await import('$lib/charts/statechartLayout');
		return {
			kind: 'ready',
			id,
			name: draft.name,
			payload: toPayload(check.loaded),
			layout: await layoutStatechart(check.loaded.model)
		};
	} catch (error) {
		return { kind: 'failed', message: `the draft could not be opened (${messageOf(error)})` };
	}
}
