/// <reference lib="webworker" />
/**
 * The /validate page's file worker: each scenario given is checked here, off the page's thread,
 * with the loader `npm run validate` uses (src/lib/checking/check.ts), and its report sent back as
 * soon as it is done. filesClient.ts is the page's side.
 */
import { checkScenario, toSourceResolver, toTextLookup } from '$lib/checking/check';
import { shippedSources } from '$lib/checking/shippedSources';
import type { FromFilesWorker, ToFilesWorker } from './protocol';

const post = (message: FromFilesWorker) => self.postMessage(message);

self.onmessage = ({ data: { scenarios, given, pasted } }: MessageEvent<ToFilesWorker>) => {
	const resolveSource = toSourceResolver(given, shippedSources);
	const textOf = toTextLookup(given, shippedSources, pasted);
	scenarios.forEach((file, index) =>
		post({ type: 'report', index, report: checkScenario(file, resolveSource, textOf) })
	);
	post({ type: 'done' });
};
post({ type: 'ready' });
