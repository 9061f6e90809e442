/**
 * What the dashboard computes from a person's settings: the exact analysis (on the main thread,
 * at once), the baseline's and the comparison of the two, and in the analysis worker the 90 %
 * intervals (the last ones kept while the next come), a Monte Carlo run and a paired one. Engine
 * results are large, so they are kept raw (replaced, never mutated). The default view's chain and
 * intervals come with the page, computed at build time.
 */
import { analyze, pageIntervalSamples, type Analysis, type KnownChain } from '$lib/engine/analyze';
import type { Compiled, Settings } from '$lib/engine/compile';
import { compareExact, type ExactComparison } from '$lib/engine/compare';
import { toChainData, type ChainData } from '$lib/engine/explore';
import { ObserveError, type Observation } from '$lib/engine/observe';
import type { IntervalResult } from '$lib/engine/interval';
import type { ScenarioPayload } from '$lib/scenarios/payload';
import { Latest } from '$lib/state/latest.svelte';
import { ComparisonRun, IntervalsRun, MonteCarloRun } from '$lib/state/workerRun.svelte';
import { analysisWorker, type AnalysisWorker } from '$lib/workers/client';
import type { RunSettings } from '$lib/workers/protocol';
import { perfMark } from './perf';

/** The settings results depend on. */
export interface ResultSettings {
	choices: Record<string, string>;
	likelihoods: Record<string, number>;
	/** The reading of the source ('' for the scenario's own). */
	reading: string;
	seed: number;
	/** The pinned baseline's settings, or null. */
	baseline: RunSettings | null;
	/** What the person marked as observed (none: results are unconditioned). */
	observations?: Observation[];
}

/** Why the observations could not be applied under the current settings. */
export interface ObservationProblem {
	message: string;
	hint: string;
}

/** The default view's results, computed at build time (default choices, no likelihood set, seed 1). */
export interface Ahead {
	chain?: ChainData;
	/** null: no likelihood is a range. */
	intervals?: IntervalResult | null;
}

/** The settings the intervals depend on, as one string (key order does not matter). */
export const settingsKey = ({
	choices,
	likelihoods,
	reading,
	seed,
	observations = []
}: ResultSettings): string =>
	JSON.stringify([
		Object.entries(choices).sort(),
		Object.entries(likelihoods).sort(),
		reading,
		seed,
		...(observations.length > 0 ? [observations] : [])
	]);

/**
 * An analysis's settings with its explored chain (before any observation), for the worker (which
 * then does not explore again).
 */
const withChain = (analysis: Analysis, likelihoods: Record<string, number>): RunSettings => ({
	choices: analysis.choices,
	likelihoods,
	...(analysis.reading && { reading: analysis.reading }),
	chain: toChainData(analysis.explored)
});

/** An analysis given observations, or (when they cannot happen) the unconditioned one and why. */
interface Conditioned {
	analysis: Analysis;
	problem?: ObservationProblem;
}

/** `settings` analysed given `observations`; when they cannot happen, without them and why. */
function conditioned(
	compiled: Compiled,
	settings: Settings,
	observations: Observation[],
	known?: KnownChain
): Conditioned {
	try {
		return { analysis: analyze(compiled, { ...settings, observations }, known) };
	} catch (error) {
		if (!(error instanceof ObserveError)) throw error;
		return {
			analysis: analyze(compiled, settings, known),
			problem: { message: error.message, hint: error.hint }
		};
	}
}

export class Results {
	readonly #payload: ScenarioPayload;
	readonly #compiled: Compiled;
	readonly #settings: () => ResultSettings;
	readonly #ahead: Ahead;
	readonly #worker: () => AnalysisWorker;
	/** The intervals of the last settings they were computed for. */
	readonly #intervals: Latest<IntervalResult>;
	/** The latest Monte Carlo run; cleared when the settings it ran with change. */
	readonly monteCarlo: MonteCarloRun;
	/** The latest paired Monte Carlo of baseline and current settings; cleared when either changes. */
	readonly comparison: ComparisonRun;

