import { prebuiltView, shippedEntries, shippedScenario } from '$lib/scenarios/prebuilt';
import { skipToWorkspace } from '$lib/dashboard/skipTo';
import type { EntryGenerator, PageServerLoad } from './$types';

// Every shipped scenario is prerendered; the statechart layout is computed here, at build time,
// so the layout library never reaches the browser, and so are the default view's explored chain,
// sensitivity and intervals (seed 1, as the page starts): opening the page computes none of them.
export const entries: EntryGenerator = shippedEntries;

export const load: PageServerLoad = async ({ params }) => {
	const loaded = shippedScenario(params.id);
	const { layoutStatechart } = await import('$lib/charts/statechartLayout');
	return {
		...prebuiltView(loaded),
		layout: await layoutStatechart(loaded.model),
		skipTo: skipToWorkspace
	};
};
