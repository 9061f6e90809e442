/**
 * The key assumptions check: every assumption of the model (see `assumptionList`), swung one at a
 * time under the current settings, with its exact effect on the headline results: the outcome
 * whose probability moves most, and the expected score that moves most.
 *
 * Ranking: an assumption's `effect` is the larger of its largest change in an outcome's
 * probability (a share of 1: 0.12 is 12 percentage points) and its largest change in an expected
 * score relative to that dimension's range (`scaleWidth`, max − min: 0.12 is 12 % of the range).
 * Both are fractions of the widest change possible, so they compare, and a wide scale's change
 * is not counted as larger than a narrow one's merely for its units; largest first. (A score on
 * a 0–1 scale swung by one is flipped whole, its full range: such rows can rank high.)
 *
 * Like `sensitivity`, a likelihood swing re-weights the explored chain and solves it exactly (no
 * new exploration); a score swing changes no probability, and the expected scores are summed again
 * over the same exact distribution of endings.
 *
 * Under observations (`settings.observations`) every swing is conditioned on them as the outcomes
 * are (`solverFor`): a likelihood swing re-weights the explored chain, conditions and solves; a
 * score swing sums again over the conditioned distribution of endings. An end of a swing under
 * which the observations cannot happen is left out (named in `impossibleAt`): the change is then
 * measured from the current value to the other end.
 */
import { withReading } from './reading';
import type { TransitionInfo } from '../scenario/model';
import { analyze, type KnownChain } from './analyze';
import {
	assumptionList,
	scaleWidth,
	type AssumptionKind,
	type AssumptionSpec
} from './assumptionList';
import type { Compiled, Settings } from './compile';
import { summarize, type OutcomeSummary } from './outcomes';
import type { ExactResult } from './solve';
import { solverFor } from './solveUnder';
import { swungWeights } from './swing';

export interface AssumptionChange {
	/** An outcome's state path, or a dimension id. */
	id: string;
	label: string;
	/** The value at the low end and at the high end of the swing (probability or expected score). */
	atLow: number;
	atHigh: number;
	/** For a score: the change as a share of the dimension's scale. */
	share?: number;
}

export interface Assumption {
	kind: AssumptionKind;
	/** A transition id, or `<outcome>:<dimension>` for a score. */
	id: string;
	label: string;
	/** The label of the state the step leaves (several steps may share a label); for a score, the outcome's. */
	from: string;
	/** Transition ids to show for it: the step and its remainders, or the steps into the outcome. */
	transitions: string[];
	/** Labels of the `rest` steps that take what a range leaves. */
	remainders: string[];
	/** The value now (a likelihood, or a score), and the ends of the swing. */
	current: number;
	low: number;
	high: number;
	/** For a score: the dimension's label and scale width. */
	dimension?: { id: string; label: string; width: number };
	/** The source's wording behind a likelihood, or `silent`. */
	basis?: string;
	/** The assumption the scenario states for the step. */
	assumption?: string;
	/** Whether the step can fire (or the outcome be reached) under the current settings. */
	reached: boolean;
	/** The outcome whose probability moves most, and the expected score that moves most. */
	outcome?: AssumptionChange;
	score?: AssumptionChange;
	/** The ranking measure (see the module comment), from 0 to 1. */
	effect: number;
	/**
	 * Under observations: the ends of the swing under which they cannot happen, left out (the
	 * current results stand in for them).
	 */
	impossibleAt?: ('low' | 'high')[];
}

export interface AssumptionsResult {
	choices: Record<string, string>;
	assumptions: Assumption[];
	milliseconds: number;
}

/** Below this, a change is float noise: no outcome or score "moves". */
const noise = 1e-12;

/**
 * The register under `settings`, largest effect first.
 * `assumptionsCheck(compiled, {}).assumptions[0]` is the assumption that moves the results most.
 */
