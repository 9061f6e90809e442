/**
 * The shipped scenarios: they validate, every quote anchors, exact and Monte Carlo agree, changing
 * an actor's choice moves the outcomes the way the article argues, and the combined scenario's
 * regions are really coupled.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/lib/engine/analyze';
import { choiceCombinations } from '../../src/lib/engine/check';
import { compareExact, compareMonteCarlo } from '../../src/lib/engine/compare';
import { likelihoodValues } from '../../src/lib/engine/compile';
import { explore } from '../../src/lib/engine/explore';
import { monteCarlo, standardError } from '../../src/lib/engine/montecarlo';
import { solveExact } from '../../src/lib/engine/solve';
import { loadShippedScenario, shippedIds } from './fixtures';

const ids = shippedIds;
const scenarios = Object.fromEntries(ids.map((id) => [id, loadShippedScenario(id)]));

/** P(outcome) under the given choices, exactly. */
function p(id: string, outcome: string, choices: Record<string, string> = {}): number {
	const found = analyze(scenarios[id].compiled, { choices }).exact.outcomes.find(
		(o) => o.id === outcome
	);
	if (!found) throw new Error(`no outcome ${outcome} in ${id}`);
	return found.probability;
}

describe.each(ids)('%s', (id) => {
	const loaded = scenarios[id];

	it('has the fixed id, validates without warnings, and every quote anchors', () => {
		expect(loaded.scenario.id).toBe(id);
		expect(loaded.warnings).toEqual([]);
		const quotes = loaded.model.transitions.reduce((n, t) => n + t.evidence.length, 0);
		expect(loaded.quotes).toHaveLength(quotes);
		const text = loaded.sources.get('putin-iran-2024')!.text;
		for (const q of loaded.quotes) expect(text.slice(q.start, q.end).length).toBeGreaterThan(10);
	});

	it('gives every transition evidence or an assumption, and most of them evidence', () => {
		const { transitions } = loaded.model;
		for (const t of transitions)
			expect(t.evidence.length > 0 || Boolean(t.assumption?.trim()), t.id).toBe(true);
		const evidenced = transitions.filter((t) => t.evidence.length > 0).length;
		expect(evidenced / transitions.length).toBeGreaterThanOrEqual(0.5);
	});

	it("names the source's wording (or its silence) for every uncertain likelihood", () => {
		for (const t of loaded.model.transitions) {
			if (t.likelihood.kind === 'range') expect(t.likelihood.basis?.trim(), t.id).toBeTruthy();
		}
	});

	it('agrees with Monte Carlo within 4.5 standard errors at 200,000 runs', () => {
		const { chain, exact } = analyze(loaded.compiled);
		const runs = 200_000;
		const mc = monteCarlo(chain, runs, { seed: id });
		for (const o of exact.outcomes) {
			const estimate = mc.outcomes.find((x) => x.id === o.id)!.probability;
			expect(Math.abs(estimate - o.probability), o.id).toBeLessThanOrEqual(
				4.5 * standardError(o.probability, runs) + 1e-12
			);
		}
	});

	it('explores soundly under every combination of choices', () => {
		const { compiled } = loaded;
		const keys = Object.keys(compiled.defaultChoices);
		const optionsOf = (key: string) => {
			const [actor, choice] = key.split('.');
			return Object.keys(compiled.model.scenario.actors[actor].choices[choice].options);
		};
		let combinations: Record<string, string>[] = [{}];
		for (const key of keys)
			combinations = combinations.flatMap((c) => optionsOf(key).map((o) => ({ ...c, [key]: o })));
		const values = likelihoodValues(compiled);
		for (const choices of combinations) {
			const exact = solveExact(explore(compiled, choices, values));
			const byRegion = new Map<string, number>();
			for (const o of exact.outcomes)
				byRegion.set(o.region, (byRegion.get(o.region) ?? 0) + o.probability);
			for (const total of byRegion.values()) expect(total).toBeCloseTo(1, 9);
		}
		expect(combinations.length).toBeGreaterThanOrEqual(
			choiceCombinations(compiled).combinations.length
		);
	}, 120_000);
});

