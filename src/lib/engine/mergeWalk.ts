/**
 * The walk behind `mergedPaths`: every path through the chain, with paths that fire the same steps
 * within each keyed region merged as they go. A node is (chain state, each keyed region's steps so
 * far); its mass is pushed along the edges (as in push-style PageRank), and two interleavings that
 * reach the same state with the same steps meet in one node, whose future they share. Nodes come
 * off a heap by the chain's topological order, so in a chain without loops each node is expanded
 * once, with all its mass, and the result is exact. Around a loop a node can be refilled and
 * expanded again; there, mass that could bring less than `negligible` of the ending is left, and
 * reported as unexplored.
 */
import { endingOf, isAbsorbing, type Chain } from './explore';
import { Heap } from './heap';

export interface WalkNode {
	state: number;
	/** Each keyed region's steps so far, as ids into the walk's sequence trie. */
	seqs: number[];
	pending: number;
	/** Chain paths merged into the pending mass. */
	pendingPaths: number;
	/** The probability of the likeliest single path into this node, and where it came from. */
	best: number;
	from?: WalkNode;
	edge: number;
	queued: boolean;
	/** Reach-weighted pending mass when queued: the heap's key, fixed while it waits. */
	priority: number;
	order: number;
}

export interface WalkEnd {
	seqs: number[];
	ending: string[];
	probability: number;
	paths: number;
	node: WalkNode;
}

export interface Walk {
	ends: Map<string, WalkEnd>;
	/** Reach-weighted mass left in nodes not expanded (work limit, or loops past `negligible`). */
	unexplored: number;
	/** Sequence trie: the parent and the last transition index of each sequence id (0 is empty). */
	seqParent: number[];
	seqTransition: number[];
}

/** Mass, weighted by its chance of reaching the ending, not worth following around a loop. */
const negligible = 1e-13;

/**
 * Walk `chain`: `keyOf[t]` is the keyed region's position of transition index t (-1: not keyed);
 * `reach[s]` the chance of ending in a counted state from s (0 prunes s, so only counted ends are
 * reached); `keep` filters an end's leaves for its key.
 */
export function walk(
	chain: Chain,
	probabilities: Float64Array,
	order: number[][],
	reach: Float64Array,
	keyOf: Int32Array,
	regions: number,
	keep: (leaf: string) => boolean,
	maxExpansions: number
): Walk {
	const rank = new Int32Array(chain.size);
	const loop = new Uint8Array(chain.size);
	order.forEach((component, c) => {
		for (const s of component) {
			rank[s] = c;
			for (let e = chain.rowStart[s]; e < chain.rowStart[s + 1]; e++)
				if (component.length > 1 || chain.edgeTarget[e] === s) loop[s] = 1;
		}
	});
	const seqParent = [0];
	const seqTransition = [-1];
	const seqChild = new Map<string, number>();
	const child = (seq: number, t: number) => {
		const key = `${seq}:${t}`;
		let id = seqChild.get(key);
		if (id === undefined) {
			id = seqParent.length;
			seqParent.push(seq);
			seqTransition.push(t);
			seqChild.set(key, id);
		}
		return id;
	};
	const nodes = new Map<string, WalkNode>();
	const worth = (n: WalkNode) => n.pending * reach[n.state];
	const heap = new Heap<WalkNode>(
		(a, b) =>
			rank[a.state] < rank[b.state] ||
			(rank[a.state] === rank[b.state] &&
				(a.priority > b.priority || (a.priority === b.priority && a.order < b.order)))
	);
	const nodeAt = (state: number, seqs: number[]): WalkNode => {
		const key = `${state}|${seqs.join(',')}`;
		let node = nodes.get(key);
		if (!node) {
			node = {
				state,
				seqs,
				pending: 0,
				pendingPaths: 0,
				best: 0,
				edge: -1,
				queued: false,
				priority: 0,
				order: nodes.size
			};
			nodes.set(key, node);
		}
		return node;
	};
	const start = nodeAt(0, new Array<number>(regions).fill(0));
	Object.assign(start, { pending: 1, pendingPaths: 1, best: 1, queued: true, priority: reach[0] });
	if (reach[0] > 0) heap.push(start);
	const ends = new Map<string, WalkEnd>();
	let expansions = 0;
	while (heap.size > 0 && expansions < maxExpansions) {
		const node = heap.pop()!;
		node.queued = false;
		const { state } = node;
		if (loop[state] && worth(node) < negligible) continue;
		const [mass, paths] = [node.pending, node.pendingPaths];
		node.pending = node.pendingPaths = 0;
		expansions++;
		if (isAbsorbing(chain, state)) {
			const ending = endingOf(chain, state).filter(keep);
			const key = `${node.seqs.join(',')}#${ending.join('+')}`;
			const end = ends.get(key) ?? { seqs: node.seqs, ending, probability: 0, paths: 0, node };
			end.probability += mass;
			end.paths += paths;
			if (node.best > end.node.best) end.node = node;
			ends.set(key, end);
			continue;
		}
		for (let e = chain.rowStart[state]; e < chain.rowStart[state + 1]; e++) {
			const target = chain.edgeTarget[e];
			const p = probabilities[e];
			if (p <= 0 || reach[target] <= 0) continue;
			const k = keyOf[chain.edgeTransition[e]];
			const seqs =
				k < 0 ? node.seqs : node.seqs.with(k, child(node.seqs[k], chain.edgeTransition[e]));
			const next = nodeAt(target, seqs);
			next.pending += mass * p;
			next.pendingPaths += paths;
			if (node.best * p > next.best)
				Object.assign(next, { best: node.best * p, from: node, edge: e });
			if (!next.queued) {
				Object.assign(next, { queued: true, priority: worth(next) });
				heap.push(next);
			}
		}
	}
	let unexplored = 0;
	for (const node of nodes.values()) unexplored += worth(node);
	return { ends, unexplored, seqParent, seqTransition };
}
