/**
 * The most likely ways a scenario plays out: complete paths from the start state to an end, found
 * best-first by probability (a max-heap of prefixes), and their union as Sankey data.
 * Extending a prefix can only lower its probability, so paths come off the heap in descending order.
 */
import { endingOf, isAbsorbing, type Chain } from './explore';
import { Heap } from './heap';

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
	/**
	 * A final-state leaf path (`crisis.ties.ruptured`): only paths whose ending includes it are
	 * found, and `perOutcome` counts the endings that include it.
	 */
	endingWith?: string;
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
 * `likelyPaths(chain)` lists up to 5 paths per ending, most likely first;
 * `likelyPaths(chain, { endingWith: 'war' })` only those that end in war.
 * Throws a RangeError for a non-positive or non-integer option, or an `endingWith` that is not a
 * final state.
 */
export function likelyPaths(
	chain: Chain,
	{ perOutcome = 5, maxPaths = 50, maxLength = 50, endingWith }: PathOptions = {},
	probabilities: Float64Array = chain.edgeProbability
): LikelyPath[] {
	for (const [name, value] of Object.entries({ perOutcome, maxPaths, maxLength })) {
		if (!Number.isInteger(value) || value < 1)
			throw new RangeError(`invalid ${name}: ${value} (expected a positive integer)`);
	}
	if (endingWith !== undefined && chain.compiled.model.states.get(endingWith)?.kind !== 'final') {
		const finals = [...chain.compiled.model.states.values()]
			.filter((state) => state.kind === 'final')
			.map((state) => state.path);
		throw new RangeError(
			`invalid endingWith: unknown final state "${endingWith}" (expected one of ${finals.join(', ')})`
		);
	}
	const counts = (s: number) => endingWith === undefined || chain.leaves[s].includes(endingWith);
	// Only prefixes that can still end in a counted ending are worth extending.
	const useful = endingWith === undefined ? undefined : leadsTo(chain, probabilities, counts);
	const endings = reachableEndings(chain, probabilities, counts);
	const found = new Map<string, number>();
	const paths: LikelyPath[] = [];
	const heap = new Heap<Prefix>(before);
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
			if (!counts(s)) continue;
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
			if (p <= 0 || (useful && !useful[chain.edgeTarget[e]])) continue;
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

/** Keys of the counted endings reachable from state 0 along edges of positive probability. */
function reachableEndings(
	chain: Chain,
	probabilities: Float64Array,
	counts: (s: number) => boolean
): Set<string> {
	const seen = new Uint8Array(chain.size);
	const stack = [0];
	seen[0] = 1;
	const endings = new Set<string>();
	while (stack.length > 0) {
		const s = stack.pop()!;
		if (isAbsorbing(chain, s) && counts(s)) endings.add(endingOf(chain, s).join(' + '));
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

/** The states from which an absorbing state that `counts` can be reached (edges of positive probability). */
function leadsTo(
	chain: Chain,
	probabilities: Float64Array,
	counts: (s: number) => boolean
): Uint8Array {
	const incoming: number[][] = Array.from({ length: chain.size }, () => []);
	for (let s = 0; s < chain.size; s++)
		for (let e = chain.rowStart[s]; e < chain.rowStart[s + 1]; e++)
			if (probabilities[e] > 0) incoming[chain.edgeTarget[e]].push(s);
	const seen = new Uint8Array(chain.size);
	const stack: number[] = [];
	for (let s = 0; s < chain.size; s++) {
		if (isAbsorbing(chain, s) && counts(s)) {
			seen[s] = 1;
			stack.push(s);
		}
	}
	while (stack.length > 0) {
		for (const s of incoming[stack.pop()!]) {
			if (!seen[s]) {
				seen[s] = 1;
				stack.push(s);
			}
		}
	}
	return seen;
}

/** Most probable first; ties go to the prefix pushed first, so results are deterministic. */
function before(a: Prefix, b: Prefix): boolean {
	return a.probability > b.probability || (a.probability === b.probability && a.order < b.order);
}

export interface SankeyNode {
	state: number;
	leaves: string[];
	label: string;
	/** Steps from the start, when the graph is unrolled (see `toSankey`). */
	step?: number;
}

export interface SankeyLink {
	/** Index into `nodes`. */
	source: number;
	target: number;
	/** Summed probability of the paths that take this step. */
	value: number;
	/** Transition id. */
	transition: string;
	/** Indices into the `paths` given to `toSankey` of the paths that take this step, in order. */
	paths: number[];
}

export interface SankeyData {
	nodes: SankeyNode[];
	links: SankeyLink[];
	/** Whether nodes are keyed by (state, step) because some path revisits a state. */
	unrolled: boolean;
}

/**
 * Nodes and links in the shape d3-sankey reads with its default node id (the index). Nodes are
 * one per distinct chain state on the paths; but a path through a loop revisits a state, giving a
 * circular link that d3-sankey refuses, so then every node is keyed by (state, step) instead: a
 * state reached after 2 and after 4 steps is two nodes, and the graph is a DAG.
 * `toSankey(chain, likelyPaths(chain)).links[0].paths` lists the paths taking the first link.
 */
export function toSankey(chain: Chain, paths: LikelyPath[]): SankeyData {
	const byState = build(chain, paths, false);
	if (isAcyclic(byState.nodes.length, byState.links)) return byState;
	return build(chain, paths, true);
}

function build(chain: Chain, paths: LikelyPath[], unrolled: boolean): SankeyData {
	const nodes: SankeyNode[] = [];
	const nodeOf = new Map<string, number>();
	const node = (s: number, step: number): number => {
		const key = unrolled ? `${s}@${step}` : `${s}`;
		let i = nodeOf.get(key);
		if (i === undefined) {
			i = nodes.length;
			nodeOf.set(key, i);
			const leaves = chain.leaves[s];
			const label = leaves
				.map((leaf) => chain.compiled.model.states.get(leaf)?.label ?? leaf)
				.join(' + ');
			nodes.push(unrolled ? { state: s, leaves, label, step } : { state: s, leaves, label });
		}
		return i;
	};
	const links: SankeyLink[] = [];
	const linkOf = new Map<string, SankeyLink>();
	paths.forEach((path, index) => {
		node(path.states[0], 0);
		path.transitions.forEach((transition, k) => {
			const source = node(path.states[k], k);
			const target = node(path.states[k + 1], k + 1);
			const key = `${source}|${target}|${transition}`;
			const link = linkOf.get(key);
			if (link) {
				link.value += path.probability;
				if (link.paths.at(-1) !== index) link.paths.push(index);
			} else {
				const created = { source, target, value: path.probability, transition, paths: [index] };
				linkOf.set(key, created);
				links.push(created);
			}
		});
	});
	return { nodes, links, unrolled };
}

/** Kahn's algorithm: whether the links leave every node removable in topological order. */
function isAcyclic(size: number, links: SankeyLink[]): boolean {
	const indegree = new Int32Array(size);
	const out: number[][] = Array.from({ length: size }, () => []);
	for (const { source, target } of links) {
		out[source].push(target);
		indegree[target]++;
	}
	const ready: number[] = [];
	indegree.forEach((d, i) => d === 0 && ready.push(i));
	let removed = 0;
	while (ready.length > 0) {
		const n = ready.pop()!;
		removed++;
		for (const t of out[n]) if (--indegree[t] === 0) ready.push(t);
	}
	return removed === size;
}
