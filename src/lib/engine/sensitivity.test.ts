import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../tests/unit/fixtures';
import { loadScenarioFile, toScenarioFile } from '../../cli/files';
import { analyze } from './analyze';
import type { Settings } from './compile';
import { toChainData } from './explore';
import { mentions, sensitivity } from './sensitivity';

const ladder = loadFixture('ladder.yaml');
const regions = loadFixture('regions.yaml');

/** Regions' front: flare p, else calm; hot cools (back to quiet) or goes to war, half each. */
const frontWar = (p: number) => 1 - (1 - p) / (1 - p / 2);

describe('sensitivity, by hand', () => {
	it.each([
		{
			name: 'ladder: P(war) is 0.3 under wait, 0 under press',
			loaded: ladder,
			settings: {},
			outcome: 'war',
			base: 0.4 * 0.75,
			bars: [
				{
					kind: 'choice',
					id: 'west.posture',
					low: 0,
					high: 0.3,
					lowAt: 'press',
					highAt: 'wait',
					values: { wait: 0.3, press: 0 },
					transitions: ['crisis:west.press', 'crisis:crisis.fight', 'crisis:crisis.calm']
				}
			]
		},
		{
			name: 'ladder under press: the base moves, the bar does not',
			loaded: ladder,
			settings: { choices: { 'west.posture': 'press' } },
			outcome: 'settled',
			base: 1,
			bars: [{ id: 'west.posture', low: 0.7, high: 1, lowAt: 'wait', highAt: 'press' }]
		},
		{
			name: 'regions: the likely flare spans [0.55, 0.8]; the stance does not touch the front',
			loaded: regions,
			settings: {},
			outcome: 'crisis.front.war',
			base: frontWar(0.675),
			bars: [
				{
					kind: 'likelihood',
					id: 'crisis.front.quiet:front.flare',
					low: frontWar(0.55),
					high: frontWar(0.8),
					lowAt: 0.55,
					highAt: 0.8,
					transitions: ['crisis.front.quiet:front.flare', 'crisis.front.quiet:front.calm']
				},
				{ kind: 'choice', id: 'north.stance', low: frontWar(0.675), high: frontWar(0.675) }
			]
		},
		{
			name: 'regions: a set likelihood moves the base, not the ends',
			loaded: regions,
			settings: { likelihoods: { 'crisis.front.quiet:front.flare': 0.6 } },
			outcome: 'crisis.front.war',
			base: frontWar(0.6),
			bars: [
				{ id: 'crisis.front.quiet:front.flare', low: frontWar(0.55), high: frontWar(0.8) },
				{ id: 'north.stance', low: frontWar(0.6), high: frontWar(0.6) }
			]
		}
	])('$name', ({ loaded, settings, outcome, base, bars }) => {
		const result = sensitivity(loaded.compiled, settings as Settings, outcome);
		expect(result.outcome).toBe(outcome);
		expect(result.base).toBeCloseTo(base, 12);
		expect(result.bars).toHaveLength(bars.length);
		bars.forEach((expected, i) => {
			const bar = result.bars[i];
			const { low, high, values, ...rest } = expected as typeof expected & {
				values?: Record<string, number>;
			};
			expect(bar).toMatchObject(rest);
			expect(bar.low).toBeCloseTo(low, 12);
			expect(bar.high).toBeCloseTo(high, 12);
			expect(bar.effect).toBeCloseTo(high - low, 12);
			for (const [option, v] of Object.entries(values ?? {}))
				expect(bar.values![option]).toBeCloseTo(v, 12);
		});
	});

	it('cites the evidence of the transitions a factor acts on', () => {
		const [bar] = sensitivity(ladder.compiled, {}, 'war').bars;
		expect(bar.evidence).toEqual([
			{
				transition: 'crisis:west.press',
				quote: 'A "ceasefire" is likely - but not certain',
				stance: 'supports'
			},
			{
				transition: 'crisis:crisis.fight',
				quote: 'the sides will probably fight',
				stance: 'supports'
			}
		]);
	});

	it('reports the outcome label and the time the sweep took', () => {
		const result = sensitivity(ladder.compiled, {}, 'war');
		expect(result.label).toBe('War');
		expect(result.choices).toEqual({ 'west.posture': 'wait' });
		expect(result.milliseconds).toBeGreaterThanOrEqual(0);
	});
});

describe('ordering', () => {
	it('sorts by effect, largest first, ties by id', () => {
		const loaded = loadScenarioFile(toScenarioFile('regional-escalation'));
		if (!loaded.ok) throw new Error('regional-escalation does not load');
		const { bars } = sensitivity(loaded.value.compiled, {}, 'crisis.ties.ruptured');
		for (let i = 1; i < bars.length; i++) {
			const [a, b] = [bars[i - 1], bars[i]];
			expect(a.effect > b.effect || (a.effect === b.effect && a.id < b.id)).toBe(true);
		}
		const russia = bars.find((b) => b.id === 'russia.response');
		expect(russia?.kind).toBe('choice');
		expect(russia!.effect).toBeGreaterThan(0);
		expect(bars.every((b) => b.low <= b.high)).toBe(true);
	});
});

describe('mentions', () => {
	it.each([
		{ condition: { choice: 'a.b', is: 'x' }, expected: true },
		{ condition: { choice: 'a.c', isNot: 'x' }, expected: false },
		{ condition: { in: 'a.b' }, expected: false },
		{
			condition: { all: [{ in: 's' }, { any: [{ not: { choice: 'a.b', is: 'x' } }] }] },
			expected: true
		},
		{ condition: { any: [{ indicator: 'a', atLeast: 1 }] }, expected: false }
	])('$condition → $expected', ({ condition, expected }) => {
		expect(mentions(condition, 'a.b')).toBe(expected);
	});
});

