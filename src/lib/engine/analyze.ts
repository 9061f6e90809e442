/**
 * The analyses a person asks for, on a loaded scenario and their settings: the chain, the exact
 * result, and (where likelihoods are ranges) the intervals. One entry point for the command line,
 * the tests and the page.
 */
import { likelihoodValues, resolveChoices, type Settings } from './compile';
import { explore, type Chain } from './explore';
import { likelihoodIntervals, type IntervalResult } from './interval';
import type { LoadedScenario } from './load';
import type { Seed } from './rng';
import { solveExact, type ExactResult } from './solve';

/**
 * Draws for the intervals the dashboard shows: enough for a stable 90 % band, few enough to redo
 * after every change (in the analysis worker; the default view's come with the page).
 */
export const pageIntervalSamples = 200;

export interface Analysis {
	choices: Record<string, string>;
	values: Float64Array;
	/** Ids of the transitions whose likelihood the user set: intervals hold them fixed. */
	fixed: Set<string>;
	chain: Chain;
	exact: ExactResult;
}

export function analyze(loaded: LoadedScenario, settings: Settings = {}): Analysis {
	const { compiled } = loaded;
	const choices = resolveChoices(compiled, settings.choices);
	const values = likelihoodValues(compiled, settings.likelihoods);
	const chain = explore(compiled, choices, values);
	const fixed = new Set(Object.keys(settings.likelihoods ?? {}));
	return { choices, values, fixed, chain, exact: solveExact(chain) };
}

/** Intervals for an analysis; `undefined` when no likelihood is a range. */
export function intervalsFor(
	analysis: Analysis,
	samples = 1000,
	seed: Seed = 1
): IntervalResult | undefined {
	const result = likelihoodIntervals(
		analysis.chain,
		analysis.values,
		samples,
		seed,
		analysis.fixed
	);
	return result.uncertain.length > 0 ? result : undefined;
}
