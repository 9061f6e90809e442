/**
 * A scenario's statechart compiled into flat integer tables, for exploration (explore.ts). The
 * XState machine stays the definition: these tables follow XState 5's semantics for the machines
 * machine.ts builds (every transition `reenter: true` to an absolute target, guards on choices,
 * states and indicators, one `applyEffects` action), and a test explores every shipped scenario
 * both ways and requires the same chain.
 *
 * A configuration is one slot per compound state: the index of its active child, or -1 when the
 * compound state is not active. A transition exits everything strictly below its domain (the
 * nearest proper ancestor of the target that holds the source; XState's `getTransitionDomain`) and
 * enters the target with its ancestors and initial children, so what it writes below the domain
 * does not depend on the configuration it leaves: each transition is a fixed list of slot writes.
 */
import type { Model, StateInfo } from '../scenario/model';
import type { Condition } from '../scenario/schema';
import { bytes, ints, type Grow } from './grow';

/** A guard as a tree over integer ids; `choice` leaves are settled once per set of choices. */
export type GuardNode =
	| { kind: 'true' }
	| { kind: 'false' }
	| { kind: 'choice'; choice: string; options: string[] }
	| { kind: 'in'; node: number }
	| { kind: 'indicator'; indicator: number; atLeast: number; atMost: number }
	| { kind: 'and'; of: GuardNode[] }
	| { kind: 'or'; of: GuardNode[] }
	| { kind: 'not'; of: GuardNode };

export interface TransitionTable {
	index: number;
	source: number;
	region: number;
	guard: GuardNode;
	/** Slots written when the transition fires, and the values written (-1: inactive). */
	writeSlot: Int32Array;
	writeValue: Int32Array;
	/** Indicators set, then moved by a delta, then clamped, in the machine's order. */
	setIndicator: Int32Array;
	setValue: Float64Array;
	effectIndicator: Int32Array;
	effectDelta: Float64Array;
	clampIndicator: Int32Array;
}

export interface Tables {
	/** State nodes in the model's order; node 0 is the root. */
	paths: string[];
	kind: StateInfo['kind'][];
	/** Children of each node, sorted by key (the order of XState's state value when listed). */
	sortedChildren: number[][];
	/** The slot of each compound node, or -1. */
	slotOf: Int32Array;
	slotCount: number;
	/** Each node's path of (slot, child) pairs from the root: the node is active when all hold. */
	activeWhen: Int32Array[];
	/** Transitions leaving each node, by node. */
	outgoing: number[][];
	transitions: TransitionTable[];
	/** Pace of each region, by region number; region numbers index `regionPaths`. */
	regionPaths: string[];
	regionPace: Float64Array;
	indicatorIds: string[];
	initialIndicators: Float64Array;
	indicatorMin: Float64Array;
	indicatorMax: Float64Array;
	/** The configuration the machine starts in. */
	initialConfiguration: Int32Array;
}

const cache = new WeakMap<Model, Tables>();

/** The tables of a model, built once per model. */
export function tablesOf(model: Model): Tables {
	let tables = cache.get(model);
	if (!tables) {
		tables = buildTables(model);
		cache.set(model, tables);
	}
	return tables;
}

