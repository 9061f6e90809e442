/**
 * Exploration on the XState machine itself, with XState's pure `transition` for every edge: the
 * reference that explore.ts's compiled tables are checked against (tests, `npm run bench`). It
 * keeps each state's snapshot. Slow (tens of microseconds an edge): the analyses use `explore`.
 */
import { transition } from 'xstate';
import { limits } from '../scenario/limits';
import { enabledTransitions, toBranches } from './branches';
import { checkEnd, ExploreError, limitError, type Chain } from './chain';
import { initialSnapshot, type Compiled } from './compile';
import { activeLeaves, type BrinkSnapshot } from './machine';

function stateKey(snapshot: BrinkSnapshot, leaves: string[], indicatorIds: string[]): string {
	let key = leaves.join('|');
	for (const id of indicatorIds) key += `|${snapshot.context.indicators[id]}`;
	return key;
}

/** Explore every reachable state under the given choices on the machine. Throws `ExploreError`. */
export function exploreMachine(
	compiled: Compiled,
	choices: Record<string, string>,
	values: Float64Array,
	maxReachable: number = limits.maxReachable
): Chain {
	const { indicatorIds } = compiled;
	const snapshots: BrinkSnapshot[] = [];
	const leaves: string[][] = [];
	const index = new Map<string, number>();
	const add = (snapshot: BrinkSnapshot): number => {
		const stateLeaves = activeLeaves(snapshot.value);
		const key = stateKey(snapshot, stateLeaves, indicatorIds);
		const known = index.get(key);
		if (known !== undefined) return known;
		if (snapshots.length >= maxReachable) throw limitError(maxReachable, compiled);
		index.set(key, snapshots.length);
		snapshots.push(snapshot);
		leaves.push(stateLeaves);
		return snapshots.length - 1;
	};
	add(initialSnapshot(compiled, choices));

	const rowStart: number[] = [0];
	const edgeTarget: number[] = [];
	const edgeTransition: number[] = [];
	const edgeShare: number[] = [];
	const edgeSet: number[] = [];
	const edgeProbability: number[] = [];
	const sets: number[][] = [];
	const setIndex = new Map<string, number>();

	for (let s = 0; s < snapshots.length; s++) {
		const snapshot = snapshots[s];
		const enabled = enabledTransitions(compiled, snapshot);
		if (enabled.length === 0) checkEnd(compiled, snapshot.status === 'done', leaves[s]);
		const branches = toBranches(compiled, enabled, values);
		if (!Array.isArray(branches))
			throw new ExploreError({ kind: 'branches', problem: branches, leaves: leaves[s] });
		for (const branch of branches) {
			const setKey = branch.set.join(',');
			let set = setIndex.get(setKey);
			if (set === undefined) {
				set = sets.length;
				sets.push(branch.set);
				setIndex.set(setKey, set);
			}
			const [next] = transition(compiled.machine, snapshot, { type: branch.transition.event });
			edgeTarget.push(add(next as BrinkSnapshot));
			edgeTransition.push(branch.transition.index);
			edgeShare.push(branch.share);
			edgeSet.push(set);
			edgeProbability.push(branch.probability);
		}
		rowStart.push(edgeTarget.length);
	}
	const indicators = new Float64Array(snapshots.length * indicatorIds.length);
	snapshots.forEach((snap, s) =>
		indicatorIds.forEach(
			(id, k) => (indicators[s * indicatorIds.length + k] = snap.context.indicators[id])
		)
	);
	return {
		compiled,
		choices,
		size: snapshots.length,
		snapshots,
		leaves,
		indicators,
		rowStart: Int32Array.from(rowStart),
		edgeTarget: Int32Array.from(edgeTarget),
		edgeTransition: Int32Array.from(edgeTransition),
		edgeShare: Float64Array.from(edgeShare),
		edgeSet: Int32Array.from(edgeSet),
		sets,
		edgeProbability: Float64Array.from(edgeProbability)
	};
}
