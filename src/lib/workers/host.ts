/**
 * The analysis worker's work, apart from the worker itself (analysis.worker.ts wires it to
 * `self`), so that the unit tests run it in-process. It keeps the last few compiled scenarios by
 * hash, runs one request at a time in the order they came, and answers each with its id. Long
 * runs (simulations, comparisons) go in chunks, reporting progress and pausing after each so that
 * a cancel sent meanwhile is read and the run stops there.
 */
import { analyze, intervalsFor, type KnownChain } from '$lib/engine/analyze';
import { assumptionsCheck } from '$lib/engine/assumptions';
import { parsedClaims, testClaims } from '$lib/engine/claims';
import type { Compiled } from '$lib/engine/compile';
import { createComparison } from '$lib/engine/compare';
import { createMonteCarlo } from '$lib/engine/montecarlo';
import { ObserveError } from '$lib/engine/observe';
import { answerQuestion, readQuestion, withObservations } from '$lib/engine/query';
import { withReading } from '$lib/engine/reading';
import { messageOf } from '$lib/format/messageOf';
import { sensitivity } from '$lib/engine/sensitivity';
import { fromPayload } from '$lib/scenarios/payload';
import { nextTask } from './nextTask';
import {
	chunkRuns,
	keptScenarios,
	type AnalysisRequest,
	type AnalysisResults,
	type FromWorker,
	type RunSettings,
	type ToWorker
} from './protocol';

/** Thrown inside a run that a cancel stopped between chunks. */
class Cancelled extends Error {}

interface Job {
	id: number;
	hash: string;
	request: AnalysisRequest;
}

export interface AnalysisHost {
	receive(message: ToWorker): void;
	/** Ids of the scenarios kept, oldest first (for tests). */
	readonly scenarios: string[];
}

/**
 * `post`: sends a message to the page. `pause`: lets messages in between chunks (the next task).
 */
export function createAnalysisHost(
	post: (message: FromWorker) => void,
	pause: () => Promise<void> = nextTask
): AnalysisHost {
	const scenarios = new Map<string, Compiled>();
	const queue: Job[] = [];
	/** Ids queued or running; a cancel of any other id is ignored. */
	const active = new Set<number>();
	const cancelled = new Set<number>();
	let busy = false;

	function compiledOf(hash: string): Compiled {
		const compiled = scenarios.get(hash);
		if (!compiled) throw new Error(`the worker was not sent scenario ${hash.slice(0, 12)}`);
		// Most recently used last: the first is the one to forget.
		scenarios.delete(hash);
		scenarios.set(hash, compiled);
		return compiled;
	}

	const known = ({ chain, likelihoods, reading }: RunSettings): KnownChain | undefined =>
		chain ? { chain, likelihoods, reading } : undefined;
	const analysisOf = (compiled: Compiled, settings: RunSettings) =>
		analyze(compiled, settings, known(settings));

	/** Run `runs` in chunks, reporting progress and stopping if cancelled. */
	async function inChunks(id: number, runs: number, run: (n: number) => void): Promise<void> {
		for (let done = 0; done < runs;) {
			const n = Math.min(chunkRuns, runs - done);
			run(n);
			done += n;
			post({ type: 'progress', id, done, total: runs });
			await pause();
			if (cancelled.has(id)) throw new Cancelled();
		}
	}

	async function compute({
		id,
		hash,
		request
	}: Job): Promise<AnalysisResults[keyof AnalysisResults]> {
		const started = performance.now();
		const compiled = compiledOf(hash);
		switch (request.kind) {
			case 'simulate': {
				const { runs, seed } = request;
				const simulation = createMonteCarlo(analysisOf(compiled, request).chain, { seed });
				await inChunks(id, runs, (n) => simulation.run(n));
				const { outcomes, endings, indicators, dimensions, meanSteps, unfinished } =
					simulation.result();
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
			case 'compare': {
				const comparison = createComparison(
					analysisOf(compiled, request.baseline).chain,
					analysisOf(compiled, request.variant).chain,
					request.seed
				);
				await inChunks(id, request.runs, (n) => comparison.run(n));
				return { ...comparison.result(), milliseconds: performance.now() - started };
			}
			case 'sensitivity':
				return sensitivity(compiled, request, request.outcome, known(request));
			case 'intervals':
				return intervalsFor(analysisOf(compiled, request), request.samples, request.seed) ?? null;
			case 'assumptions':
				return assumptionsCheck(compiled, request, known(request));
			case 'claims':
				return testClaims(compiled, parsedClaims(compiled.model.scenario), request, request);
			case 'question': {
				const read = readQuestion(request.text, withReading(compiled, request.reading));
				if (!read.ok) throw new Error(`column ${read.error.column}: ${read.error.message}`);
				const question = withObservations(read.question, request.observations ?? []);
				const { samples, seed, ...settings } = request;
				try {
					return answerQuestion(compiled, question, settings, { samples, seed });
				} catch (error) {
					if (error instanceof ObserveError)
						throw new Error(`${error.message}; ${error.hint}`, { cause: error });
					throw error;
				}
			}
		}
	}

	async function drain(): Promise<void> {
		if (busy) return;
		busy = true;
		for (let job = queue.shift(); job; job = queue.shift()) {
			const { id } = job;
			if (!cancelled.has(id)) {
				try {
					const result = await compute(job);
					if (!cancelled.has(id)) post({ type: 'done', id, result });
				} catch (error) {
					if (!cancelled.has(id) && !(error instanceof Cancelled))
						post({
							type: 'error',
							id,
							message: messageOf(error)
						});
				}
			}
			active.delete(id);
			cancelled.delete(id);
		}
		busy = false;
	}

	return {
		receive(message) {
			if (message.type === 'scenario') {
				scenarios.delete(message.hash);
				scenarios.set(message.hash, fromPayload(message.payload));
				while (scenarios.size > keptScenarios) scenarios.delete(scenarios.keys().next().value!);
			} else if (message.type === 'run') {
				active.add(message.id);
				queue.push(message);
				void drain();
			} else if (active.has(message.id)) cancelled.add(message.id);
		},
		get scenarios() {
			return [...scenarios.keys()];
		}
	};
}
