/**
 * The key assumptions panel's controller: it runs the check (engine/assumptions.ts) in the
 * analysis worker for the dashboard's current settings, keeps the last register on show (marked
 * as updating) until the new one arrives, and gives the rows in words for the table. The check
 * solves the chain twice per assumption: about half a second for regional-escalation, too long
 * for the main thread.
 */
import type { Assumption, AssumptionsResult } from '$lib/engine/assumptions';
import * as words from '$lib/format/assumption';
import { formatPercent } from '$lib/format/percent';
import type { ScenarioPayload } from '$lib/scenarios/payload';
import { AssumptionsRun } from '$lib/state/workerRun.svelte';
import type { AnalysisWorker } from '$lib/workers/client';
import type { RunSettings } from '$lib/workers/protocol';

/** One row of the register, in words. */
export interface AssumptionRow {
	id: string;
	/** The step or the outcome score, with the state the step leaves. */
	label: string;
	from: string;
	kind: string;
	now: string;
	swing: string;
	outcome: string;
	score: string;
	effect: string;
	/** The transition to bring into view (for a score, a step into its outcome), or null. */
	transition: string | null;
	reached: boolean;
}

/** What the check runs on: the scenario and the current settings (with their explored chain). */
export interface AssumptionsSource {
	payload: ScenarioPayload;
	settings: RunSettings;
}

export function toRow(a: Assumption): AssumptionRow {
	return {
		id: a.id,
		label: a.label,
		from: a.from,
		kind: words.assumptionKind(a),
		now: words.assumptionNow(a),
		swing: words.assumptionSwing(a) + leftOut(a),
		outcome: words.assumptionOutcome(a),
		score: words.assumptionScore(a),
		effect: formatPercent(a.effect),
		transition: a.transitions[0] ?? null,
		reached: a.reached
	};
}

/** Under observations, the ends of a swing where they could not have happened, in words. */
function leftOut(a: Assumption): string {
	const ends = a.impossibleAt ?? [];
	if (ends.length === 0) return '';
	const which = ends.length === 2 ? 'both ends' : `the ${ends[0]} end`;
	return ` (${which} left out: what you marked could not have happened there)`;
}

export class AssumptionsView {
	readonly run: AssumptionsRun;
	readonly #source: () => AssumptionsSource;
	#last = $state.raw<AssumptionsResult | undefined>(undefined);

	/** `source`: read afresh on each `follow`; `worker`: the analysis worker (tests pass a fake). */
	constructor(source: () => AssumptionsSource, worker?: () => AnalysisWorker) {
		this.#source = source;
		this.run = new AssumptionsRun({ done: (result) => (this.#last = result) }, worker);
	}

	/**
	 * Check the current settings (after the next paint); returns the clean-up that drops the run.
	 * Call it in an `$effect`: it reads the settings, so a change starts a new check.
	 */
	follow(): () => void {
		const { payload, settings } = this.#source();
		this.run.startAfterPaint({ kind: 'assumptions', payload, ...settings });
		return () => this.run.clear();
	}

	/** The register for the current settings, else the last one (see `updating`). */
	get result(): AssumptionsResult | undefined {
		return this.run.result ?? this.#last;
	}

	/** Whether a new register is being worked out (the one shown is for earlier settings). */
	get updating(): boolean {
		return this.run.status === 'running';
	}

	/** `ready` once the register shown is that of the current settings. */
	get state(): 'ready' | 'updating' | 'error' {
		if (this.run.status === 'error') return 'error';
		return this.run.status === 'done' ? 'ready' : 'updating';
	}

	readonly rows: AssumptionRow[] = $derived(this.result?.assumptions.map(toRow) ?? []);
}
