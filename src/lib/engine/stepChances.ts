/**
 * The step-through's chances given the observations. The step-through walks the base chain; given
 * what was observed, the chance of each next step is the conditioned product chain's edge weight at
 * (the state the steps taken lead to, the monitor's record after them): observe.ts multiplies the
 * chain by a monitor of the observed events, and conditions its edges (the h-transform). The
 * monitor's record follows from the path, so the product state is found by walking the product
 * chain along the transitions taken from its start.
 */
import type { Analysis } from './analyze';

export interface StepChances {
	/**
	 * False when the observations cannot happen any more after the steps taken (the chance of them
	 * from the state reached is 0): `next` then holds no chance.
	 */
	possible: boolean;
	/** By transition id: the chance, given the observations, that it is the next step. */
	next: Map<string, number>;
	/** Of each step taken, in order: its chance given the observations (and the steps before it). */
	taken: number[];
	/** The step after which the observations could no longer happen (1-based), if one did. */
	ruledOutAt?: number;
}

/**
 * The chance of the observations from each product state (`h` of the h-transform), under the
 * analysis's likelihoods; undefined without observations. Computed once per analysis.
 */
export function observationReach(analysis: Pick<Analysis, 'observed'>): Float64Array | undefined {
	const o = analysis.observed?.conditioned;
	return o && o.chance(o.weights());
}

/**
 * The chances after `path` (transition ids, from the start) given the analysis's observations;
 * undefined without observations, or when the path leaves the chain (the analysis is of other
 * settings than the steps were taken under). `reach`: `observationReach(analysis)`.
 *
 * On the ladder given a crisis, after no step: talks fail with chance 1 (was 0.4).
 */
export function stepChances(
	analysis: Pick<Analysis, 'chain' | 'observed'>,
	path: string[],
	reach: Float64Array | undefined = observationReach(analysis)
): StepChances | undefined {
	if (!analysis.observed || !reach) return undefined;
	const { chain } = analysis;
	const byId = new Map(chain.compiled.model.transitions.map((t) => [t.id, t.index]));
	const edgeFor = (p: number, id: string) => {
		const index = byId.get(id);
		for (let e = chain.rowStart[p]; e < chain.rowStart[p + 1]; e++)
			if (chain.edgeTransition[e] === index) return e;
		return -1;
	};
	let p = 0;
	const taken: number[] = [];
	let ruledOutAt: number | undefined;
	for (const id of path) {
		const e = edgeFor(p, id);
		if (e < 0) return undefined;
		// Where the observations can no longer happen, no step has a chance given them.
		taken.push(reach[p] > 0 ? chain.edgeProbability[e] : 0);
		p = chain.edgeTarget[e];
		if (ruledOutAt === undefined && !(reach[p] > 0)) ruledOutAt = taken.length;
	}
	const possible = reach[p] > 0;
	const next = new Map<string, number>();
	if (possible)
		for (let e = chain.rowStart[p]; e < chain.rowStart[p + 1]; e++) {
			const t = chain.compiled.model.transitions[chain.edgeTransition[e]];
			next.set(t.id, chain.edgeProbability[e]);
		}
	return { possible, next, taken, ...(ruledOutAt !== undefined && { ruledOutAt }) };
}
