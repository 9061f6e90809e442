/**
 * The page's side of the editor's check worker (check.worker.ts): one check at a time. A check
 * is one call into the loader that cannot stop half-way, so a check cancelled while it runs
 * terminates its worker (its answer can never arrive) and starts the next one at once, so that it
 * loads while the person types and the next check does not wait for it; an idle worker is kept
 * for the next check. A worker that fails (its script missing, blocked or
 * throwing) fails its check, and the next check starts a new one.
 */
import type { DraftAnswer, DraftInput } from '$lib/checking/draftAnswer';
import { startWorker, type WorkerLike } from './client';
import type { FromCheckWorker, ToCheckWorker } from './protocol';

export type CheckWorkerLike = WorkerLike<ToCheckWorker, FromCheckWorker>;

export interface CheckHandlers {
	done: (answer: DraftAnswer) => void;
	failed: (message: string) => void;
}

export class CheckWorker {
	readonly #create: () => CheckWorkerLike;
	#worker: CheckWorkerLike | undefined;
	/** The check waiting for an answer, by its id. */
	#current: { id: number; handlers: CheckHandlers } | undefined;
	#nextId = 1;
	constructor(create: () => CheckWorkerLike) {
		this.#create = create;
	}

	/** Check `draft`; returns the function that cancels it (its handlers are not called after). */
	check(draft: DraftInput, handlers: CheckHandlers): () => void {
		if (this.#current) this.#stop();
		const worker = this.#start();
		if (typeof worker === 'string') {
			handlers.failed(worker);
			return () => {};
		}
		const id = this.#nextId++;
		this.#current = { id, handlers };
		worker.postMessage({ type: 'check', id, draft });
		return () => {
			if (this.#current?.id !== id) return;
			this.#stop();
			// Warm for the next check (a worker that cannot be made says so at that check).
			this.#start();
		};
	}

	/** A check is waiting for its answer. */
	get busy(): boolean {
		return this.#current !== undefined;
	}

	/** Forget the check running and terminate its worker, which is busy with it. */
	#stop(): void {
		this.#current = undefined;
		this.#worker?.terminate();
		this.#worker = undefined;
	}

	/** The worker, started if need be; a message if it could not be. */
	#start(): CheckWorkerLike | string {
		if (this.#worker) return this.#worker;
		const worker = startWorker('check', this.#create, {
			message: (message) => {
				const current = this.#current;
				if (this.#worker !== worker || current?.id !== message.id) return;
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

let shared: CheckWorker | undefined;

/** The editor's check worker (one per page, started on its first check). Browser only. */
export function checkWorker(): CheckWorker {
	shared ??= new CheckWorker(
		() =>
			// Vite finds workers by this exact new URL(…, import.meta.url) form.
			new Worker(new URL('./check.worker.ts', import.meta.url), {
				type: 'module'
			}) as unknown as CheckWorkerLike
	);
	return shared;
}
