/**
 * A draft from the editor, made ready for the full dashboard in the browser: read from the drafts
 * database, then, in a check worker (off the main thread), checked with the command line's loader,
 * turned into the same payload a shipped scenario's page gets from the build, and its statechart
 * laid out by ELK (checking/draftOpen.ts). Never throws: every failure is a state the page explains.
 */
import type { DraftOpened } from '$lib/checking/draftOpen';
import { openDraftStore } from '$lib/editor/drafts';
import { messageOf } from '$lib/format/messageOf';
import { openInWorker } from '$lib/workers/checkClient';

export type DraftDashboard =
	/** Ready (its payload and layout), or a text that does not load (the command line's lines). */
	| (DraftOpened & { id: string; name: string })
	/** No draft with this id in this browser's storage. */
	| { kind: 'missing'; id: string }
	| { kind: 'failed'; message: string };

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
		const opened = await openInWorker(draft);
		return { ...opened, id, name: draft.name };
	} catch (error) {
		return { kind: 'failed', message: `the draft could not be opened (${messageOf(error)})` };
	}
}
