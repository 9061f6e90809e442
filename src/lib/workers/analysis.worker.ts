/// <reference lib="webworker" />
/**
 * The page's one analysis worker: simulations, paired comparisons, sensitivity sweeps and
 * intervals, off the main thread, with the same engine code as the command line (host.ts does
 * the work; client.ts is the page's side). It says `ready` first, so that the page can tell a
 * worker that never started from one that is busy.
 */
import { createAnalysisHost } from './host';
import type { FromWorker, ToWorker } from './protocol';

const host = createAnalysisHost((message: FromWorker) => self.postMessage(message));
self.onmessage = (event: MessageEvent<ToWorker>) => host.receive(event.data);
self.postMessage({ type: 'ready' } satisfies FromWorker);
