/**
 * Likely paths that mean something when regions run in parallel. `likelyPaths` lists firing
 * orders, so two regions taking the same steps in another interleaving count as two paths, and
 * the top ten cover little. Here a path is the steps taken within each region: `joint` keys it by
 * every region's steps together, `region` by the steps of one region alone (the others summed
 * over). Probabilities are exact when the walk reaches every path (always, in a chain without
 * loops); each result says how much of the ending its listed paths cover.
 */
import { isAncestorOrSelf } from '../scenario/model';
import { isAbsorbing, type Chain } from './explore';
import { checkMergeOptions, type MergeMode, type MergeOptions } from './mergeOptions';
import { walk, type WalkEnd, type WalkNode } from './mergeWalk';
import type { LikelyPath } from './paths';
import { reachProbability } from './reach';
import { components } from './solve';

export type { MergeMode, MergeOptions };

export interface RegionSteps {
	region: string;
	/** Transition ids, in the order they fire within the region. */
	transitions: string[];
}

export interface MergedPath {
	/** The steps of each keyed region that moves, regions in the model's order. */
	regions: RegionSteps[];
	/** The same transition ids, region after region: a reading order, not a firing order. */
	transitions: string[];
	probability: number;
	/** The final leaves reached in the keyed regions. */
	ending: string[];
	/** How many paths through the chain (firing orders, other regions' steps) it merges. */
	merged: number;
	/** The likeliest single path among them, replayable and ready for `toSankey`. */
	likeliest: LikelyPath;
}

export interface MergedPaths {
	mode: MergeMode;
	/** The keyed region: '' (the whole chart) for `joint`. */
	region: string;
	endingWith?: string;
	/** The listed paths, most likely first. */
	paths: MergedPath[];
	/** Exact probability of the runs that count: the outcome's, or 1 without `endingWith`. */
	probability: number;
	/** Summed probability of the listed paths, and its share of `probability` (1 when that is 0). */
	listed: number;
	coverage: number;
	/** Distinct paths found in all, and their summed probability. */
	found: number;
	foundProbability: number;
	/** Probability of counted runs the walk did not follow to their end; 0 when `complete`. */
	unexplored: number;
	/** Whether every path was found: then `foundProbability` is `probability` (up to rounding). */
	complete: boolean;
}

/**
 * `mergedPaths(chain, { endingWith: 'crisis.ties.ruptured', mode: 'region' })` lists the ten
 * likeliest sequences of steps within the ties region among runs that end with ties ruptured, each
 * with its exact probability, and says how much of the outcome's probability the ten cover.
 * Throws a RangeError for an unknown mode, region or final state, or a non-positive count.
 */
export function mergedPaths(
	chain: Chain,
	options: MergeOptions = {},
	probabilities: Float64Array = chain.edgeProbability
): MergedPaths {
	const { mode = 'joint', endingWith, count = 10, maxExpansions = 200_000 } = options;
	const { model } = chain.compiled;
	const region = checkMergeOptions(chain, options);
	const order = components(chain);
	const counts = (s: number) =>
		isAbsorbing(chain, s) && (endingWith === undefined || chain.leaves[s].includes(endingWith));
	const reach = reachProbability(chain, counts, probabilities, order);
	const keyed = model.regions.filter((r) => isAncestorOrSelf(region, r));
	const keyOf = Int32Array.from(model.transitions, (t) => keyed.indexOf(t.region));
	const inKeyed = (leaf: string) => keyed.includes(model.states.get(leaf)?.region ?? '');
	const result = walk(
		chain,
		probabilities,
		order,
		reach,
		keyOf,
		keyed.length,
		inKeyed,
		maxExpansions
	);
	const ends = [...result.ends.values()].sort(
		(a, b) => b.probability - a.probability || a.node.order - b.node.order
	);
	const toIds = (seq: number): string[] => {
		const ids: string[] = [];
		for (let s = seq; s !== 0; s = result.seqParent[s])
			ids.push(model.transitions[result.seqTransition[s]].id);
		return ids.reverse();
	};
	const paths = ends.slice(0, count).map((end) => toMerged(chain, end, keyed, toIds));
	const listed = sum(paths.map((p) => p.probability));
	const probability = reach[0];
	return {
		mode,
		region,
		...(endingWith !== undefined && { endingWith }),
		paths,
		probability,
		listed,
		coverage: probability > 0 ? listed / probability : 1,
		found: ends.length,
		foundProbability: sum(ends.map((e) => e.probability)),
		unexplored: result.unexplored,
		complete: result.unexplored === 0
	};
}

/**
 * The merged paths as `likelyPaths` gives paths: each one's likeliest firing order, carrying the
 * merged probability, so `toSankey(chain, toLikelyPaths(merged.paths))` draws them.
 */
export function toLikelyPaths(paths: MergedPath[]): LikelyPath[] {
	return paths.map((p) => ({ ...p.likeliest, probability: p.probability }));
}

function toMerged(
	chain: Chain,
	end: WalkEnd,
	keyed: string[],
	toIds: (seq: number) => string[]
): MergedPath {
	const regions = keyed
		.map((region, k) => ({ region, transitions: toIds(end.seqs[k]) }))
		.filter((r) => r.transitions.length > 0);
	const states: number[] = [];
	const edges: number[] = [];
	for (let n: WalkNode | undefined = end.node; n; n = n.from) {
		states.push(n.state);
		if (n.from) edges.push(n.edge);
	}
	const { transitions } = chain.compiled.model;
	return {
		regions,
		transitions: regions.flatMap((r) => r.transitions),
		probability: end.probability,
		ending: end.ending,
		merged: end.paths,
		likeliest: {
			states: states.reverse(),
			transitions: edges.reverse().map((e) => transitions[chain.edgeTransition[e]].id),
			probability: end.node.best,
			ending: chain.leaves[end.node.state].filter(
				(leaf) => chain.compiled.model.states.get(leaf)?.kind === 'final'
			)
		}
	};
}

function sum(values: number[]): number {
	return values.reduce((total, v) => total + v, 0);
}
