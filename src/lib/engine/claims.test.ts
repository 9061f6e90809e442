/**
 * Claims on the ladder-claims fixture, whose values are worked out by hand: talks fail with x in
 * [0.2, 0.6] (middle 0.4); waiting, P(war) = 0.75 x and E[peace] = 1 − 1.5 x; pressing, P(war) = 0
 * and E[peace] = 1; P(crisis) = x either way.
 */
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../tests/unit/fixtures';
import { parseExpression } from '../query/parse';
import { builtInClaims, checkPoints, choiceCombinations, parsedClaims, testClaims } from './claims';
import { TermValues } from './claimTerms';
import { likelihoodValues } from './compile';

const loaded = loadFixture('ladder-claims.yaml');
const { compiled } = loaded;
const claims = parsedClaims(loaded.scenario);

function claim(holds: string) {
	const parsed = parseExpression(holds);
	if (!parsed.ok) throw new Error(parsed.error.message);
	return { id: 'c', label: 'c', holds, expression: parsed.expression };
}

function term(text: string) {
	const c = claim(`${text} < 1`).expression;
	if (c.kind !== 'compare' || c.left.kind === 'number') throw new Error('not a term');
	return c.left;
}

describe('term values', () => {
	const values = likelihoodValues(compiled);
	const terms = new TermValues(compiled);
	const wait = { 'west.posture': 'wait' };
	const cases: [string, number][] = [
		['P(war)', 0.75 * 0.4],
		['P(crisis)', 0.4],
		['P(settled)', 1 - 0.75 * 0.4],
		['P(talks)', 1],
		['E[peace]', 1 - 1.5 * 0.4],
		['P(war) under west.posture=press', 0],
		['E[peace] under west.posture=press', 1],
		// Observations: Bayes on the chain, P(A | B) = P(A and B) / P(B).
		['P(war | crisis)', 0.75],
		['P(crisis | not war)', (0.25 * 0.4) / (1 - 0.75 * 0.4)],
		['P(war within 1)', 0],
		['P(war within 2)', 0.75 * 0.4],
		['E[peace | crisis]', -0.5],
		['E[steps until war]', 2],
		['E[steps until settled]', (0.6 * 1 + 0.4 * 0.25 * 2) / (0.6 + 0.4 * 0.25)],
		['P(war | talks:talks.fail)', 0.75]
	];
	it.each(cases)('%s', (text, expected) => {
		expect(terms.value(term(text), wait, values)).toBeCloseTo(expected, 12);
	});
});

describe('testClaims', () => {
	it('tests each claim under the settings', () => {
		expect(testClaims(compiled, claims, {}, { samples: 0 }).map((v) => v.holds)).toEqual([
			false,
			true,
			true
		]);
		// Pressing for talks: no war at all.
		const press = testClaims(compiled, claims, { choices: { 'west.posture': 'press' } });
		expect(press[0]).toMatchObject({ holds: true, draws: { holds: 200, samples: 200 } });
	});

	it('counts the draws in which a claim holds: P(war) < 20 % where x < 4/15, a sixth of [0.2, 0.6]', () => {
		const [war] = testClaims(compiled, claims, {}, { samples: 2000, seed: 7 });
		expect(war.draws!.samples).toBe(2000);
		// A binomial share of 1/6 over 2000 draws: the standard error is 0.83 points.
		expect(Math.abs(war.draws!.holds / 2000 - 1 / 6)).toBeLessThan(0.03);
	});

	it('holds a likelihood the reader set fixed: no draws left', () => {
		const [war] = testClaims(compiled, claims, { likelihoods: { 'talks:talks.fail': 0.25 } });
		expect(war.holds).toBe(true); // 0.75 × 0.25 = 18.75 % < 20 %
		expect(war.draws).toBeUndefined();
	});

	it('is reproducible with the same seed', () => {
		expect(testClaims(compiled, claims, {}, { seed: 3 })).toEqual(
			testClaims(compiled, claims, {}, { seed: 3 })
		);
	});
});

