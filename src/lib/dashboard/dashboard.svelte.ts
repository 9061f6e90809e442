/**
 * The dashboard's state: the user's choices, likelihoods, reading and seed, the pinned baseline, the
 * selection, and two parts with tests of their own: the step-through (where the scenario stands,
 * the steps taken) and the results (the exact analysis at once, intervals and runs from the
 * analysis worker).
 */
import { likelihoodValues, type Compiled } from '$lib/engine/compile';
import { checkObservations, ObserveError, type Observation } from '$lib/engine/observe';
import { withReading } from '$lib/engine/reading';
import { observationReach, stepChances, type StepChances } from '$lib/engine/stepChances';
import { limits } from '$lib/scenario/limits';
import { resultBasis, type ResultBasis } from '$lib/scenario/confidenceWords';
import type { TransitionInfo } from '$lib/scenario/model';
import { fromPayload, type ScenarioPayload } from '$lib/scenarios/payload';
import type { RunSettings } from '$lib/workers/protocol';
import type { AnalysisWorker } from '$lib/workers/client';
import { fromQuery, toQuery, type SharedView } from '$lib/state/share';
import { perfMark } from './perf';
import { Results, type Ahead, type ObservationProblem } from './results.svelte';
import { StepThrough } from './stepThrough.svelte';
import type { Session } from '$lib/engine/stepper';

/** Steps a change of settings took away from the step-through: how many, and the first one. */
export interface DroppedSteps {
	count: number;
	/** The first step that no longer follows, in words. */
	first: string;
}

export class Dashboard {
	readonly payload: ScenarioPayload;
	/** The scenario as its file has it, under no reading. */
	readonly base: Compiled;
	/** The scenario's own confidence and what its numbers are, under no reading. */
	readonly #ownBasis: ResultBasis;

	#choices = $state<Record<string, string>>({});
	#likelihoods = $state<Record<string, number>>({});
	/** The reading of the source ('' for the scenario's own). */
	#reading = $state('');
	#seed = $state(1);
	/** The pinned baseline's settings, or null when nothing is pinned. */
	#baseline = $state.raw<RunSettings | null>(null);
	/** What the person marked as observed: every conditioned result is given it. */
	#observations = $state.raw<Observation[]>([]);
	/** Why the last observation offered was refused (it cannot happen), or null. */
	observationError = $state.raw<ObservationProblem | null>(null);
	/** The step-through: where the scenario stands, the options open, the steps taken. */
	readonly steps: StepThrough;
	/** What the settings give: the exact analysis, the intervals, the simulations. */
	readonly results: Results;
	/** The selected transition id (diagram, step list or history), or null. */
	selectedTransition = $state<string | null>(null);
	/** Counts requests to bring the selected step into view (see `reveal`). */
	revealed = $state(0);
	/** The outcome whose "Why this number?" explanation is open, or null; a link can hold it. */
	explaining = $state<string | null>(null);
	/** The selected sentence id (`p3.s2`), or null. */
	selectedSentence = $state<string | null>(null);
	/** What the last change of settings took off the history, and the session it left. */
	#dropped = $state.raw<{ at: Session; steps: DroppedSteps } | null>(null);

	/** What a shared link held that could not be used (empty when opened without one). */
	readonly notices: string[] = [];

