import { describe, expect, it } from 'vitest';
import { loadFixture, loadShippedScenario } from '../../../tests/unit/fixtures';
import { randomLinks } from '../../../tests/unit/randomLinks';
import { fromQuery, maxQueryLength, toQuery } from './share';

type View = Parameters<typeof toQuery>[1];

const regions = loadFixture('regions.yaml').compiled;
const flare = 'crisis.front.quiet:front.flare';
const deal = 'crisis.talks.open:talks.deal';

describe('toQuery', () => {
	it.each<{ name: string; view: View; expected: string }>([
		{
			name: 'the default view is an empty query',
			view: { choices: { 'north.stance': 'hold' }, likelihoods: {}, seed: 1, steps: [] },
			expected: ''
		},
		{
			name: 'a changed choice',
			view: { choices: { 'north.stance': 'push' }, likelihoods: {}, seed: 1, steps: [] },
			expected: 'c.north.stance=push'
		},
		{
			name: 'an open explanation',
			view: { choices: {}, likelihoods: {}, seed: 1, steps: [], why: 'crisis.front.war' },
			expected: 'why=crisis.front.war'
		},
		{
			name: 'a likelihood, a seed and steps',
			view: { choices: {}, likelihoods: { [flare]: 0.6 }, seed: 7, steps: [flare, deal] },
			expected: `p.${encodeURIComponent(flare)}=0.6&seed=7&steps=${encodeURIComponent(`${flare},${deal}`)}`
		}
	])('$name', ({ view, expected }) => {
		expect(toQuery(regions, view)).toBe(expected);
	});

	it('a pinned baseline, even one at the defaults', () => {
		const view = { choices: {}, likelihoods: {}, seed: 1, steps: [] };
		expect(toQuery(regions, { ...view, baseline: { choices: {}, likelihoods: {} } })).toBe(
			'base=1'
		);
		expect(
			toQuery(regions, {
				...view,
				baseline: { choices: { 'north.stance': 'push' }, likelihoods: { [flare]: 0.6 } }
			})
		).toBe(`base=1&b.c.north.stance=push&b.p.${encodeURIComponent(flare)}=0.6`);
	});

	it('round-trips a baseline through fromQuery', () => {
		const baseline = { choices: { 'north.stance': 'push' }, likelihoods: { [flare]: 0.6 } };
		const view = { choices: {}, likelihoods: {}, seed: 3, steps: [], baseline };
		expect(fromQuery(regions, toQuery(regions, view))).toEqual({
			choices: {},
			likelihoods: {},
			seed: 3,
			steps: [],
			baseline,
			ignored: []
		});
	});

	it('round-trips through fromQuery', () => {
		const view = {
			choices: { 'north.stance': 'push' },
			likelihoods: { [flare]: 0.7 },
			seed: 42,
			steps: [flare],
			why: 'crisis.front.war'
		};
		const back = fromQuery(regions, `?${toQuery(regions, view)}`);
		expect(back).toEqual({
			choices: { 'north.stance': 'push' },
			likelihoods: { [flare]: 0.7 },
			seed: 42,
			steps: [flare],
			why: 'crisis.front.war',
			ignored: []
		});
	});
});

describe('fromQuery keeps what it can use and names the rest', () => {
	it.each([
		{ query: 'c.north.stance=shove', ignored: '"shove" is not an option of “North: Stance”' },
		{ query: 'c.south.stance=push', ignored: 'unknown choice "south.stance"' },
		{ query: 'c.toString=x', ignored: 'unknown choice "toString"' },
		{ query: `p.${flare}=0.99`, ignored: 'is outside 0.55–0.8' },
		{ query: `p.${flare}=`, ignored: 'is outside 0.55–0.8' },
		{ query: `p.${deal}=0.3`, ignored: '(from “open”, by chance) has no uncertain likelihood' },
		{ query: 'p.nowhere=0.3', ignored: 'no uncertain likelihood "nowhere"' },
		{ query: 'seed=-3', ignored: 'seed "-3" is not a whole number' },
		{ query: 'seed=1e3', ignored: 'seed "1e3" is not a whole number' },
		{ query: 'utm_source=mail', ignored: 'unknown part "utm_source"' },
		{
			query: 'base=1&b.c.north.stance=shove',
			ignored: 'not an option of baseline “North: Stance”'
		},
		{ query: `base=1&b.p.${flare}=2`, ignored: 'baseline likelihood 2 for' },
		{ query: 'b.c.north.stance=hold', ignored: 'baseline settings without base=1' },
		{ query: 'base=yes', ignored: 'baseline flag "yes" (expected base=1)' },
		{ query: 'b.x=1', ignored: 'unknown part "b.x"' },
		{ query: 'why=crisis.front', ignored: 'no outcome "crisis.front" to explain' },
		{ query: 'why=', ignored: 'no outcome "" to explain' },
		{ query: 'o=crisis.front.hott', ignored: 'observation "crisis.front.hott" names no state' },
		{ query: 'o=!!crisis.front.hot', ignored: 'observation "!!crisis.front.hot"' },
		{ query: 'o=crisis.front.hot~x', ignored: 'observation "crisis.front.hot~x"' },
		{ query: 'o=crisis.front.hot~0', ignored: 'observation "crisis.front.hot~0"' },
		{ query: 'o=crisis.front.hot,nowhere:x', ignored: 'observation "nowhere:x"' }
	])('$query', ({ query, ignored }) => {
		const view = fromQuery(regions, `${query}&c.north.stance=push`);
		expect(view.ignored).toHaveLength(1);
		expect(view.ignored[0]).toContain(ignored);
		expect(view.choices).toEqual({ 'north.stance': 'push' }); // the usable part still applies
	});

	it('reads only the first maxQueryLength characters of an oversized link', () => {
		const view = fromQuery(regions, `seed=5&x=${'a'.repeat(maxQueryLength)}`);
		expect(view.seed).toBe(5);
		expect(view.ignored[0]).toMatch(/over the limit of 8,000: only the first 8,000 were read/);
	});

	it.each(['', '?', '%', '&&&', '=='])('garbage %j never throws', (query) => {
		expect(() => fromQuery(regions, query)).not.toThrow();
	});
});

