/**
 * The dashboard's state: the user's choices and likelihood settings, the step-through session and
 * the selection, with the exact analysis derived from them. Engine results are large, so they are
 * kept raw (replaced, never mutated). The 90 % intervals of the ranged likelihoods (200 exact
 * solves) are computed in the analysis worker, so that a change redraws the exact results at once
 * and the intervals follow; the default view's come with the page.
 */
import { likelihoodValues, resolveChoices, type Compiled } from '$lib/engine/compile';
import { compareExact, type ExactComparison } from '$lib/engine/compare';
import { explore, fromChainData, type Chain, type ChainData } from '$lib/engine/explore';
import { pageIntervalSamples } from '$lib/engine/analyze';
import type { IntervalResult } from '$lib/engine/interval';
import { solveExact, type ExactResult } from '$lib/engine/solve';
import type { TransitionInfo } from '$lib/scenario/model';
import { fromPayload, type ScenarioPayload } from '$lib/scenarios/payload';
import type { RunSettings } from '$lib/workers/protocol';
import { ComparisonRun, IntervalsRun, MonteCarloRun } from '$lib/state/monteCarlo.svelte';
import { fromQuery, toQuery, type SharedView } from '$lib/state/share';
import { StepThrough } from './stepThrough.svelte';

export interface Analysis {
	chain: Chain;
	exact: ExactResult;
}

/** The settings the intervals depend on, as one string (key order does not matter). */
const settingsKey = (
	choices: Record<string, string>,
	likelihoods: Record<string, number>,
	seed: number
) => JSON.stringify([Object.entries(choices).sort(), Object.entries(likelihoods).sort(), seed]);

/**
 * A performance mark for `npm run perf` (scripts/perf.mjs; docs/performance.md says what each mark
 * times). Only when that benchmark set `globalThis.brinkPerf` before the page loaded, so a normal
 * visit leaves nothing on the performance timeline.
 */
export function perfMark(name: string): void {
	if ((globalThis as { brinkPerf?: boolean }).brinkPerf) performance.mark(name);
}

export class Dashboard {
	readonly payload: ScenarioPayload;
	readonly compiled: Compiled;

	#choices = $state<Record<string, string>>({});
	#likelihoods = $state<Record<string, number>>({});
	#seed = $state(1);
	/** The step-through: where the scenario stands, the options open, the steps taken. */
	readonly steps: StepThrough;
	/** The selected transition id (diagram, step list or history), or null. */
	selectedTransition = $state<string | null>(null);
	/** Counts requests to bring the selected step into view (see `reveal`). */
	revealed = $state(0);
	/** The outcome whose "Why this number?" explanation is open, or null; a link can hold it. */
	explaining = $state<string | null>(null);
	/** The selected sentence id (`p3.s2`), or null. */
	selectedSentence = $state<string | null>(null);
	/** The latest Monte Carlo run in the worker; cleared when the choices it ran with change. */
	readonly monteCarlo = new MonteCarloRun();
	/** The pinned baseline's settings, or null when nothing is pinned. */
	#baseline = $state.raw<RunSettings | null>(null);
	/** The latest paired Monte Carlo of baseline and current settings; cleared when either changes. */
	readonly comparison = new ComparisonRun();

	/** The default view's chain, computed ahead (see the constructor). */
	readonly #prebuilt: ChainData | undefined;
	/** The intervals and the settings they were computed for. */
	#intervals = $state.raw<{ key: string; result?: IntervalResult; error?: string }>();
	#waiting: { key: string; resolve: (result: IntervalResult | undefined) => void }[] = [];

	/** What a shared link held that could not be used (empty when opened without one). */
	readonly notices: string[] = [];

