/**
 * What to watch: for steps that carry signposts, how much seeing the step happen would move the
 * outcomes, computed exactly (the largest change in any outcome's probability), largest first.
 * "The situation at hand" is the chain under the reader's settings and what they have already
 * observed.
 */
import { limits } from '../scenario/limits';
import type { Chain } from './explore';
import { Observed, type Observation } from './observe';

export interface Watch {
	/** The step's transition id. */
	transition: string;
	/** The chance the step happens, given what is observed. */
	probability: number;
	/** The largest change in any outcome's probability if the step is seen to happen. */
	change: number;
	/** The outcome that moves most, its probability now and after. */
	outcome: string;
	from: number;
	to: number;
}

/**
 * The steps `transitions` ordered by how much observing each would move the outcomes; a step that
 * can no longer happen (given `observations`) or is already observed is left out.
 */
export function whatToWatch(
	chain: Chain,
	transitions: string[],
	observations: Observation[] = [],
	probabilities: Float64Array = chain.edgeProbability
): Watch[] {
	const max = limits.maxReachable;
	const now = new Observed(chain, [], observations, max);
	const conditioned = now.condition(now.weights(probabilities));
	if (conditioned.probability <= 0) return [];
	const current = now.solve(conditioned.weights).outcomes;
	const watches: Watch[] = [];
	for (const transition of transitions) {
		if (observations.some((o) => o.event === transition)) continue;
		const seen = new Observed(
			chain,
			[],
			[...observations, { event: transition, happened: true }],
			max
		);
		const after = seen.condition(seen.weights(probabilities));
		if (after.probability <= 0) continue;
		const outcomes = seen.solve(after.weights).outcomes;
		let best: Watch | undefined;
		outcomes.forEach((o, i) => {
			const change = Math.abs(o.probability - current[i].probability);
			if (!best || change > best.change)
				best = {
					transition,
					probability: after.probability / conditioned.probability,
					change,
					outcome: o.id,
					from: current[i].probability,
					to: o.probability
				};
		});
		if (best) watches.push(best);
	}
	return watches.sort((a, b) => b.change - a.change || a.transition.localeCompare(b.transition));
}