function buildTables(model: Model): Tables {
	const paths = [...model.states.keys()];
	const rootIndex = paths.indexOf('');
	if (rootIndex !== 0) {
		paths.splice(rootIndex, 1);
		paths.unshift('');
	}
	const id = new Map(paths.map((p, i) => [p, i]));
	const info = paths.map((p) => model.states.get(p)!);
	const kind = info.map((s) => s.kind);
	const parent = info.map((s) => (s.parent === null ? -1 : id.get(s.parent)!));
	const children = info.map((s) => s.children.map((c) => id.get(c)!));
	const sortedChildren = info.map((s) =>
		s.children
			.map((c) => model.states.get(c)!)
			.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
			.map((c) => id.get(c.path)!)
	);
	const slotOf = new Int32Array(paths.length).fill(-1);
	let slotCount = 0;
	kind.forEach((k, n) => {
		if (k === 'compound') slotOf[n] = slotCount++;
	});
	const initialChild = info.map((s, n) => {
		if (s.kind !== 'compound') return -1;
		const key = s.initial!.slice(s.initial!.lastIndexOf('.') + 1);
		return children[n].find((c) => info[c].key === key) ?? children[n][0];
	});
	const activeWhen = paths.map((_, n) => {
		const pairs: number[] = [];
		for (let child = n, up = parent[n]; up !== -1; child = up, up = parent[up]) {
			if (slotOf[up] !== -1) pairs.push(slotOf[up], child);
		}
		return Int32Array.from(pairs);
	});
	const isDescendant = (n: number, of: number) => {
		for (let up = parent[n]; up !== -1; up = parent[up]) if (up === of) return true;
		return false;
	};

	/**
	 * Slot writes that enter `node` (already chosen by its parent): its initial children, or along
	 * `forced` (the target's ancestors-or-self) where it leads.
	 */
	const enter = (node: number, forced: Set<number>, writes: Map<number, number>) => {
		if (kind[node] === 'compound') {
			const child = children[node].find((c) => forced.has(c)) ?? initialChild[node];
			writes.set(slotOf[node], child);
			enter(child, forced, writes);
		} else if (kind[node] === 'parallel') {
			for (const child of children[node]) enter(child, forced, writes);
		}
	};

	const indicatorIds = Object.keys(model.scenario.indicators);
	const indicatorId = new Map(indicatorIds.map((name, k) => [name, k]));
	const regionPaths = [...model.regions];
	const regionId = new Map(regionPaths.map((r, i) => [r, i]));
	const toGuard = (c: Condition): GuardNode => {
		if ('all' in c) return { kind: 'and', of: c.all.map(toGuard) };
		if ('any' in c) return { kind: 'or', of: c.any.map(toGuard) };
		if ('not' in c) return { kind: 'not', of: toGuard(c.not) };
		if ('in' in c) return { kind: 'in', node: id.get(c.in)! };
		if ('notIn' in c) return { kind: 'not', of: { kind: 'in', node: id.get(c.notIn)! } };
		if ('indicator' in c) {
			return {
				kind: 'indicator',
				indicator: indicatorId.get(c.indicator)!,
				atLeast: c.atLeast ?? -Infinity,
				atMost: c.atMost ?? Infinity
			};
		}
		const values = 'is' in c ? c.is : c.isNot;
		const guard: GuardNode = {
			kind: 'choice',
			choice: c.choice,
			options: Array.isArray(values) ? values : [values]
		};
		return 'is' in c ? guard : { kind: 'not', of: guard };
	};

	const outgoing: number[][] = paths.map(() => []);
	const transitions = model.transitions.map((t): TransitionTable => {
		const source = id.get(t.source)!;
		const target = id.get(t.target)!;
		outgoing[source].push(t.index);
		// The domain: the nearest proper ancestor of the target that holds the source (-1 when the
		// source is the root: XState then exits and enters everything, the root included).
		let domain = parent[target];
		while (domain !== -1 && !isDescendant(source, domain)) domain = parent[domain];
		const forced = new Set<number>([target]);
		for (let up = parent[target]; up !== -1; up = parent[up]) forced.add(up);
		const writes = new Map<number, number>();
		for (let n = 0; n < paths.length; n++) {
			if (slotOf[n] !== -1 && (domain === -1 || isDescendant(n, domain))) writes.set(slotOf[n], -1);
		}
		enter(domain === -1 ? 0 : domain, forced, writes);
		const setEntries = Object.entries(t.set);
		const effectEntries = Object.entries(t.effects);
		return {
			index: t.index,
			source,
			region: regionId.get(t.region)!,
			guard:
				t.when.length === 0
					? { kind: 'true' }
					: t.when.length === 1
						? toGuard(t.when[0])
						: { kind: 'and', of: t.when.map(toGuard) },
			writeSlot: Int32Array.from(writes.keys()),
			writeValue: Int32Array.from(writes.values()),
			setIndicator: Int32Array.from(setEntries, ([name]) => indicatorId.get(name)!),
			setValue: Float64Array.from(setEntries, ([, value]) => value),
			effectIndicator: Int32Array.from(effectEntries, ([name]) => indicatorId.get(name)!),
			effectDelta: Float64Array.from(effectEntries, ([, delta]) => delta),
			clampIndicator: Int32Array.from([...setEntries, ...effectEntries], ([name]) =>
				indicatorId.get(name)!
			)
		};
	});

	const initialWrites = new Map<number, number>();
	enter(0, new Set(), initialWrites);
	const initialConfiguration = new Int32Array(slotCount).fill(-1);
	for (const [slot, value] of initialWrites) initialConfiguration[slot] = value;
	const indicators = Object.values(model.scenario.indicators);
	return {
		paths,
		kind,
		sortedChildren,
		slotOf,
		slotCount,
		activeWhen,
		outgoing,
		transitions,
		regionPaths,
		regionPace: Float64Array.from(regionPaths, (r) => model.states.get(r)!.pace),
		indicatorIds,
		initialIndicators: Float64Array.from(indicators, (i) => i.initial),
		indicatorMin: Float64Array.from(indicators, (i) => i.min ?? -Infinity),
		indicatorMax: Float64Array.from(indicators, (i) => i.max ?? Infinity),
		initialConfiguration
	};
}

