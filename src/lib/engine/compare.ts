/**
 * Two analyses side by side: a baseline and a variant (other choices or likelihoods). The exact
 * comparison subtracts results; the Monte Carlo one uses common random numbers: run r of both
 * chains draws from its own sub-stream, seeded from (seed, r), so the two runs see the same draws
 * step by step even when one run is longer than the other. The paired differences then vary far
 * less than two independent estimates would, and identical chains differ by exactly 0.
 */
import { limits } from '../scenario/limits';
import { pickThreshold } from './branches';
import { endingOf, isAbsorbing, type Chain } from './explore';
import { chainThresholds } from './montecarlo';
import { finalStates } from './outcomes';
import { createRng, type Seed } from './rng';
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
	if (!Number.isInteger(runs) || runs < 1 || runs > limits.maxRuns) {
		throw new RangeError(
			`invalid runs: ${runs} (expected an integer from 1 to maxRuns = ${limits.maxRuns.toLocaleString('en')})`
		);
	}
	const labels = new Map<string, string>();
	for (const chain of [baselineChain, variantChain])
		for (const s of finalStates(chain))
			if (!labels.has(s.path)) labels.set(s.path, s.outcome?.label ?? s.label);
	const ids = [...labels.keys()];
	const sides = [baselineChain, variantChain].map((chain) => ({
		chain,
		thresholds: chainThresholds(chain, chain.edgeProbability),
		endings: endingIndices(chain, ids)
	}));
	const k = ids.length;
	const sumB = new Float64Array(k);
	const sumV = new Float64Array(k);
	const sumD2 = new Float64Array(k);
	const unfinished = [0, 0];
	const x = [new Uint8Array(k), new Uint8Array(k)];
	for (let r = 0; r < runs; r++) {
		sides.forEach((side, i) => {
			const s = runOnce(side.chain, side.thresholds, `${seed}:${r}`, maxSteps);
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
	const outcomes: Record<string, PairedDifference> = {};
	ids.forEach((id, j) => {
		const b = sumB[j] / runs;
		const v = sumV[j] / runs;
		const difference = v - b;
		const variance = Math.max(0, sumD2[j] / runs - difference * difference);
		outcomes[id] = {
			label: labels.get(id)!,
			baseline: b,
			variant: v,
			difference,
			standardError: Math.sqrt(variance / runs),
			independentError: Math.sqrt((b * (1 - b) + v * (1 - v)) / runs)
		};
	});
	return {
		runs,
		seed,
		outcomes,
		unfinished: { baseline: unfinished[0], variant: unfinished[1] }
	};
}

/** For each absorbing state, the indices into `ids` of the outcomes it ends in. */
function endingIndices(chain: Chain, ids: string[]): number[][] {
	return Array.from({ length: chain.size }, (_, s) =>
		isAbsorbing(chain, s) ? endingOf(chain, s).map((leaf) => ids.indexOf(leaf)) : []
	);
}

/** One run on its own sub-stream; the absorbing state reached, or -1 if it ran out of steps. */
function runOnce(chain: Chain, thresholds: Float64Array, stream: string, maxSteps: number): number {
	const rng = createRng(stream);
	let s = 0;
	for (let taken = 0; ; taken++) {
		const first = chain.rowStart[s];
		const end = chain.rowStart[s + 1];
		if (end === first) return s;
		if (taken === maxSteps) return -1;
		s = chain.edgeTarget[pickThreshold(thresholds, first, end, rng.nextUint32())];
	}
}
