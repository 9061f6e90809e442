/**
 * What a shipped scenario's pages take from the build (prerendering), shared by /scenario/<id>
 * and /embed/<id>: the payload and the default view's explored chain, sensitivity and intervals
 * (seed 1, as a page starts), so that opening a page computes none of them, and the scenario's
 * event log. Build-time only.
 */
import { error } from '@sveltejs/kit';
import { replay } from '$lib/engine/replay';
import { analyze, intervalsFor, pageIntervalSamples } from '$lib/engine/analyze';
import { builtInClaims, parsedClaims, type BuiltIn } from '$lib/engine/claims';
import { toChainData } from '$lib/engine/explore';
import type { LoadedScenario } from '$lib/engine/load';
import { sensitivity } from '$lib/engine/sensitivity';
import { defaultSensitivityOutcome } from '$lib/dashboard/sensitivityDefault';
import { shippedById, shippedEventLog } from './registry';
import { toPayload } from './payload';

/** One page per shipped scenario: the `entries` of a `[id]` route. */
export const shippedEntries = (): { id: string }[] =>
	[...shippedById().keys()].map((id) => ({ id }));

/** The shipped scenario `id`; a 404 if there is none. */
export function shippedScenario(id: string): LoadedScenario {
	const loaded = shippedById().get(id);
	if (!loaded) error(404, `There is no scenario "${id}".`);
	return loaded;
}

/** Whether each claim is built in, by scenario id: the same for every page of a scenario. */
const builtInByScenario = new Map<string, BuiltIn[]>();

/** Whether each of the scenario's claims is built into the model (engine/claims.ts), once per build. */
function claimsBuiltIn(loaded: LoadedScenario): BuiltIn[] {
	let known = builtInByScenario.get(loaded.scenario.id);
	if (!known) {
		known = builtInClaims(loaded.compiled, parsedClaims(loaded.scenario));
		builtInByScenario.set(loaded.scenario.id, known);
	}
	return known;
}

/** The payload and the default view's results, computed ahead. */
export function prebuiltView(loaded: LoadedScenario) {
	const events = shippedEventLog(loaded.scenario.id) ?? null;
	const analysis = analyze(loaded.compiled);
	const chain = toChainData(analysis.chain);
	// The sensitivity of the default view, so that the page shows it without redoing the sweep.
	const outcome = defaultSensitivityOutcome(analysis.exact.outcomes, loaded.model);
	return {
		payload: toPayload(loaded),
		sensitivity: sensitivity(loaded.compiled, {}, outcome, { chain, likelihoods: {} }),
		intervals: intervalsFor(analysis, pageIntervalSamples, 1) ?? null,
		claimsBuiltIn: claimsBuiltIn(loaded),
		chain,
		/** What followed the source (scenarios/events/<id>.yaml), for the replay; null when none. */
		events,
		/** The log replayed against the model at the source's date (engine/replay.ts). */
		replay: events ? replay(loaded.compiled, events.events) : null
	};
}
