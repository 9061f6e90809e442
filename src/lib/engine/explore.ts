/**
 * Exact exploration: every reachable (configuration, indicators) pair, found with XState's pure
 * `transition`, flattened into a chain of typed arrays (CSR: the edges of state s are
 * rowStart[s] .. rowStart[s+1]). Edges keep their transition and region set, so the chain can be
 * re-weighted for new likelihood values without exploring again.
 */
import { transition } from 'xstate';
import { limits } from '../scenario/limits';
import type { TransitionInfo } from '../scenario/model';
import { branchLikelihood, enabledTransitions, toBranches, type BranchProblem } from './branches';
import { initialSnapshot, type Compiled } from './compile';
import { activeLeaves, type BrinkSnapshot } from './machine';

export interface Chain {
	compiled: Compiled;
	choices: Record<string, string>;
	size: number;
	/** The XState snapshot of each state; absent in a chain rebuilt from data (`fromChainData`). */
	snapshots?: BrinkSnapshot[];
	/** Sorted active leaf paths of each state. */
	leaves: string[][];
	/** Indicator values of each state, `size × indicatorIds.length`. */
	indicators: Float64Array;
	rowStart: Int32Array;
	edgeTarget: Int32Array;
	edgeTransition: Int32Array;
	edgeShare: Float64Array;
	/** Index into `sets` of the region set each edge belongs to. */
	edgeSet: Int32Array;
	sets: number[][];
	/** Edge probabilities under the values the chain was explored with. */
	edgeProbability: Float64Array;
}

export type ExploreProblem =
	| { kind: 'limit'; message: string; hint: string }
	| { kind: 'branches'; problem: BranchProblem; leaves: string[] }
	| { kind: 'dead-end'; leaves: string[]; message: string; hint: string };

export class ExploreError extends Error {
	constructor(readonly problem: ExploreProblem) {
		super(problem.kind === 'branches' ? problem.problem.message : problem.message);
		this.name = 'ExploreError';
	}
}

function stateKey(snapshot: BrinkSnapshot, leaves: string[], indicatorIds: string[]): string {
	let key = leaves.join('|');
	for (const id of indicatorIds) key += `|${snapshot.context.indicators[id]}`;
	return key;
}

/** Explore every reachable state under the given choices. Throws `ExploreError`. */
export function explore(
	compiled: Compiled,
	choices: Record<string, string>,
	values: Float64Array,
	maxReachable: number = limits.maxReachable
): Chain {
	const { indicatorIds } = compiled;
	const snapshots: BrinkSnapshot[] = [];
	const leaves: string[][] = [];
	const index = new Map<string, number>();
	const add = (snapshot: BrinkSnapshot): number => {
		const stateLeaves = activeLeaves(snapshot.value);
		const key = stateKey(snapshot, stateLeaves, indicatorIds);
		const known = index.get(key);
		if (known !== undefined) return known;
		if (snapshots.length >= maxReachable) {
			throw new ExploreError({
				kind: 'limit',
				message: `more than ${maxReachable.toLocaleString('en')} reachable states, the most the exact analysis explores`,
				hint: 'bound the indicators with min and max, or simplify the statechart'
			});
		}
		index.set(key, snapshots.length);
		snapshots.push(snapshot);
		leaves.push(stateLeaves);
		return snapshots.length - 1;
	};
	add(initialSnapshot(compiled, choices));

	const rowStart: number[] = [0];
	const edgeTarget: number[] = [];
	const edgeTransition: number[] = [];
	const edgeShare: number[] = [];
	const edgeSet: number[] = [];
	const edgeProbability: number[] = [];
	const sets: number[][] = [];
	const setIndex = new Map<string, number>();

	for (let s = 0; s < snapshots.length; s++) {
		const snapshot = snapshots[s];
		const enabled = enabledTransitions(compiled, snapshot);
		if (enabled.length === 0) checkEnd(compiled, snapshot, leaves[s]);
		const branches = toBranches(compiled, enabled, values);
		if (!Array.isArray(branches))
			throw new ExploreError({ kind: 'branches', problem: branches, leaves: leaves[s] });
		for (const branch of branches) {
			const setKey = branch.set.join(',');
			let set = setIndex.get(setKey);
			if (set === undefined) {
				set = sets.length;
				sets.push(branch.set);
				setIndex.set(setKey, set);
			}
			const [next] = transition(compiled.machine, snapshot, { type: branch.transition.event });
			edgeTarget.push(add(next as BrinkSnapshot));
			edgeTransition.push(branch.transition.index);
			edgeShare.push(branch.share);
			edgeSet.push(set);
			edgeProbability.push(branch.probability);
		}
		rowStart.push(edgeTarget.length);
	}
	const indicators = new Float64Array(snapshots.length * indicatorIds.length);
	snapshots.forEach((snap, s) =>
		indicatorIds.forEach(
			(id, k) => (indicators[s * indicatorIds.length + k] = snap.context.indicators[id])
		)
	);
	return {
		compiled,
		choices,
		size: snapshots.length,
		snapshots,
		leaves,
		indicators,
		rowStart: Int32Array.from(rowStart),
		edgeTarget: Int32Array.from(edgeTarget),
		edgeTransition: Int32Array.from(edgeTransition),
		edgeShare: Float64Array.from(edgeShare),
		edgeSet: Int32Array.from(edgeSet),
		sets,
		edgeProbability: Float64Array.from(edgeProbability)
	};
}

/** A state with no enabled transition must be an end: the machine is done or every leaf is final. */
function checkEnd(compiled: Compiled, snapshot: BrinkSnapshot, stateLeaves: string[]): void {
	if (snapshot.status === 'done') return;
	const stuck = stateLeaves.filter((leaf) => compiled.model.states.get(leaf)?.kind !== 'final');
	if (stuck.length === 0) return;
	throw new ExploreError({
		kind: 'dead-end',
		leaves: stateLeaves,
		message: `no transition can leave ${stuck.map((s) => `"${s}"`).join(', ')}, and it is not final`,
		hint: 'add a transition whose guard holds here, or mark the state type: final'
	});
}

/** Edge probabilities for new likelihood values (same choices, same reachable states). */
export function reweight(
	chain: Chain,
	values: Float64Array,
	out = new Float64Array(chain.edgeTarget.length)
): Float64Array {
	for (let e = 0; e < out.length; e++) {
		out[e] =
			chain.edgeShare[e] *
			branchLikelihood(
				chain.edgeTransition[e],
				chain.sets[chain.edgeSet[e]],
				chain.compiled,
				values
			);
	}
	return out;
}

/** A chain as plain data (typed arrays included), to compute once at build time and ship. */
export type ChainData = Omit<Chain, 'compiled' | 'snapshots'>;

/** The data of a chain: everything but the compiled scenario and the XState snapshots. */
export function toChainData({
	compiled: _compiled,
	snapshots: _snapshots,
	...data
}: Chain): ChainData {
	return data;
}

/**
 * The chain again, on the same compiled scenario: every analysis (solve, intervals, paths, fan,
 * Monte Carlo) works on it as on the explored one; only the snapshots are missing.
 */
export function fromChainData(compiled: Compiled, data: ChainData): Chain {
	return { ...data, compiled };
}

export function isAbsorbing(chain: Chain, s: number): boolean {
	return chain.rowStart[s] === chain.rowStart[s + 1];
}

/** The outcome states (final leaves) of an absorbing state. */
export function endingOf(chain: Chain, s: number): string[] {
	return chain.leaves[s].filter((leaf) => chain.compiled.model.states.get(leaf)?.kind === 'final');
}

export type { TransitionInfo };
