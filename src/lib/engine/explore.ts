/**
 * Exact exploration on the compiled tables (tables.ts): every reachable (configuration,
 * indicators) pair, breadth first, into a chain (chain.ts). The same chain, state for state and
 * edge for edge, as exploring the XState machine (exploreMachine.ts), at a small fraction of the
 * cost, in flat typed arrays rather than an object per state: configurations are interned once
 * per model (tables.ts `Configurations`) with their leaves, the transitions leaving them and the
 * configuration each one leads to; the choices settle each configuration's guards once per
 * exploration; states are found in an open-addressing table over (configuration, indicator
 * values); each region's enabled set is found in a trie, checked once and numbered once.
 */
import { limits } from '../scenario/limits';
import type { TransitionInfo } from '../scenario/model';
import { branchLikelihood, setProblem, type BranchProblem } from './branches';
import { bytes, floats, ints } from './grow';
import { addToIndicator } from './indicators';
import { checkEnd, ExploreError, limitError, type Chain } from './chain';
import type { Compiled } from './compile';
import {
	configurationsOf,
	holds,
	isActive,
	settle,
	tablesOf,
	type GuardNode,
	type Tables
} from './tables';

export * from './chain';
export type { TransitionInfo };

/**
 * A set of transitions enabled together in one region, found through a trie over their indices:
 * whether it forms a distribution (whatever the values), and, for the exploration that last met
 * it (`stamp`), its number there and each member's likelihood under that exploration's values.
 */
interface RegionSet {
	set: number[];
	problem: BranchProblem | undefined;
	stamp: number;
	id: number;
	likelihood: Float64Array;
}

interface Trie {
	path: number[];
	next: Map<number, Trie>;
	set?: RegionSet;
}

const trieCache = new WeakMap<Tables, Trie>();
let explorations = 0;

// A float's bits, for hashing; 0 and -0 are one value, and so are all NaNs (as in a string key).
const bits = new Float64Array(1);
const halves = new Int32Array(bits.buffer);
function mixFloat(h: number, value: number): number {
	bits[0] = value === 0 ? 0 : value !== value ? NaN : value;
	h = Math.imul(h ^ halves[0], 0x5bd1e995);
	h = Math.imul(h ^ (h >>> 15) ^ halves[1], 0x5bd1e995);
	return h ^ (h >>> 13);
}
const sameFloat = (a: number, b: number) => a === b || (a !== a && b !== b);

