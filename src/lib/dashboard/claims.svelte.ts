/**
 * "The article's claims, tested" as the page reads it: each claim's label, quote and the sentence
 * it stands in, its verdict under the reader's settings and the share of likelihood draws in which
 * it holds (computed in the analysis worker, the last ones kept, marked not current, until the new
 * ones come), and whether it is built into the model (computed at build time for a shipped
 * scenario; not checked in the browser). Under observations the verdicts are given them, each with
 * the one before them.
 */
import { pageIntervalSamples } from '$lib/engine/analyze';
import type { BuiltIn, ClaimVerdict } from '$lib/engine/claims';
import type { Compiled } from '$lib/engine/compile';
import type { Observation } from '$lib/engine/observe';
import { withWas } from '$lib/format/observed';
import { plural } from '$lib/format/plural';
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
	/** What the reader marked as observed, applied (none: the claims are tested without it). */
	observations?: Observation[];
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

const keyOf = ({ choices, likelihoods, seed, reading, observations = [] }: ClaimSettings) =>
	JSON.stringify([
		Object.entries(choices).sort(),
		Object.entries(likelihoods).sort(),
		seed,
		reading ?? '',
		...(observations.length > 0 ? [observations] : [])
	]);

/**
 * A verdict in words: its head (`Holds`, `Fails`, or `Not tested` when the observations cannot
 * happen), then the rest: what it was before the observations, and the share of draws.
 * `verdictWords({ holds: true, draws: { holds: 90, samples: 200 }, … }).text ===
 * 'under these settings; holds in 45 % of 200 draws of the uncertain likelihoods.'`
 */
export function verdictWords(verdict: ClaimVerdict): { head: string; text: string } {
	if (verdict.impossible)
		return {
			head: 'Not tested',
			text: 'given what you marked as observed: it could not have happened under these settings, or under the choices the claim compares.'
		};
	const head = verdict.holds ? 'Holds' : 'Fails';
	const was = verdict.was ? `(was ${verdict.was.holds ? 'holds' : 'fails'}) ` : '';
	const { draws } = verdict;
	if (!draws) return { head, text: `${was}under these settings; no likelihood is left uncertain.` };
	const before = verdict.was?.draws;
	const share = withWas(
		draws.holds / draws.samples,
		before && before.samples > 0 ? before.holds / before.samples : undefined
	);
	const left = draws.leftOut
		? `; ${plural(draws.leftOut, 'draw')} left out, where what you marked could not have happened`
		: '';
	return {
		head,
		text: `${was}under these settings; holds in ${share} of ${plural(draws.samples, 'draw')} of the uncertain likelihoods${left}.`
	};
}

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
		const { choices, likelihoods, seed, reading, observations = [] } = this.#settings();
		run.startAfterPaint({
			kind: 'claims',
			payload: this.#payload,
			choices,
			likelihoods,
			...(reading ? { reading } : {}),
			...(observations.length > 0 ? { observations } : {}),
			seed,
			samples: pageIntervalSamples
		});
		return () => {
			run.clear();
			this.#verdicts.release(key);
		};
	}
}
