import { error } from '@sveltejs/kit';
import { shippedById } from '$lib/scenarios/registry';
import { toPayload } from '$lib/scenarios/payload';
import { analyze } from '$lib/engine/analyze';
import { sensitivityOf } from '$lib/engine/sensitivity';
import { defaultSensitivityOutcome } from './sensitivityDefault';
import type { EntryGenerator, PageServerLoad } from './$types';

// Every shipped scenario is prerendered; the statechart layout is computed here, at build time,
// so the layout library never reaches the browser, and so is the default view's sensitivity.
export const entries: EntryGenerator = () => [...shippedById().keys()].map((id) => ({ id }));

export const load: PageServerLoad = async ({ params }) => {
	const loaded = shippedById().get(params.id);
	if (!loaded) error(404, `There is no scenario "${params.id}".`);
	const { layoutStatechart } = await import('$lib/charts/statechartLayout');
	// The sensitivity of the default view, so that the page shows it without redoing the sweep.
	const outcome = defaultSensitivityOutcome(analyze(loaded).exact.outcomes, loaded.model);
	return {
		payload: toPayload(loaded),
		layout: await layoutStatechart(loaded.model),
		sensitivity: sensitivityOf(loaded.compiled, {}, outcome)
	};
};