	/**
	 * `settings`: read afresh on each use (the dashboard's state). `worker`: the analysis worker
	 * (the page's own; the unit tests pass one on a fake worker).
	 */
	constructor(
		payload: ScenarioPayload,
		compiled: Compiled,
		settings: () => ResultSettings,
		ahead: Ahead = {},
		worker: () => AnalysisWorker = analysisWorker
	) {
		this.#payload = payload;
		this.#compiled = compiled;
		this.#settings = settings;
		this.#ahead = ahead;
		this.#worker = worker;
		this.#intervals = new Latest(
			ahead.intervals === undefined
				? undefined
				: {
						key: settingsKey({
							choices: { ...compiled.defaultChoices },
							likelihoods: {},
							reading: '',
							seed: 1,
							baseline: null
						}),
						value: ahead.intervals ?? undefined
					}
		);
		this.monteCarlo = new MonteCarloRun({}, worker);
		this.comparison = new ComparisonRun({}, worker);
	}

	/**
	 * The exact analysis under the current choices and likelihoods, conditioned on the observations;
	 * when they cannot happen under these settings, the unconditioned one and why.
	 */
	readonly #computed: Conditioned = $derived.by(() => {
		perfMark('brink:analysis:start'); // npm run perf: the exact analysis alone
		const { choices, likelihoods, reading, observations = [] } = this.#settings();
		const ahead = this.#ahead.chain;
		const known = ahead && { chain: ahead, likelihoods: {} };
		const computed = conditioned(
			this.#compiled,
			{ choices, likelihoods, reading },
			observations,
			known
		);
		perfMark('brink:analysis:end');
		return computed;
	});

	/** The exact analysis (conditioned on the observations when they can happen). */
	get analysis(): Analysis {
		return this.#computed.analysis;
	}

	/** Why the observations could not be applied (results are then unconditioned), or undefined. */
	get observationProblem(): ObservationProblem | undefined {
		return this.#computed.problem;
	}

	/** The observations the results are conditioned on (none when they cannot happen). */
	get appliedObservations(): Observation[] {
		return this.analysis.observed?.observations ?? [];
	}

	/**
	 * The pinned baseline's exact analysis, given the same observations as the current one (none
	 * when they cannot happen under the current settings); when they cannot happen under the
	 * baseline, its unconditioned analysis and why.
	 */
	readonly #baseline: Conditioned | undefined = $derived.by(() => {
		const { baseline } = this.#settings();
		return baseline ? conditioned(this.#compiled, baseline, this.appliedObservations) : undefined;
	});

	/** The exact analysis of the pinned baseline, or undefined (see `#baseline`). */
	get baselineAnalysis(): Analysis | undefined {
		return this.#baseline?.analysis;
	}

	/** Why the observations cannot happen under the baseline's settings, or undefined. */
	get baselineObservationProblem(): ObservationProblem | undefined {
		return this.#baseline?.problem;
	}

	/**
	 * Whether both sides of the comparison are given the observations: there are some, and they
	 * can happen under the current settings and under the baseline's.
	 */
	get comparedGiven(): boolean {
		return this.appliedObservations.length > 0 && !this.baselineObservationProblem;
	}

	/**
	 * Baseline against the current settings, outcome by outcome; undefined without a baseline.
	 * Both sides are given the observations, or (when they cannot happen under one) neither is.
	 */
	readonly exactComparison: ExactComparison | undefined = $derived.by(() => {
		const baseline = this.baselineAnalysis;
		if (!baseline) return undefined;
		const { exact, unconditioned } = this.analysis;
		return compareExact(baseline.exact, this.comparedGiven ? exact : (unconditioned ?? exact));
	});

	/** The settings the intervals depend on. */
	readonly intervalsKey: string = $derived.by(() =>
		settingsKey({ ...this.#settings(), observations: this.appliedObservations })
	);

	/**
	 * The 90 % intervals where likelihoods are ranges (none when nothing is ranged). While new ones
	 * are computed after a change, the last ones (`intervalsCurrent` is false).
	 */
	get intervals(): IntervalResult | undefined {
		return this.#intervals.value;
	}
	/** Whether `intervals` are those of the current settings. */
	get intervalsCurrent(): boolean {
		return this.#intervals.isFor(this.intervalsKey);
	}
	/** Why the intervals of the current settings could not be computed, if they could not. */
	get intervalsError(): string | undefined {
		return this.#intervals.errorFor(this.intervalsKey);
	}

	/**
	 * The intervals of the current settings, once computed; if the settings change meanwhile, those
	 * of the new settings. Undefined when nothing is ranged or they could not be computed.
	 */
	intervalsReady(): Promise<IntervalResult | undefined> {
		return this.#intervals.ready(() => this.intervalsKey);
	}

	/**
	 * Keep the intervals in step with the settings: the page calls this in an `$effect` (it reads
	 * the settings, so it reruns after each change) and the cleanup it returns stops a run that a
	 * newer change has made stale.
	 */
	followIntervals(): (() => void) | undefined {
		const key = this.intervalsKey;
		if (this.#intervals.isFor(key)) return undefined;
		const run = new IntervalsRun(
			{
				done: (result) => this.#intervals.settle({ key, value: result ?? undefined }),
				failed: (error) => this.#intervals.settle({ key, error })
			},
			this.#worker
		);
		run.startAfterPaint({
			kind: 'intervals',
			payload: this.#payload,
			...this.runSettings(),
			seed: this.#settings().seed,
			samples: pageIntervalSamples
		});
		return () => {
			run.clear();
			// Settings changed (or the page left) before the run ended: its waiters look again.
			this.#intervals.release(key);
		};
	}

	/**
	 * The current settings with their explored chain and the observations applied, for a run in
	 * the worker (every run there is conditioned on them).
	 */
	runSettings(): RunSettings {
		return { ...withChain(this.analysis, this.#settings().likelihoods), ...this.#observed() };
	}

	/** The observations a conditioned run in the worker carries (none when not applied). */
	#observed(): { observations?: Observation[] } {
		const observations = this.appliedObservations;
		return observations.length > 0 ? { observations } : {};
	}

	/** Start a Monte Carlo run of the current settings in the worker. */
	runMonteCarlo(runs: number): void {
		this.monteCarlo.start({
			kind: 'simulate',
			payload: this.#payload,
			...this.runSettings(),
			runs,
			seed: this.#settings().seed
		});
	}

	/** Start a paired Monte Carlo of the baseline and the current settings in the worker. */
	runComparison(runs: number): void {
		const { baseline, likelihoods, seed } = this.#settings();
		if (!baseline || !this.baselineAnalysis) return;
		// Both sides given the observations, or neither (as the exact comparison).
		const given = this.comparedGiven ? this.#observed() : {};
		this.comparison.start({
			kind: 'compare',
			payload: this.#payload,
			baseline: { ...withChain(this.baselineAnalysis, baseline.likelihoods), ...given },
			variant: { ...withChain(this.analysis, likelihoods), ...given },
			runs,
			seed
		});
	}

	/** Runs made with earlier settings no longer hold. */
	clearRuns(): void {
		this.monteCarlo.clear();
		this.comparison.clear();
	}
}
