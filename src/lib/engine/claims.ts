/**
 * A scenario's claims, tested: each claim's expression under the reader's settings, the share of
 * likelihood draws in which it holds, and whether it is built into the model (it holds whatever
 * every choice and likelihood is). The settings and likelihood values are inputs, never read from
 * anywhere else, so that other likelihood sets (readings) can be tested the same way.
 */
import { measuresOf, type Expression } from '../query/ast';
import { evaluate } from '../query/evaluate';
import { parseExpression } from '../query/parse';
import type { Scenario } from '../scenario/schema';
import { limits } from '../scenario/limits';
import { likelihoodValues, type Compiled, type Settings } from './compile';
import { TermValues, termsUnder } from './claimTerms';
import { drawInto, rangedTransitions } from './interval';
import { withObservations } from './query';
import { createRng, type Seed } from './rng';

export interface ParsedClaim {
	id: string;
	label: string;
	holds: string;
	expression: Expression;
}

/** A validated scenario's claims, parsed (the validator has checked every expression). */
export function parsedClaims(scenario: Scenario): ParsedClaim[] {
	return Object.entries(scenario.claims ?? {}).map(([id, c]) => {
		const parsed = parseExpression(c.holds);
		if (!parsed.ok) throw new Error(`claims.${id}.holds: ${parsed.error.message}`);
		return { id, label: c.label, holds: c.holds, expression: parsed.expression };
	});
}

/** `drawShare({ holds: 97, samples: 100 }) === 0.97` */
export const drawShare = (d: { holds: number; samples: number }) => d.holds / d.samples;

export interface ClaimVerdict {
	id: string;
	label: string;
	/** Whether it holds under the settings, the likelihoods at their values. */
	holds: boolean;
	/**
	 * Draws in which it holds, of `samples`; absent when no likelihood is left to draw. Under
	 * observations, `leftOut` draws in which they cannot happen are not among the `samples`.
	 */
	draws?: { holds: number; samples: number; leftOut?: number };
	/**
	 * Under observations: true when they cannot happen under the settings (for the choices some
	 * term reads); `holds` is then false, and the claim is not tested.
	 */
	impossible?: boolean;
	/** Under observations: the verdict before them. */
	was?: { holds: boolean; draws?: { holds: number; samples: number } };
}

/**
 * Each claim under `settings` (choices and likelihoods), and in `samples` seeded draws of every
 * likelihood range the settings leave open (uniform in its range, as the page's intervals draw).
 * Under `settings.observations` every term of every claim is given them (joined to its `|` as a
 * question's are, `withObservations`), and each verdict carries the one before them (`was`).
 */
export function testClaims(
	scenario: Compiled,
	claims: ParsedClaim[],
	settings: Settings = {},
	options: { samples?: number; seed?: Seed } = {}
): ClaimVerdict[] {
	const observations = settings.observations ?? [];
	if (observations.length === 0) return tested(scenario, claims, settings, options);
	const given = claims.map((c) => {
		const joined = withObservations({ kind: 'claim', expression: c.expression }, observations);
		return { ...c, expression: joined.kind === 'claim' ? joined.expression : c.expression };
	});
	const before = tested(scenario, claims, { ...settings, observations: [] }, options);
	return tested(scenario, given, settings, options).map((v, k) => ({
		...v,
		was: { holds: before[k].holds, ...(before[k].draws && { draws: before[k].draws }) }
	}));
}

function tested(
	scenario: Compiled,
	claims: ParsedClaim[],
	settings: Settings,
	{ samples = 200, seed = 1 }: { samples?: number; seed?: Seed }
): ClaimVerdict[] {
	const { choices, base, ranged, terms } = termsUnder(scenario, settings);
	/**
	 * The claim's truth at `values`; undefined when a term it reads has no value there (a term
	 * given observations that cannot happen is NaN, see `TermValues`).
	 */
	const holdsAt = (c: ParsedClaim, values: Float64Array): boolean | undefined => {
		let impossible = false;
		const holds = evaluate(c.expression, (t) => {
			const v = terms.value(t, choices, values);
			if (Number.isNaN(v)) impossible = true;
			return v;
		});
		return impossible ? undefined : holds;
	};
	const verdicts: ClaimVerdict[] = claims.map((c) => {
		const holds = holdsAt(c, base);
		return {
			id: c.id,
			label: c.label,
			holds: holds ?? false,
			...(holds === undefined && { impossible: true })
		};
	});
	if (ranged.length === 0 || samples === 0) return verdicts;
	const rng = createRng(seed);
	const counts = claims.map(() => 0);
	const leftOut = claims.map(() => 0);
	for (let i = 0; i < samples; i++) {
		const values = drawInto(base.slice(), ranged, rng);
		claims.forEach((c, k) => {
			const holds = holdsAt(c, values);
			if (holds === undefined) leftOut[k]++;
			else if (holds) counts[k]++;
		});
	}
	return verdicts.map((v, k) => ({
		...v,
		draws: {
			holds: counts[k],
			samples: samples - leftOut[k],
			...(leftOut[k] > 0 && { leftOut: leftOut[k] })
		}
	}));
}

