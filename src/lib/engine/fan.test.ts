import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../tests/unit/fixtures';
import { analyze } from './analyze';
import { reweight } from './explore';
import { indicatorFan } from './fan';

const ladder = loadFixture('ladder.yaml');
const regions = loadFixture('regions.yaml');
const wait = analyze(ladder, { choices: { 'west.posture': 'wait' } });
const press = analyze(ladder, { choices: { 'west.posture': 'press' } });
const hold = analyze(regions, { choices: { 'north.stance': 'hold' } });

const point = (
	p5: number,
	p25: number,
	median: number,
	p75: number,
	p95: number,
	mean: number
) => ({
	p5,
	p25,
	median,
	p75,
	p95,
	mean: expect.closeTo(mean, 12)
});

describe('indicatorFan, ladder by hand', () => {
	// Escalation: talks.fail +1 (p 0.4), crisis.fight +2 (p 0.75 under wait) → war at 3 (max 3).
	// wait:  t0 {0: 1}; t1 {0: 0.6, 1: 0.4}; t2 {0: 0.6, 1: 0.4·0.25, 3: 0.4·0.75} — all absorbed.
	// press: t2 {0: 0.6, 1: 0.4} (west.press has no effect).
	// Quantile = smallest v with P(X ≤ v) ≥ p: at t1 P(X ≤ 0) = 0.6, so p75 and p95 are 1;
	// at t2 (wait) P(X ≤ 1) = 0.7 < 0.75, so p75 and p95 jump to 3.
	it.each([
		{
			name: 'wait',
			analysis: wait,
			points: [point(0, 0, 0, 0, 0, 0), point(0, 0, 0, 1, 1, 0.4), point(0, 0, 0, 3, 3, 1)],
			unabsorbed: [1, 0.4, 0]
		},
		{
			name: 'press',
			analysis: press,
			points: [point(0, 0, 0, 0, 0, 0), point(0, 0, 0, 1, 1, 0.4), point(0, 0, 0, 1, 1, 0.4)],
			unabsorbed: [1, 0.4, 0]
		}
	])('posture $name', ({ analysis, points, unabsorbed }) => {
		const fan = indicatorFan(analysis.chain);
		expect(fan.steps).toBe(2);
		expect(fan.unabsorbed.map((m) => Math.round(m * 1e12) / 1e12)).toEqual(unabsorbed);
		expect(fan.indicators.escalation).toEqual(points.map((p, t) => ({ t, ...p })));
		expect(fan.indicators.escalation[2].mean).toBeCloseTo(analysis.exact.indicators.escalation, 9);
	});

	it('absorbed states keep their mass past the end', () => {
		const fan = indicatorFan(wait.chain, undefined, { steps: 5 });
		expect(fan.steps).toBe(5);
		expect(fan.indicators.escalation[5]).toEqual({ t: 5, ...point(0, 0, 0, 3, 3, 1) });
	});

	it('steps: 0 gives the start only', () => {
		expect(indicatorFan(wait.chain, undefined, { steps: 0 }).indicators.escalation).toEqual([
			{ t: 0, ...point(0, 0, 0, 0, 0, 0) }
		]);
	});
});

describe('indicatorFan, regions by hand', () => {
	// Step 1 from (quiet, open): flare 0.5·0.675 = 0.3375 raises heat to 1; everything else keeps 0.
	it('first step', () => {
		const fan = indicatorFan(hold.chain);
		expect(fan.indicators.heat[1]).toEqual({ t: 1, ...point(0, 0, 0, 1, 1, 0.3375) });
	});

	it('the default horizon stops once less than 1e-6 is moving, and the mean converges', () => {
		const fan = indicatorFan(hold.chain);
		expect(fan.steps).toBeLessThan(100);
		expect(fan.unabsorbed.at(-1)).toBeLessThan(1e-6);
		expect(fan.unabsorbed.at(-2)).toBeGreaterThanOrEqual(1e-6);
		const long = indicatorFan(hold.chain, undefined, { steps: 100 });
		expect(long.indicators.heat[100].mean).toBeCloseTo(hold.exact.indicators.heat, 9);
	});

	it('takes re-weighted probabilities', () => {
		const values = hold.values.slice();
		const flare = regions.model.transitions.find((t) => t.event === 'front.flare')!.index;
		values[flare] = 0.8;
		const fan = indicatorFan(hold.chain, reweight(hold.chain, values));
		expect(fan.indicators.heat[1].mean).toBeCloseTo(0.5 * 0.8, 12);
	});
});

describe('indicatorFan errors', () => {
	it.each([{ steps: -1 }, { steps: 1.5 }, { steps: Number.NaN }])('steps $steps', ({ steps }) => {
		expect(() => indicatorFan(wait.chain, undefined, { steps })).toThrow(/invalid steps/);
	});

	it('does not mutate the chain or the probabilities', () => {
		const before = wait.chain.edgeProbability.slice();
		indicatorFan(wait.chain);
		expect(wait.chain.edgeProbability).toEqual(before);
	});
});
