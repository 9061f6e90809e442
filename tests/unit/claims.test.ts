/**
 * Issue 14, section 5, on the shipped scenarios as shipped: each states the article's claims it can
 * test; the thesis, where a scenario scores Russia's position, is tested rather than built in (it
 * holds under some choices and fails under others); each claim's note says honestly whether the
 * model tests it or restates it; and every score an ending gives is explained by a rationale.
 */
import { describe, expect, it } from 'vitest';
import {
	builtInClaims,
	choiceCombinations,
	parsedClaims,
	testClaims
} from '../../src/lib/engine/claims';
import type { LoadedScenario } from '../../src/lib/engine/load';
import { loadShippedScenario, shippedIds, type ShippedId } from './fixtures';

const loaded = Object.fromEntries(shippedIds.map((id) => [id, loadShippedScenario(id)])) as Record<
	ShippedId,
	LoadedScenario
>;
const claimsOf = (id: ShippedId) => parsedClaims(loaded[id].scenario);

/** The scenarios that score Russia's position, where the thesis belongs. */
const withRussia = shippedIds.filter((id) => 'russiaPosition' in loaded[id].scenario.dimensions);

describe.each(shippedIds)('%s', (id) => {
	const { scenario, compiled, claimQuotes } = loaded[id];
	const claims = claimsOf(id);
	const builtIn = builtInClaims(compiled, claims);

	it("states at least one of the article's claims, each quote anchored in the article", () => {
		expect(claims.length).toBeGreaterThan(0);
		expect(claimQuotes.map((q) => q.claim).sort()).toEqual(claims.map((c) => c.id).sort());
		const text = loaded[id].sources.get('putin-iran-2024')!.text;
		for (const q of claimQuotes)
			expect(text.slice(q.start, q.end), q.claim).toBe(scenario.claims![q.claim].quote);
	});

	it('says in each note whether the model tests the claim or builds it in, as the check finds', () => {
		claims.forEach((c, k) => {
			const b = builtIn[k];
			expect(b.checked, c.id).toBe(true);
			const note = scenario.claims![c.id].note ?? '';
			expect(note, c.id).toMatch(
				b.checked && b.builtIn ? /built into the model/ : /tested|can fail/
			);
			if (b.checked && !b.builtIn) expect(note, c.id).not.toMatch(/built into the model/);
		});
	});

	it('explains every score of every ending with a rationale', () => {
		for (const [path, state] of loaded[id].model.states) {
			const outcome = state.outcome;
			if (!outcome) continue;
			for (const dim of Object.keys(outcome.scores))
				expect(outcome.rationale?.[dim]?.trim(), `${path} ${dim}`).toBeTruthy();
		}
	});
});

describe.each(withRussia)("%s: the thesis, with Russia's position scored both ways", (id) => {
	const { compiled } = loaded[id];
	const thesis = claimsOf(id).find((c) => c.id === 'thesis');

	it('quotes the headline (p1.s2)', () => {
		expect(thesis).toBeDefined();
		expect(loaded[id].scenario.claims!.thesis.quote).toBe(
			'Backing Iran could be an even bigger miscalculation'
		);
	});

	it('is tested, not built in', () => {
		const [b] = builtInClaims(compiled, [thesis!]);
		expect(b).toMatchObject({ checked: true, builtIn: false });
	});

	it('holds under some choices and fails under others, the likelihoods at their middle', () => {
		const verdicts = choiceCombinations(compiled).map(
			(choices) => testClaims(compiled, [thesis!], { choices }, { samples: 0 })[0].holds
		);
		expect(verdicts).toContain(true);
		expect(verdicts).toContain(false);
	});

	it('counts what Russia would lose by declining: staying out is scored below an even delivery', () => {
		const scores = [...loaded[id].model.states.values()]
			.filter((s) => s.outcome && 'russiaPosition' in s.outcome.scores)
			.map((s) => s.outcome!.scores.russiaPosition);
		// Some ending scores Russia's position at zero or better, and one below it is staying out.
		expect(Math.max(...scores)).toBeGreaterThanOrEqual(0);
		expect(Math.min(...scores)).toBeLessThan(0);
	});
});

describe('the thesis turns on what Israel does about Russian systems', () => {
	const thesisUnder = (id: ShippedId, choices: Record<string, string>) => {
		const thesis = claimsOf(id).filter((c) => c.id === 'thesis');
		return testClaims(loaded[id].compiled, thesis, { choices }, { samples: 0 })[0].holds;
	};
	const cases: [ShippedId, string, string, string][] = [
		['russia-arms-to-iran', 'israel.response', 'strike', 'tolerate'],
		['israel-russia-ties', 'israel.strike', 'strike', 'refrain'],
		['regional-escalation', 'israel.russianSystems', 'strike', 'refrain']
	];
	it.each(cases)('%s: holds when %s=%s, fails when it is %s', (id, choice, holds, fails) => {
		expect(thesisUnder(id, { [choice]: holds })).toBe(true);
		expect(thesisUnder(id, { [choice]: fails })).toBe(false);
	});
});

describe('hezbollah-escalation: a claim the model tests, and two it restates', () => {
	const id = 'hezbollah-escalation';
	const ids = claimsOf(id).map((c) => c.id);
	const builtIn = builtInClaims(loaded[id].compiled, claimsOf(id));
	const isBuiltIn = (claim: string) => {
		const b = builtIn[ids.indexOf(claim)];
		return b.checked && b.builtIn;
	};

	it('"guaranteed to end up on the losing side" and the Western leaders\' expectation are built in', () => {
		expect(isBuiltIn('iranLoses')).toBe(true);
		expect(isBuiltIn('bombardmentExpected')).toBe(true);
	});

	it("Iran's preference for proxies fails where the range for a direct attack is above one half", () => {
		expect(isBuiltIn('proxiesPreferred')).toBe(false);
		const [proxies] = claimsOf(id).filter((c) => c.id === 'proxiesPreferred');
		const at = (value: number) =>
			testClaims(
				loaded[id].compiled,
				[proxies],
				{ likelihoods: { 'israeliOffensive:chance.attack': value } },
				{ samples: 0 }
			)[0].holds;
		expect(at(0.45)).toBe(true);
		expect(at(0.55)).toBe(false);
	});
});
