/**
 * Step-through: a session is an immutable list of steps. `options` lists what can happen next
 * (guards evaluated, with actor, probability and evidence); `take` fires one; `undo` goes back.
 */
import { transition } from 'xstate';
import {
	enabledTransitions,
	pickThreshold,
	toBranches,
	toThresholds,
	type Branch
} from './branches';
import { initialSnapshot, type Compiled } from './compile';
import type { BrinkSnapshot } from './machine';
import type { Rng } from './rng';

export interface Step {
	snapshot: BrinkSnapshot;
	/** The branch that led here; undefined for the start. */
	via?: Branch;
}

export interface Session {
	compiled: Compiled;
	choices: Record<string, string>;
	values: Float64Array;
	steps: readonly Step[];
}

export function startSession(
	compiled: Compiled,
	choices: Record<string, string>,
	values: Float64Array
): Session {
	return { compiled, choices, values, steps: [{ snapshot: initialSnapshot(compiled, choices) }] };
}

export function current(session: Session): BrinkSnapshot {
	return session.steps[session.steps.length - 1].snapshot;
}

/** The branches open now; empty at an end. Throws when the enabled set is not a distribution. */
export function options(session: Session): Branch[] {
	const branches = toBranches(
		session.compiled,
		enabledTransitions(session.compiled, current(session)),
		session.values
	);
	if (!Array.isArray(branches)) throw new Error(`${branches.message} (hint: ${branches.hint})`);
	return branches;
}

/** Fire the transition with this id (it must be open now). */
export function take(session: Session, transitionId: string): Session {
	const branch = options(session).find((b) => b.transition.id === transitionId);
	if (!branch) {
		const open = options(session).map((b) => b.transition.id);
		throw new Error(
			`transition "${transitionId}" is not open now${open.length ? ` (open: ${open.join(', ')})` : ' (the scenario has ended)'}`
		);
	}
	const [next] = transition(session.compiled.machine, current(session), {
		type: branch.transition.event
	});
	return {
		...session,
		steps: [...session.steps, { snapshot: next as BrinkSnapshot, via: branch }]
	};
}

/**
 * Let chance pick among the open branches with one draw, as the simulations do: by each branch's
 * probability, or by `chanceOf` (the step-through's chances given observations, stepChances.ts).
 */
export function takeByChance(
	session: Session,
	rng: Rng,
	chanceOf: (b: Branch) => number = (b) => b.probability
): Session {
	const open = options(session);
	if (open.length === 0) return session;
	const chosen =
		open[pickThreshold(toThresholds(open.map(chanceOf)), 0, open.length, rng.nextUint32())];
	return take(session, chosen.transition.id);
}

export function undo(session: Session): Session {
	return session.steps.length > 1 ? { ...session, steps: session.steps.slice(0, -1) } : session;
}

export function isOver(session: Session): boolean {
	return options(session).length === 0;
}
