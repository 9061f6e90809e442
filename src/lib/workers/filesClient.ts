/**
 * The page's side of the /validate page's file worker (files.worker.ts): each request gets a
 * worker of its own, terminated once its last report is in, or at once when the request is
 * stopped (a newer one, the person's "Stop", the time limit). A worker that fails fails the
 * request with a message; nothing is thrown.
 */
import type { FileReport } from '$lib/checking/check';
import { startWorker, type WorkerLike } from './client';
import type { FromFilesWorker, ToFilesWorker } from './protocol';

export type FilesWorkerLike = WorkerLike<ToFilesWorker, FromFilesWorker>;

export interface FileCheckHandlers {
	/** The report of scenario `index` of the request. */
	report: (index: number, report: FileReport) => void;
	done: () => void;
	failed: (message: string) => void;
}

/** Check the request's scenarios in a new worker; returns the function that stops it. */
export function checkFiles(
	create: () => FilesWorkerLike,
	request: ToFilesWorker,
	handlers: FileCheckHandlers
): () => void {
	let finished = false;
	let finish = () => {
		finished = true;
	};
	const worker = startWorker('file check', create, {
		message: (message) => {
			if (finished) return;
			if (message.type === 'report') handlers.report(message.index, message.report);
			else {
				finish();
				handlers.done();
			}
		},
		broken: (message) => {
			if (finished) return;
			finish();
			handlers.failed(message);
		}
	});
	if (typeof worker === 'string') {
		handlers.failed(worker);
		return () => {};
	}
	finish = () => {
		finished = true;
		worker.terminate();
	};
	worker.postMessage(request);
	return () => {
		if (!finished) finish();
	};
}

/** A browser worker for the /validate page. */
export const filesWorker = (): FilesWorkerLike =>
	// Vite finds workers by this exact new URL(…, import.meta.url) form.
	new Worker(new URL('./files.worker.ts', import.meta.url), {
		type: 'module'
	}) as unknown as FilesWorkerLike;
