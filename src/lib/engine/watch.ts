/**
 * What to watch: for steps that carry signposts, how much seeing the step happen would move the
 * outcomes, computed exactly (the largest change in any outcome's probability), largest first.
 * "The situation at hand" is the chain under the reader's settings and what they have already
 * observed.
 */
import { limits } from '../scenario/limits';
import type { Model, TransitionInfo } from '../scenario/model';
import type { SignpostSpec } from '../scenario/schema';
import type { Chain } from './explore';
import { Observed, type Observation } from './observe';

export interface Watch {
	/** The event watched: a state path or a transition id. */
	event: string;
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
 * The events (state paths or transition ids) ordered by how much observing each would move the
 * outcomes; one that can no longer happen (given `observations`) or is already observed is left out.
 * For an ending (a final state), only the other regions' outcomes count: its own region it settles.
 */
export function whatToWatch(
	chain: Chain,
	events: string[],
	observations: Observation[] = [],
	probabilities: Float64Array = chain.edgeProbability
): Watch[] {
	const max = limits.maxReachable;
	const now = new Observed(chain, [], observations, max);
	const conditioned = now.condition(now.weights(probabilities));
	if (conditioned.probability <= 0) return [];
	const current = now.solve(conditioned.weights).outcomes;
	const watches: Watch[] = [];
	for (const event of events) {
		if (observations.some((o) => o.event === event)) continue;
		const seen = new Observed(chain, [], [...observations, { event, happened: true }], max);
		const after = seen.condition(seen.weights(probabilities));
		if (after.probability <= 0) continue;
		const outcomes = seen.solve(after.weights).outcomes;
		// Seeing an ending settles its own region: those outcomes moving says nothing new.
		const ending = chain.compiled.model.states.get(event);
		const settled = ending?.kind === 'final' ? ending.region : undefined;
		let best: Watch | undefined;
		outcomes.forEach((o, i) => {
			if (o.region === settled) return;
			const change = Math.abs(o.probability - current[i].probability);
			if (!best || change > best.change)
				best = {
					event,
					probability: after.probability / conditioned.probability,
					change,
					outcome: o.id,
					from: current[i].probability,
					to: o.probability
				};
		});
		if (best) watches.push(best);
	}
	return watches.sort((a, b) => b.change - a.change || a.event.localeCompare(b.event));
}

/** Something to watch: the signs of a step, and the event in the model they would show. */
export interface Signposted {
	/** The target state when every step with these signs leads there, else the one step's id. */
	event: string;
	signposts: SignpostSpec[];
	/** The transition ids that carry these signs. */
	transitions: string[];
}

/**
 * The model's signposts grouped by what they would show: steps that carry the same signs (one
 * step in the world reached by several choices) and lead to the same state are one event, the
 * state reached; otherwise each step is its own event.
 */
export function signpostedEvents(model: Model): Signposted[] {
	const groups = new Map<string, TransitionInfo[]>();
	for (const t of model.transitions) {
		if (t.signposts.length === 0) continue;
		const key = JSON.stringify(t.signposts);
		groups.set(key, [...(groups.get(key) ?? []), t]);
	}
	return [...groups.values()].flatMap((ts) => {
		const targets = new Set(ts.map((t) => t.target));
		if (targets.size === 1)
			return [
				{ event: ts[0].target, signposts: ts[0].signposts, transitions: ts.map((t) => t.id) }
			];
		return ts.map((t) => ({ event: t.id, signposts: t.signposts, transitions: [t.id] }));
	});
}