describe('a reading in the link', () => {
	const { compiled } = loadShippedScenario('regional-escalation');
	const strain = 'crisis.ties.working:ties.strain';
	const view = (over: Partial<View>): View => ({
		choices: {},
		likelihoods: {},
		seed: 1,
		steps: [],
		...over
	});

	it('writes r= (and b.r= for the baseline) and reads both back', () => {
		const query = toQuery(
			compiled,
			view({ reading: 'sceptic', baseline: { choices: {}, likelihoods: {}, reading: 'sceptic' } })
		);
		expect(query).toBe('r=sceptic&base=1&b.r=sceptic');
		const read = fromQuery(compiled, query);
		expect(read.reading).toBe('sceptic');
		expect(read.baseline?.reading).toBe('sceptic');
		expect(read.ignored).toEqual([]);
		expect(toQuery(compiled, view({ reading: '' }))).toBe('');
	});

	it("checks a likelihood against the reading's band, whatever the order of the parts", () => {
		// 0.2 is inside the sceptic's 15–45 %, outside the scenario's own 45–55 %.
		const read = fromQuery(compiled, `p.${strain}=0.2&r=sceptic`);
		expect(read.likelihoods).toEqual({ [strain]: 0.2 });
		expect(read.ignored).toEqual([]);
		const own = fromQuery(compiled, `p.${strain}=0.2`);
		expect(own.likelihoods).toEqual({});
		expect(own.ignored).toHaveLength(1);
		expect(own.ignored[0]).toMatch(
			/^likelihood 0\.2 for "The support strains ties with Israel" .* is outside 0\.45–0\.55$/
		);
	});

	it('names an unknown reading and opens with the rest', () => {
		const read = fromQuery(compiled, 'r=skeptic&c.russia.response=full');
		expect(read.reading).toBeUndefined();
		expect(read.choices).toEqual({ 'russia.response': 'full' });
		expect(read.ignored).toEqual(['no reading "skeptic"']);
	});
});

describe('observations in the link', () => {
	const observations = [
		{ event: 'crisis.front.hot', happened: true },
		{ event: flare, happened: false, within: 6 }
	];
	const view = { choices: {}, likelihoods: {}, seed: 1, steps: [], observations };

	it('writes o= with ! for "did not happen" and ~k for "within k steps"', () => {
		expect(toQuery(regions, view)).toBe(
			new URLSearchParams({ o: `crisis.front.hot,!${flare}~6` }).toString()
		);
		expect(toQuery(regions, { ...view, observations: [] })).toBe('');
	});

	it('round-trips through fromQuery', () => {
		const back = fromQuery(regions, toQuery(regions, view));
		expect(back.observations).toEqual(observations);
		expect(back.ignored).toEqual([]);
	});

	it('keeps the usable observations of a link with a bad one', () => {
		const back = fromQuery(regions, `o=${encodeURIComponent('crisis.front.hot,bogus~3')}`);
		expect(back.observations).toEqual([{ event: 'crisis.front.hot', happened: true }]);
		expect(back.ignored).toHaveLength(1);
	});
});

describe('random and randomly cut links (the links tests/e2e/hardening.spec.ts opens, and more)', () => {
	const { compiled } = loadShippedScenario('regional-escalation');
	const options = (key: string) => {
		const [actor, choice] = key.split('.');
		return Object.keys(compiled.model.scenario.actors[actor].choices[choice].options);
	};
	const checkSettings = (settings: { choices: Record<string, string> }) => {
		for (const [key, option] of Object.entries(settings.choices))
			expect(options(key), key).toContain(option);
	};

	it('keeps only options and whole seeds, names the rest in words, and writes back what it keeps', () => {
		const links = [...randomLinks(20_240_805, 20), ...randomLinks(7, 300)];
		for (const link of links) {
			const view = fromQuery(compiled, link);
			checkSettings(view);
			if (view.baseline !== undefined) checkSettings(view.baseline);
			for (const value of Object.values(view.likelihoods))
				expect(value, link).toBeGreaterThanOrEqual(0);
			if (view.seed !== undefined) expect(Number.isInteger(view.seed), link).toBe(true);
			for (const words of view.ignored) expect(words, link).toMatch(/^[^\s].*[^\s]$|^\S$/s);
			expect(view.ignored.join('\n'), link).not.toMatch(/undefined|NaN|\[object/);
			// What was kept is a view of its own: written and read back, it is the same, none ignored.
			const again = fromQuery(compiled, toQuery(compiled, { ...view, seed: view.seed ?? 1 }));
			expect(again.ignored, link).toEqual([]);
			expect(again.choices, link).toEqual(view.choices);
			expect(again.likelihoods, link).toEqual(view.likelihoods);
		}
		// Both kinds of link are there: some keep a setting, some keep nothing.
		const kept = links.filter((link) => Object.keys(fromQuery(compiled, link).choices).length > 0);
		expect(kept.length).toBeGreaterThan(20);
		expect(kept.length).toBeLessThan(links.length);
	});
});
