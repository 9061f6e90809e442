/**
 * The one analysis entry point: a compiled scenario and a person's settings (choices → likelihood
 * values → the explored chain → the exact result). The command line, the build, the page, its
 * worker and the tests all call it; where the chain of these settings was computed already (at
 * build time, or on the main thread before a worker run), it is passed in and not explored again.
 */
import { likelihoodValues, resolveChoices, type Compiled, type Settings } from './compile';
import { explore, fromChainData, type Chain, type ChainData } from './explore';
import { likelihoodIntervals, type IntervalResult } from './interval';
import { checkObservations, Observed, type Observation } from './observe';
import { limits } from '../scenario/limits';
import type { Seed } from './rng';
import { withReading } from './reading';
import { solveExact, type ExactResult } from './solve';

/**
 * Draws for the intervals the dashboard shows: enough for a stable 90 % band, few enough to redo
 * after every change (in the analysis worker; the default view's come with the page).
 */
export const pageIntervalSamples = 200;

export interface Analysis {
	/** Every choice, the defaults filled in. */
	choices: Record<string, string>;
	/** The reading of the source it stands under (undefined: the scenario's own). */
	reading?: string;
	/** One likelihood value per transition, with the settings applied. */
	values: Float64Array;
	/** Ids of the transitions whose likelihood the user set: intervals hold them fixed. */
	fixed: Set<string>;
	/** The chain explored for the settings, before any observation. */
	explored: Chain;
	/**
	 * The chain every analysis reads: the explored one, or under observations the product chain
	 * with its edges' probabilities conditioned on them (so Monte Carlo, paths and the fan read it
	 * unchanged).
	 */
	chain: Chain;
	/** The exact result of `chain` (conditioned under observations). */
	exact: ExactResult;
	/** Under observations: the exact result before them. */
	unconditioned?: ExactResult;
	/** Under observations: what was observed, and how likely it was beforehand. */
	observed?: { observations: Observation[]; probability: number; conditioned: Observed };
}

/** A chain computed ahead (at build time, or on the page before a worker run) and its settings. */
export interface KnownChain {
	chain: ChainData;
	/** The likelihoods it was explored with (its edges' probabilities hold these values). */
	likelihoods: Record<string, number>;
	/** The reading it was explored under (none: the scenario's own). */
	reading?: string;
}

/**
 * The analysis of `settings`, under the reading they name (the scenario's own if none). `known`: a chain computed ahead, used instead of exploring when it
 * was explored with the same choices and likelihoods.
 */
export function analyze(scenario: Compiled, settings: Settings = {}, known?: KnownChain): Analysis {
	const compiled = withReading(scenario, settings.reading);
	const choices = resolveChoices(compiled, settings.choices);
	const likelihoods = settings.likelihoods ?? {};
	const values = likelihoodValues(compiled, likelihoods);
	const fixed = new Set(Object.keys(likelihoods));
	const explored =
		known &&
		(known.reading ?? '') === (settings.reading ?? '') &&
		sameRecord(known.chain.choices, choices) &&
		sameRecord(known.likelihoods, likelihoods)
			? fromChainData(compiled, known.chain)
			: explore(compiled, choices, values);
	const reading = settings.reading || undefined;
	const base = { choices, ...(reading && { reading }), values, fixed, explored };
	const observations = settings.observations ?? [];
	if (observations.length === 0) return { ...base, chain: explored, exact: solveExact(explored) };
	const conditioned = new Observed(explored, [], observations, limits.maxReachable);
	const { probability, weights } = conditioned.condition(conditioned.weights());
	// Observations that cannot happen: an ObserveError names the step (checkObservations throws).
	if (probability <= 0)
		checkObservations(explored, observations, explored.edgeProbability, limits.maxReachable);
	return {
		...base,
		chain: { ...conditioned.product.chain, edgeProbability: weights },
		exact: conditioned.solve(weights),
		unconditioned: solveExact(explored),
		observed: { observations, probability, conditioned }
	};
}

/** Whether two flat records hold the same keys and values (in any order). */
function sameRecord<T>(a: Record<string, T>, b: Record<string, T>): boolean {
	const keys = Object.keys(b);
	return keys.length === Object.keys(a).length && keys.every((k) => k in a && a[k] === b[k]);
}

/** Intervals for an analysis; `undefined` when no likelihood is a range. */
export function intervalsFor(
	analysis: Analysis,
	samples = 1000,
	seed: Seed = 1
): IntervalResult | undefined {
	const result = likelihoodIntervals(
		analysis.explored,
		analysis.values,
		samples,
		seed,
		analysis.fixed,
		analysis.observed?.conditioned
	);
	return result.uncertain.length > 0 ? result : undefined;
}