/**
 * Every configuration met so far in explorations of one model, whatever the choices: its slots,
 * leaves, whether the machine is done in it, the transitions leaving its active states and the
 * configuration each one leads to. Flat arrays, found through an open-addressing table over the
 * slots; shared by every exploration of the model.
 */
export class Configurations {
	private slots: Grow<Int32Array>;
	private hashes = ints();
	private table = new Int32Array(1 << 10);
	/**
	 * What is known of a configuration once expanded (`expand`), that is, once an exploration
	 * reaches it in its queue rather than only meets it as a target: its leaves, whether the
	 * machine is done there, and the transitions whose source is active, in index order (entries
	 * `sourceFrom[c] .. sourceTo[c]` of `source`). A limit refusal then pays only for the
	 * configurations it expanded, not for every one it met.
	 */
	readonly leaves: string[][] = [];
	readonly done = bytes();
	readonly expanded = bytes();
	readonly sourceFrom = ints();
	readonly sourceTo = ints();
	readonly source = ints();
	/** The configuration each `source` entry leads to (-1 until first needed). */
	readonly next = ints();
	private readonly scratch: Int32Array;
	/** Room for every transition: a configuration's sources never repeat one. */
	private readonly sourceScratch: Int32Array;
	private readonly walkScratch: number[] = [];

	constructor(private readonly tables: Tables) {
		this.scratch = new Int32Array(tables.slotCount);
		this.sourceScratch = new Int32Array(tables.transitions.length);
		this.slots = ints(64 * Math.max(1, tables.slotCount));
	}

	get count(): number {
		return this.hashes.length;
	}

	/** The configuration's slots (a view: copy it to keep it across `intern`). */
	slotsOf(c: number): Int32Array {
		const n = this.tables.slotCount;
		return this.slots.data.subarray(c * n, (c + 1) * n);
	}

	intern(slots: Int32Array): number {
		const n = this.tables.slotCount;
		let h = 0x811c9dc5;
		for (let i = 0; i < n; i++) h = Math.imul(h ^ slots[i], 0x5bd1e995) ^ (h >>> 13);
		const mask = this.table.length - 1;
		let at = h & mask;
		for (let found = this.table[at]; found !== 0; found = this.table[at]) {
			const c = found - 1;
			if (this.hashes.data[c] === h) {
				const base = c * n;
				let same = true;
				for (let i = 0; i < n && same; i++) same = this.slots.data[base + i] === slots[i];
				if (same) return c;
			}
			at = (at + 1) & mask;
		}
		const c = this.hashes.length;
		this.table[at] = c + 1;
		this.hashes.push(h);
		this.slots.reserve((c + 1) * n);
		this.slots.data.set(slots, c * n);
		this.slots.length = (c + 1) * n;
		this.leaves.push(unexpanded);
		this.done.push(0);
		this.expanded.push(0);
		this.sourceFrom.push(0);
		this.sourceTo.push(0);
		if (2 * (c + 1) > this.table.length) this.rehash();
		return c;
	}

	/** Fill in the configuration's leaves, whether it is done, and its transitions out. */
	expand(c: number): void {
		if (this.expanded.data[c] === 1) return;
		const { tables } = this;
		const slots = this.slotsOf(c);
		const done = isDone(tables, slots);
		// One walk of the active states, children in key order: the leaves, and the transitions out.
		const leaves: string[] = [];
		const sources = this.sourceScratch;
		let count = 0;
		const walk = this.walkScratch;
		walk.length = 0;
		walk.push(0);
		while (walk.length > 0) {
			const node = walk.pop()!;
			if (!done) for (const t of tables.outgoing[node]) sources[count++] = t;
			if (tables.kind[node] === 'compound') walk.push(slots[tables.slotOf[node]]);
			else {
				const children = tables.sortedChildren[node];
				if (children.length === 0) leaves.push(tables.paths[node]);
				for (let i = children.length - 1; i >= 0; i--) walk.push(children[i]);
			}
		}
		this.leaves[c] = leaves;
		this.done.data[c] = done ? 1 : 0;
		// In index order, as XState lists them (a numeric sort: a typed array's own).
		if (count > 1) sources.subarray(0, count).sort();
		this.sourceFrom.data[c] = this.source.length;
		for (let i = 0; i < count; i++) {
			this.source.push(sources[i]);
			this.next.push(-1);
		}
		this.sourceTo.data[c] = this.source.length;
		this.expanded.data[c] = 1;
	}