describe('errors', () => {
	it.each([
		{ outcome: 'wra', expected: /unknown outcome "wra" \(did you mean "war"\?\)/ },
		{
			outcome: 'nothing-like-it',
			expected: /unknown outcome "nothing-like-it" \(known: "settled", "war"\)/
		}
	])('refuses $outcome with a hint', ({ outcome, expected }) => {
		expect(() => sensitivity(ladder.compiled, {}, outcome)).toThrow(expected);
	});

	it('refuses bad settings as the analysis does', () => {
		expect(() =>
			sensitivity(ladder.compiled, { choices: { 'west.posture': 'flee' } }, 'war')
		).toThrow(/"flee" is not an option of west\.posture/);
	});

	it('does not mutate the settings', () => {
		const settings: Settings = {
			choices: { 'north.stance': 'push' },
			likelihoods: { 'crisis.front.quiet:front.flare': 0.6 }
		};
		const copy = structuredClone(settings);
		sensitivity(regions.compiled, settings, 'crisis.front.war');
		expect(settings).toEqual(copy);
	});
});

describe('sensitivity on a chain computed ahead (the build, the worker)', () => {
	/** Everything but the clock, which differs between two runs. */
	const timeless = (result: ReturnType<typeof sensitivity>) => {
		expect(result.milliseconds).toBeGreaterThanOrEqual(0);
		return { ...result, milliseconds: 0 };
	};
	it.each([
		{ loaded: ladder, settings: {}, outcome: 'war' },
		{ loaded: ladder, settings: { choices: { 'west.posture': 'press' } }, outcome: 'settled' },
		{
			loaded: regions,
			settings: { likelihoods: { 'crisis.front.quiet:front.flare': 0.6 } },
			outcome: 'crisis.front.war'
		}
	])('matches exploring afresh for $outcome', ({ loaded, settings, outcome }) => {
		const { chain } = analyze(loaded.compiled, settings as Settings);
		const known = {
			chain: toChainData(chain),
			likelihoods: (settings as Settings).likelihoods ?? {}
		};
		expect(timeless(sensitivity(loaded.compiled, settings as Settings, outcome, known))).toEqual(
			timeless(sensitivity(loaded.compiled, settings as Settings, outcome))
		);
	});
});

describe('sensitivity given observations', () => {
	const timeless = (r: ReturnType<typeof sensitivity>) => ({ ...r, milliseconds: 0 });

	it('with no observations, the same as before (an empty list changes nothing)', () => {
		expect(timeless(sensitivity(ladder.compiled, { observations: [] }, 'war'))).toEqual(
			timeless(sensitivity(ladder.compiled, {}, 'war'))
		);
	});

	it('ladder given a crisis: P(war | crisis) is the fight, 0.75 under wait, 0 under press', () => {
		// Unconditioned: 0.4 × 0.75 = 0.3 under wait. Once the crisis is seen, talks.fail (0.4) has
		// happened, so the war is the fight's 0.75 alone.
		const result = sensitivity(
			ladder.compiled,
			{ observations: [{ event: 'crisis', happened: true }] },
			'war'
		);
		expect(result.base).toBeCloseTo(0.75, 12);
		expect(result.unconditionedBase).toBeCloseTo(0.3, 12);
		expect(result.bars).toHaveLength(1);
		expect(result.bars[0]).toMatchObject({ id: 'west.posture', low: 0, lowAt: 'press' });
		expect(result.bars[0].high).toBeCloseTo(0.75, 12);
		expect(result.bars[0].values?.wait).toBeCloseTo(0.75, 12);
		expect(result.bars[0].impossibleAt).toBeUndefined();
	});

	it('regions given the front ran hot: P(war | hot) = 1/(2 − p) at the ends of the flare range', () => {
		// P(war) = (p/2)/(1 − p/2) and P(hot ever) = p, so P(war | hot) = 1/(2 − p).
		const result = sensitivity(
			regions.compiled,
			{ observations: [{ event: 'crisis.front.hot', happened: true }] },
			'crisis.front.war'
		);
		const bar = result.bars.find((b) => b.id === 'crisis.front.quiet:front.flare')!;
		expect(bar.low).toBeCloseTo(1 / (2 - 0.55), 12);
		expect(bar.high).toBeCloseTo(1 / (2 - 0.8), 12);
		expect(result.base).toBeCloseTo(1 / (2 - 0.675), 12);
		expect(result.unconditionedBase).toBeCloseTo(frontWar(0.675), 12);
	});

	it('an observation of probability 1 changes nothing', () => {
		// The run starts in talks: seeing it tells nothing.
		const given = sensitivity(
			ladder.compiled,
			{ observations: [{ event: 'talks', happened: true }] },
			'war'
		);
		const plain = sensitivity(ladder.compiled, {}, 'war');
		expect(given.base).toBeCloseTo(plain.base, 12);
		expect(given.unconditionedBase).toBeCloseTo(plain.base, 12);
		expect(given.bars.map((b) => [b.id, b.low, b.high])).toEqual(
			plain.bars.map((b) => [b.id, expect.closeTo(b.low, 12), expect.closeTo(b.high, 12)])
		);
	});

	it('an option under which the observations cannot happen is left out and named', () => {
		// The West pressing for talks is only possible under press: under wait it cannot happen.
		const result = sensitivity(
			ladder.compiled,
			{
				choices: { 'west.posture': 'press' },
				observations: [{ event: 'crisis:west.press', happened: true }]
			},
			'settled'
		);
		expect(result.base).toBe(1);
		expect(result.bars[0]).toMatchObject({
			id: 'west.posture',
			values: { press: 1 },
			impossibleAt: ['wait'],
			low: 1,
			high: 1,
			effect: 0
		});
	});
});
