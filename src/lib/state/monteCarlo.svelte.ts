/**
 * A run in the Monte Carlo Web Worker, as runes: status, progress and result. Starting a new run
 * or cancelling ends the previous worker, so the page never waits on a stale run. One class for
 * both kinds of run (a simulation, a paired comparison); the request decides which.
 */
import type {
	ComparisonSummary,
	CompareRequest,
	MonteCarloRequest,
	MonteCarloSummary,
	WorkerMessage,
	WorkerRequest
} from '$lib/workers/protocol';

export type RunStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export class WorkerRun<Request extends WorkerRequest, Result> {
	status = $state<RunStatus>('idle');
	/** Share of the runs done, 0 to 1. */
	progress = $state(0);
	result = $state.raw<Result | undefined>(undefined);
	error = $state<string | undefined>(undefined);
	#worker: Worker | undefined;

	start(request: Request): void {
		this.#stop();
		this.status = 'running';
		this.progress = 0;
		this.error = undefined;
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- Vite finds workers by this exact new URL(…, import.meta.url) form
		const worker = new Worker(new URL('../workers/montecarlo.worker.ts', import.meta.url), {
			type: 'module'
		});
		this.#worker = worker;
		worker.onmessage = (event: MessageEvent<WorkerMessage<Result>>) => {
			if (this.#worker !== worker) return;
			const message = event.data;
			if (message.type === 'progress') this.progress = message.done / message.total;
			else if (message.type === 'done') {
				this.result = message.result;
				this.status = 'done';
				this.#stop();
			} else {
				this.error = message.message;
				this.status = 'error';
				this.#stop();
			}
		};
		worker.onerror = (event) => {
			if (this.#worker !== worker) return;
			this.error = event.message || 'the simulation worker failed';
			this.status = 'error';
			this.#stop();
		};
		// Svelte state proxies cannot be cloned into a worker: send plain copies.
		worker.postMessage($state.snapshot(request) as Request);
	}

	cancel(): void {
		if (this.status !== 'running') return;
		this.#stop();
		this.status = 'cancelled';
	}

	/** Forget the result (after the settings it was run with have changed). */
	clear(): void {
		this.#stop();
		this.status = 'idle';
		this.result = undefined;
		this.progress = 0;
	}

	#stop(): void {
		this.#worker?.terminate();
		this.#worker = undefined;
	}
}

/** A simulation of the current choices. */
export class MonteCarloRun extends WorkerRun<MonteCarloRequest, MonteCarloSummary> {}

/** A paired comparison of the baseline and the current choices. */
export class ComparisonRun extends WorkerRun<CompareRequest, ComparisonSummary> {}
