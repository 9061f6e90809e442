import { prebuiltView, shippedEntries, shippedScenario } from '$lib/scenarios/prebuilt';
import type { EntryGenerator, PageServerLoad } from './$types';

// Prerendered like /scenario/<id>, with the default view's results computed at build time; the
// page reads the view and the settings from its address in the browser.
export const entries: EntryGenerator = shippedEntries;

export const load: PageServerLoad = ({ params }) => ({
	...prebuiltView(shippedScenario(params.id)),
	embed: true
});