	/**
	 * `query`: a shared link's query string, applied at once (see share.ts). `ahead`: the default
	 * view's chain and intervals, computed at build time, so that opening the page computes
	 * neither. `worker`: the analysis worker (the page's own unless a test passes one).
	 */
	constructor(
		payload: ScenarioPayload,
		query = '',
		ahead: Ahead = {},
		worker?: () => AnalysisWorker
	) {
		this.payload = payload;
		this.base = fromPayload(payload);
		this.#ownBasis = resultBasis({ ...payload, model: this.base.model });
		this.#choices = { ...this.base.defaultChoices };
		this.results = new Results(
			payload,
			this.base,
			() => ({
				choices: this.#choices,
				likelihoods: this.#likelihoods,
				reading: this.#reading,
				seed: this.#seed,
				baseline: this.#baseline,
				observations: this.#observations
			}),
			ahead,
			worker
		);
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
	/** What the person marked as observed, in the order marked. */
	get observations(): Observation[] {
		return this.#observations;
	}

	/**
	 * Why the observations kept no longer hold under the current settings (the results are then
	 * unconditioned), or undefined.
	 */
	get observationProblem(): ObservationProblem | undefined {
		return this.results.observationProblem;
	}

	/**
	 * Mark `o` as observed, after checking that it can happen with the others under the current
	 * settings; if it cannot, nothing is added and `observationError` says why. True when added.
	 */
	observe(o: Observation): boolean {
		const { explored } = this.results.analysis;
		// Kept observations that no longer hold are not held against a new one.
		const together = this.observationProblem ? [o] : [...this.#observations, o];
		try {
			checkObservations(explored, together, explored.edgeProbability, limits.maxReachable);
		} catch (error) {
			if (!(error instanceof ObserveError)) throw error;
			this.observationError = { message: error.message, hint: error.hint };
			return false;
		}
		this.observationError = null;
		this.#observations = [...this.#observations, o];
		this.results.clearRuns();
		return true;
	}

	/** Take back the i-th observation. */
	unobserve(i: number): void {
		this.#observations = this.#observations.filter((_, j) => j !== i);
		this.observationError = null;
		this.results.clearRuns();
	}

	/** Take back every observation. */
	clearObservations(): void {
		this.#observations = [];
		this.observationError = null;
		this.results.clearRuns();
	}
	/** The reading of the source the settings stand under ('' for the scenario's own). */
	get reading(): string {
		return this.#reading;
	}

	/** The scenario under the current reading: what the step-through, sliders and words read. */
	readonly compiled: Compiled = $derived.by(() => withReading(this.base, this.#reading));

	/**
	 * The confidence and what the numbers are, as they stand with the current reading: a reading
	 * that departs from the source's bands adds a reason and lowers the level (readingConfidence.ts).
	 */
	readonly basis: ResultBasis = $derived.by(() =>
		this.compiled.reading
			? resultBasis({ ...this.payload, model: this.base.model }, this.compiled.reading)
			: this.#ownBasis
	);
	/** The confidence and what the numbers are under the scenario's own reading (the replay's). */
	get ownBasis(): ResultBasis {
		return this.#ownBasis;
	}
	get baseline(): RunSettings | null {
		return this.#baseline;
	}

	/** One likelihood value per transition, with the user's settings applied. */
	readonly values = $derived.by(() => likelihoodValues(this.compiled, this.#likelihoods));

	/** Transitions by id, for lookups from the diagram, the evidence and the history. */
	readonly transitionsById: Map<string, TransitionInfo> = $derived.by(
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- built afresh inside $derived, never mutated after
		() => new Map(this.compiled.model.transitions.map((t) => [t.id, t]))
	);

	/**
	 * Steps the last change of settings took away from the step-through, while the step-through
	 * stands where that change left it (any step, undo or restart ends the note); else null.
	 */
	get dropped(): DroppedSteps | null {
		return this.#dropped?.at === this.steps.session ? this.#dropped.steps : null;
	}

	/**
	 * Whether every choice is at its default, no likelihood is set and nothing is applied as
	 * observed (the build's default view).
	 */
	readonly isDefaultView: boolean = $derived.by(
		() =>
			Object.keys(this.#likelihoods).length === 0 &&
			this.results.appliedObservations.length === 0 &&
			this.#reading === '' &&
			Object.keys(this.compiled.defaultChoices).every((key) => this.isDefault(key))
	);

	/** The chance of the observations from each state of the product chain (once per analysis). */
	readonly #reach: Float64Array | undefined = $derived.by(() =>
		observationReach(this.results.analysis)
	);

	/**
	 * The step-through's chances given the observations (each next step's, each step taken's, and
	 * whether a step taken has ruled them out); undefined when nothing is observed.
	 */
	readonly stepChances: StepChances | undefined = $derived.by(() =>
		stepChances(this.results.analysis, this.steps.path, this.#reach)
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

	/**
	 * Read the source as `reading` does ('' for the scenario's own). Likelihoods set on steps the
	 * reading changes are dropped, since they were set within the other reading's band.
	 */
	setReading(reading: string): void {
		const before = withReading(this.base, this.#reading).model.transitions;
		const after = withReading(this.base, reading).model.transitions;
		// A reading replaces the transitions it changes and shares the others.
		const kept = (id: string) => {
			const t = this.transitionsById.get(id);
			return t !== undefined && before[t.index] === after[t.index];
		};
		this.#reading = reading;
		this.#likelihoods = Object.fromEntries(
			Object.entries(this.#likelihoods).filter(([id]) => kept(id))
		);
		this.#settingsChanged();
	}

	/** Back to every default choice and likelihood, and the scenario's own reading. */
	reset(): void {
		this.#choices = { ...this.compiled.defaultChoices };
		this.#likelihoods = {};
		this.#reading = '';
		this.#settingsChanged();
	}

	/** Pin the current choices and likelihoods as the baseline to compare against. */
	pinBaseline(): void {
		this.#baseline = {
			choices: { ...this.#choices },
			likelihoods: { ...this.#likelihoods },
			...(this.#reading && { reading: this.#reading })
		};
		this.results.comparison.clear();
	}

	/**
	 * Set one reading against another: the current choices and likelihoods pinned under
	 * `baseline` ('' for the scenario's own), and shown under `variant`.
	 */
	compareReadings(baseline: string, variant: string): void {
		this.setReading(baseline);
		this.pinBaseline();
		this.setReading(variant);
	}

	unpinBaseline(): void {
		this.#baseline = null;
		this.results.comparison.clear();
	}

	/** Go back to the baseline's settings (the baseline stays pinned). */
	restoreBaseline(): void {
		if (!this.#baseline) return;
		this.#choices = { ...this.#baseline.choices };
		this.#likelihoods = { ...this.#baseline.likelihoods };
		this.#reading = this.#baseline.reading ?? '';
		this.#settingsChanged();
	}

	/**
	 * Results computed from the old settings no longer hold; keep the person's place in the steps
	 * as far as it still follows, and say so when it does not.
	 */
	#settingsChanged(): void {
		this.results.clearRuns();
		const left = this.#replay();
		this.#dropped =
			left.length > 0
				? {
						at: this.steps.session,
						steps: {
							count: left.length,
							first: this.transitionsById.get(left[0])?.label ?? left[0]
						}
					}
				: null;
	}

	setSeed(seed: number): void {
		this.#seed = seed;
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

	/**
	 * Let chance pick the next step, from the seed and the step's depth (see StepThrough): by the
	 * chances given the observations while they can still happen, else by the model's own.
	 */
	takeByChance(): void {
		const given = this.stepChances;
		const chanceOf = given?.possible
			? (b: { transition: TransitionInfo }) => given.next.get(b.transition.id) ?? 0
			: undefined;
		this.selectedTransition = this.steps.takeByChance(this.#seed, chanceOf) ?? null;
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
		this.steps.restart(this.#choices, this.values, this.compiled);
	}

	/**
	 * After a change of choices or likelihoods, replay the steps taken as far as they are still
	 * open, so the person keeps their place.
	 */
	#replay(path: string[] = this.steps.path): string[] {
		return this.steps.replay(path, this.#choices, this.values, this.compiled);
	}

	/** The view as a URL query (see share.ts). */
	readonly query: string = $derived.by(() =>
		toQuery(this.compiled, {
			choices: this.#choices,
			likelihoods: this.#likelihoods,
			reading: this.#reading,
			seed: this.#seed,
			steps: this.steps.path,
			baseline: this.#baseline,
			why: this.explaining,
			observations: this.#observations
		})
	);

	/**
	 * Open a shared view: its choices, likelihoods and seed, then its steps as far as they can be
	 * taken. Returns what could not be used, in words.
	 */
	applyShared(view: SharedView): string[] {
		this.#choices = { ...this.compiled.defaultChoices, ...view.choices };
		this.#likelihoods = { ...view.likelihoods };
		this.#reading = view.reading ?? '';
		if (view.seed !== undefined) this.#seed = view.seed;
		if (view.baseline) this.#baseline = view.baseline;
		if (view.why) this.explaining = view.why;
		if (view.observations) this.#observations = view.observations;
		const left = this.#replay(view.steps);
		const ignored = [...view.ignored];
		if (left.length > 0) {
			ignored.push(
				`${left.length} of ${view.steps.length} steps could not be taken from "${this.transitionsById.get(left[0])?.label ?? left[0].slice(0, 60)}" on`
			);
		}
		return ignored;
	}
}
