/**
 * A run in the Monte Carlo Web Worker, as runes: status, progress and result. Starting a new run
 * or cancelling ends the previous worker, so the page never waits on a stale run. One class for
 * both kinds of run (a simulation, a paired comparison); the request decides which.
 */
import type {
	ComparisonSummary,
	CompareRequest,
	IntervalsRequest,
	MonteCarloRequest,
	MonteCarloSummary,
	SensitivityRequest,
	WorkerMessage,
	WorkerRequest
} from '$lib/workers/protocol';
import type { IntervalResult } from '$lib/engine/interval';
import type { SensitivityResult } from '$lib/engine/sensitivity';

export type RunStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

/**
 * A worker reports progress every chunk, within a fraction of a second. One that has said nothing
 * after this long did not start (blocked by a security policy, or its script failed to run
 * without an error event) and is given up with a message.
 */
const startTimeout = 15_000;

export interface RunHooks<Result> {
	done?: (result: Result) => void;
	failed?: (message: string) => void;
}

export class WorkerRun<Request extends WorkerRequest, Result> {
	status = $state<RunStatus>('idle');
	/** Share of the runs done, 0 to 1. */
	progress = $state(0);
	result = $state.raw<Result | undefined>(undefined);
	error = $state<string | undefined>(undefined);
	#worker: Worker | undefined;
	#watchdog: ReturnType<typeof setTimeout> | undefined;
	/** Cancels a start waiting for the next frame (startAfterPaint). */
	#pending: (() => void) | undefined;
	readonly #hooks: RunHooks<Result>;

	/** `hooks`: told when a run ends (for a caller that keeps results of its own). */
	constructor(hooks: RunHooks<Result> = {}) {
		this.#hooks = hooks;
	}

	/**
	 * Start once the next frame is painted: a run that follows a change (intervals, sensitivity)
	 * then leaves the CPU to the page's own update of the charts first (this machine has two cores,
	 * and a worker starting up competes with the main thread). Shown as running meanwhile.
	 */
	startAfterPaint(request: Request): void {
		this.#stop();
		this.status = 'running';
		this.progress = 0;
		this.error = undefined;
		const frame = requestAnimationFrame(() => {
			const timer = setTimeout(() => this.start(request), 0);
			this.#pending = () => clearTimeout(timer);
		});
		this.#pending = () => cancelAnimationFrame(frame);
	}

	start(request: Request): void {
		this.#stop();
		this.status = 'running';
		this.progress = 0;
		this.error = undefined;
		let worker: Worker;
		try {
			// eslint-disable-next-line svelte/prefer-svelte-reactivity -- Vite finds workers by this exact new URL(…, import.meta.url) form
			worker = new Worker(new URL('../workers/montecarlo.worker.ts', import.meta.url), {
				type: 'module'
			});
		} catch (error) {
			this.#fail(`the simulation worker could not start: ${String(error)}`);
			return;
		}
		this.#worker = worker;
		this.#watchdog = setTimeout(() => {
			if (this.#worker === worker)
				this.#fail(
					`the simulation worker did not start within ${startTimeout / 1000} s: reload the page and try again`
				);
		}, startTimeout);
		worker.onmessage = (event: MessageEvent<WorkerMessage<Result>>) => {
			if (this.#worker !== worker) return;
			clearTimeout(this.#watchdog);
			const message = event.data;
			if (message.type === 'progress') this.progress = message.done / message.total;
			else if (message.type === 'done') {
				this.result = message.result;
				this.status = 'done';
				this.#stop();
				this.#hooks.done?.(message.result);
			} else this.#fail(message.message);
		};
		worker.onerror = (event) => {
			if (this.#worker !== worker) return;
			this.#fail(event.message || 'the simulation worker failed');
		};
		// Svelte state proxies cannot be cloned into a worker: send plain copies of the settings.
		// The payload is plain data already, and large (the sources and their sentences): copying
		// it here too would cost every run a deep copy on the main thread.
		const { payload, ...settings } = request;
		worker.postMessage({ ...($state.snapshot(settings) as object), payload } as Request);
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

	#fail(message: string): void {
		this.error = message;
		this.status = 'error';
		this.#stop();
		this.#hooks.failed?.(message);
	}

	#stop(): void {
		this.#pending?.();
		this.#pending = undefined;
		clearTimeout(this.#watchdog);
		this.#worker?.terminate();
		this.#worker = undefined;
	}
}

/** A simulation of the current choices. */
export class MonteCarloRun extends WorkerRun<MonteCarloRequest, MonteCarloSummary> {}

/** A paired comparison of the baseline and the current choices. */
export class ComparisonRun extends WorkerRun<CompareRequest, ComparisonSummary> {}

/** What matters most for one outcome under the current settings. */
export class SensitivityRun extends WorkerRun<SensitivityRequest, SensitivityResult> {}

/** The 90 % intervals under the current settings (null: no likelihood is a range). */
export class IntervalsRun extends WorkerRun<IntervalsRequest, IntervalResult | null> {}
