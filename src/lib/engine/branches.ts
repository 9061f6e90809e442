/**
 * From a snapshot to its branches: the enabled transitions (guards evaluated by XState) and the
 * probability of each. Step semantics: among the regions that can move, one moves, chosen in
 * proportion to its pace (all 1 unless set); within it, one enabled transition fires by its
 * likelihood. One draw picks a branch, the same way in Monte Carlo and in the actor run.
 */
import { getNextTransitions } from 'xstate';
import { bounds } from '../scenario/likelihood';
import type { TransitionInfo } from '../scenario/model';
import type { Compiled } from './compile';
import type { BrinkSnapshot, TransitionMeta } from './machine';

export interface Branch {
	transition: TransitionInfo;
	probability: number;
	/** The chance that this branch's region is the one that moves. */
	share: number;
	/** Indices of the transitions enabled in the same region (for `rest`). */
	set: number[];
}

export interface BranchProblem {
	transitions: TransitionInfo[];
	message: string;
	hint: string;
}

const tolerance = 1e-9;

/** Transitions enabled in a snapshot, in the scenario's order. */
export function enabledTransitions(compiled: Compiled, snapshot: BrinkSnapshot): TransitionInfo[] {
	if (snapshot.status !== 'active') return [];
	const indices = new Set<number>();
	for (const definition of getNextTransitions(snapshot)) {
		const meta = definition.meta as TransitionMeta | undefined;
		if (meta === undefined || indices.has(meta.index)) continue;
		if (snapshot.can({ type: definition.eventType })) indices.add(meta.index);
	}
	return [...indices].sort((a, b) => a - b).map((i) => compiled.model.transitions[i]);
}

/** Group enabled transitions by region, keeping the scenario's order. */
function byRegion(enabled: TransitionInfo[]): Map<string, TransitionInfo[]> {
	const groups = new Map<string, TransitionInfo[]>();
	for (const t of enabled) groups.set(t.region, [...(groups.get(t.region) ?? []), t]);
	return groups;
}

/**
 * A problem with a set of transitions enabled together in one region, whatever values their
 * ranges take; undefined when the set is sound.
 */
export function setProblem(set: TransitionInfo[]): BranchProblem | undefined {
	const rests = set.filter((t) => t.likelihood.kind === 'rest');
	const others = set.filter((t) => t.likelihood.kind !== 'rest');
	const certain = set.filter((t) => t.likelihood.kind === 'certain');
	// Name each transition with the value it counts as, so a step without a likelihood shows as 1.
	const names = set.map(describe).join(', ');
	// Blame the steps a person must change first: those without a likelihood, then the others.
	const blamed = [...certain, ...others.filter((t) => t.likelihood.kind !== 'certain')];
	if (rests.length > 1) {
		return {
			transitions: rests,
			message: `${rests.length} "rest" branches are enabled together (${names})`,
			hint: 'keep one rest per set of alternatives, or make their guards exclusive'
		};
	}
	const high = others.reduce((sum, t) => sum + bounds(t.likelihood)[1], 0);
	if (rests.length === 1) {
		if (certain.length > 0) {
			return {
				transitions: blamed,
				message: `"rest" is enabled beside a transition without a likelihood, which counts as certain (${names})`,
				hint: 'give that transition a likelihood, or make the guards exclusive'
			};
		}
		if (high > 1 + tolerance) {
			return {
				transitions: blamed,
				message: `the likelihoods enabled beside "rest" can add up to ${round(high)}, over 1 (${names})`,
				hint: 'narrow the ranges so their upper ends add up to at most 1'
			};
		}
		return undefined;
	}
	if (others.some((t) => t.likelihood.kind === 'range')) {
		return {
			transitions: blamed,
			message: `a range can only add up to 1 with a "rest" branch beside it (${names})`,
			hint: 'give one of the alternatives likelihood: rest'
		};
	}
	if (Math.abs(high - 1) > tolerance) {
		return {
			transitions: blamed,
			message: `the likelihoods of the transitions enabled together add up to ${sumText(high)}, not 1 (${names})`,
			hint:
				certain.length > 1
					? 'several transitions without a likelihood are enabled at once: make their guards exclusive'
					: certain.length === 1 && set.length > 1
						? 'a transition without a likelihood is certain when its guard holds: give it a likelihood, or make the guards exclusive'
						: 'adjust them, or give one of them likelihood: rest'
		};
	}
	return undefined;
}

function describe(t: TransitionInfo): string {
	const l = t.likelihood;
	if (l.kind === 'certain') return `${t.event} (no likelihood: certain, 1)`;
	if (l.kind === 'rest') return `${t.event} (rest)`;
	if (l.kind === 'fixed') return `${t.event} ${l.value}`;
	return `${t.event} [${l.low}, ${l.high}]`;
}

/**
 * A sum that is not 1, never shown as 1: `sumText(1.1) === '1.1'`,
 * `sumText(1.0000001) === '1.0000001 (0.0000001 over)'`.
 */
function sumText(x: number): string {
	if (round(x) !== 1) return String(round(x));
	const by = Number(Math.abs(x - 1).toPrecision(2));
	const byText = by
		.toFixed(Math.min(20, Math.max(0, -Math.floor(Math.log10(by)) + 1)))
		.replace(/0+$/, '');
	return `${Number(x.toPrecision(12))} (${byText} ${x > 1 ? 'over' : 'short'})`;
}

function round(x: number): number {
	return Math.round(x * 1e6) / 1e6;
}

/**
 * The branches of a snapshot under the given likelihood values (see `likelihoodValues`).
 * Returns the problem instead when the enabled set cannot form a distribution.
 */
export function toBranches(
	compiled: Compiled,
	enabled: TransitionInfo[],
	values: Float64Array
): Branch[] | BranchProblem {
	const groups = byRegion(enabled);
	let totalPace = 0;
	for (const region of groups.keys()) totalPace += compiled.model.states.get(region)!.pace;
	const branches: Branch[] = [];
	for (const [region, set] of groups) {
		const problem = setProblem(set);
		if (problem) return problem;
		const share = compiled.model.states.get(region)!.pace / totalPace;
		const indices = set.map((t) => t.index);
		for (const t of set) {
			const probability = share * branchLikelihood(t.index, indices, compiled, values);
			branches.push({ transition: t, probability, share, set: indices });
		}
	}
	return branches.sort((a, b) => a.transition.index - b.transition.index);
}

/** A transition's likelihood within its region's set; `rest` takes what the others leave. */
export function branchLikelihood(
	index: number,
	set: readonly number[],
	compiled: Compiled,
	values: Float64Array
): number {
	if (compiled.model.transitions[index].likelihood.kind !== 'rest') return values[index];
	let sum = 0;
	for (const other of set) if (other !== index) sum += values[other];
	return Math.max(0, 1 - sum);
}

/** Cumulative thresholds in units of 2^-32, for picking a branch with one 32-bit draw. */
export function toThresholds(
	probabilities: ArrayLike<number>,
	out = new Float64Array(probabilities.length)
): Float64Array {
	let cumulative = 0;
	for (let i = 0; i < probabilities.length; i++) {
		cumulative += probabilities[i];
		out[i] = cumulative * 4294967296;
	}
	if (probabilities.length > 0) out[probabilities.length - 1] = Infinity;
	return out;
}

/** The first index whose threshold the draw is under (the last one catches rounding). */
export function pickThreshold(
	thresholds: ArrayLike<number>,
	start: number,
	end: number,
	draw: number
): number {
	for (let i = start; i < end - 1; i++) if (draw < thresholds[i]) return i;
	return end - 1;
}