	private rehash(): void {
		this.table = new Int32Array(this.table.length * 2);
		const mask = this.table.length - 1;
		for (let c = 0; c < this.hashes.length; c++) {
			let at = this.hashes.data[c] & mask;
			while (this.table[at] !== 0) at = (at + 1) & mask;
			this.table[at] = c + 1;
		}
	}

	/** The configuration that source entry `e` of (expanded) configuration `c` leads to. */
	follow(c: number, e: number): number {
		let next = this.next.data[e];
		if (next === -1) {
			const { scratch } = this;
			const n = this.tables.slotCount;
			const slots = this.slots.data;
			for (let i = 0; i < n; i++) scratch[i] = slots[c * n + i];
			const t = this.tables.transitions[this.source.data[e]];
			for (let i = 0; i < t.writeSlot.length; i++) scratch[t.writeSlot[i]] = t.writeValue[i];
			next = this.intern(scratch);
			this.next.data[e] = next;
		}
		return next;
	}
}

const unexpanded: string[] = [];
const configurationCache = new WeakMap<Tables, Configurations>();

/** The configurations of a model's tables, shared by its explorations. */
export function configurationsOf(tables: Tables): Configurations {
	let found = configurationCache.get(tables);
	if (!found) {
		found = new Configurations(tables);
		configurationCache.set(tables, found);
	}
	return found;
}

/** Whether `node` is active in a configuration. */
export function isActive(tables: Tables, configuration: Int32Array, node: number): boolean {
	const when = tables.activeWhen[node];
	for (let i = 0; i < when.length; i += 2) if (configuration[when[i]] !== when[i + 1]) return false;
	return true;
}

/** XState's `isInFinalState` of the root: the machine is done. */
export function isDone(tables: Tables, configuration: Int32Array): boolean {
	const final = (node: number): boolean => {
		const k = tables.kind[node];
		if (k === 'compound') return tables.kind[configuration[tables.slotOf[node]]] === 'final';
		if (k === 'parallel') return tables.sortedChildren[node].every(final);
		return k === 'final';
	};
	return final(0);
}

const always: GuardNode = { kind: 'true' };
const never: GuardNode = { kind: 'false' };

/**
 * A guard with what the choices and the configuration settle replaced by true or false; what is
 * left reads only indicators. Allocates only for what is left.
 */
export function settle(
	guard: GuardNode,
	choices: Record<string, string>,
	active: (node: number) => boolean
): GuardNode {
	switch (guard.kind) {
		case 'true':
		case 'false':
		case 'indicator':
			return guard;
		case 'choice':
			return guard.options.includes(choices[guard.choice]) ? always : never;
		case 'in':
			return active(guard.node) ? always : never;
		case 'not': {
			const of = settle(guard.of, choices, active);
			return of === always ? never : of === never ? always : { kind: 'not', of };
		}
		case 'and':
		case 'or': {
			const stop = guard.kind === 'and' ? never : always;
			let left: GuardNode[] | undefined;
			for (const g of guard.of) {
				const settled = settle(g, choices, active);
				if (settled === stop) return stop;
				if (settled.kind !== 'true' && settled.kind !== 'false') (left ??= []).push(settled);
			}
			if (left === undefined) return stop === never ? always : never;
			return left.length === 1 ? left[0] : { kind: guard.kind, of: left };
		}
	}
}

/** A settled guard on the indicator values at `at` in `values`. */
export function holds(guard: GuardNode, values: Float64Array, at: number): boolean {
	switch (guard.kind) {
		case 'true':
			return true;
		case 'false':
			return false;
		case 'indicator': {
			const v = values[at + guard.indicator];
			return v >= guard.atLeast && v <= guard.atMost;
		}
		case 'not':
			return !holds(guard.of, values, at);
		case 'and':
			return guard.of.every((g) => holds(g, values, at));
		case 'or':
			return guard.of.some((g) => holds(g, values, at));
		case 'choice':
		case 'in':
			throw new Error('settle the guard before reading indicators');
	}
}
