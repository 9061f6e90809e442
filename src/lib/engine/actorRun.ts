/**
 * The reference simulation: one real XState actor per run, driven step by step with the same
 * branch probabilities and the same draws as the chain's Monte Carlo. Slow by design; it exists to
 * show that the fast path computes the same thing (identical tallies for the same seed).
 */
import { createActor } from 'xstate';
import { limits } from '../scenario/limits';
import { enabledTransitions, pickThreshold, toBranches, toThresholds } from './branches';
import type { Compiled } from './compile';
import { activeLeaves, type BrinkSnapshot } from './machine';
import { createRng, type Seed } from './rng';

/** The key a final snapshot is tallied under: its leaves and indicator values (as in the chain). */
export function endKey(compiled: Compiled, snapshot: BrinkSnapshot): string {
	let key = activeLeaves(snapshot.value).join('|');
	for (const id of compiled.indicatorIds) key += `|${snapshot.context.indicators[id]}`;
	return key;
}

export function runActors(
	compiled: Compiled,
	choices: Record<string, string>,
	values: Float64Array,
	runs: number,
	seed: Seed
): Map<string, number> {
	const rng = createRng(seed);
	const tallies = new Map<string, number>();
	for (let r = 0; r < runs; r++) {
		const actor = createActor(compiled.machine, { input: { choices } });
		actor.start();
		for (let step = 0; step < limits.maxStepsPerRun; step++) {
			const snapshot = actor.getSnapshot() as BrinkSnapshot;
			const branches = toBranches(compiled, enabledTransitions(compiled, snapshot), values);
			if (!Array.isArray(branches)) throw new Error(branches.message);
			if (branches.length === 0) break;
			const thresholds = toThresholds(branches.map((b) => b.probability));
			const chosen = branches[pickThreshold(thresholds, 0, branches.length, rng.nextUint32())];
			actor.send({ type: chosen.transition.event });
		}
		const key = endKey(compiled, actor.getSnapshot() as BrinkSnapshot);
		tallies.set(key, (tallies.get(key) ?? 0) + 1);
		actor.stop();
	}
	return tallies;
}
