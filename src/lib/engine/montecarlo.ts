/**
 * Monte Carlo on the flattened chain: typed arrays and one 32-bit draw per step, no XState actor
 * per run. The generator is sfc32 inlined (the same sequence as `createRng`), so the same seed
 * gives the same tallies everywhere, and a run split into chunks (for a worker's progress bar)
 * gives the same tallies as one long run.
 */
import { limits } from '../scenario/limits';
import { toThresholds } from './branches';
import type { Chain } from './explore';
import { summarize, type OutcomeSummary } from './outcomes';
import { warmState, type Seed } from './rng';

export interface MonteCarloResult extends OutcomeSummary {
	method: 'monte-carlo';
	runs: number;
	seed: Seed;
	/** How many runs ended in each (absorbing) state. */
	counts: Float64Array;
	/** Runs stopped at maxStepsPerRun before reaching an end. */
	unfinished: number;
	meanSteps: number;
	totalSteps: number;
}

export interface MonteCarloOptions {
	seed: Seed;
	/** Edge probabilities; default as explored. */
	probabilities?: Float64Array;
	maxSteps?: number;
}

/** Row-wise cumulative thresholds for the whole chain. */
export function chainThresholds(chain: Chain, probabilities: Float64Array): Float64Array {
	const thresholds = new Float64Array(probabilities.length);
	for (let s = 0; s < chain.size; s++) {
		const a = chain.rowStart[s];
		const b = chain.rowStart[s + 1];
		if (b > a) thresholds.set(toThresholds(probabilities.subarray(a, b)), a);
	}
	return thresholds;
}

/** What one batch of runs returns: steps taken and runs stopped at the step limit. */
interface Batch {
	steps: number;
	unfinished: number;
}

/**
 * The hot loop, at module level (a closure's captured variables cost ~1.5× here): `n` runs from
 * state 0, each step one sfc32 draw against the row's cumulative thresholds. `rng` holds the four
 * sfc32 words; they are read into locals and written back, so batches continue one sequence. The
 * sfc32 step is written inline on purpose (rng.ts `sfc32Next` on an array is ~2× slower here).
 */
function simulateRuns(
	n: number,
	rowStart: Int32Array,
	edgeTarget: Int32Array,
	thresholds: Float64Array,
	maxSteps: number,
	counts: Float64Array,
	rng: Int32Array,
	batch: Batch
): void {
	let a = rng[0];
	let b = rng[1];
	let c = rng[2];
	let d = rng[3];
	let steps = 0;
	let unfinished = 0;
	for (let r = 0; r < n; r++) {
		let s = 0;
		let taken = 0;
		for (;;) {
			const first = rowStart[s];
			const last = rowStart[s + 1] - 1;
			if (last < first) break;
			if (taken === maxSteps) {
				unfinished++;
				break;
			}
			const t = (((a + b) | 0) + d) | 0;
			d = (d + 1) | 0;
			a = b ^ (b >>> 9);
			b = (c + (c << 3)) | 0;
			c = (c << 21) | (c >>> 11);
			c = (c + t) | 0;
			const draw = t >>> 0;
			let e = first;
			while (e < last && draw >= thresholds[e]) e++;
			s = edgeTarget[e];
			taken++;
		}
		steps += taken;
		counts[s]++;
	}
	rng[0] = a;
	rng[1] = b;
	rng[2] = c;
	rng[3] = d;
	batch.steps = steps;
	batch.unfinished = unfinished;
}

/** A resumable simulation: call `run(n)` as often as needed, then `result()`. */
export function createMonteCarlo(chain: Chain, options: MonteCarloOptions) {
	const { rowStart, edgeTarget } = chain;
	const thresholds = chainThresholds(chain, options.probabilities ?? chain.edgeProbability);
	const maxSteps = options.maxSteps ?? limits.maxStepsPerRun;
	const counts = new Float64Array(chain.size);
	const rng = warmState(options.seed);
	const batch: Batch = { steps: 0, unfinished: 0 };
	let runs = 0;
	let unfinished = 0;
	let totalSteps = 0;

	const run = (n: number) => {
		if (!(n >= 0) || runs + n > limits.maxRuns) {
			throw new RangeError(
				`${(runs + n).toLocaleString('en')} runs is over the limit of ${limits.maxRuns.toLocaleString('en')}`
			);
		}
		simulateRuns(n, rowStart, edgeTarget, thresholds, maxSteps, counts, rng, batch);
		runs += n;
		totalSteps += batch.steps;
		unfinished += batch.unfinished;
	};

	const result = (): MonteCarloResult => {
		const weights = counts.map((count) => count / Math.max(1, runs));
		return {
			method: 'monte-carlo',
			...summarize(chain, weights),
			runs,
			seed: options.seed,
			counts: counts.slice(),
			unfinished,
			meanSteps: totalSteps / Math.max(1, runs),
			totalSteps
		};
	};
	return {
		run,
		result,
		get runs() {
			return runs;
		}
	};
}

/** `runs` runs in one go. */
export function monteCarlo(
	chain: Chain,
	runs: number,
	options: MonteCarloOptions
): MonteCarloResult {
	const simulation = createMonteCarlo(chain, options);
	simulation.run(runs);
	return simulation.result();
}

/** Standard error of a Monte Carlo proportion. */
export function standardError(p: number, runs: number): number {
	return Math.sqrt((p * (1 - p)) / runs);
}
