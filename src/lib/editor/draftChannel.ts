/**
 * What one tab tells the others about the drafts, on the BroadcastChannel `brink-drafts`: a text
 * saved (with its new revision), a draft renamed, a draft deleted. A tab learns at once that the
 * draft it shows has changed, instead of at its next save. The store stays the judge (drafts.ts
 * compares revisions on every write); a message only lets a tab act sooner.
 */

export const draftChannelName = 'brink-drafts';

export type DraftMessage =
	| { type: 'saved'; id: string; revision: number }
	| { type: 'renamed'; id: string; name: string }
	| { type: 'deleted'; id: string };

/** The part of a BroadcastChannel the drafts use (Node has one too, for the unit tests). */
export interface DraftChannel {
	postMessage(message: DraftMessage): void;
	onmessage: ((event: MessageEvent) => void) | null;
	close(): void;
}

/**
 * A message from another tab, checked at the edge: anything else on the channel (another
 * version of the page, a stray post) is ignored.
 *
 * `toDraftMessage({ type: 'deleted', id: 'd1' })` is that message; `toDraftMessage('hi')` is
 * undefined.
 */
export function toDraftMessage(data: unknown): DraftMessage | undefined {
	if (typeof data !== 'object' || data === null) return undefined;
	const { type, id, revision, name } = data as Record<string, unknown>;
	if (typeof id !== 'string') return undefined;
	if (type === 'saved' && typeof revision === 'number') return { type, id, revision };
	if (type === 'renamed' && typeof name === 'string') return { type, id, name };
	if (type === 'deleted') return { type, id };
	return undefined;
}

/** The page's channel, or undefined where the browser has none (the page then learns on save). */
export const openDraftChannel = (): DraftChannel | undefined =>
	typeof BroadcastChannel === 'undefined'
		? undefined
		: (new BroadcastChannel(draftChannelName) as DraftChannel);
