import { describe, expect, it } from 'vitest';
import {
	bounds,
	defaultValue,
	describeLikelihood,
	describeProposal,
	likelihoodHint,
	proposalProblem,
	toLikelihood,
	type Likelihood,
	type Proposal
} from './likelihood';
import type { LikelihoodSpec } from './schema';

describe('toLikelihood', () => {
	it.each<{ name: string; input: LikelihoodSpec | undefined; expected: Likelihood }>([
		{ name: 'absent', input: undefined, expected: { kind: 'certain' } },
		{ name: 'rest', input: 'rest', expected: { kind: 'rest' } },
		{ name: 'a number', input: 0.4, expected: { kind: 'fixed', value: 0.4 } },
		{ name: 'zero', input: 0, expected: { kind: 'fixed', value: 0 } },
		{ name: 'a range', input: [0.2, 0.3], expected: { kind: 'range', low: 0.2, high: 0.3 } },
		{ name: 'a range of one value', input: [0.3, 0.3], expected: { kind: 'fixed', value: 0.3 } },
		{
			name: 'a term',
			input: 'likely',
			expected: { kind: 'range', low: 0.55, high: 0.8, term: 'likely' }
		},
		{
			name: 'the lowest term',
			input: 'almost no chance',
			expected: { kind: 'range', low: 0.01, high: 0.05, term: 'almost no chance' }
		},
		{
			name: 'an object with a term and a basis',
			input: { term: 'unlikely', basis: 'the memo says unlikely' },
			expected: {
				kind: 'range',
				low: 0.2,
				high: 0.45,
				term: 'unlikely',
				basis: 'the memo says unlikely'
			}
		},
		{
			name: 'an object with a value and a note',
			input: { value: 0.1, note: 'n' },
			expected: { kind: 'fixed', value: 0.1, note: 'n' }
		},
		{
			name: 'an object with a range',
			input: { range: [0.1, 0.2] },
			expected: { kind: 'range', low: 0.1, high: 0.2 }
		},
		{
			name: 'an object with a one-value range',
			input: { range: [0.5, 0.5] },
			expected: { kind: 'fixed', value: 0.5 }
		},
		{
			name: 'an object with rest and a basis',
			input: { rest: true, basis: 'silent' },
			expected: { kind: 'rest', basis: 'silent' }
		}
	])('$name', ({ input, expected }) => {
		const result = toLikelihood(input);
		expect(typeof result).toBe('object');
		// undefined basis/note fields may be present on object forms; compare what is defined.
		const defined = Object.fromEntries(
			Object.entries(result as object).filter(([, v]) => v !== undefined)
		);
		expect(defined).toEqual(expected);
	});

	it.each<{ name: string; input: LikelihoodSpec; expected: string }>([
		{ name: 'low above high', input: [0.5, 0.2], expected: 'range [0.5, 0.2] has low > high' },
		{
			name: 'low above high in an object',
			input: { range: [0.9, 0.1] },
			expected: 'range [0.9, 0.1] has low > high'
		},
		{
			name: 'an unknown term',
			input: 'guaranteed' as LikelihoodSpec,
			expected: 'unknown estimative term "guaranteed"'
		},
		{
			name: 'an unknown term in an object',
			input: { term: 'maybe' },
			expected: 'unknown estimative term "maybe"'
		},
		{
			name: 'an inherited property name is not a term',
			input: 'toString' as LikelihoodSpec,
			expected: 'unknown estimative term "toString"'
		},
		{
			name: 'an empty object',
			input: {},
			expected: 'give exactly one of term, value, range or rest'
		},
		{
			name: 'only a basis',
			input: { basis: 'x' },
			expected: 'give exactly one of term, value, range or rest'
		},
		{
			name: 'a term and a value',
			input: { term: 'likely', value: 0.6 },
			expected: 'give exactly one of term, value, range or rest'
		},
		{
			name: 'a value and rest',
			input: { value: 0.6, rest: true },
			expected: 'give exactly one of term, value, range or rest'
		}
	])('refuses $name', ({ input, expected }) => {
		expect(toLikelihood(input)).toBe(expected);
	});

	it.each([1e-12, 5e-324, [0, 1e-12], [1e-10, 0.5], { value: 1e-12 }])(
		'refuses %j: above 0 but below the smallest likelihood solved exactly',
		(spec) => {
			const result = toLikelihood(spec as never);
			expect(result).toMatch(/is above 0 but below 0\.000000001, .*write 0 to rule the step out/);
		}
	);

	it.each([0, 1e-9, [0, 0.5]])('accepts %j', (spec) => {
		expect(typeof toLikelihood(spec as never)).toBe('object');
	});

	it('does not change its input', () => {
		const input = Object.freeze({
			range: Object.freeze([0.1, 0.3]) as [number, number],
			basis: 'b'
		});
		toLikelihood(input);
		expect(input).toEqual({ range: [0.1, 0.3], basis: 'b' });
	});
});

