/**
 * Edge probabilities with some transitions held at values of the analyst's choosing, including
 * values a scenario does not allow a person to set: a certain step at 50 %, a number moved within
 * its band. The key-assumptions check swings them this way (`assumptions.ts`).
 *
 * Where the swung value leaves a gap, the other steps take it as the engine's rules allow:
 * - a `rest` beside it takes whatever the others leave (as always, see `branchLikelihood`);
 * - without a `rest`, the other steps enabled with it in its region scale in proportion, so the
 *   region's likelihoods still add up to 1;
 * - a step enabled alone in its region (a certain step, the only way on) has no one to take the
 *   gap: with the rest of its chance the region waits, and the step is tried again at the next
 *   step. In a scenario without parallel regions that only delays it; beside other regions it
 *   lets them move first. Waiting is a self-loop, solved by dividing the state's row by what
 *   leaves it, which gives the same endings as the loop itself.
 */
import { branchLikelihood } from './branches';
import type { Chain } from './explore';

const tolerance = 1e-12;

/**
 * Edge probabilities of `chain` under `values` (one per transition, as `likelihoodValues` gives),
 * where the transitions in `swung` may hold any value in [0, 1] (a certain step included).
 * `swungWeights(chain, values, new Set([t.index]))` with `values[t.index] = 0.5` gives the chain
 * in which `t` fires half as often as it is tried; solve it with `solveExact(chain, weights)`.
 */
export function swungWeights(
	chain: Chain,
	values: Float64Array,
	swung: ReadonlySet<number>,
	out = new Float64Array(chain.edgeTarget.length)
): Float64Array {
	const { rowStart, edgeTransition, edgeSet, edgeShare, sets, compiled } = chain;
	for (let s = 0; s < chain.size; s++) {
		const start = rowStart[s];
		const end = rowStart[s + 1];
		if (start === end) continue;
		for (let e = start; e < end; e++)
			out[e] = branchLikelihood(edgeTransition[e], sets[edgeSet[e]], compiled, values);
		// Per region set in this row: the swung steps' mass, and the others scaled to fill the gap.
		for (let e = start; e < end; e++) {
			const set = edgeSet[e];
			if (edgeSet.indexOf(set, start) !== e) continue; // the set's first edge does the set
			let total = 0;
			let held = 0;
			for (let f = e; f < end; f++) {
				if (edgeSet[f] !== set) continue;
				total += out[f];
				if (swung.has(edgeTransition[f])) held += out[f];
			}
			const others = total - held;
			if (Math.abs(total - 1) <= tolerance || others <= tolerance) continue;
			const scale = Math.max(0, 1 - held) / others;
			for (let f = e; f < end; f++)
				if (edgeSet[f] === set && !swung.has(edgeTransition[f])) out[f] *= scale;
		}
		let row = 0;
		for (let e = start; e < end; e++) row += out[e] *= edgeShare[e];
		// What does not leave is the chance that the moving region waits (a self-loop).
		if (row > tolerance && row < 1 - tolerance) for (let e = start; e < end; e++) out[e] /= row;
	}
	return out;
}
