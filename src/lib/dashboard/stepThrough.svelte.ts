/**
 * The step-through: where the scenario stands, what can happen next, and the steps taken, with
 * take, let chance decide (seeded), undo, restart and replay. A rune class, so the page redraws
 * from its getters; the session itself is immutable (src/lib/engine/stepper.ts).
 */
import type { Branch } from '$lib/engine/branches';
import type { Compiled } from '$lib/engine/compile';
import { activeLeaves } from '$lib/engine/machine';
import { createRng } from '$lib/engine/rng';
import { options, startSession, take, takeByChance, undo, type Session } from '$lib/engine/stepper';

/** One active region, in words: `{ region: 'Northern front', state: 'Cross-border fire' }`. */
export interface Situation {
	/** The region's label ('' when the scenario has one region). */
	region: string;
	/** The active state's label. */
	state: string;
	/** The outcome's label when the region has ended there. */
	outcome?: string;
}

export class StepThrough {
	#session = $state.raw<Session>(undefined as unknown as Session);

	constructor(compiled: Compiled, choices: Record<string, string>, values: Float64Array) {
		this.#session = startSession(compiled, choices, values);
	}

	/** The scenario the session runs (under the reading it was started with). */
	get compiled(): Compiled {
		return this.#session.compiled;
	}

	get session(): Session {
		return this.#session;
	}

	/** The branches open now; empty at an end. */
	readonly open: Branch[] = $derived.by(() => options(this.#session));

	get ended(): boolean {
		return this.open.length === 0;
	}

	/** Steps taken so far (transition ids), for sharing and replay. */
	readonly path: string[] = $derived.by(() =>
		this.#session.steps.flatMap((s) => (s.via ? [s.via.transition.id] : []))
	);

	/** Each active region's state in words, in the statechart's order. */
	readonly situation: Situation[] = $derived.by(() => {
		const { states } = this.compiled.model;
		const snapshot = this.#session.steps.at(-1)!.snapshot;
		return activeLeaves(snapshot.value).map((leaf) => {
			const state = states.get(leaf);
			const region = state?.region ? (states.get(state.region)?.label ?? state.region) : '';
			const outcome = state?.kind === 'final' ? (state.outcome?.label ?? state.label) : undefined;
			return { region, state: state?.label ?? leaf, ...(outcome ? { outcome } : {}) };
		});
	});

	/** The outcomes reached, once the scenario has ended. */
	get outcomes(): string[] {
		return this.ended ? this.situation.flatMap((s) => (s.outcome ? [s.outcome] : [])) : [];
	}

	take(transitionId: string): void {
		this.#session = take(this.#session, transitionId);
	}

	/** Take the n-th open option (1-based, as keys 1–9 name them); false when there is none. */
	takeNth(n: number): string | undefined {
		const branch = this.open[n - 1];
		if (!branch) return undefined;
		this.take(branch.transition.id);
		return branch.transition.id;
	}

	/**
	 * Let chance pick the next step. The draw depends only on the seed and the step's depth, so a
	 * shared link or an undo followed by a new draw gives the same pick again. `chanceOf`: the
	 * chance of each open step to draw by (given observations); default, the model's own.
	 */
	takeByChance(seed: number, chanceOf?: (b: Branch) => number): string | undefined {
		const rng = createRng(`${seed}:${this.#session.steps.length}`);
		this.#session = takeByChance(this.#session, rng, chanceOf);
		return this.#session.steps.at(-1)?.via?.transition.id;
	}

	undo(): void {
		this.#session = undo(this.#session);
	}

	/** Start again; `compiled`: under another reading of the source (default: the same). */
	restart(
		choices: Record<string, string>,
		values: Float64Array,
		compiled: Compiled = this.compiled
	): void {
		this.#session = startSession(compiled, choices, values);
	}

	/**
	 * Start again under these settings and take these steps (transition ids) as far as they are
	 * open. Returns the steps that could not be taken.
	 */
	replay(
		path: string[],
		choices: Record<string, string>,
		values: Float64Array,
		compiled: Compiled = this.compiled
	): string[] {
		let session = startSession(compiled, choices, values);
		let taken = 0;
		for (const id of path) {
			if (!options(session).some((b) => b.transition.id === id)) break;
			session = take(session, id);
			taken++;
		}
		this.#session = session;
		return path.slice(taken);
	}
}
