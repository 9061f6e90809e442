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

/** What the client needs of a Worker (a fake one in the unit tests). */
export interface WorkerLike {
	postMessage(message: ToWorker): void;
	terminate(): void;
	onmessage: ((event: MessageEvent<FromWorker>) => void) | null;
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

export class AnalysisWorker {
	readonly #create: () => WorkerLike;
	#worker: WorkerLike | undefined;
	/** Hashes of the scenarios the current worker was sent. */
	readonly #holds = new Set<string>();
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each run's handlers hold its own result type
	readonly #runs = new Map<number, RunHandlers<any>>();
	#nextId = 1;
	#watchdog: ReturnType<typeof setTimeout> | undefined;

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
		let worker: WorkerLike;
		try {
			worker = this.#create();
		} catch (error) {
			return `the analysis worker could not start: ${String(error)}`;
		}
		this.#worker = worker;
		this.#watchdog = setTimeout(
			() =>
				this.#fail(
					worker,
					`the analysis worker did not start within ${startTimeout / 1000} s: reload the page and try again`
				),
			startTimeout
		);
		worker.onmessage = ({ data: message }) => {
			if (this.#worker !== worker) return;
			if (message.type === 'ready') {
				clearTimeout(this.#watchdog);
				return;
			}
			const handlers = this.#runs.get(message.id);
			if (!handlers) return;
			if (message.type === 'progress') handlers.progress?.(message.done, message.total);
			else {
				this.#runs.delete(message.id);
				if (message.type === 'done') handlers.done(message.result);
				else handlers.failed(message.message);
			}
		};
		worker.onerror = (event) => this.#fail(worker, event.message || 'the analysis worker failed');
		return worker;
	}

	/** The worker broke: every run it held fails with `message`; the next run starts a new one. */
	#fail(worker: WorkerLike, message: string): void {
		if (this.#worker !== worker) return;
		clearTimeout(this.#watchdog);
		worker.terminate();
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
