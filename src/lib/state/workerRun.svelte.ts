/**
 * One kind of run in the page's analysis worker, as runes: status, progress and result. Starting
 * again or cancelling drops the previous run, so the page never waits on a stale one. The worker
 * is shared by every run of the page (workers/client.ts).
 */
import type { ScenarioPayload } from '$lib/scenarios/payload';
import { analysisWorker, type AnalysisWorker } from '$lib/workers/client';
import type {
	AnalysisRequest,
	AssumptionsRequest,
	ClaimsRequest,
	CompareRequest,
	IntervalsRequest,
	MonteCarloRequest,
	QuestionRequest,
	ResultOf,
	SensitivityRequest
} from '$lib/workers/protocol';

/**
 * A request as the worker can take it. Svelte state proxies cannot be cloned into a worker, so
 * the settings are sent as plain copies; the explored chains (`chain`, also inside a compared
 * side's settings) are plain data already and large, so they are passed as they are, for the one
 * copy that `postMessage` makes (a copy here too cost a change about 7 ms, 27 ms at 4× slowdown).
 */
export function forWorker<R extends object>(request: R): R {
	const plain: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(request))
		plain[key] =
			key === 'chain'
				? value
				: value !== null && typeof value === 'object' && !Array.isArray(value) && 'chain' in value
					? forWorker(value)
					: $state.snapshot(value);
	return plain as R;
}

export type RunStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export interface RunHooks<Result> {
	done?: (result: Result) => void;
	failed?: (message: string) => void;
}

/** A request as the page makes it: with the scenario it is about. */
export type Job<Request extends AnalysisRequest> = Request & { payload: ScenarioPayload };

export class WorkerRun<Request extends AnalysisRequest> {
	status = $state<RunStatus>('idle');
	/** Share of the runs done, 0 to 1. */
	progress = $state(0);
	result = $state.raw<ResultOf<Request> | undefined>(undefined);
	error = $state<string | undefined>(undefined);
	/** Cancels the run in the worker, or its start waiting for the next frame. */
	#stop: (() => void) | undefined;
	readonly #hooks: RunHooks<ResultOf<Request>>;
	readonly #worker: () => AnalysisWorker;

	/**
	 * `hooks`: told when a run ends (for a caller that keeps results of its own). `worker`: the
	 * analysis worker to run in (the page's own; the unit tests pass one on a fake worker).
	 */
	constructor(
		hooks: RunHooks<ResultOf<Request>> = {},
		worker: () => AnalysisWorker = analysisWorker
	) {
		this.#hooks = hooks;
		this.#worker = worker;
	}

	/**
	 * Start once the next frame is painted: a run that follows a change (intervals, sensitivity)
	 * then leaves the CPU to the page's own update of the charts first (this machine has two cores).
	 * Shown as running meanwhile.
	 */
	startAfterPaint(job: Job<Request>): void {
		this.#begin();
		const frame = requestAnimationFrame(() => {
			const timer = setTimeout(() => this.start(job), 0);
			this.#stop = () => clearTimeout(timer);
		});
		this.#stop = () => cancelAnimationFrame(frame);
	}

	start(job: Job<Request>): void {
		this.#begin();
		// The payload is plain data already, and large: it goes to the worker once, by hash.
		const { payload, ...request } = job;
		// A job less its payload is the request.
		const cancel = this.#worker().run(payload, forWorker(request) as unknown as Request, {
			progress: (done, total) => (this.progress = done / total),
			done: (result) => {
				this.#stop = undefined;
				this.result = result;
				this.status = 'done';
				this.#hooks.done?.(result);
			},
			failed: (message) => {
				this.#stop = undefined;
				this.error = message;
				this.status = 'error';
				this.#hooks.failed?.(message);
			}
		});
		// A run that failed at once (no worker) has already ended.
		if (this.status === 'running') this.#stop = cancel;
	}

	cancel(): void {
		if (this.status !== 'running') return;
		this.#halt();
		this.status = 'cancelled';
	}

	/** Forget the result (after the settings it was run with have changed). */
	clear(): void {
		this.#halt();
		this.status = 'idle';
		this.result = undefined;
		this.progress = 0;
	}

	#begin(): void {
		this.#halt();
		this.status = 'running';
		this.progress = 0;
		this.error = undefined;
	}

	#halt(): void {
		this.#stop?.();
		this.#stop = undefined;
	}
}

/** A simulation of the current choices. */
export class MonteCarloRun extends WorkerRun<MonteCarloRequest> {}

/** A paired comparison of the baseline and the current choices. */
export class ComparisonRun extends WorkerRun<CompareRequest> {}

/** What matters most for one outcome under the current settings. */
export class SensitivityRun extends WorkerRun<SensitivityRequest> {}

/** The 90 % intervals under the current settings (null: no likelihood is a range). */
export class IntervalsRun extends WorkerRun<IntervalsRequest> {}

/** The key assumptions check under the current settings. */
export class AssumptionsRun extends WorkerRun<AssumptionsRequest> {}
/** The scenario's claims under the current settings (engine/claims.ts). */
export class ClaimsRun extends WorkerRun<ClaimsRequest> {}
/** A question in the query language under the current settings (engine/query.ts). */
export class QuestionRun extends WorkerRun<QuestionRequest> {}
