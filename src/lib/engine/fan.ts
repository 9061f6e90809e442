/**
 * A fan chart of each indicator over time, computed exactly: the distribution over chain states is
 * pushed forward one step at a time (absorbing states keep their mass), and at every step each
 * indicator's quantiles and mean are read off that distribution. No sampling.
 *
 * Quantile rule: the lower inverse of the stepwise distribution function, q(p) = the smallest
 * value v with P(X ≤ v) ≥ p (Hyndman and Fan's type 1), with a 1e-12 allowance so that rounding
 * in sums such as 0.6 + 0.1 does not push a quantile to the next value. Quantiles are always values
 * the indicator can actually take.
 */
import type { Chain } from './explore';

export interface FanPoint {
	t: number;
	p5: number;
	p25: number;
	median: number;
	p75: number;
	p95: number;
	mean: number;
}

export interface FanResult {
	/** Steps 0..steps. */
	steps: number;
	/** Mass not yet absorbed at each step. */
	unabsorbed: number[];
	/** One series per indicator id, one point per step. */
	indicators: Record<string, FanPoint[]>;
}

/** Default horizon: the first step at which less than this mass is still moving… */
const settled = 1e-6;
/** …but never more than this many steps. */
const maxDefaultSteps = 100;
const allowance = 1e-12;

/**
 * `indicatorFan(chain).indicators.escalation[2].median` is the median escalation after two steps.
 * Throws a RangeError for a negative or non-integer `steps`.
 */
export function indicatorFan(
	chain: Chain,
	probabilities: Float64Array = chain.edgeProbability,
	{ steps }: { steps?: number } = {}
): FanResult {
	if (steps !== undefined && !(Number.isInteger(steps) && steps >= 0))
		throw new RangeError(`invalid steps: ${steps} (expected an integer ≥ 0)`);
	const { rowStart, edgeTarget } = chain;
	const ids = chain.compiled.indicatorIds;
	const indicators: Record<string, FanPoint[]> = Object.fromEntries(ids.map((id) => [id, []]));
	const unabsorbed: number[] = [];
	let current = new Float64Array(chain.size);
	let next = new Float64Array(chain.size);
	current[0] = 1;
	const limit = steps ?? maxDefaultSteps;
	let t = 0;
	for (;;) {
		let moving = 0;
		for (let s = 0; s < chain.size; s++) if (rowStart[s + 1] > rowStart[s]) moving += current[s];
		unabsorbed.push(moving);
		ids.forEach((id, k) => indicators[id].push(summarizeAt(chain, current, k, t)));
		if (t === limit || (steps === undefined && moving < settled)) break;
		next.fill(0);
		for (let s = 0; s < chain.size; s++) {
			const m = current[s];
			if (m === 0) continue;
			if (rowStart[s + 1] === rowStart[s]) next[s] += m;
			for (let e = rowStart[s]; e < rowStart[s + 1]; e++)
				next[edgeTarget[e]] += m * probabilities[e];
		}
		[current, next] = [next, current];
		t++;
	}
	return { steps: t, unabsorbed, indicators };
}

/** Quantiles and mean of indicator k under the distribution `weight` over states. */
function summarizeAt(chain: Chain, weight: Float64Array, k: number, t: number): FanPoint {
	const n = chain.compiled.indicatorIds.length;
	const byValue = new Map<number, number>();
	let mean = 0;
	for (let s = 0; s < chain.size; s++) {
		const w = weight[s];
		if (w === 0) continue;
		const v = chain.indicators[s * n + k];
		byValue.set(v, (byValue.get(v) ?? 0) + w);
		mean += w * v;
	}
	const values = [...byValue.keys()].sort((a, b) => a - b);
	const quantile = (p: number): number => {
		let cumulative = 0;
		for (const v of values) {
			cumulative += byValue.get(v)!;
			if (cumulative >= p - allowance) return v;
		}
		return values[values.length - 1];
	};
	return {
		t,
		p5: quantile(0.05),
		p25: quantile(0.25),
		median: quantile(0.5),
		p75: quantile(0.75),
		p95: quantile(0.95),
		mean
	};
}
