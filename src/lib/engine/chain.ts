/**
 * The explored chain: every reachable (configuration, indicators) pair as a state, flattened into
 * typed arrays (CSR: the edges of state s are rowStart[s] .. rowStart[s+1]). Edges keep their
 * transition and region set, so the chain can be re-weighted for new likelihood values without
 * exploring again. explore.ts builds it on compiled tables; exploreMachine.ts builds the same
 * chain with XState's `transition`, the reference the tables are checked against.
 */
import type { BranchProblem } from './branches';
import { branchLikelihood } from './branches';
import type { Compiled } from './compile';
import type { BrinkSnapshot } from './machine';

export interface Chain {
	compiled: Compiled;
	choices: Record<string, string>;
	size: number;
	/** The XState snapshot of each state: only in a chain explored on the machine (exploreMachine). */
	snapshots?: BrinkSnapshot[];
	/** Sorted active leaf paths of each state (states in one configuration share one array). */
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

/**
 * The most configurations the statechart's shape allows, guards and indicators aside: a parallel
 * state multiplies its regions' counts, a compound state adds its children's.
 */
export function configurationBound(compiled: Compiled): number {
	const { states } = compiled.model;
	const bound = (path: string): number => {
		const state = states.get(path);
		if (!state || state.children.length === 0) return 1;
		const parts = state.children.map(bound);
		return state.kind === 'parallel'
			? parts.reduce((a, b) => a * b, 1)
			: parts.reduce((a, b) => a + b, 0);
	};
	return bound('');
}

/** A large count in words a reader can take in: "1,048,576", or "about 1.2 × 10^19". */
function roughCount(n: number): string {
	if (n < 1e9) return n.toLocaleString('en');
	const exponent = Math.floor(Math.log10(n));
	return `about ${(n / 10 ** exponent).toFixed(1)} × 10^${exponent}`;
}

/**
 * The refusal past the most reachable states the exact analysis explores; when the parallel
 * regions alone allow more states than that, the hint says so, with their count.
 */
export function limitError(maxReachable: number, compiled: Compiled): ExploreError {
	const bound = configurationBound(compiled);
	return new ExploreError({
		kind: 'limit',
		message: `more than ${maxReachable.toLocaleString('en')} reachable states, the most the exact analysis explores`,
		hint:
			bound > maxReachable
				? `its parallel regions allow up to ${roughCount(bound)} combinations of their states: merge or remove regions, or split the scenario into smaller ones`
				: 'bound the indicators with min and max, or simplify the statechart'
	});
}

/**
 * A state with no enabled transition must be an end: the machine is done or every leaf is final.
 * Throws the dead end otherwise.
 */
export function checkEnd(compiled: Compiled, done: boolean, stateLeaves: string[]): void {
	if (done) return;
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
