/**
 * Uncertain likelihoods: where a likelihood is a range, draw each such value uniformly from its
 * range (seeded), solve every draw exactly, and report each outcome's median and 90 % interval.
 */
import type { Compiled } from './compile';
import { reweight, type Chain } from './explore';
import type { Observed } from './observe';
import { createRng, type Seed } from './rng';
import { solverFor } from './solveUnder';

export interface Interval {
	median: number;
	low: number;
	high: number;
}

export interface IntervalResult {
	samples: number;
	seed: Seed;
	/** By outcome id. */
	outcomes: Record<string, Interval>;
	dimensions: Record<string, Interval>;
	/** Ids of the transitions whose likelihood is a range. */
	uncertain: string[];
}

/** `quantileSorted([1, 2, 3, 4], 0.5) === 2.5` (linear interpolation, as R-7 and d3). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
	if (sorted.length === 0) return Number.NaN;
	const h = (sorted.length - 1) * q;
	const i = Math.floor(h);
	return i + 1 < sorted.length ? sorted[i] + (h - i) * (sorted[i + 1] - sorted[i]) : sorted[i];
}

export function toInterval(values: Float64Array): Interval {
	const sorted = values.slice().sort();
	return {
		median: quantileSorted(sorted, 0.5),
		low: quantileSorted(sorted, 0.05),
		high: quantileSorted(sorted, 0.95)
	};
}

export function rangedTransitions(compiled: Compiled) {
	return compiled.model.transitions.filter((t) => t.likelihood.kind === 'range');
}

/** One seeded draw: each of `ranged`'s likelihoods uniform in its range, written into `values`. */
export function drawInto(
	values: Float64Array,
	ranged: ReturnType<typeof rangedTransitions>,
	rng: { next(): number }
): Float64Array {
	for (const t of ranged)
		if (t.likelihood.kind === 'range')
			values[t.index] = t.likelihood.low + rng.next() * (t.likelihood.high - t.likelihood.low);
	return values;
}

/**
 * Intervals over `samples` draws of the ranged likelihoods that can fire under the chain's
 * choices; likelihoods the user set (`fixed`, by transition id) keep their value. The outcome map
 * is empty when nothing is left to draw. `observed`: the observations every draw is conditioned on
 * (a draw under which they cannot happen is left out).
 */
export function likelihoodIntervals(
	chain: Chain,
	values: Float64Array,
	samples: number,
	seed: Seed,
	fixed: ReadonlySet<string> = new Set(),
	observed?: Observed
): IntervalResult {
	const used = new Set(chain.edgeTransition);
	const ranged = rangedTransitions(chain.compiled).filter(
		(t) => used.has(t.index) && !fixed.has(t.id)
	);
	const result: IntervalResult = {
		samples,
		seed,
		outcomes: {},
		dimensions: {},
		uncertain: ranged.map((t) => t.id)
	};
	if (ranged.length === 0) return result;
	const rng = createRng(seed);
	const solve = solverFor(chain, observed);
	const draw = values.slice();
	const probabilities = new Float64Array(chain.edgeTarget.length);
	// Every solve of one chain lists the same outcomes and dimensions in the same order.
	const byOutcome = new Map<string, Float64Array>();
	const byDimension = new Map<string, Float64Array>();
	let outcomeColumns: Float64Array[] = [];
	let dimensionIds: string[] = [];
	let dimensionColumns: Float64Array[] = [];
	let counted = 0;
	for (let i = 0; i < samples; i++) {
		drawInto(draw, ranged, rng);
		const solved = solve(reweight(chain, draw, probabilities));
		if (!solved) continue;
		if (counted === 0) {
			outcomeColumns = solved.outcomes.map((o) => {
				const column = new Float64Array(samples);
				byOutcome.set(o.id, column);
				return column;
			});
			dimensionIds = Object.keys(solved.dimensions);
			dimensionColumns = dimensionIds.map((id) => {
				const column = new Float64Array(samples);
				byDimension.set(id, column);
				return column;
			});
		}
		const { outcomes, dimensions } = solved;
		for (let k = 0; k < outcomeColumns.length; k++)
			outcomeColumns[k][counted] = outcomes[k].probability;
		for (let k = 0; k < dimensionIds.length; k++)
			dimensionColumns[k][counted] = dimensions[dimensionIds[k]];
		counted++;
	}
	for (const [id, v] of byOutcome) result.outcomes[id] = toInterval(v.subarray(0, counted));
	for (const [id, v] of byDimension) result.dimensions[id] = toInterval(v.subarray(0, counted));
	return result;
}
