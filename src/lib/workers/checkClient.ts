/**
 * The page's side of the editor's check worker (check.worker.ts, checkHost.ts): one check at a
 * time. A newer check, or a cancel, stops the one running in the worker at its next pause between
 * steps, so the worker stays warm (a worker loaded again takes seconds to start on a busy machine,
 * and runs its first checks several times slower); only the latest check's handlers are called. A
 * check stuck in one long step is not waited for without end: a newer check that finds the worker
 * started and silent, with a check in hand, for `restartAfter` terminates it and starts a new one;
 * a cancel with `terminate` (the editor's budget) does the same at once. A worker that fails
 * (its script missing, blocked or throwing) fails its check, and the next check starts a new one.
 */
import type { DraftAnswer, DraftInput } from '$lib/checking/draftAnswer';
import type { DraftOpened } from '$lib/checking/draftOpen';
import { startWorker, type WorkerLike } from './client';
import type { FromCheckWorker, ToCheckWorker } from './protocol';

export type CheckWorkerLike = WorkerLike<ToCheckWorker, FromCheckWorker>;

export interface CheckHandlers {
	/** The lines of a valid text, before its results (the same lines come again with `done`). */
	checked?: (answer: DraftAnswer) => void;
	done: (answer: DraftAnswer) => void;
	failed: (message: string) => void;
}

/** Cancels a check (its handlers are not called after); `terminate` stops its worker at once. */
export type CancelCheck = (terminate?: boolean) => void;

/**
 * How long a started worker may stay silent with a check in hand before a newer check terminates
 * it, in ms: longer than a step of a check of the largest shipped scenario on a busy machine, as
 * a new worker costs more than that to start.
 */
export const restartAfter = 5000;

export class CheckWorker {
	readonly #create: () => CheckWorkerLike;
	readonly #now: () => number;
	#worker: CheckWorkerLike | undefined;
	/** The check waiting for an answer, by its id. */
	#current: { id: number; handlers: CheckHandlers } | undefined;
	/** The checks sent to the worker and not yet ended there (answered or dropped). */
	readonly #inWorker = new Set<number>();
	/** When the worker last said something (or was sent a check); undefined until it is ready. */
	#heard: number | undefined;
	#nextId = 1;
	constructor(create: () => CheckWorkerLike, now: () => number = () => performance.now()) {
		this.#create = create;
		this.#now = now;
	}

	/** Check `draft`; returns the function that cancels it. */
	check(draft: DraftInput, handlers: CheckHandlers): CancelCheck {
		this.#current = undefined;
		if (this.#stuck()) this.#stop();
		const worker = this.#start();
		if (typeof worker === 'string') {
			handlers.failed(worker);
			return () => {};
		}
		const id = this.#nextId++;
		this.#current = { id, handlers };
		// An idle worker's silence starts with this check.
		if (this.#heard !== undefined && this.#inWorker.size === 0) this.#heard = this.#now();
		this.#inWorker.add(id);
		worker.postMessage({ type: 'check', id, draft });
		return (terminate = false) => {
			if (this.#current?.id !== id) return;
			this.#current = undefined;
			if (!terminate) {
				this.#worker?.postMessage({ type: 'cancel', id });
				return;
			}
			this.#stop();
			// Warm for the next check (a worker that cannot be made says so at that check).
			this.#start();
		};
	}

	/** A check is waiting for its answer. */
	get busy(): boolean {
		return this.#current !== undefined;
	}

	/** The worker, started, has held a check without a word for `restartAfter` or more. */
	#stuck(): boolean {
		return (
			this.#inWorker.size > 0 &&
			this.#heard !== undefined &&
			this.#now() - this.#heard >= restartAfter
		);
	}

	/** Forget the checks running and terminate their worker. */
	#stop(): void {
		this.#current = undefined;
		this.#inWorker.clear();
		this.#heard = undefined;
		this.#worker?.terminate();
		this.#worker = undefined;
	}

	/** The worker, started if need be; a message if it could not be. */
	#start(): CheckWorkerLike | string {
		if (this.#worker) return this.#worker;
		const worker = startWorker('check', this.#create, {
			ready: () => {
				if (this.#worker === worker) this.#heard = this.#now();
			},
			message: (message) => {
				if (this.#worker !== worker) return;
				this.#heard = this.#now();
				if (message.type !== 'checked') this.#inWorker.delete(message.id);
				const current = this.#current;
				if (current?.id !== message.id || message.type === 'dropped') return;
				if (message.type === 'opened') return; // not a check (openInWorker's)
				if (message.type === 'checked') {
					current.handlers.checked?.(message.answer);
					return;
				}
				this.#current = undefined;
				if (message.type === 'done') current.handlers.done(message.answer);
				else current.handlers.failed(message.message);
			},
			broken: (message) => this.#fail(worker, message)
		});
		if (typeof worker !== 'string') this.#worker = worker;
		return worker;
	}

	/** The worker broke: its check fails with `message`; the next check starts a new one. */
	#fail(worker: CheckWorkerLike | string, message: string): void {
		if (this.#worker === undefined || this.#worker !== worker) return;
		const current = this.#current;
		this.#stop();
		current?.handlers.failed(message);
	}
}

/** A new check worker. Browser only. */
const newCheckWorker = () =>
	// Vite finds workers by this exact new URL(…, import.meta.url) form.
	new Worker(new URL('./check.worker.ts', import.meta.url), {
		type: 'module'
	}) as unknown as CheckWorkerLike;

let shared: CheckWorker | undefined;

/** The editor's check worker (one per page, started on its first check). Browser only. */
export function checkWorker(): CheckWorker {
	shared ??= new CheckWorker(newCheckWorker);
	return shared;
}

/**
 * Open a draft for the dashboard (/draft) in a check worker of its own, started for it and
 * terminated after, so that the page answers while a large draft is checked and laid out: its
 * payload and layout, or its lines. Rejects with the worker's message when it fails.
 */
export function openInWorker(
	draft: DraftInput,
	create: () => CheckWorkerLike = newCheckWorker
): Promise<DraftOpened> {
	let worker: CheckWorkerLike | string = '';
	const opened = new Promise<DraftOpened>((resolve, reject) => {
		worker = startWorker('check', create, {
			message: (message) => {
				if (message.type === 'opened') resolve(message.opened);
				else if (message.type === 'error') reject(new Error(message.message));
			},
			broken: (message) => reject(new Error(message))
		});
		if (typeof worker === 'string') reject(new Error(worker));
		else worker.postMessage({ type: 'open', id: 1, draft });
	});
	return opened.finally(() => {
		if (typeof worker === 'object') worker.terminate();
	});
}
