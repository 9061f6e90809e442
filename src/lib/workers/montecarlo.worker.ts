/// <reference lib="webworker" />
/**
 * Monte Carlo off the main thread: the same engine code as the command line, run in chunks so the
 * page can show progress. Cancelling terminates the worker. Four kinds of run: a simulation of one
 * set of choices, a paired comparison of two on common random numbers, a sensitivity sweep (so
 * that the page stays responsive while it re-explores the scenario once per option), and the 90 %
 * intervals of the ranged likelihoods (200 exact solves, kept off the main thread likewise).
 */
import { likelihoodValues, resolveChoices, type Compiled } from '$lib/engine/compile';
import { createComparison } from '$lib/engine/compare';
import { explore } from '$lib/engine/explore';
import { likelihoodIntervals, type IntervalResult } from '$lib/engine/interval';
import { createMonteCarlo } from '$lib/engine/montecarlo';
import { sensitivityOf } from '$lib/engine/sensitivity';
import { fromPayload } from '$lib/scenarios/payload';
import {
	chunkRuns,
	type CompareRequest,
	type ComparisonSummary,
	type IntervalsRequest,
	type MonteCarloRequest,
	type MonteCarloSummary,
	type RunSettings,
	type SensitivityRequest,
	type WorkerMessage,
	type WorkerRequest
} from './protocol';

const post = <Result>(message: WorkerMessage<Result>) => self.postMessage(message);

function chainOf(compiled: Compiled, { choices, likelihoods }: RunSettings) {
	return explore(
		compiled,
		resolveChoices(compiled, choices),
		likelihoodValues(compiled, likelihoods)
	);
}

/** Run `runs` in chunks, reporting progress after each. */
function inChunks(runs: number, run: (n: number) => void): void {
	for (let done = 0; done < runs;) {
		const n = Math.min(chunkRuns, runs - done);
		run(n);
		done += n;
		post({ type: 'progress', done, total: runs });
	}
}

function simulate(request: MonteCarloRequest, started: number): MonteCarloSummary {
	const { payload, runs, seed } = request;
	const simulation = createMonteCarlo(chainOf(fromPayload(payload), request), { seed });
	inChunks(runs, (n) => simulation.run(n));
	const { outcomes, endings, indicators, dimensions, meanSteps, unfinished } = simulation.result();
	return {
		outcomes,
		endings,
		indicators,
		dimensions,
		meanSteps,
		unfinished,
		runs,
		seed,
		milliseconds: performance.now() - started
	};
}

function compare(request: CompareRequest, started: number): ComparisonSummary {
	const compiled = fromPayload(request.payload);
	const comparison = createComparison(
		chainOf(compiled, request.baseline),
		chainOf(compiled, request.variant),
		request.seed
	);
	inChunks(request.runs, (n) => comparison.run(n));
	return { ...comparison.result(), milliseconds: performance.now() - started };
}

function sensitivity({ payload, choices, likelihoods, outcome }: SensitivityRequest) {
	return sensitivityOf(fromPayload(payload), { choices, likelihoods }, outcome);
}

/** The intervals as the dashboard computed them on the main thread: null when nothing is ranged. */
function intervals(request: IntervalsRequest): IntervalResult | null {
	const compiled = fromPayload(request.payload);
	const result = likelihoodIntervals(
		chainOf(compiled, request),
		likelihoodValues(compiled, request.likelihoods),
		request.samples,
		request.seed,
		new Set(Object.keys(request.likelihoods))
	);
	return result.uncertain.length > 0 ? result : null;
}

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
	try {
		const started = performance.now();
		const request = event.data;
		const result =
			request.kind === 'compare'
				? compare(request, started)
				: request.kind === 'sensitivity'
					? sensitivity(request)
					: request.kind === 'intervals'
						? intervals(request)
						: simulate(request, started);
		post({ type: 'done', result });
	} catch (error) {
		post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
	}
};
