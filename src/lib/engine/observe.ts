/**
 * Observations and conditional questions, exact. An observation says that an event (a state
 * reached, a transition taken) happened, or did not, at any time or within k steps. The chain is
 * multiplied by a small monitor (each state paired with the step count, up to the largest k, and
 * with which events have happened so far); every question is then a question about the ends of
 * that product chain:
 *
 *   P(A | B) = P(A and B) / P(B)          (Bayes on the chain)
 *
 * and the chain conditioned on B is the product chain with each edge re-weighted by the chance of
 * B from its target over the chance from its source (Doob's h-transform). The conditioned chain
 * is an ordinary absorbing chain, so every analysis (outcomes, expected scores, expected steps)
 * reads it as it reads the unconditioned one.
 */
import { isAncestorOrSelf, type Model } from '../scenario/model';
import { stateLabel } from '../scenario/names';
import { isAbsorbing, type Chain } from './explore';
import { reachProbability } from './reach';
import { components, solveExact, type ExactResult } from './solve';

/** An event as a person names it: a state path, or a transition id (`source:event`). */
export type EventRef = { kind: 'state'; path: string } | { kind: 'transition'; index: number };

export interface Observation {
	/** A state path (reached) or a transition id (taken). */
	event: string;
	/** Within this many steps from the start; absent: at any time. */
	within?: number;
	/** False: it did not happen (within `within` steps, or at all). */
	happened: boolean;
}

/** The largest number of events one question may watch at once (each doubles the product). */
export const maxMonitors = 8;
/** The largest step bound (`within k`). */
export const maxWithin = 1000;

/** The event `text` names in `model`, or undefined. */
export function resolveEvent(model: Model, text: string): EventRef | undefined {
	if (text.includes(':')) {
		const t = model.transitions.find((t) => t.id === text);
		return t && { kind: 'transition', index: t.index };
	}
	return model.states.has(text) && text !== '' ? { kind: 'state', path: text } : undefined;
}

interface Monitor {
	event: EventRef;
	within?: number;
}

/** The chain multiplied by its monitors: an ordinary chain plus where each state came from. */
export interface Product {
	chain: Chain;
	/** The base chain's state of each product state. */
	origin: Int32Array;
	/** The base chain's edge of each product edge. */
	edge: Int32Array;
	/** Which monitors' events have happened (bit i for monitor i) in each product state. */
	happened: Uint32Array;
	/** Steps taken to reach each product state, capped at the largest `within` + 1 (0 when none). */
	step: Int32Array;
}

/** Thrown when a question cannot be asked of this chain (too large, an impossible observation). */
export class ObserveError extends Error {
	constructor(
		message: string,
		readonly hint: string
	) {
		super(message);
		this.name = 'ObserveError';
	}
}

function inState(chain: Chain, s: number, path: string): boolean {
	return chain.leaves[s].some((leaf) => isAncestorOrSelf(path, leaf));
}

/**
 * The product of `chain` with the monitors' events. Refuses before exploring when the product
 * could outgrow `maxStates`, and while exploring if it does.
 */
