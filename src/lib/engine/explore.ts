/**
 * Exact exploration on the compiled tables (tables.ts): every reachable (configuration,
 * indicators) pair, breadth first, into a chain (chain.ts). The same chain, state for state and
 * edge for edge, as exploring the XState machine (exploreMachine.ts), at a small fraction of the
 * cost: configurations are interned once per model (tables.ts `Configurations`) with their
 * leaves, the transitions leaving them and the configuration each one leads to; the choices settle
 * each configuration's guards once per exploration; states are found in an open-addressing hash
 * table over (configuration, indicator values); branches are shaped once per enabled set.
 */
import { limits } from '../scenario/limits';
import type { TransitionInfo } from '../scenario/model';
import { branchLikelihood, toBranches, type BranchProblem } from './branches';
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
 * What fires from a set of enabled transitions, whatever the likelihood values: one entry per
 * branch, in transition order, or the problem that keeps the set from forming a distribution.
 */
interface Shape {
	transitions: Int32Array;
	share: Float64Array;
	sets: number[][];
	problem?: BranchProblem;
}

/** A shape under one exploration's values, with its region sets numbered in that exploration. */
interface Template {
	shape: Shape;
	probability: Float64Array;
	set: Int32Array;
}

/** What the choices leave of a configuration's transitions, worked out once per exploration. */
interface Offer {
	/** Positions in the configuration's `sources` whose guard the choices and states allow. */
	positions: Int32Array;
	/** The part of each one's guard that reads indicators (undefined: it holds). */
	residual: (GuardNode | undefined)[];
	/** The branches when no guard reads an indicator. */
	template?: Template;
}

const shapeCache = new WeakMap<Tables, Map<string, Shape>>();

/** A growable typed array. */
class Grow<T extends Int32Array | Float64Array> {
	length = 0;
	constructor(
		public data: T,
		private readonly make: (size: number) => T
	) {}
	push(value: number): void {
		if (this.length === this.data.length) this.grow(this.length + 1);
		this.data[this.length++] = value;
	}
	grow(atLeast: number): void {
		const next = this.make(Math.max(atLeast, this.data.length * 2));
		next.set(this.data);
		this.data = next;
	}
	done(): T {
		return this.data.slice(0, this.length) as T;
	}
}
const ints = (n = 64) => new Grow(new Int32Array(n), (size) => new Int32Array(size));
const floats = (n = 64) => new Grow(new Float64Array(n), (size) => new Float64Array(size));

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
	let shapes = shapeCache.get(tables);
	if (!shapes) shapeCache.set(tables, (shapes = new Map()));

	const offers: Offer[] = [];
	const offerOf = (c: number): Offer => {
		const slots = configurations.slotsOf(c);
		const active = (node: number) => isActive(tables, slots, node);
		const sources = configurations.sources[c];
		const positions: number[] = [];
		const residual: (GuardNode | undefined)[] = [];
		for (let i = 0; i < sources.length; i++) {
			const guard = settle(tables.transitions[sources[i]].guard, choices, active);
			if (guard.kind === 'false') continue;
			positions.push(i);
			residual.push(guard.kind === 'true' ? undefined : guard);
		}
		const offer: Offer = { positions: Int32Array.from(positions), residual };
		offers[c] = offer;
		return offer;
	};

	// Branches per enabled set, with the region sets numbered in the order they are first met.
	const sets: number[][] = [];
	const setIndex = new Map<string, number>();
	const templates = new Map<Shape, Template>();
	const info = compiled.model.transitions;
	const templateOf = (sources: Int32Array, positions: ArrayLike<number>): Template => {
		let key = '';
		for (let i = 0; i < positions.length; i++) key += `${sources[positions[i]]},`;
		let shape = shapes.get(key);
		if (!shape) {
			const branches = toBranches(
				compiled,
				Array.from(positions, (p) => info[sources[p]]),
				values
			);
			shape = Array.isArray(branches)
				? {
						transitions: Int32Array.from(branches, (b) => b.transition.index),
						share: Float64Array.from(branches, (b) => b.share),
						sets: branches.map((b) => b.set)
					}
				: {
						transitions: new Int32Array(0),
						share: new Float64Array(0),
						sets: [],
						problem: branches
					};
			shapes.set(key, shape);
		}
		let template = templates.get(shape);
		if (template) return template;
		const found = shape;
		template = {
			shape: found,
			probability: Float64Array.from(
				found.transitions,
				(t, b) => found.share[b] * branchLikelihood(t, found.sets[b], compiled, values)
			),
			set: Int32Array.from(found.sets, (set) => {
				const setKey = set.join(',');
				let id = setIndex.get(setKey);
				if (id === undefined) {
					id = sets.length;
					sets.push(set);
					setIndex.set(setKey, id);
				}
				return id;
			})
		};
		templates.set(shape, template);
		return template;
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
	const add = (c: number, from: Float64Array, at: number): number => {
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
		if (s >= maxReachable) throw limitError(maxReachable);
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
	const enabled: number[] = [];

	for (let s = 0; s < stateConfiguration.length; s++) {
		const c = stateConfiguration.data[s];
		const offer = offers[c] ?? offerOf(c);
		const sources = configurations.sources[c];
		const configurationLeaves = configurations.leaves[c];
		leaves.push(configurationLeaves);
		const at = s * width;
		let template = offer.template;
		let positions: ArrayLike<number> = offer.positions;
		if (template === undefined) {
			enabled.length = 0;
			let indicatorFree = true;
			for (let i = 0; i < offer.positions.length; i++) {
				const residual = offer.residual[i];
				if (residual !== undefined) indicatorFree = false;
				if (residual === undefined || holds(residual, stateIndicators.data, at))
					enabled.push(offer.positions[i]);
			}
			positions = enabled;
			template = templateOf(sources, enabled);
			if (indicatorFree) offer.template = template;
		}
		if (positions.length === 0) checkEnd(compiled, configurations.done[c], configurationLeaves);
		const { shape } = template;
		if (shape.problem)
			throw new ExploreError({
				kind: 'branches',
				problem: shape.problem,
				leaves: configurationLeaves
			});
		for (let b = 0; b < positions.length; b++) {
			const target = configurations.follow(c, positions[b]);
			const t = tables.transitions[shape.transitions[b]];
			let to: number;
			if (t.clampIndicator.length === 0) {
				to = add(target, stateIndicators.data, at);
			} else {
				for (let k = 0; k < width; k++) next[k] = stateIndicators.data[at + k];
				for (let i = 0; i < t.setIndicator.length; i++) next[t.setIndicator[i]] = t.setValue[i];
				for (let i = 0; i < t.effectIndicator.length; i++)
					next[t.effectIndicator[i]] = next[t.effectIndicator[i]] + t.effectDelta[i];
				for (const k of t.clampIndicator)
					next[k] = Math.min(tables.indicatorMax[k], Math.max(tables.indicatorMin[k], next[k]));
				to = add(target, next, 0);
			}
			edgeTarget.push(to);
			edgeTransition.push(t.index);
			edgeShare.push(shape.share[b]);
			edgeSet.push(template.set[b]);
			edgeProbability.push(template.probability[b]);
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
