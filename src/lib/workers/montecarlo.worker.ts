/// <reference lib="webworker" />
/**
 * Monte Carlo off the main thread: the same engine code as the command line, run in chunks so the
 * page can show progress. Cancelling terminates the worker.
 */
import { likelihoodValues, resolveChoices } from '$lib/engine/compile';
import { explore } from '$lib/engine/explore';
import { createMonteCarlo } from '$lib/engine/montecarlo';
import { fromPayload } from '$lib/scenarios/payload';
import { chunkRuns, type MonteCarloMessage, type MonteCarloRequest } from './protocol';

const post = (message: MonteCarloMessage) => self.postMessage(message);

self.onmessage = (event: MessageEvent<MonteCarloRequest>) => {
	try {
		const { payload, choices, likelihoods, runs, seed } = event.data;
		const started = performance.now();
		const compiled = fromPayload(payload);
		const values = likelihoodValues(compiled, likelihoods);
		const chain = explore(compiled, resolveChoices(compiled, choices), values);
		const simulation = createMonteCarlo(chain, { seed });
		for (let done = 0; done < runs;) {
			const n = Math.min(chunkRuns, runs - done);
			simulation.run(n);
			done += n;
			post({ type: 'progress', done, total: runs });
		}
		const { outcomes, endings, indicators, dimensions, meanSteps, unfinished } =
			simulation.result();
		post({
			type: 'done',
			result: {
				outcomes,
				endings,
				indicators,
				dimensions,
				meanSteps,
				unfinished,
				runs,
				seed,
				milliseconds: performance.now() - started
			}
		});
	} catch (error) {
		post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
	}
};
