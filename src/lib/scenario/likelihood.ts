import { estimativeBands, toStandardTerm, type EstimativeTerm } from './icd203';
import type { LikelihoodSpec } from './schema';

/**
 * The editor's proposal from the evidence's wording, and what the analyst did with it: a record
 * for readers; the engine never reads it.
 */
export interface Proposal {
	term: EstimativeTerm;
	wording: string;
	decision: 'accepted' | 'overridden';
	/** Why the analyst departs from the proposed term. */
	reason?: string;
}

/** A likelihood in one of four kinds the engine evaluates; `basis` keeps the source's wording. */
export type Likelihood = (
	| { kind: 'certain' }
	| { kind: 'fixed'; value: number }
	| { kind: 'range'; low: number; high: number; term?: string }
	| { kind: 'rest' }
) & { basis?: string; note?: string; proposal?: Proposal };

/**
 * Normalise the file's likelihood forms. Returns a message for an impossible combination.
 * `toLikelihood('likely')` is `{ kind: 'range', low: 0.55, high: 0.8, term: 'likely' }`.
 */
export function toLikelihood(spec: LikelihoodSpec | undefined): Likelihood | string {
	if (spec === undefined) return { kind: 'certain' };
	if (spec === 'rest') return { kind: 'rest' };
	if (typeof spec === 'number') return toFixed(spec);
	if (Array.isArray(spec)) return toRange(spec[0], spec[1]);
	if (typeof spec === 'string') return toTerm(spec);
	const given = [spec.term, spec.value, spec.range, spec.rest].filter((x) => x !== undefined);
	if (given.length !== 1) return 'give exactly one of term, value, range or rest';
	let proposal: Proposal | undefined;
	if (spec.proposal) {
		const term = toStandardTerm(spec.proposal.term);
		if (term === undefined) return `unknown estimative term "${spec.proposal.term}"`;
		proposal = { ...spec.proposal, term };
	}
	const extra = { basis: spec.basis, note: spec.note, ...(proposal && { proposal }) };
	let base: Likelihood | string;
	if (spec.term !== undefined) base = toTerm(spec.term);
	else if (spec.value !== undefined) base = toFixed(spec.value);
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

/** The smallest likelihood above 0 the analyses solve exactly (0 itself rules a step out). */
export const smallestLikelihood = 1e-9;

/** Why a likelihood value is refused, or undefined. */
function tooSmall(value: number): string | undefined {
	return value > 0 && value < smallestLikelihood
		? `likelihood ${value} is above 0 but below 0.000000001, the smallest Brink solves exactly: write 0 to rule the step out, or at least 0.000000001`
		: undefined;
}

function toFixed(value: number): Likelihood | string {
	return tooSmall(value) ?? { kind: 'fixed', value };
}

function toRange(low: number, high: number): Likelihood | string {
	if (low > high) return `range [${low}, ${high}] has low > high`;
	const small = tooSmall(low) ?? tooSmall(high);
	if (small) return small;
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

/** How a likelihood reads in a message: `likely`, `0.4`, `[0.3, 0.6]`, `rest`, `certain`. */
export function describeLikelihood(likelihood: Likelihood): string {
	switch (likelihood.kind) {
		case 'certain':
			return 'certain';
		case 'rest':
			return 'rest';
		case 'fixed':
			return String(likelihood.value);
		case 'range':
			return likelihood.term ?? `[${likelihood.low}, ${likelihood.high}]`;
	}
}

/** Whether a likelihood is exactly the band of `term`: the term itself, or its range written out. */
export function isBandOf(likelihood: Likelihood, term: EstimativeTerm): boolean {
	if (likelihood.kind !== 'range') return false;
	const [low, high] = estimativeBands[term];
	return likelihood.term === term || (likelihood.low === low && likelihood.high === high);
}

/** The field that gives a likelihood in the object form: `value: 0.4`, `term: likely`, `rest: true`. */
function asField(likelihood: Likelihood): string {
	switch (likelihood.kind) {
		case 'fixed':
			return `value: ${likelihood.value}`;
		case 'range':
			return likelihood.term
				? `term: ${likelihood.term}`
				: `range: [${likelihood.low}, ${likelihood.high}]`;
		case 'rest':
			return 'rest: true';
		case 'certain':
			return 'no likelihood';
	}
}

/**
 * What is wrong with a likelihood's recorded proposal, if anything: a decision the likelihood
 * beside it contradicts. For `{ value: 0.75, proposal: { term: likely, wording: probably,
 * decision: accepted } }` the message is `recorded as accepted, but the likelihood is 0.75, not
 * the proposed "likely" (from "probably")`.
 */
export function proposalProblem(
	likelihood: Likelihood
): { message: string; hint: string } | undefined {
	const { proposal } = likelihood;
	if (!proposal) return undefined;
	const proposed = `"${proposal.term}" (from "${proposal.wording}")`;
	const now = describeLikelihood(likelihood);
	const same = isBandOf(likelihood, proposal.term);
	if (proposal.decision === 'accepted' && !same)
		return {
			message: `recorded as accepted, but the likelihood is ${now}, not the proposed ${proposed}`,
			hint: `to accept it, write term: ${proposal.term} instead of ${asField(likelihood)}; to keep ${now}, write decision: overridden`
		};
	if (proposal.decision === 'overridden' && same)
		return {
			message: `recorded as overridden, but the likelihood is the proposed ${proposed}`,
			hint: `write decision: accepted; or, if the analyst chose otherwise, write their likelihood instead of ${asField(likelihood)}`
		};
	return undefined;
}

/**
 * The record of a proposal in a sentence for readers, or undefined without one:
 * `Editor proposed “very likely” from “hard to resist”; the analyst kept likely.` (followed by
 * `: ` and the reason, when one is recorded).
 */
export function describeProposal(likelihood: Likelihood): string | undefined {
	const { proposal } = likelihood;
	if (!proposal) return undefined;
	const proposed = `Editor proposed “${proposal.term}” from “${proposal.wording}”`;
	if (proposal.decision === 'accepted') return `${proposed}; the analyst accepted it.`;
	const kept = `${proposed}; the analyst kept ${describeLikelihood(likelihood)}`;
	const reason = proposal.reason?.trim();
	return reason ? `${kept}: ${reason}` : `${kept}.`;
}
