import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../tests/unit/fixtures';
import { limits } from '../scenario/limits';
import { analyze } from './analyze';
import { compareExact, compareMonteCarlo, createComparison } from './compare';
import type { ExactResult } from './solve';

const ladder = loadFixture('ladder.yaml');
const regions = loadFixture('regions.yaml');
const wait = analyze(ladder.compiled, { choices: { 'west.posture': 'wait' } });
const press = analyze(ladder.compiled, { choices: { 'west.posture': 'press' } });
const hold = analyze(regions.compiled, { choices: { 'north.stance': 'hold' } });
const push = analyze(regions.compiled, { choices: { 'north.stance': 'push' } });

describe('compareExact, ladder by hand', () => {
	// wait: P(war) = 0.4·0.75 = 0.3, P(settled) = 0.7, peace = 0.7 − 0.3 = 0.4; press: settled 1, peace 1.
	it.each([
		{ id: 'war', label: 'War', baseline: 0.3, variant: 0, difference: -0.3 },
		{ id: 'settled', label: 'Settled', baseline: 0.7, variant: 1, difference: 0.3 }
	])('outcome $id', ({ id, ...expected }) => {
		const { outcomes } = compareExact(wait.exact, press.exact);
		expect(outcomes[id].label).toBe(expected.label);
		expect(outcomes[id].baseline).toBeCloseTo(expected.baseline, 12);
		expect(outcomes[id].variant).toBeCloseTo(expected.variant, 12);
		expect(outcomes[id].difference).toBeCloseTo(expected.difference, 12);
	});

	it('dimension peace', () => {
		const { peace } = compareExact(wait.exact, press.exact).dimensions;
		expect(peace.label).toBe('peace');
		expect(peace.baseline).toBeCloseTo(0.4, 12);
		expect(peace.variant).toBeCloseTo(1, 12);
		expect(peace.difference).toBeCloseTo(0.6, 12);
	});

	it('an outcome or dimension missing on one side counts as 0', () => {
		const partial: ExactResult = {
			...press.exact,
			outcomes: press.exact.outcomes.filter((o) => o.id !== 'war'),
			dimensions: {}
		};
		const { outcomes, dimensions } = compareExact(wait.exact, partial);
		expect(outcomes.war).toEqual({
			label: 'War',
			baseline: expect.closeTo(0.3, 12),
			variant: 0,
			difference: expect.closeTo(-0.3, 12)
		});
		expect(dimensions.peace.variant).toBe(0);
		expect(Object.keys(compareExact(partial, wait.exact).outcomes)).toEqual(['settled', 'war']);
	});

	it('identical results differ by 0 and are not mutated', () => {
		const before = structuredClone(wait.exact.outcomes);
		const { outcomes } = compareExact(wait.exact, wait.exact);
		expect(Object.values(outcomes).every((o) => o.difference === 0)).toBe(true);
		expect(wait.exact.outcomes).toEqual(before);
	});
});

describe('compareMonteCarlo with common random numbers', () => {
	it.each([
		{ name: 'ladder wait', analysis: wait },
		{ name: 'regions hold', analysis: hold }
	])('$name against itself: difference exactly 0, standard error 0', ({ analysis }) => {
		const result = compareMonteCarlo(analysis.chain, analysis.chain, 20_000, 7);
		for (const o of Object.values(result.outcomes)) {
			expect(o.difference).toBe(0);
			expect(o.standardError).toBe(0);
			expect(o.baseline).toBe(o.variant);
		}
	});

	it('ladder wait vs press: P(war) falls by 0.3', () => {
		const n = 100_000;
		const { war, settled } = compareMonteCarlo(wait.chain, press.chain, n, 42).outcomes;
		expect(war.variant).toBe(0);
		expect(Math.abs(war.difference - -0.3)).toBeLessThan(4.5 * war.standardError);
		expect(Math.abs(settled.difference - 0.3)).toBeLessThan(4.5 * settled.standardError);
		const p1 = war.baseline;
		const p2 = war.variant;
		const independent = Math.sqrt((p1 * (1 - p1)) / n + (p2 * (1 - p2)) / n);
		// Under press war never happens, so the paired difference is just −(war under wait) and its
		// variance is p1(1 − p1): pairing cannot beat independence here, only match it.
		expect(war.standardError).toBeLessThanOrEqual(independent * (1 + 1e-9));
		expect(war.independentError).toBeCloseTo(independent, 15);
	});

	it('regions hold vs push: the front plays out run for run the same, so pairing removes all its noise', () => {
		// Under hold, talks.wait (certain) fires where push fires talks.collapse: same region share,
		// same place in the row, and afterwards the front moves alone the same way under both.
		const n = 20_000;
		const { outcomes } = compareMonteCarlo(hold.chain, push.chain, n, 3);
		for (const id of ['crisis.front.war', 'crisis.front.calm']) {
			expect(outcomes[id].difference).toBe(0);
			expect(outcomes[id].standardError).toBe(0);
			expect(outcomes[id].independentError).toBeGreaterThan(0);
		}
		expect(outcomes['crisis.talks.failed'].baseline).toBe(0);
		expect(outcomes['crisis.talks.failed'].variant).toBeGreaterThan(0);
	});

	it('same seed, same numbers; another seed, other numbers', () => {
		const a = compareMonteCarlo(wait.chain, press.chain, 5_000, 'x');
		expect(compareMonteCarlo(wait.chain, press.chain, 5_000, 'x')).toEqual(a);
		expect(compareMonteCarlo(wait.chain, press.chain, 5_000, 'y').outcomes.war.baseline).not.toBe(
			a.outcomes.war.baseline
		);
	});

	it('counts runs cut short by maxSteps', () => {
		// With one step a run stops in crisis (p 0.4) or ends settled (p 0.6).
		const result = compareMonteCarlo(wait.chain, wait.chain, 10_000, 1, 1);
		const settledRuns = result.outcomes.settled.baseline * 10_000;
		expect(result.unfinished.baseline + Math.round(settledRuns)).toBe(10_000);
		expect(result.outcomes.war.baseline).toBe(0);
		expect(result.unfinished.baseline).toBe(result.unfinished.variant);
	});
});

describe('createComparison in chunks', () => {
	it('any split of the same runs gives the same result as one call', () => {
		const whole = compareMonteCarlo(hold.chain, push.chain, 9_000, 'chunks');
		const chunked = createComparison(hold.chain, push.chain, 'chunks');
		for (const n of [1, 999, 5_000, 3_000]) chunked.run(n);
		expect(chunked.result()).toEqual(whole);
	});

	it('before any run, every estimate is 0', () => {
		const { runs, outcomes } = createComparison(wait.chain, press.chain, 1).result();
		expect(runs).toBe(0);
		expect(Object.values(outcomes).map((o) => o.difference + o.standardError)).toEqual([0, 0]);
	});

	it('refuses a chunk that takes the total past maxRuns', () => {
		const comparison = createComparison(wait.chain, press.chain, 1);
		comparison.run(10);
		expect(() => comparison.run(limits.maxRuns)).toThrow(/invalid runs/);
	});
});

describe('compareMonteCarlo errors', () => {
	it.each([{ runs: 0 }, { runs: 1.5 }, { runs: -3 }, { runs: limits.maxRuns + 1 }])(
		'runs $runs',
		({ runs }) => {
			expect(() => compareMonteCarlo(wait.chain, press.chain, runs, 1)).toThrow(/invalid runs/);
		}
	);
});
