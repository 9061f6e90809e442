/**
 * The most likely ways a scenario plays out: complete paths from the start state to an end, found
 * best-first by probability (a max-heap of prefixes), and their union as Sankey data.
 * Extending a prefix can only lower its probability, so paths come off the heap in descending order.
 */
import { endingOf, isAbsorbing, type Chain } from './explore';

export interface LikelyPath {
	/** Chain states visited, starting with 0. */
	states: number[];
	/** Transition ids fired, one per step. */
	transitions: string[];
	probability: number;
	/** Final leaves of the last state (see `endingOf`). */
	ending: string[];
}

export interface PathOptions {
	/** Paths kept for each ending. */
	perOutcome?: number;
	maxPaths?: number;
	/** Most steps in a path, so that loops end. */
	maxLength?: number;
}

/** Prefix mass under which the search stops: what is left cannot matter to a reader. */
const negligible = 1e-9;
/** A guard on work for chains whose loops spread the mass thin; the paths found so far are kept. */
const maxExpansions = 200_000;

interface Prefix {
	states: number[];
	edges: number[];
	probability: number;
	order: number;
}

/**
 * `likelyPaths(chain)` lists up to 5 paths per ending, most likely first.
 * Throws a RangeError for a non-positive or non-integer option.
 */
export function likelyPaths(
	chain: Chain,
	{ perOutcome = 5, maxPaths = 50, maxLength = 50 }: PathOptions = {},
	probabilities: Float64Array = chain.edgeProbability
): LikelyPath[] {
	for (const [name, value] of Object.entries({ perOutcome, maxPaths, maxLength })) {
		if (!Number.isInteger(value) || value < 1)
			throw new RangeError(`invalid ${name}: ${value} (expected a positive integer)`);
	}
	const endings = reachableEndings(chain, probabilities);
	const found = new Map<string, number>();
	const paths: LikelyPath[] = [];
	const heap = new PrefixHeap();
	let order = 0;
	let mass = 1;
	heap.push({ states: [0], edges: [], probability: 1, order: order++ });
	let expansions = 0;
	while (heap.size > 0 && paths.length < maxPaths && mass >= negligible) {
		if ([...endings].every((key) => (found.get(key) ?? 0) >= perOutcome)) break;
		const prefix = heap.pop()!;
		mass -= prefix.probability;
		const s = prefix.states[prefix.states.length - 1];
		if (isAbsorbing(chain, s)) {
			const ending = endingOf(chain, s);
			const key = ending.join(' + ');
			const count = found.get(key) ?? 0;
			if (count >= perOutcome) continue;
			found.set(key, count + 1);
			paths.push({
				states: prefix.states,
				transitions: prefix.edges.map(
					(e) => chain.compiled.model.transitions[chain.edgeTransition[e]].id
				),
				probability: prefix.probability,
				ending
			});
			continue;
		}
		if (prefix.edges.length >= maxLength || ++expansions > maxExpansions) continue;
		for (let e = chain.rowStart[s]; e < chain.rowStart[s + 1]; e++) {
			const p = prefix.probability * probabilities[e];
			if (p <= 0) continue;
			mass += p;
			heap.push({
				states: [...prefix.states, chain.edgeTarget[e]],
				edges: [...prefix.edges, e],
				probability: p,
				order: order++
			});
		}
	}
	return paths.sort((a, b) => b.probability - a.probability);
}

/** Keys of the endings reachable from state 0 along edges of positive probability. */
function reachableEndings(chain: Chain, probabilities: Float64Array): Set<string> {
	const seen = new Uint8Array(chain.size);
	const stack = [0];
	seen[0] = 1;
	const endings = new Set<string>();
	while (stack.length > 0) {
		const s = stack.pop()!;
		if (isAbsorbing(chain, s)) endings.add(endingOf(chain, s).join(' + '));
		for (let e = chain.rowStart[s]; e < chain.rowStart[s + 1]; e++) {
			const t = chain.edgeTarget[e];
			if (probabilities[e] > 0 && !seen[t]) {
				seen[t] = 1;
				stack.push(t);
			}
		}
	}
	return endings;
}

/** Binary max-heap on probability; ties go to the prefix pushed first, so results are deterministic. */
class PrefixHeap {
	private items: Prefix[] = [];
	get size(): number {
		return this.items.length;
	}
	push(item: Prefix): void {
		const items = this.items;
		items.push(item);
		let i = items.length - 1;
		while (i > 0) {
			const parent = (i - 1) >> 1;
			if (!before(items[i], items[parent])) break;
			[items[i], items[parent]] = [items[parent], items[i]];
			i = parent;
		}
	}
	pop(): Prefix | undefined {
		const items = this.items;
		const top = items[0];
		const last = items.pop();
		if (items.length > 0 && last) {
			items[0] = last;
			let i = 0;
			for (;;) {
				const l = 2 * i + 1;
				const r = l + 1;
				let best = i;
				if (l < items.length && before(items[l], items[best])) best = l;
				if (r < items.length && before(items[r], items[best])) best = r;
				if (best === i) break;
				[items[i], items[best]] = [items[best], items[i]];
				i = best;
			}
		}
		return top;
	}
}

function before(a: Prefix, b: Prefix): boolean {
	return a.probability > b.probability || (a.probability === b.probability && a.order < b.order);
}

export interface SankeyNode {
	state: number;
	leaves: string[];
	label: string;
}

export interface SankeyLink {
	/** Index into `nodes`. */
	source: number;
	target: number;
	/** Summed probability of the paths that take this step. */
	value: number;
	/** Transition id. */
	transition: string;
}

/**
 * Nodes (one per distinct chain state on the paths) and links, in the shape d3-sankey reads with
 * its default node id (the index). A path through a loop revisits a state and so gives a circular
 * link, which d3-sankey refuses: callers drawing such paths should drop or unroll those links.
 */
export function toSankey(
	chain: Chain,
	paths: LikelyPath[]
): { nodes: SankeyNode[]; links: SankeyLink[] } {
	const nodes: SankeyNode[] = [];
	const nodeOf = new Map<number, number>();
	const node = (s: number): number => {
		let i = nodeOf.get(s);
		if (i === undefined) {
			i = nodes.length;
			nodeOf.set(s, i);
			const leaves = chain.leaves[s];
			const label = leaves
				.map((leaf) => chain.compiled.model.states.get(leaf)?.label ?? leaf)
				.join(' + ');
			nodes.push({ state: s, leaves, label });
		}
		return i;
	};
	const links: SankeyLink[] = [];
	const linkOf = new Map<string, SankeyLink>();
	for (const path of paths) {
		node(path.states[0]);
		path.transitions.forEach((transition, k) => {
			const source = node(path.states[k]);
			const target = node(path.states[k + 1]);
			const key = `${source}|${target}|${transition}`;
			const link = linkOf.get(key);
			if (link) link.value += path.probability;
			else {
				const created = { source, target, value: path.probability, transition };
				linkOf.set(key, created);
				links.push(created);
			}
		});
	}
	return { nodes, links };
}
