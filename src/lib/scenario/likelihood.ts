import { estimativeBands, toStandardTerm } from './icd203';
import type { LikelihoodSpec } from './schema';

/** A likelihood in one of four kinds the engine evaluates; `basis` keeps the source's wording. */
export type Likelihood = (
	| { kind: 'certain' }
	| { kind: 'fixed'; value: number }
	| { kind: 'range'; low: number; high: number; term?: string }
	| { kind: 'rest' }
) & { basis?: string; note?: string };

/**
 * Normalise the file's likelihood forms. Returns a message for an impossible combination.
 * `toLikelihood('likely')` is `{ kind: 'range', low: 0.55, high: 0.8, term: 'likely' }`.
 */
export function toLikelihood(spec: LikelihoodSpec | undefined): Likelihood | string {
	if (spec === undefined) return { kind: 'certain' };
	if (spec === 'rest') return { kind: 'rest' };
	if (typeof spec === 'number') return { kind: 'fixed', value: spec };
	if (Array.isArray(spec)) return toRange(spec[0], spec[1]);
	if (typeof spec === 'string') return toTerm(spec);
	const given = [spec.term, spec.value, spec.range, spec.rest].filter((x) => x !== undefined);
	if (given.length !== 1) return 'give exactly one of term, value, range or rest';
	const extra = { basis: spec.basis, note: spec.note };
	let base: Likelihood | string;
	if (spec.term !== undefined) base = toTerm(spec.term);
	else if (spec.value !== undefined) base = { kind: 'fixed', value: spec.value };
	else if (spec.range !== undefined) base = toRange(spec.range[0], spec.range[1]);
	else base = { kind: 'rest' };
	return typeof base === 'string' ? base : { ...base, ...extra };
}

function toTerm(wording: string): Likelihood | string {
	const term = toStandardTerm(wording);
	if (term === undefined) return `unknown estimative term "${wording}"`;
	const [low, high] = estimativeBands[term];
	return { kind: 'range', low, high, term };
}

function toRange(low: number, high: number): Likelihood | string {
	if (low > high) return `range [${low}, ${high}] has low > high`;
	return low === high ? { kind: 'fixed', value: low } : { kind: 'range', low, high };
}

/**
 * What to write instead of a likelihood `toLikelihood` refuses.
 * `likelihoodHint([0.4, 0.2])` is `'write the low end first: [0.2, 0.4]'`.
 */
export function likelihoodHint(spec: LikelihoodSpec | undefined): string | undefined {
	if (spec === undefined || typeof spec !== 'object') return undefined;
	const range = Array.isArray(spec) ? spec : spec.range;
	if (range && range[0] > range[1]) return `write the low end first: [${range[1]}, ${range[0]}]`;
	if (Array.isArray(spec)) return undefined;
	const given = [spec.term, spec.value, spec.range, spec.rest].filter((x) => x !== undefined);
	return given.length === 0
		? 'add one of term:, value:, range: or rest: true'
		: "keep one of them; the source's wording can go in basis:";
}

/** The value used when no override is given: a fixed value, or the middle of a range. */
export function defaultValue(likelihood: Likelihood): number {
	switch (likelihood.kind) {
		case 'certain':
			return 1;
		case 'fixed':
			return likelihood.value;
		case 'range':
			return (likelihood.low + likelihood.high) / 2;
		case 'rest':
			return Number.NaN;
	}
}

/** The smallest and largest value a likelihood may take (rest: unknown until evaluated). */
export function bounds(likelihood: Likelihood): [number, number] {
	if (likelihood.kind === 'range') return [likelihood.low, likelihood.high];
	const v = defaultValue(likelihood);
	return [v, v];
}
