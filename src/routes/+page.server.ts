import { loadShipped, scenarioFiles } from '$lib/scenarios/registry';
import { toEntry } from '$lib/scenarios/summary';
import type { PageServerLoad } from './$types';

// Computed once at build time (prerendered): the page ships the numbers, not the engine.
export const load: PageServerLoad = () => ({
	entries: scenarioFiles.map((file) => toEntry(file.slice(1), loadShipped(file)))
});
