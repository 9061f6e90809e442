/**
 * Exact analysis of the absorbing Markov chain. Rather than invert I − Q for the whole chain, it
 * walks the strongly connected components in topological order: a component without a loop is
 * solved by one multiplication, a loop by a small dense linear system. The result is exact
 * (up to floating point) and linear in the size of an acyclic chain.
 */
import { limits } from '../scenario/limits';
import { isAbsorbing, reweight, type Chain } from './explore';
import { stronglyConnected } from './graph';
import { summarize, type OutcomeSummary } from './outcomes';

export interface ExactResult extends OutcomeSummary {
	method: 'exact';
	/** Expected number of visits to each transient state; for absorbing states, the probability of ending there. */
	visits: Float64Array;
	expectedSteps: number;
	/** Expected number of times each transition fires (by transition index). */
	transitionFlow: Float64Array;
}

/** Thrown when part of the chain can be entered but never left. */
export class LoopError extends Error {
	constructor(
		readonly states: number[],
		readonly leaves: string[][]
	) {
		super(
			`a loop with no exit: ${leaves
				.slice(0, 3)
				.map((l) => l.join(' + '))
				.join('; ')}${leaves.length > 3 ? '; …' : ''}`
		);
		this.name = 'LoopError';
	}
}

/** Components in topological order, each flagged when it is a trap (no way out). */
export function components(chain: Chain): number[][] {
	return stronglyConnected(chain.size, chain.rowStart, chain.edgeTarget).reverse();
}

/**
 * Solve the chain. `probabilities` are edge probabilities (default: as explored); pass
 * `reweight(chain, values)` to solve for other likelihood values.
 */
export function solveExact(
	chain: Chain,
	probabilities: Float64Array = chain.edgeProbability,
	order = components(chain)
): ExactResult {
	const { rowStart, edgeTarget, edgeTransition } = chain;
	const visits = new Float64Array(chain.size);
	const inflow = new Float64Array(chain.size);
	const flow = new Float64Array(chain.compiled.model.transitions.length);
	const member = new Int32Array(chain.size).fill(-1);
	inflow[0] = 1;
	for (const component of order) {
		if (component.length === 1) {
			const s = component[0];
			// The chance of leaving, summed from the exits (not 1 minus the chance of staying,
			// which loses a small exit to rounding: an exit of 1e-9 would end 1.00000003 in all).
			let leave = 0;
			for (let e = rowStart[s]; e < rowStart[s + 1]; e++)
				if (edgeTarget[e] !== s) leave += probabilities[e];
			if (isAbsorbing(chain, s)) visits[s] = inflow[s];
			else if (leave > 0) visits[s] = inflow[s] / leave;
			else {
				if (inflow[s] > 0) throw new LoopError([s], [chain.leaves[s]]);
				continue;
			}
		} else {
			solveBlock(chain, component, probabilities, inflow, visits, member);
		}
		for (const s of component) {
			for (let e = rowStart[s]; e < rowStart[s + 1]; e++) {
				const mass = visits[s] * probabilities[e];
				flow[edgeTransition[e]] += mass;
				if (component.length === 1 || !component.includes(edgeTarget[e])) {
					if (edgeTarget[e] !== s) inflow[edgeTarget[e]] += mass;
				}
			}
		}
	}
	let expectedSteps = 0;
	for (let s = 0; s < chain.size; s++) if (!isAbsorbing(chain, s)) expectedSteps += visits[s];
	return {
		method: 'exact',
		...summarize(chain, visits),
		visits,
		expectedSteps,
		transitionFlow: flow
	};
}

/** Solve v (I − Q_CC) = b_C for one loop block by Gaussian elimination with partial pivoting. */
function solveBlock(
	chain: Chain,
	component: number[],
	p: Float64Array,
	inflow: Float64Array,
	visits: Float64Array,
	member: Int32Array
): void {
	const k = component.length;
	if (component.every((s) => inflow[s] === 0)) return; // not reached under these likelihoods
	if (k > limits.maxLoopBlock) {
		throw new RangeError(
			`a loop of ${k.toLocaleString('en')} states, over the limit of ${limits.maxLoopBlock.toLocaleString('en')}`
		);
	}
	component.forEach((s, i) => (member[s] = i));
	// Row i of the transposed system: v_i − Σ_j v_j Q(j, i) = b_i.
	const a = new Float64Array(k * (k + 1));
	let leaves = 0;
	for (let i = 0; i < k; i++) {
		a[i * (k + 1) + i] = 1;
		a[i * (k + 1) + k] = inflow[component[i]];
	}
	for (let j = 0; j < k; j++) {
		const s = component[j];
		for (let e = chain.rowStart[s]; e < chain.rowStart[s + 1]; e++) {
			const i = member[chain.edgeTarget[e]];
			if (i >= 0 && component[i] === chain.edgeTarget[e]) a[i * (k + 1) + j] -= p[e];
			else leaves += p[e];
		}
	}
	if (leaves <= 1e-12)
		throw new LoopError(
			component,
			component.map((s) => chain.leaves[s])
		);
	for (let col = 0; col < k; col++) {
		let pivot = col;
		for (let r = col + 1; r < k; r++)
			if (Math.abs(a[r * (k + 1) + col]) > Math.abs(a[pivot * (k + 1) + col])) pivot = r;
		if (Math.abs(a[pivot * (k + 1) + col]) < 1e-14)
			throw new LoopError(
				component,
				component.map((s) => chain.leaves[s])
			);
		if (pivot !== col) {
			for (let c = 0; c <= k; c++) {
				const t = a[col * (k + 1) + c];
				a[col * (k + 1) + c] = a[pivot * (k + 1) + c];
				a[pivot * (k + 1) + c] = t;
			}
		}
		for (let r = 0; r < k; r++) {
			if (r === col) continue;
			const factor = a[r * (k + 1) + col] / a[col * (k + 1) + col];
			if (factor === 0) continue;
			for (let c = col; c <= k; c++) a[r * (k + 1) + c] -= factor * a[col * (k + 1) + c];
		}
	}
	for (let i = 0; i < k; i++) visits[component[i]] = a[i * (k + 1) + k] / a[i * (k + 1) + i];
	component.forEach((s) => (member[s] = -1));
}

export { reweight };
