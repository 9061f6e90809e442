/**
 * "What to watch next" as the page shows it: the scenario's signposted events (engine/watch.ts),
 * ordered by how far seeing each would move an outcome under the reader's settings and what they
 * have marked as observed, in labels, with the signs to look for. Pure.
 */
import type { Chain } from '$lib/engine/explore';
import { eventLabel, type Observation } from '$lib/engine/observe';
import { signpostedEvents, whatToWatch } from '$lib/engine/watch';
import { formatPercent } from '$lib/format/percent';
import type { SignpostSpec } from '$lib/scenario/schema';
import { stateLabel } from '$lib/scenario/names';

export interface WatchRow {
	/** The event (a state path or a transition id), to mark it observed. */
	event: string;
	label: string;
	/** `44 %`: its chance, given what is observed. */
	chance: string;
	/** `“Ties ruptured” 8 % → 15 %`: the outcome it would move most. */
	moves: string;
	signposts: SignpostSpec[];
}

export function watchView(chain: Chain, observations: Observation[] = []): WatchRow[] {
	const model = chain.compiled.model;
	const signposted = signpostedEvents(model);
	const byEvent = new Map(signposted.map((s) => [s.event, s]));
	return whatToWatch(
		chain,
		signposted.map((s) => s.event),
		observations
	).map((w) => ({
		event: w.event,
		label: eventLabel(model, w.event),
		chance: formatPercent(w.probability),
		moves: `“${stateLabel(model, w.outcome)}” ${formatPercent(w.from)} → ${formatPercent(w.to)}`,
		signposts: byEvent.get(w.event)!.signposts
	}));
}