describe('testClaims given observations', () => {
	const verdicts = (observations: { event: string; happened: boolean }[], choices = {}) =>
		testClaims(compiled, claims, { choices, observations }, { samples: 50, seed: 2 });

	it('with no observations, the same as before', () => {
		expect(verdicts([])).toEqual(testClaims(compiled, claims, {}, { samples: 50, seed: 2 }));
	});

	it('seen: talks did not fail. No war at all, and pressing no longer helps', () => {
		// Given talks held, P(war) = 0 < 20 % at every x; E[peace] is 1 under either posture, so
		// "press > wait" fails; P(war) = 0 <= P(crisis) = 0 holds.
		const given = verdicts([{ event: 'talks:talks.fail', happened: false }]);
		expect(given.map((v) => v.holds)).toEqual([true, false, true]);
		expect(given.map((v) => v.draws)).toEqual([
			{ holds: 50, samples: 50 },
			{ holds: 0, samples: 50 },
			{ holds: 50, samples: 50 }
		]);
		// Before: war is unlikely only where x < 4/15; the other two are built in.
		expect(given.map((v) => v.was?.holds)).toEqual([false, true, true]);
		expect(given[1].was?.draws).toEqual({ holds: 50, samples: 50 });
	});

	it('an observation of probability 1 changes nothing', () => {
		const sure = verdicts([{ event: 'talks', happened: true }]);
		const plain = testClaims(compiled, claims, {}, { samples: 50, seed: 2 });
		expect(sure.map(({ holds, draws }) => ({ holds, draws }))).toEqual(
			plain.map(({ holds, draws }) => ({ holds, draws }))
		);
		expect(sure.map((v) => v.impossible)).toEqual([undefined, undefined, undefined]);
	});

	it('observations that cannot happen under the settings: not tested, every draw left out', () => {
		// The West pressing cannot happen while it waits.
		const [war, press] = verdicts([{ event: 'crisis:west.press', happened: true }]);
		expect(war).toMatchObject({
			holds: false,
			impossible: true,
			draws: { holds: 0, samples: 0, leftOut: 50 }
		});
		// Pressing, the war claim is tested (no war); the other reads E[peace] under wait too.
		const [warPress, pressPress] = verdicts([{ event: 'crisis:west.press', happened: true }], {
			'west.posture': 'press'
		});
		expect(warPress).toMatchObject({ holds: true });
		expect(warPress.impossible).toBeUndefined();
		expect(pressPress.impossible).toBe(true);
		expect(press.impossible).toBe(true);
	});
});

describe('builtInClaims', () => {
	it('visits every combination of choices at the ends of every range, the middle and draws', () => {
		expect(choiceCombinations(compiled)).toEqual([
			{ 'west.posture': 'wait' },
			{ 'west.posture': 'press' }
		]);
		const points = checkPoints(compiled, 10, 1);
		// middle, all low, all high, the one range alone at each end, ten draws.
		expect(points.length).toBe(1 + 2 + 2 + 10);
		expect(points.map((p) => p[0]).slice(0, 5)).toEqual([0.4, 0.2, 0.6, 0.2, 0.6]);
	});

	it('marks the fixture claims that hold whatever the choices and likelihoods as built in', () => {
		expect(builtInClaims(compiled, claims).map((b) => b.checked && b.builtIn)).toEqual([
			false,
			true,
			true
		]);
	});

	it('catches a claim that fails only at the end of a range', () => {
		// E[peace] waiting is 1 − 1.5 x: above 0.1 up to x = 0.6, where it is exactly 0.1.
		const [edge] = builtInClaims(compiled, [claim('E[peace] under west.posture=wait > 0.1')], {
			draws: 0
		});
		expect(edge).toMatchObject({ checked: true, builtIn: false });
	});

	it('refuses past the limit before doing the work, naming the limit', () => {
		const many = Array.from({ length: 20_000 }, () => claims[1]);
		const [refused] = builtInClaims(compiled, many);
		expect(refused.checked).toBe(false);
		expect(!refused.checked && refused.reason).toMatch(/over the limit of 500,000/);
	});
});