describe('defaultValue and bounds', () => {
	it.each<{ input: Likelihood; value: number; range: [number, number] }>([
		{ input: { kind: 'certain' }, value: 1, range: [1, 1] },
		{ input: { kind: 'fixed', value: 0.4 }, value: 0.4, range: [0.4, 0.4] },
		{ input: { kind: 'range', low: 0.55, high: 0.8 }, value: 0.675, range: [0.55, 0.8] },
		{ input: { kind: 'range', low: 0, high: 1 }, value: 0.5, range: [0, 1] }
	])('$input.kind $value', ({ input, value, range }) => {
		expect(defaultValue(input)).toBeCloseTo(value, 12);
		expect(bounds(input)).toEqual(range);
	});

	it('leaves rest unknown until evaluated', () => {
		expect(defaultValue({ kind: 'rest' })).toBeNaN();
		expect(bounds({ kind: 'rest' }).every(Number.isNaN)).toBe(true);
	});
});

describe('likelihoodHint', () => {
	it.each<{ input: LikelihoodSpec | undefined; expected: string | undefined }>([
		{ input: [0.4, 0.2], expected: 'write the low end first: [0.2, 0.4]' },
		{ input: { range: [0.9, 0.1] }, expected: 'write the low end first: [0.1, 0.9]' },
		{ input: {}, expected: 'add one of term:, value:, range: or rest: true' },
		{ input: { basis: 'x' }, expected: 'add one of term:, value:, range: or rest: true' },
		{
			input: { term: 'likely', value: 0.6 },
			expected: "keep one of them; the source's wording can go in basis:"
		},
		{ input: [0.2, 0.4], expected: undefined },
		{ input: 0.3, expected: undefined },
		{ input: undefined, expected: undefined }
	])('$input', ({ input, expected }) => {
		expect(likelihoodHint(input)).toBe(expected);
	});
});

const proposal = (decision: Proposal['decision']): Proposal => ({
	term: 'very likely',
	wording: 'hard to resist',
	decision
});

