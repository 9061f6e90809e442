/// <reference lib="webworker" />
/**
 * The editor's check worker: a draft's check (parse, validate, the check of every combination of
 * choices) and the results shown beside it (the exact analysis and the statechart's layout), off
 * the main thread (src/lib/checking/draftAnswer.ts does the work; checkClient.ts is the page's
 * side). One check at a time: a newer text terminates this worker rather than waiting for it.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import { loadEngine } from '$lib/checking/loadEngine';
import type { FromCheckWorker, ToCheckWorker } from './protocol';

// The first ELK made in a worker evaluates ELK's own worker script, which takes `self.onmessage`
// for a layout protocol of its own (the last lines of elk.bundled.js): every check after the
// first layout would go to ELK and never be answered. One is made here, first, so that the
// handler below takes `self.onmessage` back for good.
new ELK();

const post = (message: FromCheckWorker) => self.postMessage(message);
const engine = loadEngine();

self.onmessage = async ({ data: message }: MessageEvent<ToCheckWorker>) => {
	const { id, draft } = message;
	try {
		post({ type: 'done', id, answer: await (await engine).answerDraft(draft) });
	} catch (error) {
		post({ type: 'error', id, message: error instanceof Error ? error.message : String(error) });
	}
};
post({ type: 'ready' });
