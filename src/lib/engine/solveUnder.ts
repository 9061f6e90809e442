/**
 * The one way an analysis solves the explored chain again under other edge probabilities (a draw
 * of the ranged likelihoods, a swept likelihood, a swung assumption): with no observations,
 * solved as it is; under observations, re-weighted on the product chain, conditioned on them
 * (observe.ts, the h-transform) and solved there. Intervals, sensitivity and the key assumptions
 * all solve through it, so that there is one conditioning.
 */
import type { Chain } from './explore';
import type { Observed } from './observe';
import { components, solveExact, type ExactResult } from './solve';

/**
 * Solves the explored chain under edge probabilities `probabilities` (one per edge of the explored
 * chain): the exact result, conditioned on the observations when there are any; undefined when
 * the observations cannot happen under those probabilities.
 */
export type SolveUnder = (probabilities: Float64Array) => ExactResult | undefined;

/**
 * A solver for `chain` (the explored chain), conditioned on `observed` when given (built on the
 * same chain: `analysis.observed?.conditioned`).
 * `solverFor(analysis.explored, analysis.observed?.conditioned)(analysis.explored.edgeProbability)`
 * gives `analysis.exact`.
 */
export function solverFor(chain: Chain, observed?: Observed): SolveUnder {
	if (!observed) {
		const order = components(chain);
		return (probabilities) => solveExact(chain, probabilities, order);
	}
	return (probabilities) => {
		const { probability, weights } = observed.condition(observed.weights(probabilities));
		return probability > 0 ? observed.solve(weights) : undefined;
	};
}