export function buildProduct(chain: Chain, monitors: Monitor[], maxStates: number): Product {
	if (monitors.length > maxMonitors)
		throw new ObserveError(
			`${monitors.length} events at once, over the limit of ${maxMonitors}`,
			'ask about fewer events at a time'
		);
	const bound = Math.max(0, ...monitors.map((m) => m.within ?? 0));
	if (bound > maxWithin)
		throw new ObserveError(
			`within ${bound} steps, over the limit of ${maxWithin}`,
			`ask within at most ${maxWithin} steps, or leave within out`
		);
	const cap = bound > 0 ? bound + 1 : 0;
	const keyOf = (s: number, step: number, bits: number) => (s * (cap + 1) + step) * 2 ** 8 + bits;
	const index = new Map<number, number>();
	const origin: number[] = [];
	const happened: number[] = [];
	const steps: number[] = [];
	const add = (s: number, step: number, bits: number) => {
		const key = keyOf(s, step, bits);
		const known = index.get(key);
		if (known !== undefined) return known;
		if (origin.length >= maxStates)
			throw new ObserveError(
				`watching these events needs more than ${maxStates.toLocaleString('en')} states, the most the exact analysis explores`,
				'ask about fewer events at once, or with a smaller "within"'
			);
		index.set(key, origin.length);
		origin.push(s);
		happened.push(bits);
		steps.push(step);
		return origin.length - 1;
	};
	const hits = (m: Monitor, step: number, target: number, transition: number) =>
		(m.within === undefined || step <= m.within) &&
		(m.event.kind === 'state'
			? inState(chain, target, m.event.path)
			: m.event.index === transition);
	let initial = 0;
	monitors.forEach((m, i) => {
		if (m.event.kind === 'state' && hits(m, 0, 0, -1)) initial |= 1 << i;
	});
	add(0, 0, initial);
	const rowStart: number[] = [0];
	const edge: number[] = [];
	const target: number[] = [];
	for (let p = 0; p < origin.length; p++) {
		const s = origin[p];
		const step = Math.min(steps[p] + 1, cap);
		for (let e = chain.rowStart[s]; e < chain.rowStart[s + 1]; e++) {
			const t = chain.edgeTarget[e];
			let bits = happened[p];
			monitors.forEach((m, i) => {
				if (!(bits & (1 << i)) && hits(m, steps[p] + 1, t, chain.edgeTransition[e])) bits |= 1 << i;
			});
			edge.push(e);
			target.push(add(t, step, bits));
		}
		rowStart.push(edge.length);
	}
	const edges = Int32Array.from(edge);
	const originArray = Int32Array.from(origin);
	const width = chain.compiled.indicatorIds.length;
	const indicators = new Float64Array(origin.length * width);
	originArray.forEach((s, p) =>
		indicators.set(chain.indicators.subarray(s * width, (s + 1) * width), p * width)
	);
	return {
		chain: {
			compiled: chain.compiled,
			choices: chain.choices,
			size: origin.length,
			leaves: Array.from(originArray, (s) => chain.leaves[s]),
			indicators,
			rowStart: Int32Array.from(rowStart),
			edgeTarget: Int32Array.from(target),
			edgeTransition: edges.map((e) => chain.edgeTransition[e]),
			edgeShare: Float64Array.from(edge, (e) => chain.edgeShare[e]),
			edgeSet: edges.map((e) => chain.edgeSet[e]),
			sets: chain.sets,
			edgeProbability: Float64Array.from(edge, (e) => chain.edgeProbability[e])
		},
		origin: originArray,
		edge: edges,
		happened: Uint32Array.from(happened),
		step: Int32Array.from(steps)
	};
}

/** Whether a product state's record of events matches `wanted` on the bits in `mask`. */
const matches = (product: Product, mask: number, wanted: number) => (p: number) =>
	(product.happened[p] & mask) === wanted;

/**
 * A question with its observations: the product chain of the question's events and the
 * observations, its edge probabilities under some likelihood values, and the chance of the
 * observations. Built once per set of choices; `at(values)` re-weights it.
 */
export class Observed {
	readonly product: Product;
	/** Bits of the observations, and the value each must have at the end. */
	readonly mask: number;
	readonly wanted: number;
	private readonly order: number[][];

	/**
	 * `events`: the question's own events (monitors 0…); `observations` follow them. An event or
	 * observation names a state or transition of `chain`'s model (the caller has checked).
	 */
	constructor(
		readonly chain: Chain,
		events: { event: string; within?: number }[],
		readonly observations: Observation[],
		maxStates: number
	) {
		const model = chain.compiled.model;
		const ref = (text: string) => {
			const r = resolveEvent(model, text);
			if (!r)
				throw new ObserveError(`unknown event "${text}"`, 'name a state path or a transition id');
			return r;
		};
		const monitors = [
			...events.map((e) => ({ event: ref(e.event), within: e.within })),
			...observations.map((o) => ({ event: ref(o.event), within: o.within }))
		];
		this.product = buildProduct(chain, monitors, maxStates);
		let mask = 0;
		let wanted = 0;
		observations.forEach((o, i) => {
			const bit = 1 << (events.length + i);
			mask |= bit;
			if (o.happened) wanted |= bit;
		});
		this.mask = mask;
		this.wanted = wanted;
		this.order = components(this.product.chain);
	}

	/** The product's edge probabilities for the base chain's `probabilities`. */
	weights(probabilities: Float64Array = this.chain.edgeProbability): Float64Array {
		return Float64Array.from(this.product.edge, (e) => probabilities[e]);
	}

