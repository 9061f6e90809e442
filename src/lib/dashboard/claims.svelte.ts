/**
 * "The article's claims, tested" as the page reads it: each claim's label, quote and the sentence
 * it stands in, its verdict under the reader's settings and the share of likelihood draws in which
 * it holds (computed in the analysis worker, the last ones kept, marked not current, until the new
 * ones come), and whether it is built into the model (computed at build time for a shipped
 * scenario; not checked in the browser).
 */
import { pageIntervalSamples } from '$lib/engine/analyze';
import type { BuiltIn, ClaimVerdict } from '$lib/engine/claims';
import type { Compiled } from '$lib/engine/compile';
import type { ScenarioPayload } from '$lib/scenarios/payload';
import { Latest } from '$lib/state/latest.svelte';
import { ClaimsRun } from '$lib/state/workerRun.svelte';
import { analysisWorker, type AnalysisWorker } from '$lib/workers/client';

export interface ClaimSettings {
	choices: Record<string, string>;
	likelihoods: Record<string, number>;
	seed: number;
	/** The reading of the source ('' or none for the scenario's own). */
	reading?: string;
}

export interface ClaimRow {
	id: string;
	label: string;
	quote: string;
	/** The sentence of the source the quote begins in (`p1.s2`), if anchored. */
	sentence?: string;
	note?: string;
	/** Under the settings, once computed (the last settings' while new ones come). */
	verdict?: ClaimVerdict;
	builtIn?: BuiltIn;
}

const keyOf = ({ choices, likelihoods, seed, reading }: ClaimSettings) =>
	JSON.stringify([
		Object.entries(choices).sort(),
		Object.entries(likelihoods).sort(),
		seed,
		reading ?? ''
	]);

export class ClaimsView {
	readonly #payload: ScenarioPayload;
	readonly #settings: () => ClaimSettings;
	readonly #builtIn: BuiltIn[] | undefined;
	readonly #worker: () => AnalysisWorker;
	readonly #verdicts = new Latest<ClaimVerdict[]>();

	constructor(
		payload: ScenarioPayload,
		compiled: Compiled,
		settings: () => ClaimSettings,
		builtIn?: BuiltIn[],
		worker: () => AnalysisWorker = analysisWorker
	) {
		this.#payload = payload;
		this.#settings = () => ({
			...settings(),
			choices: { ...compiled.defaultChoices, ...settings().choices }
		});
		this.#builtIn = builtIn;
		this.#worker = worker;
	}

	readonly key: string = $derived.by(() => keyOf(this.#settings()));

	/** Whether the verdicts shown are those of the current settings. */
	get current(): boolean {
		return this.#verdicts.isFor(this.key);
	}

	get error(): string | undefined {
		return this.#verdicts.errorFor(this.key);
	}

	readonly rows: ClaimRow[] = $derived.by(() => {
		const { scenario, claimQuotes = [], sources } = this.#payload;
		const verdicts = this.#verdicts.value ?? [];
		return Object.entries(scenario.claims ?? {}).map(([id, c], k) => {
			const anchored = claimQuotes.find((q) => q.claim === id);
			const source = anchored && sources.find((s) => s.id === anchored.source);
			const sentence = source?.sentences.find(
				(s) => s.start <= anchored!.start && anchored!.start < s.end
			)?.id;
			return {
				id,
				label: c.label,
				quote: c.quote,
				sentence,
				note: c.note,
				verdict: verdicts.find((v) => v.id === id),
				builtIn: this.#builtIn?.[k]
			};
		});
	});

	/** The verdicts of the current settings, once computed. */
	ready(): Promise<ClaimVerdict[] | undefined> {
		return this.#verdicts.ready(() => this.key);
	}

	/**
	 * Keep the verdicts in step with the settings: called in an `$effect`; the cleanup stops a run
	 * that a newer change made stale.
	 */
	follow(): (() => void) | undefined {
		const key = this.key;
		if (this.#verdicts.isFor(key) || this.rows.length === 0) return undefined;
		const run = new ClaimsRun(
			{
				done: (value) => this.#verdicts.settle({ key, value }),
				failed: (error) => this.#verdicts.settle({ key, error })
			},
			this.#worker
		);
		const { choices, likelihoods, seed, reading } = this.#settings();
		run.startAfterPaint({
			kind: 'claims',
			payload: this.#payload,
			choices,
			likelihoods,
			...(reading ? { reading } : {}),
			seed,
			samples: pageIntervalSamples
		});
		return () => {
			run.clear();
			this.#verdicts.release(key);
		};
	}
}
