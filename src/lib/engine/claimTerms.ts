/**
 * The value of a claim's term on the chain: `P(state)`, the probability that a run ever enters a
 * state (for an outcome, a final state, the probability of ending there), and `E[dimension]`, the
 * expected score. A term's `under` settings overlay the choices it is evaluated with; each set of
 * choices is explored once (`analyze`) and re-weighted for every likelihood point.
 */
import type { Measure, Observed as ObservedTerm } from '../query/ast';
import { limits } from '../scenario/limits';
import { isAncestorOrSelf } from '../scenario/model';
import { analyze } from './analyze';
import { likelihoodValues, resolveChoices, type Compiled, type Settings } from './compile';
import { rangedTransitions } from './interval';
import { withReading } from './reading';
import { reweight, type Chain } from './explore';
import { Observed, type Observation } from './observe';
import { reachProbability } from './reach';
import { components, solveExact } from './solve';

interface Explored {
	chain: Chain;
	order: number[][];
	/** By state path: the chain cut at the state, for hitting probabilities. */
	cut: Map<string, Cut>;
	/** By the events a term watches: the chain multiplied by their monitor (observe.ts). */
	observed: Map<string, Observed>;
}

/** What a term observes, as the engine reads it. */
export function observationsOf(given: ObservedTerm[]): Observation[] {
	return given.map((g) => ({
		event: g.event.text,
		...(g.within && { within: g.within.steps }),
		happened: g.happened
	}));
}

/** A term's own event (none for an expected score), as the engine reads it. */
function eventsOf(term: Measure): { event: string; within?: number }[] {
	if (term.kind === 'expectation') return [];
	const within = term.kind === 'probability' ? term.within?.steps : undefined;
	return [{ event: term.event.text, ...(within !== undefined && { within }) }];
}

interface Cut {
	chain: Chain;
	order: number[][];
	/** For each edge of the cut chain, its edge in the whole chain. */
	edge: Int32Array;
	entered: (s: number) => boolean;
}

/**
 * The whole chain with the edges out of `path`'s states removed: those states become ends, and
 * the chance of ending in one of them is the chance of ever entering the state.
 */
function cutAt(chain: Chain, path: string): Cut {
	const inside = chain.leaves.map((leaves) => leaves.some((l) => isAncestorOrSelf(path, l)));
	const rowStart = new Int32Array(chain.size + 1);
	const kept: number[] = [];
	for (let s = 0; s < chain.size; s++) {
		if (!inside[s]) for (let e = chain.rowStart[s]; e < chain.rowStart[s + 1]; e++) kept.push(e);
		rowStart[s + 1] = kept.length;
	}
	const edge = Int32Array.from(kept);
	const cut: Chain = {
		...chain,
		rowStart,
		edgeTarget: edge.map((e) => chain.edgeTarget[e]),
		edgeTransition: edge.map((e) => chain.edgeTransition[e]),
		edgeShare: Float64Array.from(kept, (e) => chain.edgeShare[e]),
		edgeSet: edge.map((e) => chain.edgeSet[e]),
		edgeProbability: Float64Array.from(kept, (e) => chain.edgeProbability[e])
	};
	return { chain: cut, order: components(cut), edge, entered: (s) => inside[s] };
}

/** Term values over many likelihood points, with the explored chains kept between calls. */
export class TermValues {
	private readonly explored = new Map<string, Explored>();
	/** Per likelihood point: solved results by choices key. */
	private point: Float64Array | undefined;
	private solved = new Map<string, ReturnType<typeof solveExact>>();
	private weights = new Map<string, Float64Array>();
	private hits = new Map<string, number>();

	constructor(private readonly compiled: Compiled) {}

	/** How many sets of choices have been explored. */
	get chains(): number {
		return this.explored.size;
	}

	/** `term`'s value when the choices are `base` overlaid with its `under`, at likelihoods `values`. */
	value(term: Measure, base: Record<string, string>, values: Float64Array): number {
		if (values !== this.point) {
			this.point = values;
			this.solved.clear();
			this.hits.clear();
			this.weights.clear();
		}
		const { key, explored } = this.exploreFor(term, base);
		const probabilities = () => {
			let p = this.weights.get(key);
			if (!p) {
				p = reweight(explored.chain, values);
				this.weights.set(key, p);
			}
			return p;
		};
		if (
			term.kind === 'steps' ||
			term.given.length > 0 ||
			(term.kind === 'probability' && term.within)
		)
			return this.observedValue(term, key, explored, probabilities());
		if (term.kind === 'expectation') {
			let solved = this.solved.get(key);
			if (!solved) {
				solved = solveExact(explored.chain, probabilities(), explored.order);
				this.solved.set(key, solved);
			}
			return solved.dimensions[term.dimension.text] ?? 0;
		}
		const hitKey = `${key}\n${term.event.text}`;
		const known = this.hits.get(hitKey);
		if (known !== undefined) return known;
		let cut = explored.cut.get(term.event.text);
		if (!cut) {
			cut = cutAt(explored.chain, term.event.text);
			explored.cut.set(term.event.text, cut);
		}
		const weights = probabilities();
		const cutProbabilities = Float64Array.from(cut.edge, (e) => weights[e]);
		const p = reachProbability(cut.chain, cut.entered, cutProbabilities, cut.order)[0];
		this.hits.set(hitKey, p);
		return p;
	}