describe("the article's argument, as the scenarios encode it", () => {
	it('russia-arms-to-iran: full support makes ruptured ties more likely than declining', () => {
		const ruptured = (response: string) =>
			p('russia-arms-to-iran', 'ruptured', { 'russia.response': response });
		expect(ruptured('decline')).toBe(0);
		expect(ruptured('full')).toBeGreaterThan(ruptured('defensive'));
		expect(p('russia-arms-to-iran', 'declined', { 'russia.response': 'decline' })).toBe(1);
	});

	it('russia-arms-to-iran: a Russian call for restraint makes an Israeli strike less likely', () => {
		// A strike ends in ruptured ties or in ties that survive it.
		const struck = (restraint: string) =>
			p('russia-arms-to-iran', 'ruptured', { 'russia.restraint': restraint }) +
			p('russia-arms-to-iran', 'strikeSurvived', { 'russia.restraint': restraint });
		expect(struck('urge')).toBeLessThan(struck('silent'));
	});

	it('israel-russia-ties: support strains and ruptures ties; none leaves them intact', () => {
		const ruptured = (support: string) =>
			p('israel-russia-ties', 'ruptured', { 'russia.support': support });
		expect(ruptured('none')).toBe(0);
		expect(p('israel-russia-ties', 'intact', { 'russia.support': 'none' })).toBe(1);
		// "any military support … risks damaging": the article does not tell air defence and jets apart.
		expect(ruptured('full')).toBeGreaterThan(0);
		expect(ruptured('full')).toBeCloseTo(ruptured('defensive'), 12);
		const strained = (support: string) =>
			p('israel-russia-ties', 'strainedEnd', { 'russia.support': support });
		expect(strained('full')).toBeGreaterThan(0);
		expect(strained('full')).toBeCloseTo(strained('defensive'), 12);
	});

	it('hezbollah-escalation: a direct war is rare while Iran prefers proxies, and Iran loses it', () => {
		const war = (posture: string) => {
			const o = (id: string) => p('hezbollah-escalation', id, { 'iran.posture': posture });
			return o('iranDefeated') + o('iranHolds');
		};
		expect(war('stayOut')).toBe(0);
		expect(war('proxies')).toBeLessThan(war('direct'));
		// "guaranteed to end up on the losing side": almost certain, given a war.
		const loses =
			p('hezbollah-escalation', 'iranDefeated', { 'iran.posture': 'direct' }) / war('direct');
		expect(loses).toBeGreaterThanOrEqual(0.95);
		expect(p('hezbollah-escalation', 'contained', { 'hezbollah.bombardment': 'restrain' })).toBe(1);
	});

	it('regional-escalation: Russian support makes ruptured ties more likely than declining, and Russia worse off', () => {
		const ruptured = (response: string) =>
			p('regional-escalation', 'crisis.ties.ruptured', { 'russia.response': response });
		expect(ruptured('decline')).toBe(0);
		expect(ruptured('full')).toBeGreaterThan(0);
		const position = (response: string) =>
			analyze(scenarios['regional-escalation'].compiled, {
				choices: { 'russia.response': response }
			}).exact.dimensions.russiaPosition;
		// "any military support … risks damaging": air defence and jets cost Russia alike.
		expect(position('full')).toBeCloseTo(position('defensive'), 12);
		expect(position('defensive')).toBeLessThan(position('decline'));
	});
});

describe('regional-escalation: the coupling is real', () => {
	const id = 'regional-escalation';
	const directWar = (choices: Record<string, string>) =>
		p(id, 'crisis.north.iranDefeated', choices) + p(id, 'crisis.north.iranHolds', choices);

	it('arms → north: Russian hardware, with no call for restraint, makes a direct war more likely', () => {
		const silent = { 'russia.restraint': 'silent' };
		expect(directWar({ ...silent, 'russia.response': 'full' })).toBeGreaterThan(
			directWar({ ...silent, 'russia.response': 'decline' })
		);
	});

	it('arms → north: a Russian call for restraint makes a direct war less likely', () => {
		const full = { 'russia.response': 'full' };
		expect(directWar({ ...full, 'russia.restraint': 'urge' })).toBeLessThan(
			directWar({ ...full, 'russia.restraint': 'silent' })
		);
	});

	it('north → arms: a direct Iranian attack makes an Israeli strike on Russian systems more likely', () => {
		const full = { 'russia.response': 'full' };
		const struck = (posture: string) =>
			p(id, 'crisis.arms.struck', { ...full, 'iran.posture': posture });
		expect(struck('direct')).toBeGreaterThan(struck('stayOut'));
	});

	it('arms → ties: only a strike on Russian systems ruptures the ties, and they may survive it', () => {
		for (const response of ['defensive', 'full', 'article']) {
			const choices = { 'russia.response': response };
			expect(
				p(id, 'crisis.ties.ruptured', choices) + p(id, 'crisis.ties.strikeSurvived', choices)
			).toBeCloseTo(p(id, 'crisis.arms.struck', choices), 12);
		}
	});

	it('a Hezbollah that holds fire leaves the northern front contained whatever Russia does', () => {
		for (const response of ['decline', 'full']) {
			expect(
				p(id, 'crisis.north.contained', {
					'hezbollah.bombardment': 'restrain',
					'russia.response': response
				})
			).toBeCloseTo(1, 12);
		}
	});
});

describe('paired Monte Carlo on the combined scenario (common random numbers by region)', () => {
	// Full Russian support instead of the article's reading: arms and ties change; with Moscow urging
	// restraint (the default) the north does not depend on it, so paired runs play it out identically.
	const loaded = scenarios['regional-escalation'];
	const baseline = analyze(loaded.compiled, {});
	const variant = analyze(loaded.compiled, { choices: { 'russia.response': 'full' } });
	const exact = compareExact(baseline.exact, variant.exact);
	const n = 40_000;
	const paired = compareMonteCarlo(baseline.chain, variant.chain, n, 11);

	it('an untouched region differs by exactly 0, where independent runs would not', () => {
		const north = Object.entries(paired.outcomes).filter(([id]) => id.startsWith('crisis.north.'));
		expect(north.length).toBe(6);
		for (const [id, o] of north) {
			expect(Math.abs(exact.outcomes[id].difference)).toBeLessThan(1e-12);
			expect(o.difference).toBe(0);
			expect(o.standardError).toBe(0);
		}
		expect(Math.max(...north.map(([, o]) => o.independentError))).toBeGreaterThan(0.001);
	});

	it('the estimates agree with the exact comparison within 4.5 standard errors', () => {
		for (const [id, o] of Object.entries(paired.outcomes)) {
			const e = exact.outcomes[id];
			expect(Math.abs(o.baseline - e.baseline)).toBeLessThanOrEqual(
				4.5 * standardError(e.baseline, n) + 1e-12
			);
			expect(Math.abs(o.variant - e.variant)).toBeLessThanOrEqual(
				4.5 * standardError(e.variant, n) + 1e-12
			);
			expect(Math.abs(o.difference - e.difference)).toBeLessThanOrEqual(
				4.5 * o.standardError + 1e-12
			);
		}
	});
});
