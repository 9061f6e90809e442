import { loadShipped, scenarioFiles } from '$lib/scenarios/registry';
import type { PageServerLoad } from './$types';

// At build time (prerendered): the shipped scenarios' titles by file name, for the list to fork
// from; their texts are downloaded only when one is forked (shippedScenarios.ts).
export const load: PageServerLoad = () => ({
	titles: Object.fromEntries(
		scenarioFiles.flatMap((file) => {
			const loaded = loadShipped(file);
			const name = file.replace(/^.*\/|\.(ya?ml|json)$/g, '');
			return loaded.ok ? [[name, loaded.value.scenario.title]] : [];
		})
	) as Record<string, string>
});
