/**
 * Backward from the ends: the chance, from each state, of ending in a chosen set of absorbing
 * states (an outcome), and from it how much of that outcome's probability passes through each
 * transition. The forward solver (`solveExact`) says where runs go; this says which states and
 * steps lead to one ending, as "Why this number?" needs.
 */
import { isAbsorbing, type Chain } from './explore';
import { components, solveExact } from './solve';

/**
 * `reachProbability(chain, (s) => chain.leaves[s].includes('war'))[0]` is the probability of war:
 * entry s is the chance of ending in a counted absorbing state from state s. Components are solved
 * last-first; a loop is solved exactly as a small linear system (h = Q h + b).
 */
export function reachProbability(
	chain: Chain,
	counts: (s: number) => boolean,
	probabilities: Float64Array = chain.edgeProbability,
	order: number[][] = components(chain)
): Float64Array {
	const { rowStart, edgeTarget } = chain;
	const h = new Float64Array(chain.size);
	const member = new Int32Array(chain.size).fill(-1);
	for (let c = order.length - 1; c >= 0; c--) {
		const component = order[c];
		component.forEach((s, i) => (member[s] = i));
		const k = component.length;
		// Row i: h_i − Σ_{j in component} p(i→j) h_j = Σ_{t outside} p(i→t) h_t.
		const a = new Float64Array(k * (k + 1));
		component.forEach((s, i) => {
			a[i * (k + 1) + i] = 1;
			if (isAbsorbing(chain, s)) a[i * (k + 1) + k] = counts(s) ? 1 : 0;
			for (let e = rowStart[s]; e < rowStart[s + 1]; e++) {
				const j = member[edgeTarget[e]];
				if (j >= 0) a[i * (k + 1) + j] -= probabilities[e];
				else a[i * (k + 1) + k] += probabilities[e] * h[edgeTarget[e]];
			}
		});
		const solved = gauss(a, k);
		component.forEach((s, i) => {
			h[s] = Math.min(1, Math.max(0, solved[i]));
			member[s] = -1;
		});
	}
	return h;
}

/** Gaussian elimination with partial pivoting; a singular row (a trap) solves to 0. */
function gauss(a: Float64Array, k: number): Float64Array {
	const w = k + 1;
	for (let col = 0; col < k; col++) {
		let pivot = col;
		for (let r = col + 1; r < k; r++)
			if (Math.abs(a[r * w + col]) > Math.abs(a[pivot * w + col])) pivot = r;
		if (Math.abs(a[pivot * w + col]) < 1e-14) continue;
		for (let c = 0; c <= k && pivot !== col; c++)
			[a[col * w + c], a[pivot * w + c]] = [a[pivot * w + c], a[col * w + c]];
		for (let r = 0; r < k; r++) {
			const factor = r === col ? 0 : a[r * w + col] / a[col * w + col];
			if (factor !== 0) for (let c = col; c <= k; c++) a[r * w + c] -= factor * a[col * w + c];
		}
	}
	const x = new Float64Array(k);
	for (let i = 0; i < k; i++)
		x[i] = Math.abs(a[i * w + i]) < 1e-14 ? 0 : a[i * w + k] / a[i * w + i];
	return x;
}

/**
 * By transition index, the outcome's probability carried by each transition: the expected number
 * of times it fires on a run, counting only runs that end in the outcome (`visits · p · reach`).
 * Divided by the outcome's probability it is the share of the outcome's runs that take the step
 * (in a chain without loops; around a loop a step can fire more than once, and it can exceed 1).
 * `flowInto(chain, reach)[t.index] / reach[0]` for the step `t`.
 */
export function flowInto(
	chain: Chain,
	reach: Float64Array,
	probabilities: Float64Array = chain.edgeProbability,
	visits: Float64Array = solveExact(chain, probabilities).visits
): Float64Array {
	const flow = new Float64Array(chain.compiled.model.transitions.length);
	for (let s = 0; s < chain.size; s++) {
		if (visits[s] === 0) continue;
		for (let e = chain.rowStart[s]; e < chain.rowStart[s + 1]; e++)
			flow[chain.edgeTransition[e]] += visits[s] * probabilities[e] * reach[chain.edgeTarget[e]];
	}
	return flow;
}
