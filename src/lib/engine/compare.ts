/**
 * Two analyses side by side: a baseline and a variant (other choices or likelihoods). The exact
 * comparison subtracts results; the Monte Carlo one uses common random numbers, region by region.
 * A step draws twice: which region moves (from the run's stream, seeded from (seed, r)), then
 * which of that region's transitions fires (from the region's own stream, seeded from
 * (seed, r, region)). So the k-th move of a region uses the same draw in both runs, however the
 * regions interleave: a region the change does not touch plays out identically in the pair, its
 * outcomes differ by exactly 0, and the paired differences elsewhere vary far less than two
 * independent estimates would. Identical chains differ by exactly 0.
 */
import { limits } from '../scenario/limits';
import { endingOf, isAbsorbing, type Chain } from './explore';
import { finalStates } from './outcomes';
import { createRng, type Rng, type Seed } from './rng';
import type { ExactResult } from './solve';

export interface Difference {
	label: string;
	baseline: number;
	variant: number;
	/** variant − baseline */
	difference: number;
}

export interface ExactComparison {
	/** By outcome id (final state path), for outcomes of either result; a missing one counts as 0. */
	outcomes: Record<string, Difference>;
	/** By dimension id; labelled by id, since a result does not carry dimension labels. */
	dimensions: Record<string, Difference>;
}

/** `compareExact(wait, press).outcomes.war.difference` is the change in P(war). */
export function compareExact(baseline: ExactResult, variant: ExactResult): ExactComparison {
	const outcomes: Record<string, Difference> = {};
	for (const o of [...baseline.outcomes, ...variant.outcomes]) {
		if (Object.hasOwn(outcomes, o.id)) continue;
		const b = baseline.outcomes.find((x) => x.id === o.id)?.probability ?? 0;
		const v = variant.outcomes.find((x) => x.id === o.id)?.probability ?? 0;
		outcomes[o.id] = { label: o.label, baseline: b, variant: v, difference: v - b };
	}
	const dimensions: Record<string, Difference> = {};
	for (const id of new Set([
		...Object.keys(baseline.dimensions),
		...Object.keys(variant.dimensions)
	])) {
		const b = baseline.dimensions[id] ?? 0;
		const v = variant.dimensions[id] ?? 0;
		dimensions[id] = { label: id, baseline: b, variant: v, difference: v - b };
	}
	return { outcomes, dimensions };
}

export interface PairedDifference extends Difference {
	/** Standard error of the mean paired difference (per-run variance over n, divisor n). */
	standardError: number;
	/** What the standard error would be for two independent samples of the same size. */
	independentError: number;
}

export interface MonteCarloComparison {
	runs: number;
	seed: Seed;
	outcomes: Record<string, PairedDifference>;
	/** Runs stopped at maxStepsPerRun, per side. */
	unfinished: { baseline: number; variant: number };
}

/**
 * `compareMonteCarlo(wait, press, 100_000, 1)`: estimates of each outcome under both chains from
 * paired runs. Throws a RangeError for a bad number of runs.
 */
export function compareMonteCarlo(
	baselineChain: Chain,
	variantChain: Chain,
	runs: number,
	seed: Seed,
	maxSteps: number = limits.maxStepsPerRun
): MonteCarloComparison {
	checkRuns(runs);
	const comparison = createComparison(baselineChain, variantChain, seed, maxSteps);
	comparison.run(runs);
	return comparison.result();
}

export interface Comparison {
	/** Run `n` more pairs; run r always draws from the stream (seed, r), so chunks do not matter. */
	run(n: number): void;
	/** Estimates from the pairs run so far. */
	result(): MonteCarloComparison;
}

/**
 * A paired Monte Carlo that can be run in chunks (for progress in a worker): any split of the same
 * number of runs gives the same result.
 */
