import { error } from '@sveltejs/kit';
import { shippedById } from '$lib/scenarios/registry';
import { toPayload } from '$lib/scenarios/payload';
import { analyze, intervalsFor, pageIntervalSamples } from '$lib/engine/analyze';
import { toChainData } from '$lib/engine/explore';
import { sensitivity } from '$lib/engine/sensitivity';
import { defaultSensitivityOutcome } from '$lib/dashboard/sensitivityDefault';
import { skipToWorkspace } from '$lib/dashboard/skipTo';
import type { EntryGenerator, PageServerLoad } from './$types';

// Every shipped scenario is prerendered; the statechart layout is computed here, at build time,
// so the layout library never reaches the browser, and so are the default view's explored chain,
// sensitivity and intervals (seed 1, as the page starts): opening the page computes none of them.
export const entries: EntryGenerator = () => [...shippedById().keys()].map((id) => ({ id }));

export const load: PageServerLoad = async ({ params }) => {
	const loaded = shippedById().get(params.id);
	if (!loaded) error(404, `There is no scenario "${params.id}".`);
	const { layoutStatechart } = await import('$lib/charts/statechartLayout');
	// The sensitivity of the default view, so that the page shows it without redoing the sweep.
	const analysis = analyze(loaded.compiled);
	const chain = toChainData(analysis.chain);
	const outcome = defaultSensitivityOutcome(analysis.exact.outcomes, loaded.model);
	return {
		payload: toPayload(loaded),
		layout: await layoutStatechart(loaded.model),
		sensitivity: sensitivity(loaded.compiled, {}, outcome, { chain, likelihoods: {} }),
		intervals: intervalsFor(analysis, pageIntervalSamples, 1) ?? null,
		chain,
		skipTo: skipToWorkspace
	};
};