export function assumptionsCheck(
	scenario: Compiled,
	settings: Settings = {},
	known?: KnownChain
): AssumptionsResult {
	const compiled = withReading(scenario, settings.reading);
	const start = performance.now();
	const { model } = compiled;
	const analysis = analyze(compiled, settings, known);
	// The chain the outcomes are read on (conditioned under observations), and the explored one
	// that a swing re-weights.
	const { chain, exact, explored } = analysis;
	const solve = solverFor(explored, analysis.observed?.conditioned);
	const used = new Set(explored.edgeTransition);
	const weights = new Float64Array(explored.edgeTarget.length);

	const solveAt = (spec: AssumptionSpec, end: 'low' | 'high'): ExactResult | undefined => {
		const values = analysis.values.slice();
		if (spec.siblings) for (const x of spec.siblings) values[x.index] = rangeEnd(x, flip(end));
		else for (const i of spec.swung) values[i] = spec[end];
		const swung = new Set(spec.swung);
		return solve(swungWeights(explored, values, swung, weights));
	};
	const scoredAt = (spec: AssumptionSpec, end: 'low' | 'high'): OutcomeSummary => {
		const states = new Map(model.states);
		const state = states.get(spec.outcome!)!;
		const scores = { ...state.outcome!.scores, [spec.dimension!]: spec[end] };
		states.set(state.path, { ...state, outcome: { ...state.outcome!, scores } });
		const swapped = { ...compiled, model: { ...model, states } };
		return summarize({ ...chain, compiled: swapped }, exact.visits);
	};

	const assumptions = assumptionList(model).map((spec): Assumption => {
		const t = spec.transition;
		const reached =
			spec.kind === 'score'
				? (exact.outcomes.find((o) => o.id === spec.outcome)?.probability ?? 0) > 0
				: [spec.transition!, ...spec.remainders].some((x) => used.has(x.index));
		const at = spec.kind === 'score' ? scoredAt : solveAt;
		const ends = reached ? [at(spec, 'low'), at(spec, 'high')] : [exact, exact];
		const impossibleAt = (['low', 'high'] as const).filter((_, i) => !ends[i]);
		const [low, high] = ends.map((e) => e ?? exact);
		const outcome = largest(
			low.outcomes.map((o, i) => ({
				id: o.id,
				label: o.label,
				atLow: o.probability,
				atHigh: high.outcomes[i].probability
			}))
		);
		const score = largest(
			Object.keys(low.dimensions).map((id) => {
				const width = scaleWidth(model, id);
				const [atLow, atHigh] = [low.dimensions[id], high.dimensions[id]];
				return {
					id,
					label: model.scenario.dimensions[id].label,
					atLow,
					atHigh,
					share: Math.abs(atHigh - atLow) / width
				};
			}),
			(c) => c.share
		);
		const effect = Math.max(
			outcome ? Math.abs(outcome.atHigh - outcome.atLow) : 0,
			score?.share ?? 0
		);
		return {
			kind: spec.kind,
			id: spec.id,
			...describe(spec, analysis.values, model.transitions, compiled),
			remainders: spec.remainders.map((r) => r.label),
			low: spec.low,
			high: spec.high,
			...(t?.likelihood.basis !== undefined && { basis: t.likelihood.basis }),
			...(t?.assumption !== undefined && { assumption: t.assumption }),
			reached,
			...(outcome && { outcome }),
			...(score && { score }),
			effect,
			...(impossibleAt.length > 0 && { impossibleAt })
		};
	});
	// Largest first; effects equal but for float noise keep the scenario's order (a stable sort).
	assumptions.sort((a, b) => (Math.abs(b.effect - a.effect) > noise ? b.effect - a.effect : 0));
	return { choices: analysis.choices, assumptions, milliseconds: performance.now() - start };
}

/** The change of largest size (`size` defaults to the absolute change); undefined when none moves. */
function largest<T extends AssumptionChange>(
	changes: T[],
	size: (c: T) => number = (c) => Math.abs(c.atHigh - c.atLow)
): T | undefined {
	let best: T | undefined;
	for (const c of changes) if (size(c) > noise && (!best || size(c) > size(best) + noise)) best = c;
	return best;
}

const flip = (end: 'low' | 'high') => (end === 'low' ? 'high' : 'low');

function rangeEnd(t: TransitionInfo, end: 'low' | 'high'): number {
	return t.likelihood.kind === 'range' ? t.likelihood[end] : 0;
}

/** The label, the transitions to show and the current value of an assumption. */
function describe(
	spec: AssumptionSpec,
	values: Float64Array,
	transitions: TransitionInfo[],
	compiled: Compiled
) {
	if (spec.kind === 'score') {
		const { model } = compiled;
		const state = model.states.get(spec.outcome!)!;
		const dimension = model.scenario.dimensions[spec.dimension!];
		return {
			label: `${state.outcome!.label}: ${dimension.label}`,
			from: state.outcome!.label,
			transitions: transitions.filter((x) => x.target === state.path).map((x) => x.id),
			current: state.outcome!.scores[spec.dimension!],
			dimension: {
				id: spec.dimension!,
				label: dimension.label,
				width: scaleWidth(model, spec.dimension!)
			}
		};
	}
	const t = spec.transition!;
	const current =
		spec.kind === 'rest'
			? Math.max(0, 1 - (spec.siblings ?? []).reduce((sum, x) => sum + values[x.index], 0))
			: values[t.index];
	const from = compiled.model.states.get(t.source)?.label ?? t.source;
	return { label: t.label, from, transitions: [t, ...spec.remainders].map((x) => x.id), current };
}