export function createComparison(
	baselineChain: Chain,
	variantChain: Chain,
	seed: Seed,
	maxSteps: number = limits.maxStepsPerRun
): Comparison {
	const labels = new Map<string, string>();
	for (const chain of [baselineChain, variantChain])
		for (const s of finalStates(chain))
			if (!labels.has(s.path)) labels.set(s.path, s.outcome?.label ?? s.label);
	const ids = [...labels.keys()];
	const regions = baselineChain.compiled.model.regions;
	const sides = [baselineChain, variantChain].map((chain) => ({
		chain,
		edgeRegion: edgeRegions(chain, regions),
		endings: endingIndices(chain, ids)
	}));
	const totals = new Float64Array(regions.length);
	const k = ids.length;
	const sumB = new Float64Array(k);
	const sumV = new Float64Array(k);
	const sumD2 = new Float64Array(k);
	const unfinished = [0, 0];
	const x = [new Uint8Array(k), new Uint8Array(k)];
	let done = 0;

	return {
		run(n: number) {
			checkRuns(done + n);
			for (let r = done; r < done + n; r++) {
				sides.forEach((side, i) => {
					const streams = new RunStreams(`${seed}:${r}`, regions.length);
					const s = runOnce(side.chain, side.edgeRegion, streams, totals, maxSteps);
					x[i].fill(0);
					if (s < 0) unfinished[i]++;
					else for (const j of side.endings[s]) x[i][j] = 1;
				});
				for (let j = 0; j < k; j++) {
					sumB[j] += x[0][j];
					sumV[j] += x[1][j];
					const d = x[1][j] - x[0][j];
					sumD2[j] += d * d;
				}
			}
			done += n;
		},
		result() {
			const outcomes: Record<string, PairedDifference> = {};
			ids.forEach((id, j) => {
				const b = done === 0 ? 0 : sumB[j] / done;
				const v = done === 0 ? 0 : sumV[j] / done;
				const difference = v - b;
				const variance = done === 0 ? 0 : Math.max(0, sumD2[j] / done - difference * difference);
				outcomes[id] = {
					label: labels.get(id)!,
					baseline: b,
					variant: v,
					difference,
					standardError: done === 0 ? 0 : Math.sqrt(variance / done),
					independentError: done === 0 ? 0 : Math.sqrt((b * (1 - b) + v * (1 - v)) / done)
				};
			});
			return {
				runs: done,
				seed,
				outcomes,
				unfinished: { baseline: unfinished[0], variant: unfinished[1] }
			};
		}
	};
}

function checkRuns(runs: number): void {
	if (!Number.isInteger(runs) || runs < 1 || runs > limits.maxRuns) {
		throw new RangeError(
			`invalid runs: ${runs} (expected an integer from 1 to maxRuns = ${limits.maxRuns.toLocaleString('en')})`
		);
	}
}

/** For each absorbing state, the indices into `ids` of the outcomes it ends in. */
function endingIndices(chain: Chain, ids: string[]): number[][] {
	return Array.from({ length: chain.size }, (_, s) =>
		isAbsorbing(chain, s) ? endingOf(chain, s).map((leaf) => ids.indexOf(leaf)) : []
	);
}

/** Index into `regions` of the region each edge moves in. */
function edgeRegions(chain: Chain, regions: string[]): Int32Array {
	const index = new Map(regions.map((r, i) => [r, i]));
	const { transitions } = chain.compiled.model;
	return Int32Array.from(chain.edgeTransition, (t) => index.get(transitions[t].region) ?? 0);
}

/** The draws of one run: one stream for the choice of region, one per region for its moves. */
class RunStreams {
	readonly region: Rng;
	#byRegion: (Rng | undefined)[];
	constructor(
		private readonly stream: string,
		regions: number
	) {
		this.region = createRng(stream);
		this.#byRegion = new Array(regions);
	}
	of(region: number): Rng {
		return (this.#byRegion[region] ??= createRng(`${this.stream}:${region}`));
	}
}

/** One run on its own streams; the absorbing state reached, or -1 if it ran out of steps. */
function runOnce(
	chain: Chain,
	edgeRegion: Int32Array,
	streams: RunStreams,
	totals: Float64Array,
	maxSteps: number
): number {
	const { rowStart, edgeTarget, edgeProbability: p } = chain;
	let s = 0;
	for (let taken = 0; ; taken++) {
		const first = rowStart[s];
		const end = rowStart[s + 1];
		if (end === first) return s;
		if (taken === maxSteps) return -1;
		const region = pickRegion(edgeRegion, p, first, end, streams, totals);
		let total = 0;
		for (let e = first; e < end; e++) if (edgeRegion[e] === region) total += p[e];
		const u = streams.of(region).next() * total;
		let chosen = -1;
		let cumulative = 0;
		for (let e = first; e < end; e++) {
			if (edgeRegion[e] !== region || p[e] <= 0) continue;
			chosen = e;
			cumulative += p[e];
			if (u < cumulative) break;
		}
		s = edgeTarget[chosen];
	}
}

/** The region that moves: drawn by the regions' shares of the row, unless only one can move. */
function pickRegion(
	edgeRegion: Int32Array,
	p: Float64Array,
	first: number,
	end: number,
	streams: RunStreams,
	totals: Float64Array
): number {
	let only = -1;
	for (let e = first; e < end; e++) {
		if (p[e] <= 0) continue;
		if (only === -1) only = edgeRegion[e];
		else if (edgeRegion[e] !== only) {
			only = -2;
			break;
		}
	}
	if (only !== -2) return only;
	totals.fill(0);
	let sum = 0;
	for (let e = first; e < end; e++) {
		totals[edgeRegion[e]] += p[e];
		sum += p[e];
	}
	const u = streams.region.next() * sum;
	let cumulative = 0;
	let last = -1;
	for (let g = 0; g < totals.length; g++) {
		if (totals[g] <= 0) continue;
		last = g;
		cumulative += totals[g];
		if (u < cumulative) return g;
	}
	return last;
}