	/**
	 * `query`: a shared link's query string, applied at once (see share.ts). `intervals`: the
	 * default view's intervals (default choices, no likelihood set, seed 1), computed ahead (at
	 * build time; null when no likelihood is a range). `chain`: the default view's explored chain,
	 * computed ahead likewise, so that opening the page does not explore the scenario again.
	 */
	constructor(
		payload: ScenarioPayload,
		query = '',
		{ intervals, chain }: { intervals?: IntervalResult | null; chain?: ChainData } = {}
	) {
		this.payload = payload;
		this.compiled = fromPayload(payload);
		this.#prebuilt = chain;
		this.#choices = { ...this.compiled.defaultChoices };
		if (intervals !== undefined)
			this.#intervals = {
				key: settingsKey(this.#choices, {}, 1),
				result: intervals ?? undefined
			};
		this.steps = new StepThrough(this.compiled, this.#choices, this.values);
		if (query.replace(/^\?/, '') !== '')
			this.notices = this.applyShared(fromQuery(this.compiled, query));
		// The article opens at the evidence of the first option that has some, beside the options.
		this.selectedTransition =
			this.steps.open.find((b) => b.transition.evidence.length > 0)?.transition.id ?? null;
	}

	get choices(): Record<string, string> {
		return this.#choices;
	}
	get likelihoods(): Record<string, number> {
		return this.#likelihoods;
	}
	get seed(): number {
		return this.#seed;
	}
	get baseline(): RunSettings | null {
		return this.#baseline;
	}

	/** One likelihood value per transition, with the user's settings applied. */
	readonly values = $derived.by(() => likelihoodValues(this.compiled, this.#likelihoods));

	/** The exact analysis under the current choices and likelihoods. */
	readonly analysis: Analysis = $derived.by(() => {
		perfMark('brink:analysis:start'); // npm run perf: the exact analysis alone
		const choices = resolveChoices(this.compiled, this.#choices);
		const chain = this.#isPrebuilt(choices)
			? fromChainData(this.compiled, this.#prebuilt!)
			: explore(this.compiled, choices, this.values);
		const exact = solveExact(chain);
		perfMark('brink:analysis:end');
		return { chain, exact };
	});

	/** Whether the chain computed ahead holds for these choices and the current likelihoods. */
	#isPrebuilt(choices: Record<string, string>): boolean {
		const prebuilt = this.#prebuilt;
		if (!prebuilt || Object.keys(this.#likelihoods).length > 0) return false;
		const keys = Object.keys(choices);
		return (
			keys.length === Object.keys(prebuilt.choices).length &&
			keys.every((k) => prebuilt.choices[k] === choices[k])
		);
	}

	/** The settings the intervals depend on. */
	readonly intervalsKey: string = $derived(
		settingsKey(this.#choices, this.#likelihoods, this.#seed)
	);

	/**
	 * The 90 % intervals where likelihoods are ranges (none when nothing is ranged). While new ones
	 * are computed after a change, the last ones (`intervalsCurrent` is false).
	 */
	get intervals(): IntervalResult | undefined {
		return this.#intervals?.result;
	}
	/** Whether `intervals` are those of the current settings. */
	get intervalsCurrent(): boolean {
		return this.#intervals?.key === this.intervalsKey;
	}
	/** Why the intervals of the current settings could not be computed, if they could not. */
	get intervalsError(): string | undefined {
		return this.intervalsCurrent ? this.#intervals?.error : undefined;
	}

	/**
	 * The intervals of the current settings, once computed; if the settings change meanwhile, those
	 * of the new settings. Undefined when nothing is ranged or they could not be computed.
	 */
	async intervalsReady(): Promise<IntervalResult | undefined> {
		for (;;) {
			const key = this.intervalsKey;
			const result =
				this.#intervals?.key === key
					? this.#intervals.result
					: await new Promise<IntervalResult | undefined>((resolve) =>
							this.#waiting.push({ key, resolve })
						);
			if (key === this.intervalsKey) return result;
		}
	}

	/**
	 * Keep the intervals in step with the settings: the page calls this in an `$effect` (it reads
	 * the settings, so it reruns after each change) and the cleanup it returns stops a run that a
	 * newer change has made stale.
	 */
	followIntervals(): (() => void) | undefined {
		const key = this.intervalsKey;
		if (this.#intervals?.key === key) return undefined;
		const run = new IntervalsRun({
			done: (result) => this.#settle({ key, result: result ?? undefined }),
			failed: (error) => this.#settle({ key, error })
		});
		run.startAfterPaint({
			kind: 'intervals',
			payload: this.payload,
			choices: this.#choices,
			likelihoods: this.#likelihoods,
			seed: this.#seed,
			samples: pageIntervalSamples
		});
		return () => {
			run.clear();
			// Settings changed (or the page left) before the run ended: its waiters look again.
			this.#release(key, undefined);
		};
	}

	#settle(intervals: { key: string; result?: IntervalResult; error?: string }): void {
		this.#intervals = intervals;
		this.#release(intervals.key, intervals.result);
	}

	#release(key: string, result: IntervalResult | undefined): void {
		const waiting = this.#waiting;
		this.#waiting = waiting.filter((w) => w.key !== key);
		for (const w of waiting) if (w.key === key) w.resolve(result);
	}

	/** The exact analysis of the pinned baseline, or undefined. */
	readonly baselineAnalysis: Analysis | undefined = $derived.by(() => {
		if (!this.#baseline) return undefined;
		const { choices, likelihoods } = this.#baseline;
		const chain = explore(
			this.compiled,
			resolveChoices(this.compiled, choices),
			likelihoodValues(this.compiled, likelihoods)
		);
		return { chain, exact: solveExact(chain) };
	});

	/** Baseline against the current settings, outcome by outcome; undefined without a baseline. */
	readonly exactComparison: ExactComparison | undefined = $derived.by(() =>
		this.baselineAnalysis
			? compareExact(this.baselineAnalysis.exact, this.analysis.exact)
			: undefined
	);

	/** Transitions by id, for lookups from the diagram, the evidence and the history. */
	readonly transitionsById: Map<string, TransitionInfo> = $derived.by(
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- built afresh inside $derived, never mutated after
		() => new Map(this.compiled.model.transitions.map((t) => [t.id, t]))
	);

	/** Whether a choice is at its default. */
	isDefault(key: string): boolean {
		return this.#choices[key] === this.compiled.defaultChoices[key];
	}

	setChoice(key: string, option: string): void {
		perfMark('brink:choice'); // npm run perf: a choice's change handler starts
		this.#choices = { ...this.#choices, [key]: option };
		this.#settingsChanged();
	}

	setLikelihood(id: string, value: number): void {
		this.#likelihoods = { ...this.#likelihoods, [id]: value };
		this.#settingsChanged();
	}

	/** Back to every default choice and likelihood. */
	reset(): void {
		this.#choices = { ...this.compiled.defaultChoices };
		this.#likelihoods = {};
		this.#settingsChanged();
	}

	/** Pin the current choices and likelihoods as the baseline to compare against. */
	pinBaseline(): void {
		this.#baseline = { choices: { ...this.#choices }, likelihoods: { ...this.#likelihoods } };
		this.comparison.clear();
	}

	unpinBaseline(): void {
		this.#baseline = null;
		this.comparison.clear();
	}

	/** Go back to the baseline's settings (the baseline stays pinned). */
	restoreBaseline(): void {
		if (!this.#baseline) return;
		this.#choices = { ...this.#baseline.choices };
		this.#likelihoods = { ...this.#baseline.likelihoods };
		this.#settingsChanged();
	}

	/** Results computed from the old settings no longer hold; keep the person's place in the steps. */
	#settingsChanged(): void {
		this.monteCarlo.clear();
		this.comparison.clear();
		this.#replay();
	}

	setSeed(seed: number): void {
		this.#seed = seed;
	}

	/** Start a paired Monte Carlo of the baseline and the current settings in the worker. */
	runComparison(runs: number): void {
		if (!this.#baseline) return;
		this.comparison.start({
			kind: 'compare',
			payload: this.payload,
			baseline: this.#baseline,
			variant: { choices: this.#choices, likelihoods: this.#likelihoods },
			runs,
			seed: this.#seed
		});
	}

	/**
	 * Select a step from an analysis (a bar, a path) and ask the page to bring the step-through,
	 * the diagram and the article, which show it, into view.
	 */
	reveal(transitionId: string | null): void {
		this.selectedTransition = transitionId;
		if (transitionId) this.revealed++;
	}

	take(transitionId: string): void {
		this.steps.take(transitionId);
		this.selectedTransition = transitionId;
	}

	/** Take the n-th open option (keys 1–9); false when there is none. */
	takeNth(n: number): boolean {
		const taken = this.steps.takeNth(n);
		if (taken) this.selectedTransition = taken;
		return taken !== undefined;
	}

	/** Let chance pick the next step, from the seed and the step's depth (see StepThrough). */
	takeByChance(): void {
		this.selectedTransition = this.steps.takeByChance(this.#seed) ?? null;
	}

	/**
	 * Start again and take these steps (transition ids) as far as they can be taken, e.g. a likely
	 * path picked in the paths chart. Returns the steps that could not be taken.
	 */
	replayPath(path: string[]): string[] {
		const left = this.#replay(path);
		this.selectedTransition = this.steps.path.at(-1) ?? null;
		return left;
	}

	undo(): void {
		this.steps.undo();
	}

	restart(): void {
		this.steps.restart(this.#choices, this.values);
	}

	/** Start a Monte Carlo run of the current choices in the worker. */
	runMonteCarlo(runs: number): void {
		this.monteCarlo.start({
			kind: 'simulate',
			payload: this.payload,
			choices: this.#choices,
			likelihoods: this.#likelihoods,
			runs,
			seed: this.#seed
		});
	}

	/**
	 * After a change of choices or likelihoods, replay the steps taken as far as they are still
	 * open, so the person keeps their place.
	 */
	#replay(path: string[] = this.steps.path): string[] {
		return this.steps.replay(path, this.#choices, this.values);
	}

	/** The view as a URL query (see share.ts). */
	readonly query: string = $derived.by(() =>
		toQuery(this.compiled, {
			choices: this.#choices,
			likelihoods: this.#likelihoods,
			seed: this.#seed,
			steps: this.steps.path,
			baseline: this.#baseline,
			why: this.explaining
		})
	);

	/**
	 * Open a shared view: its choices, likelihoods and seed, then its steps as far as they can be
	 * taken. Returns what could not be used, in words.
	 */
	applyShared(view: SharedView): string[] {
		this.#choices = { ...this.compiled.defaultChoices, ...view.choices };
		this.#likelihoods = { ...view.likelihoods };
		if (view.seed !== undefined) this.#seed = view.seed;
		if (view.baseline) this.#baseline = view.baseline;
		if (view.why) this.explaining = view.why;
		const left = this.#replay(view.steps);
		const ignored = [...view.ignored];
		if (left.length > 0) {
			ignored.push(
				`${left.length} of ${view.steps.length} steps could not be taken from "${left[0].slice(0, 60)}" on`
			);
		}
		return ignored;
	}
}
