/// <reference lib="webworker" />
/**
 * The editor's check worker: a draft's check (parse, validate, the check of every combination of
 * choices) and the results shown beside it (the exact analysis and the statechart's layout), off
 * the main thread, in stages (checkHost.ts; src/lib/checking/stagedCheck.ts does the work;
 * checkClient.ts is the page's side).
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import { loadEngine } from '$lib/checking/loadEngine';
import { createCheckHost } from './checkHost';
import type { FromCheckWorker, ToCheckWorker } from './protocol';

// The first ELK made in a worker evaluates ELK's own worker script, which takes `self.onmessage`
// for a layout protocol of its own (the last lines of elk.bundled.js): every check after the
// first layout would go to ELK and never be answered. One is made here, first, so that the
// handler below takes `self.onmessage` back for good.
new ELK();

const post = (message: FromCheckWorker) => self.postMessage(message);
const host = createCheckHost(post, loadEngine());

self.onmessage = ({ data: message }: MessageEvent<ToCheckWorker>) => void host(message);
post({ type: 'ready' });
