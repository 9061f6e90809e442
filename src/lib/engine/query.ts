/**
 * A question asked of a scenario, answered exactly: `P(a within 6 | b)`, `E[dim | b]`,
 * `E[steps until a | b]`, the curve `P(a within 1..8 | b)`, or a claim's proposition. The value
 * under the settings is computed on the chain (not sampled); the 90 % interval comes from seeded
 * draws of the likelihood ranges the settings leave open, each solved exactly too.
 */
import { measuresOf, type Measure, type Observed } from '../query/ast';
import type { QueryError } from '../query/errors';
import { evaluate } from '../query/evaluate';
import { checkMeasures } from '../query/names';
import { parseQuestion, type Question } from '../query/parse';
import { limits } from '../scenario/limits';
import { observationsOf, termsUnder } from './claimTerms';
import type { Compiled, Settings } from './compile';
import { drawInto, toInterval, type Interval } from './interval';
import { reweight } from './explore';
import { checkObservations, describeObservation, type Observation } from './observe';
import { createRng, type Seed } from './rng';

export type QuestionCheck = { ok: true; question: Question } | { ok: false; error: QueryError };

/** Parse `text` and check its names against the scenario: the question, or the first problem. */
export function readQuestion(text: string, compiled: Compiled): QuestionCheck {
	const parsed = parseQuestion(text);
	if (!parsed.ok) return parsed;
	const measures =
		parsed.question.kind === 'measure'
			? [parsed.question.measure]
			: measuresOf(parsed.question.expression);
	const [problem] = checkMeasures(measures, compiled.model, {
		curves: parsed.question.kind === 'measure'
	});
	return problem ? { ok: false, error: problem } : parsed;
}

/**
 * The question with `observations` (the page's "What has happened") joined to each measure's `|`.
 * The nodes added stand at no place in the text (0–0): a problem is never located in them. An
 * observation the question states already is not repeated.
 */
export function withObservations(question: Question, observations: Observation[]): Question {
	if (observations.length === 0) return question;
	const joined = structuredClone(question);
	const added: Observed[] = observations.map((o) => ({
		start: 0,
		end: 0,
		event: { start: 0, end: 0, text: o.event },
		happened: o.happened,
		...(o.within !== undefined && { within: { start: 0, end: 0, steps: o.within } })
	}));
	const measures = joined.kind === 'measure' ? [joined.measure] : measuresOf(joined.expression);
	const same = (a: Observed, b: Observed) =>
		a.event.text === b.event.text &&
		a.happened === b.happened &&
		a.within?.steps === b.within?.steps;
	// What the question observes already is not added again.
	for (const m of measures) m.given.push(...added.filter((o) => !m.given.some((g) => same(g, o))));
	return joined;
}

/** One point of a curve: P(event by step k | observed), with its 90 % interval. */
export interface CurvePoint {
	steps: number;
	value: number;
	interval?: Interval;
}

export interface Answer {
	kind: 'probability' | 'expectation' | 'steps' | 'claim';
	/** The measure's value under the settings; for a claim, 1 when it holds, 0 when it fails. */
	value: number;
	/** A claim's verdict. */
	holds?: boolean;
	/** Across the draws: the 90 % interval of a measure (of the curve's last point). */
	interval?: Interval;
	/**
	 * The draws: how many, how many gave the measure a value (in the others what it observes
	 * cannot happen), and for a claim how many it holds in.
	 */
	draws?: { samples: number; counted: number; holds?: number };
	curve?: CurvePoint[];
	/** What the measure observes, in words, and the chance of it under the settings. */
	observed?: { text: string[]; probability: number };
	/** The dimension an expected score is on. */
	dimension?: string;
}

/**
 * The answer to a checked question under `settings`. Throws an `ObserveError` (its message names
 * the step) when what the question observes cannot happen under the settings.
 */
export function answerQuestion(
	scenario: Compiled,
	question: Question,
	settings: Settings = {},
	{ samples = 200, seed = 1 }: { samples?: number; seed?: Seed } = {}
): Answer {
	const { compiled, choices, base, ranged, terms } = termsUnder(scenario, settings);
	const measures =
		question.kind === 'measure' ? [question.measure] : measuresOf(question.expression);
	let observed: Answer['observed'];
	for (const m of measures) {
		if (m.given.length === 0) continue;
		const chain = terms.chainFor(m, choices);
		const observations = observationsOf(m.given);
		const probability = checkObservations(
			chain,
			observations,
			reweight(chain, base),
			limits.maxReachable
		);
		observed ??= {
			text: observations.map((o) => describeObservation(compiled.model, o)),
			probability
		};
	}
	const rng = createRng(seed);
	const draws = ranged.length === 0 ? 0 : samples;
	const points = Array.from({ length: draws }, () => drawInto(base.slice(), ranged, rng));
	if (question.kind === 'claim') {
		const holdsAt = (values: Float64Array) =>
			evaluate(question.expression, (t) => terms.value(t, choices, values));
		const holds = holdsAt(base);
		return {
			kind: 'claim',
			value: holds ? 1 : 0,
			holds,
			...(draws > 0 && {
				draws: { samples: draws, counted: draws, holds: points.filter(holdsAt).length }
			}),
			...(observed && { observed })
		};
	}
	const m: Measure = question.measure;
	const value = terms.value(m, choices, base);
	let counted = draws;
	const across = (values: number[]) => {
		const defined = Float64Array.from(values.filter((v) => !Number.isNaN(v)));
		counted = defined.length;
		return defined.length > 0 ? toInterval(defined) : undefined;
	};
	const answer: Answer = {
		kind: m.kind,
		value,
		...(m.kind === 'expectation' && { dimension: m.dimension.text }),
		...(observed && { observed })
	};
	if (m.kind === 'probability' && m.within?.upTo !== undefined) {
		const { steps: first, upTo } = m.within;
		const curveAt = (values: Float64Array) => terms.curve(m, choices, values, upTo);
		const at = curveAt(base);
		const drawn = points.map(curveAt);
		answer.curve = at.slice(first - 1).map((v, i) => {
			const k = first + i;
			const interval = draws > 0 ? across(drawn.map((c) => c[k - 1])) : undefined;
			return { steps: k, value: v, ...(interval && { interval }) };
		});
		answer.value = at[upTo - 1];
		const last = answer.curve.at(-1)?.interval;
		if (last) answer.interval = last;
	} else if (draws > 0) {
		const interval = across(points.map((values) => terms.value(m, choices, values)));
		if (interval) answer.interval = interval;
	}
	if (draws > 0) answer.draws = { samples: draws, counted };
	return answer;
}
