/**
 * The page's side of its one analysis worker (analysis.worker.ts): started on the first run and
 * kept, it holds the compiled scenarios it was sent (by hash) so that each run sends only its
 * settings (and the chain the page explored for them). Each run is answered by its id; a run
 * cancelled is forgotten here at once and stopped in the worker at its next chunk. A worker
 * that fails (its script missing, blocked or throwing) fails the runs it held and is replaced
 * by a new one at the next run.
 */
import type { ScenarioPayload } from '$lib/scenarios/payload';
import type { AnalysisRequest, FromWorker, ResultOf, ToWorker } from './protocol';

/** What the client needs of a Worker (a fake one in the unit tests); the check worker's too. */
export interface WorkerLike<To = ToWorker, From = FromWorker> {
	postMessage(message: To): void;
	terminate(): void;
	onmessage: ((event: MessageEvent<From>) => void) | null;
	onerror: ((event: ErrorEvent) => void) | null;
}

export interface RunHandlers<Result> {
	progress?: (done: number, total: number) => void;
	done: (result: Result) => void;
	failed: (message: string) => void;
}

/**
 * A worker says `ready` as soon as its script runs. One silent after this long did not start
 * (blocked by a security policy without an error event, say) and is given up with a message.
 */
export const startTimeout = 15_000;

/**
 * Start a worker (`create`) and listen to it: `message` gets what it sends after `ready`, and
 * `broken` is told if it fails (an error event) or says nothing within `startTimeout`. Returns
 * the worker, or a message if it could not be made. `name` names it in the messages ("analysis").
 */
export function startWorker<To, From extends { type: string }>(
	name: string,
	create: () => WorkerLike<To, From>,
	on: {
		message: (message: Exclude<From, { type: 'ready' }>) => void;
		broken: (message: string) => void;
		/** Its script runs (optional). */
		ready?: () => void;
	}
): WorkerLike<To, From> | string {
	let worker: WorkerLike<To, From>;
	try {
		worker = create();
	} catch (error) {
		return `the ${name} worker could not start: ${String(error)}`;
	}
	const broken = (message: string) => {
		clearTimeout(watchdog);
		on.broken(message);
	};
	const watchdog = setTimeout(
		() =>
			broken(
				`the ${name} worker did not start within ${startTimeout / 1000} s: reload the page and try again`
			),
		startTimeout
	);
	worker.onmessage = ({ data: message }) => {
		if (message.type === 'ready') {
			clearTimeout(watchdog);
			on.ready?.();
		} else on.message(message as Exclude<From, { type: 'ready' }>);
	};
	worker.onerror = (event) => broken(event.message || `the ${name} worker failed`);
	return worker;
}

export class AnalysisWorker {
	readonly #create: () => WorkerLike;
	#worker: WorkerLike | undefined;
	/** Hashes of the scenarios the current worker was sent. */
	readonly #holds = new Set<string>();
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each run's handlers hold its own result type
	readonly #runs = new Map<number, RunHandlers<any>>();
	#nextId = 1;

	constructor(create: () => WorkerLike) {
		this.#create = create;
	}

	/** Start a run; returns the function that cancels it (its handlers are not called after). */
	run<Request extends AnalysisRequest>(
		payload: ScenarioPayload,
		request: Request,
		handlers: RunHandlers<ResultOf<Request>>
	): () => void {
		const worker = this.#start();
		if (typeof worker === 'string') {
			handlers.failed(worker);
			return () => {};
		}
		if (!this.#holds.has(payload.sha256)) {
			worker.postMessage({ type: 'scenario', hash: payload.sha256, payload });
			this.#holds.add(payload.sha256);
		}
		const id = this.#nextId++;
		this.#runs.set(id, handlers);
		worker.postMessage({ type: 'run', id, hash: payload.sha256, request });
		return () => {
			if (this.#runs.delete(id)) this.#worker?.postMessage({ type: 'cancel', id });
		};
	}

	/** Runs waiting for an answer (for tests). */
	get pending(): number {
		return this.#runs.size;
	}

	/** The worker, started if need be; a message if it could not be. */
	#start(): WorkerLike | string {
		if (this.#worker) return this.#worker;
		const worker = startWorker('analysis', this.#create, {
			message: (message) => {
				if (this.#worker !== worker) return;
				const handlers = this.#runs.get(message.id);
				if (!handlers) return;
				if (message.type === 'progress') handlers.progress?.(message.done, message.total);
				else {
					this.#runs.delete(message.id);
					if (message.type === 'done') handlers.done(message.result);
					else handlers.failed(message.message);
				}
			},
			broken: (message) => this.#fail(worker, message)
		});
		if (typeof worker !== 'string') this.#worker = worker;
		return worker;
	}

	/** The worker broke: every run it held fails with `message`; the next run starts a new one. */
	#fail(worker: WorkerLike | string, message: string): void {
		if (this.#worker === undefined || this.#worker !== worker) return;
		this.#worker.terminate();
		this.#worker = undefined;
		this.#holds.clear();
		const runs = [...this.#runs.values()];
		this.#runs.clear();
		for (const handlers of runs) handlers.failed(message);
	}
}

let shared: AnalysisWorker | undefined;

/** The page's analysis worker (one per page, started on its first run). Browser only. */
export function analysisWorker(): AnalysisWorker {
	shared ??= new AnalysisWorker(
		() =>
			// Vite finds workers by this exact new URL(…, import.meta.url) form.
			new Worker(new URL('./analysis.worker.ts', import.meta.url), {
				type: 'module'
			}) as unknown as WorkerLike
	);
	return shared;
}
