/**
 * The editor's list of drafts: the stored ones, and those whose text is only in this tab (made
 * while the storage failed), each marked when it holds text that is not stored.
 */
import { toSummary, type Draft, type DraftSummary } from './drafts';

export interface DraftListItem extends DraftSummary {
	/** The draft holds text typed here that is not stored yet. */
	unsaved: boolean;
}

/**
 * The drafts not stored yet first, then the stored ones in their order (most recently changed
 * first). `unsaved`: drafts whose text waits in memory; `open` and `openUnsaved`: the open draft,
 * and whether its last write failed. A draft held in memory is listed under the name it has there
 * (a name that follows the title changes before it is written).
 *
 * `toDraftList([b, a], [c], a, true)` lists c, b, a, with c and a marked unsaved.
 */
export function toDraftList(
	stored: readonly DraftSummary[],
	unsaved: readonly Draft[],
	open: Draft | undefined,
	openUnsaved: boolean
): DraftListItem[] {
	const isStored = (id: string) => stored.some((d) => d.id === id);
	const only = [...unsaved, ...(open ? [open] : [])].filter(
		(d, i, all) => !isStored(d.id) && all.findIndex((e) => e.id === d.id) === i
	);
	const held = (id: string) => (open?.id === id ? open : unsaved.find((u) => u.id === id));
	return [...only.map(toSummary), ...stored].map((d) => ({
		...d,
		name: held(d.id)?.name ?? d.name,
		unsaved: unsaved.some((u) => u.id === d.id) || (openUnsaved && d.id === open?.id)
	}));
}

/**
 * `base`, or `base 2`, `base 3`…: the first that no draft is named.
 *
 * `uniqueName('New scenario', ['New scenario']) === 'New scenario 2'`
 */
export function uniqueName(base: string, taken: readonly string[]): string {
	for (let n = 1; ; n++) {
		const name = n === 1 ? base : `${base} ${n}`;
		if (!taken.includes(name)) return name;
	}
}
