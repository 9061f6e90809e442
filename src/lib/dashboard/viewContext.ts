/**
 * The context a dashboard gives its charts' files (charts/chartContext.ts): the scenario's title,
 * its sources as the payload names them, the settings that differ from the defaults in words
 * (settingsDiff), the seed, a pinned baseline, the view's share link, and the scenario's
 * confidence with what its numbers are.
 */
import type { ChartContext } from '$lib/export/chartCaption';
import type { Dashboard } from './dashboard.svelte';
import { settingsDiff } from './settingsDiff';

/** The defaults: no choice and no likelihood set. */
const defaults = { choices: {}, likelihoods: {} };

/** `link`: the absolute address of this view (the share link). */
export function viewContext(dashboard: Dashboard, link: string): ChartContext {
	const { base: compiled, payload, baseline } = dashboard;
	const current = {
		choices: dashboard.choices,
		likelihoods: dashboard.likelihoods,
		reading: dashboard.reading
	};
	return {
		scenario: payload.scenario.title,
		sources: payload.sources.map((source) => source.meta),
		changes: settingsDiff(compiled, defaults, current),
		seed: dashboard.seed,
		baseline: baseline ? settingsDiff(compiled, defaults, baseline) : undefined,
		link,
		basis: dashboard.basis
	};
}