	/** A term that watches events: on the chain multiplied by their monitor, conditioned. */
	private observedValue(
		term: Measure,
		key: string,
		explored: Explored,
		weights: Float64Array
	): number {
		const events = eventsOf(term);
		const observations = observationsOf(term.given);
		const watchKey = JSON.stringify([events, observations]);
		const hitKey = `${key}\n${term.kind}\n${term.kind === 'expectation' ? term.dimension.text : ''}\n${watchKey}`;
		const known = this.hits.get(hitKey);
		if (known !== undefined) return known;
		const observed = this.observed(explored, events, observations, watchKey);
		const w = observed.weights(weights);
		let value: number;
		if (term.kind === 'steps') value = observed.stepsUntil(w, 0);
		else {
			const { probability, weights: conditioned } = observed.condition(w);
			if (probability <= 0) value = Number.NaN;
			else if (term.kind === 'probability') value = observed.chance(conditioned, 1, 1)[0];
			else value = observed.solve(conditioned).dimensions[term.dimension.text] ?? 0;
		}
		this.hits.set(hitKey, value);
		return value;
	}

	private observed(
		explored: Explored,
		events: { event: string; within?: number }[],
		observations: Observation[],
		watchKey = JSON.stringify([events, observations])
	): Observed {
		let observed = explored.observed.get(watchKey);
		if (!observed) {
			observed = new Observed(explored.chain, events, observations, limits.maxReachable);
			explored.observed.set(watchKey, observed);
		}
		return observed;
	}

	/** The chain `term` is evaluated on (its `under` settings over `base`), explored once. */
	chainFor(term: Measure, base: Record<string, string>): Chain {
		return this.exploreFor(term, base).explored.chain;
	}

	/**
	 * P(`term`'s event by step k | what it observes) for k = 1…`steps`, at likelihoods `values`;
	 * NaN throughout when the observations cannot happen.
	 */
	curve(
		term: Measure & { kind: 'probability' },
		base: Record<string, string>,
		values: Float64Array,
		steps: number
	): number[] {
		const { explored } = this.exploreFor(term, base);
		const observed = this.observed(
			explored,
			[{ event: term.event.text }],
			observationsOf(term.given)
		);
		const { probability, weights } = observed.condition(
			observed.weights(reweight(explored.chain, values))
		);
		if (probability <= 0) return Array.from({ length: steps }, () => Number.NaN);
		return observed.curve(weights, 0, steps);
	}

	/** The chain of `base` overlaid with `term`'s `under` settings, explored once, and its key. */
	private exploreFor(
		term: Measure,
		base: Record<string, string>
	): { key: string; explored: Explored } {
		const choices = { ...base };
		for (const s of term.under) choices[s.choice.text] = s.option.text;
		const key = JSON.stringify(choices);
		return { key, explored: this.explore(key, choices) };
	}

	private explore(key: string, choices: Record<string, string>): Explored {
		let explored = this.explored.get(key);
		if (!explored) {
			const { chain } = analyze(this.compiled, { choices });
			explored = { chain, order: components(chain), cut: new Map(), observed: new Map() };
			this.explored.set(key, explored);
		}
		return explored;
	}
}

/**
 * What evaluating terms under `settings` needs: the scenario under the settings' reading, every
 * choice, the likelihood values, the ranges left to draw (those the settings do not fix), and a
 * fresh `TermValues`.
 */
export function termsUnder(scenario: Compiled, settings: Settings) {
	const compiled = withReading(scenario, settings.reading);
	const fixed = new Set(Object.keys(settings.likelihoods ?? {}));
	return {
		compiled,
		choices: resolveChoices(compiled, settings.choices),
		base: likelihoodValues(compiled, settings.likelihoods),
		ranged: rangedTransitions(compiled).filter((t) => !fixed.has(t.id)),
		terms: new TermValues(compiled)
	};
}