describe('proposals', () => {
	it('carries the record through, its term made standard', () => {
		const spec: LikelihoodSpec = {
			term: 'likely',
			proposal: { term: 'highly probable', wording: 'hard to resist', decision: 'overridden' }
		};
		expect(toLikelihood(spec)).toMatchObject({ kind: 'range', proposal: proposal('overridden') });
		expect(spec.proposal?.term).toBe('highly probable');
	});

	it.each<{ likelihood: Likelihood; expected: string | undefined }>([
		{
			likelihood: {
				kind: 'range',
				low: 0.8,
				high: 0.95,
				term: 'very likely',
				proposal: proposal('accepted')
			},
			expected: undefined
		},
		{
			likelihood: { kind: 'range', low: 0.8, high: 0.95, proposal: proposal('accepted') },
			expected: undefined
		},
		{
			likelihood: {
				kind: 'range',
				low: 0.55,
				high: 0.8,
				term: 'likely',
				proposal: proposal('overridden')
			},
			expected: undefined
		},
		{
			likelihood: {
				kind: 'range',
				low: 0.55,
				high: 0.8,
				term: 'likely',
				proposal: proposal('accepted')
			},
			expected:
				'recorded as accepted, but the likelihood is likely, not the proposed "very likely" (from "hard to resist") / to accept it, write term: very likely instead of term: likely; to keep likely, write decision: overridden'
		},
		{
			likelihood: { kind: 'range', low: 0.3, high: 0.6, proposal: proposal('accepted') },
			expected:
				'recorded as accepted, but the likelihood is [0.3, 0.6], not the proposed "very likely" (from "hard to resist") / to accept it, write term: very likely instead of range: [0.3, 0.6]; to keep [0.3, 0.6], write decision: overridden'
		},
		{
			likelihood: { kind: 'rest', proposal: proposal('accepted') },
			expected:
				'recorded as accepted, but the likelihood is rest, not the proposed "very likely" (from "hard to resist") / to accept it, write term: very likely instead of rest: true; to keep rest, write decision: overridden'
		},
		{
			likelihood: {
				kind: 'range',
				low: 0.8,
				high: 0.95,
				term: 'very likely',
				proposal: proposal('overridden')
			},
			expected:
				'recorded as overridden, but the likelihood is the proposed "very likely" (from "hard to resist") / write decision: accepted; or, if the analyst chose otherwise, write their likelihood instead of term: very likely'
		},
		{ likelihood: { kind: 'fixed', value: 0.4 }, expected: undefined }
	])('$likelihood.kind $likelihood.proposal.decision', ({ likelihood, expected }) => {
		const problem = proposalProblem(likelihood);
		expect(problem && `${problem.message} / ${problem.hint}`).toBe(expected);
	});

	it.each<{ likelihood: Likelihood; expected: string }>([
		{ likelihood: { kind: 'certain' }, expected: 'certain' },
		{ likelihood: { kind: 'rest' }, expected: 'rest' },
		{ likelihood: { kind: 'fixed', value: 0.4 }, expected: '0.4' },
		{ likelihood: { kind: 'range', low: 0.3, high: 0.6 }, expected: '[0.3, 0.6]' },
		{ likelihood: { kind: 'range', low: 0.55, high: 0.8, term: 'likely' }, expected: 'likely' }
	])('describeLikelihood: $expected', ({ likelihood, expected }) => {
		expect(describeLikelihood(likelihood)).toBe(expected);
	});
});

describe('describeProposal', () => {
	it.each<{ likelihood: Likelihood; expected: string | undefined }>([
		{
			likelihood: {
				kind: 'range',
				low: 0.55,
				high: 0.8,
				term: 'likely',
				proposal: proposal('overridden')
			},
			expected: 'Editor proposed “very likely” from “hard to resist”; the analyst kept likely.'
		},
		{
			likelihood: { kind: 'fixed', value: 0.4, proposal: proposal('overridden') },
			expected: 'Editor proposed “very likely” from “hard to resist”; the analyst kept 0.4.'
		},
		{
			likelihood: {
				kind: 'range',
				low: 0.8,
				high: 0.95,
				term: 'very likely',
				proposal: proposal('accepted')
			},
			expected: 'Editor proposed “very likely” from “hard to resist”; the analyst accepted it.'
		},
		{
			likelihood: {
				kind: 'fixed',
				value: 0.4,
				proposal: { ...proposal('overridden'), reason: 'The same sentence has reservations.' }
			},
			expected:
				'Editor proposed “very likely” from “hard to resist”; the analyst kept 0.4: The same sentence has reservations.'
		},
		{ likelihood: { kind: 'fixed', value: 0.4 }, expected: undefined }
	])('$expected', ({ likelihood, expected }) =>
		expect(describeProposal(likelihood)).toBe(expected)
	);
});