	/** The chance, from each product state, that the run ends with `mask` bits equal to `wanted`. */
	chance(weights: Float64Array, mask = this.mask, wanted = this.wanted): Float64Array {
		return reachProbability(
			this.product.chain,
			matches(this.product, mask, wanted),
			weights,
			this.order
		);
	}

	/**
	 * The conditioned chain's edge probabilities (h-transform), and the chance of the observations.
	 * `extraMask`/`extraWanted` condition on the question's own events too.
	 */
	condition(
		weights: Float64Array,
		extraMask = 0,
		extraWanted = 0
	): { probability: number; weights: Float64Array } {
		const h = this.chance(weights, this.mask | extraMask, this.wanted | extraWanted);
		const { rowStart, edgeTarget, size } = this.product.chain;
		const out = new Float64Array(weights.length);
		for (let s = 0; s < size; s++)
			for (let e = rowStart[s]; e < rowStart[s + 1]; e++)
				out[e] = h[s] > 0 ? (weights[e] * h[edgeTarget[e]]) / h[s] : weights[e];
		return { probability: h[0], weights: out };
	}

	/** The exact analysis of the conditioned chain (outcomes, scores, expected steps). */
	solve(conditioned: Float64Array): ExactResult {
		return solveExact(this.product.chain, conditioned, this.order);
	}

	/**
	 * Expected steps taken before event `bit` happens, in runs where it happens (conditioned on it
	 * and on the observations); NaN when it cannot happen.
	 */
	stepsUntil(weights: Float64Array, bit: number): number {
		const { probability, weights: w } = this.condition(weights, 1 << bit, 1 << bit);
		if (probability <= 0) return Number.NaN;
		const { visits } = this.solve(w);
		let steps = 0;
		for (let p = 0; p < this.product.chain.size; p++)
			if (!isAbsorbing(this.product.chain, p) && !(this.product.happened[p] & (1 << bit)))
				steps += visits[p];
		return steps;
	}

	/**
	 * P(event `bit` has happened by step k | observations) for k = 1…K, by stepping the conditioned
	 * distribution forward K times.
	 */
	curve(conditioned: Float64Array, bit: number, steps: number): number[] {
		const chain = this.product.chain;
		let now = new Float64Array(chain.size);
		now[0] = 1;
		const out: number[] = [];
		for (let k = 1; k <= steps; k++) {
			const next = new Float64Array(chain.size);
			for (let s = 0; s < chain.size; s++) {
				if (now[s] === 0) continue;
				if (isAbsorbing(chain, s)) next[s] += now[s];
				else
					for (let e = chain.rowStart[s]; e < chain.rowStart[s + 1]; e++)
						next[chain.edgeTarget[e]] += now[s] * conditioned[e];
			}
			now = next;
			let mass = 0;
			for (let s = 0; s < chain.size; s++)
				if (this.product.happened[s] & (1 << bit)) mass += now[s];
			out.push(mass);
		}
		return out;
	}
}

/** The label a reader knows an event by. */
export function eventLabel(model: Model, text: string): string {
	const ref = resolveEvent(model, text);
	if (!ref) return text;
	return ref.kind === 'transition'
		? model.transitions[ref.index].label
		: stateLabel(model, ref.path);
}

/** How a reader reads an observation: `“Iran attacks Israel directly” happened within 6 steps`. */
export function describeObservation(model: Model, o: Observation): string {
	const within =
		o.within === undefined ? '' : ` within ${o.within} step${o.within === 1 ? '' : 's'}`;
	return `“${eventLabel(model, o.event)}” ${o.happened ? 'happened' : 'did not happen'}${within}`;
}

/**
 * Throws an `ObserveError` saying why, when the observations have probability 0 under the base
 * chain's `probabilities`: the step with likelihood 0 that blocks an event, a choice that leaves it
 * out, a step bound too short, an event that always happens, or two observations that exclude each
 * other. Returns the chance of the observations otherwise.
 */
