/**
 * What the statechart's view follows: the lead state (where the reader's last step landed, or
 * where the next choice waits) and the tiers of boxes around it, from the lead alone to every
 * region in play, for `viewFor`. Pure: the component keeps the previous step between calls.
 */
import type { Box } from './statechartView';

/** What this module reads of a layout node. */
export interface FocusNode {
	path: string;
	parent: string | null;
}

/** What this module reads of a transition. */
export interface FocusEdge {
	source: string;
	target: string;
}

const isWithin = (path: string, ancestor: string) =>
	path === ancestor || path.startsWith(`${ancestor}.`);

/** The active states that have no active child, in layout order: `['crisis.arms.request', …]`. */
export function activeLeaves(nodes: readonly FocusNode[], active: ReadonlySet<string>): string[] {
	const withActiveChild = new Set(
		nodes.filter((n) => n.parent !== null && active.has(n.path)).map((n) => n.parent)
	);
	return nodes.map((n) => n.path).filter((p) => active.has(p) && !withActiveChild.has(p));
}

/**
 * The state the view leads with after a step: the first leaf that just became active; before any
 * step (no `previous` leaves), the first leaf where an open transition starts, else the first leaf.
 * `nextLead(['a.x', 'b.y'], 'a.x', ['a.z', 'b.y'], openEdges)` → `'a.z'`.
 */
export function nextLead(
	previous: readonly string[],
	previousLead: string | null,
	leaves: readonly string[],
	open: readonly FocusEdge[]
): string | null {
	if (previous.length > 0) {
		const fresh = leaves.find((l) => !previous.includes(l));
		if (fresh !== undefined) return fresh;
		if (previousLead !== null && leaves.includes(previousLead)) return previousLead;
	}
	return leaves.find((l) => open.some((e) => isWithin(l, e.source))) ?? leaves[0] ?? null;
}

export interface FocusRequest {
	nodes: readonly FocusNode[];
	/** A state's box as drawn (a state inside a collapsed one: that one's box). */
	boxOf: (path: string) => Box | undefined;
	/** Paths of the active states, ancestors included. */
	active: ReadonlySet<string>;
	/** The transitions enabled now. */
	open: readonly FocusEdge[];
	lead: string | null;
	/** 'play': the regions in play come last; 'all': the whole map does. */
	mode: 'play' | 'all';
}

/**
 * Boxes to keep in view, most important first, each tier holding the one before: the lead; the
 * lead and where its open transitions go; its region too; then every active state with its region
 * and every open transition's target (or, for 'all', every state).
 */
export function focusTiers({ nodes, boxOf, active, open, lead, mode }: FocusRequest): Box[][] {
	const boxes = (paths: Iterable<string>) =>
		[...new Set([...paths].map(boxOf))].filter((b): b is Box => b !== undefined);
	const parentOf = new Map(nodes.map((n) => [n.path, n.parent]));
	const leaves = activeLeaves(nodes, active);
	const last =
		mode === 'all'
			? boxes(nodes.filter((n) => n.parent === null).map((n) => n.path))
			: boxes([
					...leaves,
					...leaves.map((l) => parentOf.get(l) ?? null).filter((p) => p !== null),
					...open.map((e) => e.target)
				]);
	if (lead === null) return [last];
	const next = [lead, ...open.filter((e) => isWithin(lead, e.source)).map((e) => e.target)];
	const region = parentOf.get(lead) ?? null;
	const tiers = [boxes([lead]), boxes(next), boxes(region === null ? next : [...next, region])];
	return [...tiers, [...tiers[2], ...last]];
}