/** Every combination of every choice's options, the first one the defaults' order. */
export function choiceCombinations(compiled: Compiled): Record<string, string>[] {
	let combos: Record<string, string>[] = [{}];
	for (const [actorId, actor] of Object.entries(compiled.model.scenario.actors))
		for (const [choiceId, choice] of Object.entries(actor.choices))
			combos = combos.flatMap((c) =>
				Object.keys(choice.options).map((o) => ({ ...c, [`${actorId}.${choiceId}`]: o }))
			);
	return combos;
}

/**
 * The likelihood points the built-in check visits: every value at its middle; every range at its
 * low end, then all at their high ends; each range alone at its low and at its high end (the
 * others in the middle); and `draws` seeded draws, as `testClaims` draws them.
 */
export function checkPoints(compiled: Compiled, draws: number, seed: Seed): Float64Array[] {
	const middle = likelihoodValues(compiled);
	const ranged = rangedTransitions(compiled);
	const at = (pick: (low: number, high: number, index: number) => number | undefined) => {
		const values = middle.slice();
		for (const t of ranged)
			if (t.likelihood.kind === 'range')
				values[t.index] = pick(t.likelihood.low, t.likelihood.high, t.index) ?? values[t.index];
		return values;
	};
	const points = [middle];
	if (ranged.length === 0) return points;
	points.push(
		at((low) => low),
		at((_, high) => high)
	);
	for (const t of ranged) {
		points.push(at((low, _, i) => (i === t.index ? low : undefined)));
		points.push(at((_, high, i) => (i === t.index ? high : undefined)));
	}
	const rng = createRng(seed);
	for (let i = 0; i < draws; i++) points.push(at((low, high) => low + rng.next() * (high - low)));
	return points;
}

export type BuiltIn =
	| { checked: true; builtIn: boolean; combinations: number; points: number }
	| { checked: false; reason: string };

/** Draws the built-in check adds to the ends of the ranges. */
export const builtInDraws = 10;

/**
 * Whether each claim holds under every combination of choices at every point of `checkPoints`:
 * then it is built into the model, not tested by it. The work (combinations × points × terms
 * solved) is counted first and refused past `limits.maxClaimSolves`; a claim stops being checked at
 * its first failure.
 */
export function builtInClaims(
	compiled: Compiled,
	claims: ParsedClaim[],
	{ draws = builtInDraws, seed = 1 }: { draws?: number; seed?: Seed } = {}
): BuiltIn[] {
	const combos = choiceCombinations(compiled);
	const points = checkPoints(compiled, draws, seed);
	const terms = claims.reduce((n, c) => n + measuresOf(c.expression).length, 0);
	const work = combos.length * points.length * terms;
	if (work > limits.maxClaimSolves) {
		const reason = `checking would take ${work.toLocaleString('en')} solves (${combos.length.toLocaleString('en')} choice combinations × ${points.length} likelihood points × ${terms} terms), over the limit of ${limits.maxClaimSolves.toLocaleString('en')}`;
		return claims.map(() => ({ checked: false, reason }));
	}
	const values = new TermValues(compiled);
	const open = new Set(claims.map((_, k) => k));
	// Point by point, so that a term whose settings make two combinations alike is solved once.
	for (const point of points) {
		for (const choices of combos) {
			for (const k of open)
				if (!evaluate(claims[k].expression, (t) => values.value(t, choices, point))) open.delete(k);
			if (open.size === 0) break;
		}
	}
	return claims.map((_, k) => ({
		checked: true,
		builtIn: open.has(k),
		combinations: combos.length,
		points: points.length
	}));
}