/** Explore every reachable state under the given choices. Throws `ExploreError`. */
export function explore(
	compiled: Compiled,
	choices: Record<string, string>,
	values: Float64Array,
	maxReachable: number = limits.maxReachable
): Chain {
	const tables = tablesOf(compiled.model);
	const width = tables.indicatorIds.length;
	const configurations = configurationsOf(tables);
	const info = compiled.model.transitions;
	const stamp = ++explorations;
	let trie = trieCache.get(tables);
	if (!trie) trieCache.set(tables, (trie = { path: [], next: new Map() }));
	const root = trie;

	// What the choices and states allow of each configuration's transitions: 1 allowed, 2 allowed
	// when the indicators agree (the guard left in `residual`), 0 not; settled once per configuration.
	const settled = bytes();
	const allowed = bytes();
	const residual = new Map<number, GuardNode>();
	const settleAll = (c: number) => {
		const slots = configurations.slotsOf(c);
		const active = (node: number) => isActive(tables, slots, node);
		const end = configurations.sourceTo.data[c];
		allowed.reserve(end);
		for (let e = configurations.sourceFrom.data[c]; e < end; e++) {
			const guard = settle(
				tables.transitions[configurations.source.data[e]].guard,
				choices,
				active
			);
			allowed.data[e] = guard.kind === 'false' ? 0 : guard.kind === 'true' ? 1 : 2;
			if (allowed.data[e] === 2) residual.set(e, guard);
		}
		settled.reserve(c + 1);
		settled.data[c] = 1;
	};

	// Region sets, numbered in the order they are first met (as the machine's exploration does).
	const sets: number[][] = [];
	const setOf = (node: Trie): RegionSet => {
		let found = node.set;
		if (!found) {
			const set = node.path;
			found = {
				set,
				problem: setProblem(set.map((t) => info[t])),
				stamp: 0,
				id: -1,
				likelihood: new Float64Array(0)
			};
			node.set = found;
		}
		return found;
	};
	const number = (found: RegionSet) => {
		found.stamp = stamp;
		found.id = sets.length;
		sets.push(found.set);
		found.likelihood = Float64Array.from(found.set, (t) =>
			branchLikelihood(t, found.set, compiled, values)
		);
	};

	// States: (configuration, indicators), found through an open-addressing table of index + 1.
	const stateConfiguration = ints();
	const stateIndicators = floats(64 * Math.max(1, width));
	const stateHash = ints();
	let table = new Int32Array(1 << 12);
	let mask = table.length - 1;
	const hashOf = (c: number, from: Float64Array, at: number) => {
		let h = Math.imul(c + 1, 0x9e3779b1);
		for (let k = 0; k < width; k++) h = mixFloat(h, from[at + k]);
		return h;
	};
	// Without indicators a state is its configuration: found by the configuration's number
	// (index + 1, 0 for none yet), with no hashing.
	const stateOf = ints();
	const add = (c: number, from: Float64Array, at: number): number => {
		if (width === 0) {
			stateOf.reserve(c + 1);
			const found = stateOf.data[c];
			if (found !== 0) return found - 1;
			const s = stateConfiguration.length;
			if (s >= maxReachable) throw limitError(maxReachable, compiled);
			stateConfiguration.push(c);
			stateOf.data[c] = s + 1;
			return s;
		}
		const h = hashOf(c, from, at);
		let slot = h & mask;
		const stored = stateIndicators;
		for (let found = table[slot]; found !== 0; found = table[slot]) {
			const s = found - 1;
			if (stateConfiguration.data[s] === c && stateHash.data[s] === h) {
				let same = true;
				for (let k = 0; k < width && same; k++)
					same = sameFloat(stored.data[s * width + k], from[at + k]);
				if (same) return s;
			}
			slot = (slot + 1) & mask;
		}
		const s = stateConfiguration.length;
		if (s >= maxReachable) throw limitError(maxReachable, compiled);
		stateConfiguration.push(c);
		stateHash.push(h);
		for (let k = 0; k < width; k++) stored.push(from[at + k]);
		table[slot] = s + 1;
		if (2 * (s + 1) > table.length) {
			table = new Int32Array(table.length * 2);
			mask = table.length - 1;
			for (let i = 0; i <= s; i++) {
				let j = stateHash.data[i] & mask;
				while (table[j] !== 0) j = (j + 1) & mask;
				table[j] = i + 1;
			}
		}
		return s;
	};
	add(configurations.intern(tables.initialConfiguration), tables.initialIndicators, 0);

	const rowStart = ints();
	rowStart.push(0);
	const edgeTarget = ints();
	const edgeTransition = ints();
	const edgeShare = floats();
	const edgeSet = ints();
	const edgeProbability = floats();
	const leaves: string[][] = [];
	const next = new Float64Array(width);
	// Per state: the enabled source entries, and for each its region group and place in the group.
	let enabled = new Int32Array(16);
	let entryGroup = new Int32Array(16);
	let entryMember = new Int32Array(16);
	const groupRegion: number[] = [];
	const groupNode: Trie[] = [];
	const groupCount: number[] = [];
	const groupSet: RegionSet[] = [];

	for (let s = 0; s < stateConfiguration.length; s++) {
		const c = stateConfiguration.data[s];
		configurations.expand(c);
		if (c >= settled.data.length || settled.data[c] !== 1) settleAll(c);
		const configurationLeaves = configurations.leaves[c];
		leaves.push(configurationLeaves);
		const at = s * width;
		const from = configurations.sourceFrom.data[c];
		const to = configurations.sourceTo.data[c];
		if (to - from > enabled.length) {
			enabled = new Int32Array(2 * (to - from));
			entryGroup = new Int32Array(enabled.length);
			entryMember = new Int32Array(enabled.length);
		}
		let count = 0;
		for (let e = from; e < to; e++) {
			const a = allowed.data[e];
			if (a === 1 || (a === 2 && holds(residual.get(e)!, stateIndicators.data, at)))
				enabled[count++] = e;
		}
		if (count === 0) checkEnd(compiled, configurations.done.data[c] === 1, configurationLeaves);

		// Group by region in the order regions first appear, walking each group's trie.
		let groups = 0;
		for (let i = 0; i < count; i++) {
			const t = configurations.source.data[enabled[i]];
			const r = tables.transitions[t].region;
			let g = 0;
			while (g < groups && groupRegion[g] !== r) g++;
			if (g === groups) {
				groupRegion[g] = r;
				groupNode[g] = root;
				groupCount[g] = 0;
				groups++;
			}
			let child = groupNode[g].next.get(t);
			if (!child) {
				child = { path: [...groupNode[g].path, t], next: new Map() };
				groupNode[g].next.set(t, child);
			}
			groupNode[g] = child;
			entryGroup[i] = g;
			entryMember[i] = groupCount[g]++;
		}
		let totalPace = 0;
		for (let g = 0; g < groups; g++) {
			totalPace += tables.regionPace[groupRegion[g]];
			groupSet[g] = setOf(groupNode[g]);
		}
		for (let g = 0; g < groups; g++) {
			const problem = groupSet[g].problem;
			if (problem)
				throw new ExploreError({ kind: 'branches', problem, leaves: configurationLeaves });
		}
		for (let i = 0; i < count; i++) {
			const e = enabled[i];
			const g = entryGroup[i];
			const found = groupSet[g];
			if (found.stamp !== stamp) number(found);
			const share = tables.regionPace[groupRegion[g]] / totalPace;
			const target = configurations.follow(c, e);
			const t = tables.transitions[configurations.source.data[e]];
			let state: number;
			if (t.clampIndicator.length === 0) {
				state = add(target, stateIndicators.data, at);
			} else {
				for (let k = 0; k < width; k++) next[k] = stateIndicators.data[at + k];
				for (let j = 0; j < t.setIndicator.length; j++) next[t.setIndicator[j]] = t.setValue[j];
				for (let j = 0; j < t.effectIndicator.length; j++)
					next[t.effectIndicator[j]] = addToIndicator(next[t.effectIndicator[j]], t.effectDelta[j]);
				for (const k of t.clampIndicator)
					next[k] = Math.min(tables.indicatorMax[k], Math.max(tables.indicatorMin[k], next[k]));
				state = add(target, next, 0);
			}
			edgeTarget.push(state);
			edgeTransition.push(t.index);
			edgeShare.push(share);
			edgeSet.push(found.id);
			edgeProbability.push(share * found.likelihood[entryMember[i]]);
		}
		rowStart.push(edgeTarget.length);
	}
	return {
		compiled,
		choices,
		size: stateConfiguration.length,
		leaves,
		indicators: stateIndicators.done(),
		rowStart: rowStart.done(),
		edgeTarget: edgeTarget.done(),
		edgeTransition: edgeTransition.done(),
		edgeShare: edgeShare.done(),
		edgeSet: edgeSet.done(),
		sets,
		edgeProbability: edgeProbability.done()
	};
}
