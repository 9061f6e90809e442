import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../tests/unit/fixtures';
import { analyze, intervalsFor } from './analyze';
import { likelihoodIntervals, quantileSorted, rangedTransitions } from './interval';

const load = loadFixture;
const ladder = load('ladder.yaml');
const regions = load('regions.yaml');

describe('quantileSorted (linear interpolation, R-7)', () => {
	it.each([
		{ input: [1, 2, 3, 4], q: 0.5, expected: 2.5 },
		{ input: [1, 2, 3, 4], q: 0, expected: 1 },
		{ input: [1, 2, 3, 4], q: 1, expected: 4 },
		{ input: [1, 2, 3, 4], q: 0.25, expected: 1.75 },
		{ input: [1, 2, 3, 4, 5], q: 0.25, expected: 2 },
		{ input: [1, 2, 3, 4, 5], q: 0.5, expected: 3 },
		{ input: [0, 10], q: 0.05, expected: 0.5 },
		{ input: [0, 10], q: 0.95, expected: 9.5 },
		{ input: [5], q: 0.3, expected: 5 },
		{ input: [-2, -2, 7], q: 0.5, expected: -2 }
	])('quantile $q of $input is $expected', ({ input, q, expected }) => {
		expect(quantileSorted(input, q)).toBeCloseTo(expected, 12);
		expect(quantileSorted(Float64Array.from(input), q)).toBeCloseTo(expected, 12);
	});

	it('is NaN for no values', () => {
		expect(quantileSorted([], 0.5)).toBeNaN();
	});
});

describe('likelihoodIntervals', () => {
	const flare = 'crisis.front.quiet:front.flare';
	// Front calm as a function of the flare-up probability p: (1 − p) / (1 − p/2), decreasing in p.
	const frontCalm = (p: number) => (1 - p) / (1 - p / 2);

	it('names the ranged transitions: none in the ladder, the flare-up in regions', () => {
		expect(rangedTransitions(ladder.compiled)).toEqual([]);
		expect(rangedTransitions(regions.compiled).map((t) => t.id)).toEqual([flare]);
	});

	it('gives no outcomes when no likelihood is a range (ladder)', () => {
		const analysis = analyze(ladder.compiled);
		const result = likelihoodIntervals(analysis.chain, analysis.values, 100, 1);
		expect(result).toEqual({ samples: 100, seed: 1, outcomes: {}, dimensions: {}, uncertain: [] });
		expect(intervalsFor(analysis)).toBeUndefined();
	});

	it.each([{ stance: 'hold' }, { stance: 'push' }])(
		'regions ($stance): every interval holds the point estimate',
		({ stance }) => {
			const analysis = analyze(regions.compiled, { choices: { 'north.stance': stance } });
			const result = intervalsFor(analysis, 1000, 'intervals')!;
			expect(result.uncertain).toEqual([flare]);
			expect(Object.keys(result.outcomes).sort()).toEqual(
				analysis.exact.outcomes.map((o) => o.id).sort()
			);
			for (const o of analysis.exact.outcomes) {
				const interval = result.outcomes[o.id];
				expect(interval.low, o.id).toBeLessThanOrEqual(interval.median);
				expect(interval.median, o.id).toBeLessThanOrEqual(interval.high);
				expect(interval.low, o.id).toBeLessThanOrEqual(o.probability + 1e-12);
				expect(interval.high, o.id).toBeGreaterThanOrEqual(o.probability - 1e-12);
			}
			const cost = result.dimensions.cost;
			expect(cost.low).toBeLessThanOrEqual(analysis.exact.dimensions.cost + 1e-12);
			expect(cost.high).toBeGreaterThanOrEqual(analysis.exact.dimensions.cost - 1e-12);
		}
	);

	it('puts front calm where the quantiles of a uniform flare-up in [0.55, 0.8] map to', () => {
		const analysis = analyze(regions.compiled);
		const { low, median, high } = likelihoodIntervals(analysis.chain, analysis.values, 2000, 7)
			.outcomes['crisis.front.calm'];
		// p is uniform on [0.55, 0.8]; front calm falls as p rises, so its 5 % quantile comes from p's 95 %.
		// Sampling error of a quantile over 2,000 draws is at most about 0.003 here; allow 0.012.
		expect(Math.abs(low - frontCalm(0.55 + 0.95 * 0.25))).toBeLessThan(0.012);
		expect(Math.abs(median - frontCalm(0.675))).toBeLessThan(0.012);
		expect(Math.abs(high - frontCalm(0.55 + 0.05 * 0.25))).toBeLessThan(0.012);
		// And never outside what the ends of the range allow.
		expect(low).toBeGreaterThanOrEqual(frontCalm(0.8));
		expect(high).toBeLessThanOrEqual(frontCalm(0.55));
	});

	it('is zero-width for an outcome the range cannot move (talks failed under hold)', () => {
		const analysis = analyze(regions.compiled);
		expect(
			likelihoodIntervals(analysis.chain, analysis.values, 200, 1).outcomes['crisis.talks.failed']
		).toEqual({ low: 0, median: 0, high: 0 });
	});

	it('gives the same intervals for the same seed, others for another', () => {
		const analysis = analyze(regions.compiled);
		const a = likelihoodIntervals(analysis.chain, analysis.values, 300, 'same');
		expect(likelihoodIntervals(analysis.chain, analysis.values, 300, 'same')).toEqual(a);
		expect(
			likelihoodIntervals(analysis.chain, analysis.values, 300, 'other').outcomes[
				'crisis.front.calm'
			]
		).not.toEqual(a.outcomes['crisis.front.calm']);
	});

	it('changes neither the values nor the chain', () => {
		const analysis = analyze(regions.compiled);
		const values = analysis.values.slice();
		const probabilities = analysis.chain.edgeProbability.slice();
		likelihoodIntervals(analysis.chain, analysis.values, 50, 1);
		expect(analysis.values).toEqual(values);
		expect(analysis.chain.edgeProbability).toEqual(probabilities);
	});
});

describe('intervals and what the user set', () => {
	const flare = 'crisis.front.quiet:front.flare';

	it('a likelihood the user set is held fixed, so the estimate stays inside its interval', () => {
		const analysis = analyze(regions.compiled, { likelihoods: { [flare]: 0.79 } });
		const intervals = intervalsFor(analysis, 400, 3);
		// The only ranged likelihood is fixed: nothing is left to draw.
		expect(intervals).toBeUndefined();
		const free = intervalsFor(analyze(regions.compiled), 400, 3);
		expect(free?.uncertain).toEqual([flare]);
	});

	it('lists as uncertain only ranged transitions that can fire under the choices', () => {
		const analysis = analyze(regions.compiled);
		const result = likelihoodIntervals(analysis.chain, analysis.values, 50, 1, new Set());
		const used = new Set(analysis.chain.edgeTransition);
		for (const id of result.uncertain) {
			const t = regions.model.transitions.find((x) => x.id === id)!;
			expect(used.has(t.index)).toBe(true);
		}
		expect(result.uncertain.length).toBeGreaterThan(0);
	});
});