export function checkObservations(
	chain: Chain,
	observations: Observation[],
	probabilities: Float64Array,
	maxStates: number
): number {
	if (observations.length === 0) return 1;
	const model = chain.compiled.model;
	const all = new Observed(chain, [], observations, maxStates);
	const p = all.chance(all.weights(probabilities))[0];
	if (p > 0) return p;
	for (const o of observations) {
		const alone = new Observed(chain, [], [o], maxStates);
		if (alone.chance(alone.weights(probabilities))[0] > 0) continue;
		throw whyImpossible(chain, o, probabilities);
	}
	for (let i = 0; i < observations.length; i++)
		for (let j = i + 1; j < observations.length; j++) {
			const pair = new Observed(chain, [], [observations[i], observations[j]], maxStates);
			if (pair.chance(pair.weights(probabilities))[0] > 0) continue;
			throw new ObserveError(
				`${describeObservation(model, observations[i])} and ${describeObservation(model, observations[j])} cannot both hold: no run of the model has both`,
				'take one of the two observations back'
			);
		}
	throw new ObserveError(
		'these observations cannot all hold together: no run of the model has them all',
		'take one of them back'
	);
}

function whyImpossible(chain: Chain, o: Observation, probabilities: Float64Array): ObserveError {
	const model = chain.compiled.model;
	const ref = resolveEvent(model, o.event)!;
	const what = describeObservation(model, o);
	if (!o.happened)
		return new ObserveError(
			`${what} is impossible: under these settings it always happens${o.within === undefined ? '' : ` within ${o.within} steps`}`,
			'check the observation, or change the settings that make it certain'
		);
	const isEvent = (e: number) =>
		ref.kind === 'transition'
			? chain.edgeTransition[e] === ref.index
			: inState(chain, chain.edgeTarget[e], ref.path);
	// Earliest step of the event along edges that can happen, from the start.
	const depth = new Int32Array(chain.size).fill(-1);
	depth[0] = 0;
	const queue = [0];
	let earliest = ref.kind === 'state' && inState(chain, 0, ref.path) ? 0 : -1;
	for (let q = 0; q < queue.length && earliest < 0; q++) {
		const s = queue[q];
		for (let e = chain.rowStart[s]; e < chain.rowStart[s + 1]; e++) {
			if (probabilities[e] <= 0) continue;
			if (isEvent(e)) {
				earliest = depth[s] + 1;
				break;
			}
			const t = chain.edgeTarget[e];
			if (depth[t] < 0) {
				depth[t] = depth[s] + 1;
				queue.push(t);
			}
		}
	}
	if (earliest >= 0)
		return new ObserveError(
			`${what} is impossible: the earliest it can happen is step ${earliest}`,
			`observe it within ${earliest} steps or more, or leave within out`
		);
	// Steps of likelihood 0 leaving a state the run can reach, towards the event.
	const leadsTo = eventReachers(chain, isEvent);
	const blocking = new Set<number>();
	for (const s of queue)
		for (let e = chain.rowStart[s]; e < chain.rowStart[s + 1]; e++)
			if (probabilities[e] <= 0 && (isEvent(e) || leadsTo[chain.edgeTarget[e]]))
				blocking.add(chain.edgeTransition[e]);
	if (blocking.size > 0) {
		const steps = [...blocking].map(
			(i) => `“${model.transitions[i].label}” (${model.transitions[i].id})`
		);
		return new ObserveError(
			`${what} is impossible under these settings: ${steps.join(', ')} ${steps.length === 1 ? 'has' : 'have'} likelihood 0`,
			'raise that likelihood above 0, or take the observation back'
		);
	}
	return new ObserveError(
		`${what} is impossible under these choices: no run of the model reaches it`,
		ref.kind === 'transition' && model.transitions[ref.index].when.length > 0
			? 'the step has a condition (when) these choices do not meet: change the choices, or take the observation back'
			: 'change the choices, or take the observation back'
	);
}

/** For each state, whether some run from it (whatever the likelihoods) reaches an event edge. */
function eventReachers(chain: Chain, isEvent: (e: number) => boolean): Uint8Array {
	const reaches = new Uint8Array(chain.size);
	const incoming: number[][] = Array.from({ length: chain.size }, () => []);
	const queue: number[] = [];
	for (let s = 0; s < chain.size; s++)
		for (let e = chain.rowStart[s]; e < chain.rowStart[s + 1]; e++) {
			incoming[chain.edgeTarget[e]].push(s);
			if (isEvent(e) && !reaches[s]) {
				reaches[s] = 1;
				queue.push(s);
			}
		}
	for (let q = 0; q < queue.length; q++)
		for (const s of incoming[queue[q]])
			if (!reaches[s]) {
				reaches[s] = 1;
				queue.push(s);
			}
	return reaches;
}
