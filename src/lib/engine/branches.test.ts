import { describe, expect, it } from 'vitest';
import type { Likelihood } from '../scenario/likelihood';
import type { TransitionInfo } from '../scenario/model';
import { pickThreshold, setProblem, toThresholds } from './branches';

const two32 = 4294967296;

describe('toThresholds and pickThreshold', () => {
	it.each([
		{ input: [0.25, 0.75], expected: [0.25 * two32, Infinity] },
		{ input: [0.5, 0.25, 0.25], expected: [0.5 * two32, 0.75 * two32, Infinity] },
		{ input: [1], expected: [Infinity] },
		{ input: [], expected: [] }
	])('thresholds of $input', ({ input, expected }) => {
		expect(Array.from(toThresholds(input))).toEqual(expected);
	});

	it.each([
		{ draw: 0, expected: 0 },
		{ draw: 0.25 * two32 - 1, expected: 0 },
		{ draw: 0.25 * two32, expected: 1 },
		{ draw: 0.75 * two32 - 1, expected: 1 },
		{ draw: 0.75 * two32, expected: 2 },
		{ draw: two32 - 1, expected: 2 }
	])('draw $draw picks branch $expected of [0.25, 0.5, 0.25]', ({ draw, expected }) => {
		expect(pickThreshold(toThresholds([0.25, 0.5, 0.25]), 0, 3, draw)).toBe(expected);
	});

	it('picks within a row of a longer array', () => {
		const thresholds = Float64Array.from([1, 2, 0.5 * two32, Infinity, 7]);
		expect(pickThreshold(thresholds, 2, 4, 0)).toBe(2);
		expect(pickThreshold(thresholds, 2, 4, 0.6 * two32)).toBe(3);
	});

	it('catches rounding: the last branch takes every draw past the sum', () => {
		// 0.1 + 0.2 + 0.7 adds up to a little under or over 1 in floating point.
		const thresholds = toThresholds([0.1, 0.2, 0.7]);
		expect(pickThreshold(thresholds, 0, 3, two32 - 1)).toBe(2);
	});

	it('does not change the probabilities', () => {
		const input = [0.3, 0.7];
		toThresholds(input);
		expect(input).toEqual([0.3, 0.7]);
	});
});

function t(event: string, likelihood: Likelihood): TransitionInfo {
	return {
		index: 0,
		id: `s:${event}`,
		event,
		source: 's',
		target: 's',
		by: 'chance',
		label: event,
		when: [],
		whenIsList: false,
		likelihood,
		effects: {},
		set: {},
		evidence: [],
		signposts: [],
		region: '',
		docPath: []
	};
}

describe('setProblem', () => {
	it.each([
		{ name: 'one certain transition', input: [t('a', { kind: 'certain' })] },
		{
			name: 'fixed values adding up to 1',
			input: [t('a', { kind: 'fixed', value: 0.4 }), t('b', { kind: 'fixed', value: 0.6 })]
		},
		{
			name: 'a fixed value and rest',
			input: [t('a', { kind: 'fixed', value: 0.4 }), t('b', { kind: 'rest' })]
		},
		{
			name: 'a range and rest',
			input: [t('a', { kind: 'range', low: 0.55, high: 0.8 }), t('b', { kind: 'rest' })]
		},
		{
			name: 'ranges whose tops add up to exactly 1, and rest',
			input: [
				t('a', { kind: 'range', low: 0.1, high: 0.5 }),
				t('b', { kind: 'range', low: 0.2, high: 0.5 }),
				t('c', { kind: 'rest' })
			]
		},
		{ name: 'rest alone', input: [t('a', { kind: 'rest' })] },
		{
			name: 'thirds',
			input: [
				t('a', { kind: 'fixed', value: 1 / 3 }),
				t('b', { kind: 'fixed', value: 1 / 3 }),
				t('c', { kind: 'fixed', value: 1 / 3 })
			]
		}
	])('accepts $name', ({ input }) => {
		expect(setProblem(input)).toBeUndefined();
	});

	it.each([
		{
			name: 'two rests',
			input: [t('a', { kind: 'rest' }), t('b', { kind: 'rest' })],
			expected: '2 "rest" branches are enabled together (a (rest), b (rest))'
		},
		{
			name: 'values over 1 beside rest',
			input: [
				t('a', { kind: 'fixed', value: 0.7 }),
				t('b', { kind: 'range', low: 0.1, high: 0.4 }),
				t('c', { kind: 'rest' })
			],
			expected:
				'the likelihoods enabled beside "rest" can add up to 1.1, over 1 (a 0.7, b [0.1, 0.4], c (rest))'
		},
		{
			name: 'a range without rest',
			input: [
				t('a', { kind: 'range', low: 0.2, high: 0.45 }),
				t('b', { kind: 'fixed', value: 0.7 })
			],
			expected: 'a range can only add up to 1 with a "rest" branch beside it (a [0.2, 0.45], b 0.7)'
		},
		{
			name: 'values under 1',
			input: [t('a', { kind: 'fixed', value: 0.4 }), t('b', { kind: 'fixed', value: 0.5 })],
			expected:
				'the likelihoods of the transitions enabled together add up to 0.9, not 1 (a 0.4, b 0.5)'
		},
		{
			name: 'two certain transitions',
			input: [t('a', { kind: 'certain' }), t('b', { kind: 'certain' })],
			expected:
				'the likelihoods of the transitions enabled together add up to 2, not 1 (a (no likelihood: certain, 1), b (no likelihood: certain, 1))'
		},
		{
			name: 'one value alone',
			input: [t('a', { kind: 'fixed', value: 0.4 })],
			expected: 'the likelihoods of the transitions enabled together add up to 0.4, not 1 (a 0.4)'
		}
	])('refuses $name', ({ input, expected }) => {
		expect(setProblem(input)?.message).toBe(expected);
	});

	it('refuses rest beside a certain transition, blaming the certain one first', () => {
		const problem = setProblem([t('a', { kind: 'rest' }), t('b', { kind: 'certain' })]);
		expect(problem?.message).toBe(
			'"rest" is enabled beside a transition without a likelihood, which counts as certain (a (rest), b (no likelihood: certain, 1))'
		);
		expect(problem?.transitions.map((x) => x.event)).toEqual(['b']);
	});

	it('hints at exclusive guards when several certain transitions meet', () => {
		expect(setProblem([t('a', { kind: 'certain' }), t('b', { kind: 'certain' })])?.hint).toBe(
			'several transitions without a likelihood are enabled at once: make their guards exclusive'
		);
	});
});
