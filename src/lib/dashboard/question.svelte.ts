/**
 * "Ask a question" as the page reads it: the text typed, checked at once on the main thread (a
 * located problem with its hint), and its answer computed in the analysis worker under the page's
 * settings, with the page's observations joined to the question's `|`. The answer shown is the
 * one of the current text and settings when `current` is true (the last one kept meanwhile).
 */
import { pageIntervalSamples } from '$lib/engine/analyze';
import type { Compiled } from '$lib/engine/compile';
import type { Observation } from '$lib/engine/observe';
import { readQuestion, withObservations, type Answer } from '$lib/engine/query';
import type { Measure } from '$lib/query/ast';
import type { QueryError } from '$lib/query/errors';
import type { ScenarioPayload } from '$lib/scenarios/payload';
import { Latest } from '$lib/state/latest.svelte';
import { QuestionRun } from '$lib/state/workerRun.svelte';
import { analysisWorker, type AnalysisWorker } from '$lib/workers/client';

export interface QuestionSettings {
	choices: Record<string, string>;
	likelihoods: Record<string, number>;
	/** The reading of the source ('' for the scenario's own). */
	reading: string;
	seed: number;
	/** What the page marks as observed (joined to the question's `|`). */
	observations: Observation[];
}

/** Questions that fill the field, with what each asks in words. */
export const exampleQuestions = (compiled: Compiled): { text: string; label: string }[] => {
	const outcomes = [...compiled.model.states.values()].filter((s) => s.kind === 'final');
	const first = outcomes[0];
	const second = outcomes.find((s) => s.region !== first?.region);
	const dimension = Object.keys(compiled.model.scenario.dimensions ?? {})[0];
	return [
		first && second
			? {
					text: `P(${first.path} | ${second.path})`,
					label: 'a chance given an event'
				}
			: undefined,
		first ? { text: `P(${first.path} within 1..6)`, label: 'a chance within k steps' } : undefined,
		dimension && first
			? { text: `E[${dimension} | ${first.path}]`, label: 'an expected score given an event' }
			: undefined
	].filter((q) => q !== undefined);
};

export class QuestionView {
	/** The question as typed. */
	text = $state('');
	readonly #payload: ScenarioPayload;
	readonly #compiled: () => Compiled;
	readonly #settings: () => QuestionSettings;
	readonly #worker: () => AnalysisWorker;
	readonly #answers = new Latest<Answer>();

	constructor(
		payload: ScenarioPayload,
		compiled: () => Compiled,
		settings: () => QuestionSettings,
		worker: () => AnalysisWorker = analysisWorker
	) {
		this.#payload = payload;
		this.#compiled = compiled;
		this.#settings = settings;
		this.#worker = worker;
	}

	/** The text read against the scenario: undefined while empty. */
	readonly check = $derived.by(() =>
		this.text.trim() === '' ? undefined : readQuestion(this.text, this.#compiled())
	);

	/** What is wrong with the text, at once (column, message, hint), or undefined. */
	get problem(): QueryError | undefined {
		return this.check && !this.check.ok ? this.check.error : undefined;
	}

	/** The measure asked, with the page's observations joined (for the words), if one. */
	readonly measure: Measure | undefined = $derived.by(() => {
		if (!this.check?.ok) return undefined;
		const joined = withObservations(this.check.question, this.#settings().observations);
		return joined.kind === 'measure' ? joined.measure : undefined;
	});

	/** The text and the settings the answer depends on, as one string. */
	readonly key: string = $derived.by(() => {
		const { choices, likelihoods, reading, seed, observations } = this.#settings();
		return JSON.stringify([
			this.text.trim(),
			Object.entries(choices).sort(),
			Object.entries(likelihoods).sort(),
			reading,
			seed,
			observations
		]);
	});

	/** The last answer computed (of the current text and settings when `current`). */
	get answer(): Answer | undefined {
		return this.#answers.value;
	}
	/** Whether `answer` is the one of the current text and settings. */
	get current(): boolean {
		return this.check?.ok === true && this.#answers.isFor(this.key);
	}
	/** Why the current question could not be answered (an impossible observation…), if so. */
	get error(): string | undefined {
		return this.#answers.errorFor(this.key);
	}

	/** Where the question stands, as the panel's `data-question` says it. */
	get status(): 'empty' | 'problem' | 'error' | 'ready' | 'working' {
		if (this.text.trim() === '') return 'empty';
		if (this.problem) return 'problem';
		if (this.error) return 'error';
		return this.current ? 'ready' : 'working';
	}

	/** The answer of the current text and settings, once computed. */
	ready(): Promise<Answer | undefined> {
		return this.#answers.ready(() => this.key);
	}

	/**
	 * Keep the answer in step with the text and the settings: called in an `$effect`; the cleanup
	 * stops a run that a newer change made stale. Nothing is asked while the text has a problem.
	 */
	follow(): (() => void) | undefined {
		const key = this.key;
		if (!this.check?.ok || this.#answers.isFor(key)) return undefined;
		const run = new QuestionRun(
			{
				done: (value) => this.#answers.settle({ key, value }),
				failed: (error) => this.#answers.settle({ key, error })
			},
			this.#worker
		);
		const { choices, likelihoods, reading, seed, observations } = this.#settings();
		run.startAfterPaint({
			kind: 'question',
			payload: this.#payload,
			text: this.text,
			choices,
			likelihoods,
			...(reading ? { reading } : {}),
			...(observations.length > 0 ? { observations } : {}),
			seed,
			samples: pageIntervalSamples
		});
		return () => {
			run.clear();
			this.#answers.release(key);
		};
	}
}
