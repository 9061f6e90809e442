/**
 * The dashboard's state: the user's choices and likelihood settings, the step-through session and
 * the selection, with the exact analysis derived from them. Engine results are large, so they are
 * kept raw (replaced, never mutated).
 */
import { likelihoodValues, resolveChoices, type Compiled } from '$lib/engine/compile';
import { compareExact, type ExactComparison } from '$lib/engine/compare';
import { explore, type Chain } from '$lib/engine/explore';
import { likelihoodIntervals, type IntervalResult } from '$lib/engine/interval';
import { createRng } from '$lib/engine/rng';
import { solveExact, type ExactResult } from '$lib/engine/solve';
import { options, startSession, take, takeByChance, undo, type Session } from '$lib/engine/stepper';
import type { Branch } from '$lib/engine/branches';
import type { TransitionInfo } from '$lib/scenario/model';
import { fromPayload, type ScenarioPayload } from '$lib/scenarios/payload';
import type { RunSettings } from '$lib/workers/protocol';
import { ComparisonRun, MonteCarloRun } from './monteCarlo.svelte';
import { fromQuery, toQuery, type SharedView } from './share';

export interface Analysis {
	chain: Chain;
	exact: ExactResult;
	intervals?: IntervalResult;
}

/**
 * A performance mark for `npm run perf` (scripts/perf.mjs; docs/performance.md says what each mark
 * times). Only when that benchmark set `globalThis.brinkPerf` before the page loaded, so a normal
 * visit leaves nothing on the performance timeline.
 */
export function perfMark(name: string): void {
	if ((globalThis as { brinkPerf?: boolean }).brinkPerf) performance.mark(name);
}

/** Draws for the intervals shown on the page: enough for a stable 90 % band, fast enough to redo on every change. */
const intervalSamples = 200;

export class Dashboard {
	readonly payload: ScenarioPayload;
	readonly compiled: Compiled;

	#choices = $state<Record<string, string>>({});
	#likelihoods = $state<Record<string, number>>({});
	#session = $state.raw<Session>(undefined as unknown as Session);
	#seed = $state(1);
	/** The selected transition id (diagram, step list or history), or null. */
	selectedTransition = $state<string | null>(null);
	/** The selected sentence id (`p3.s2`), or null. */
	selectedSentence = $state<string | null>(null);
	/** The latest Monte Carlo run in the worker; cleared when the choices it ran with change. */
	readonly monteCarlo = new MonteCarloRun();
	/** The pinned baseline's settings, or null when nothing is pinned. */
	#baseline = $state.raw<RunSettings | null>(null);
	/** The latest paired Monte Carlo of baseline and current settings; cleared when either changes. */
	readonly comparison = new ComparisonRun();

	/** What a shared link held that could not be used (empty when opened without one). */
	readonly notices: string[] = [];

	/** `query`: a shared link's query string, applied at once (see share.ts). */
	constructor(payload: ScenarioPayload, query = '') {
		this.payload = payload;
		this.compiled = fromPayload(payload);
		this.#choices = { ...this.compiled.defaultChoices };
		this.#session = startSession(this.compiled, this.#choices, this.values);
		if (query.replace(/^\?/, '') !== '')
			this.notices = this.applyShared(fromQuery(this.compiled, query));
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
	get session(): Session {
		return this.#session;
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
		const chain = explore(this.compiled, choices, this.values);
		const exact = solveExact(chain);
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- built afresh inside $derived, never mutated after
		const fixed = new Set(Object.keys(this.#likelihoods));
		const intervals = likelihoodIntervals(chain, this.values, intervalSamples, this.#seed, fixed);
		perfMark('brink:analysis:end');
		return { chain, exact, intervals: intervals.uncertain.length > 0 ? intervals : undefined };
	});

	/** The exact analysis of the pinned baseline (no intervals), or undefined. */
	readonly baselineAnalysis: Omit<Analysis, 'intervals'> | undefined = $derived.by(() => {
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

	/** The branches open now in the step-through; empty at an end. */
	readonly open: Branch[] = $derived.by(() => options(this.#session));

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

	take(transitionId: string): void {
		this.#session = take(this.#session, transitionId);
		this.selectedTransition = transitionId;
	}

	/**
	 * Let chance pick the next step. The draw depends only on the seed and the step's depth, so a
	 * shared link or an undo followed by a new draw gives the same pick again.
	 */
	takeByChance(): void {
		const rng = createRng(`${this.#seed}:${this.#session.steps.length}`);
		this.#session = takeByChance(this.#session, rng);
		this.selectedTransition = this.#session.steps.at(-1)?.via?.transition.id ?? null;
	}

	/**
	 * Start again and take these steps (transition ids) as far as they can be taken, e.g. a likely
	 * path picked in the paths chart. Returns the steps that could not be taken.
	 */
	replayPath(path: string[]): string[] {
		const left = this.#replay(path);
		this.selectedTransition = this.path.at(-1) ?? null;
		return left;
	}

	undo(): void {
		this.#session = undo(this.#session);
	}

	restart(): void {
		this.#session = startSession(this.compiled, this.#choices, this.values);
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

	/** Steps taken so far (transition ids), for sharing and replay. */
	get path(): string[] {
		return this.#session.steps.flatMap((s) => (s.via ? [s.via.transition.id] : []));
	}

	/**
	 * After a change of choices or likelihoods, replay the steps taken as far as they are still
	 * open, so the person keeps their place.
	 */
	#replay(path: string[] = this.path): string[] {
		let session = startSession(this.compiled, this.#choices, this.values);
		let taken = 0;
		for (const id of path) {
			if (!options(session).some((b) => b.transition.id === id)) break;
			session = take(session, id);
			taken++;
		}
		this.#session = session;
		return path.slice(taken);
	}

	/** The view as a URL query (see share.ts). */
	readonly query: string = $derived.by(() =>
		toQuery(this.compiled, {
			choices: this.#choices,
			likelihoods: this.#likelihoods,
			seed: this.#seed,
			steps: this.path,
			baseline: this.#baseline
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
