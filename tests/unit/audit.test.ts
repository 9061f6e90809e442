/**
 * Issue 14, section 1: what the audit of the four shipped scenarios found, each checked against the
 * scenario files as shipped. A quote supports only what it says, with its attribution; where the
 * article is silent the likelihood says so over a wide range; advice and background are context.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/lib/engine/analyze';
import { explainOutcome } from '../../src/lib/engine/explain';
import type { LoadedScenario } from '../../src/lib/engine/load';
import { evidenceReport, type QuoteCoverage } from '../../src/lib/scenario/coverage';
import { findWordings } from '../../src/lib/editor/wording';
import { isBandOf } from '../../src/lib/scenario/likelihood';
import type { TransitionInfo } from '../../src/lib/scenario/model';
import type { Condition } from '../../src/lib/scenario/schema';
import { loadShippedScenario, shippedIds, type ShippedId } from './fixtures';

const ids = shippedIds;
type Id = ShippedId;
const loaded = Object.fromEntries(ids.map((id) => [id, loadShippedScenario(id)])) as Record<
	Id,
	LoadedScenario
>;
const reports = Object.fromEntries(ids.map((id) => [id, evidenceReport(loaded[id])]));

function transition(id: Id, transitionId: string): TransitionInfo {
	const found = loaded[id].model.transitions.find((t) => t.id === transitionId);
	if (!found) throw new Error(`no transition ${transitionId} in ${id}`);
	return found;
}

/** The quotes a transition cites, with the sentences they overlap. */
const citations = (id: Id, transitionId: string): QuoteCoverage[] =>
	reports[id].quotes.filter((q) => q.transition === transitionId);

/** The stances under which a transition cites a sentence (`p15.s1`). */
const stancesOf = (id: Id, transitionId: string, sentence: string) =>
	citations(id, transitionId)
		.filter((q) => q.sentences.includes(sentence))
		.map((q) => q.stance);

/** Every transition into a final state, by the final state's path. */
const into = (id: Id, target: string) =>
	loaded[id].model.transitions.filter((t) => t.target === target);

/** P(outcome) under the given choices, exactly. */
function p(id: Id, outcome: string, choices: Record<string, string> = {}): number {
	const found = analyze(loaded[id].compiled, { choices }).exact.outcomes.find(
		(o) => o.id === outcome
	);
	if (!found) throw new Error(`no outcome ${outcome} in ${id}`);
	return found.probability;
}

/** A likelihood the article does not give: `basis: silent` over a range at least 0.3 wide. */
function expectSilentAndWide(t: TransitionInfo): void {
	expect(t.likelihood.kind, t.id).toBe('range');
	if (t.likelihood.kind !== 'range') return;
	expect(t.likelihood.basis, t.id).toBe('silent');
	expect(t.likelihood.high - t.likelihood.low, t.id).toBeGreaterThanOrEqual(0.3 - 1e-12);
}

describe('a strike on Russian-supplied systems does not rupture the ties with certainty', () => {
	// The final state of ruptured ties, and the steps the audit named that lead into it.
	const ruptures: [Id, string, string[]][] = [
		[
			'regional-escalation',
			'crisis.ties.ruptured',
			['crisis.ties.strained:ties.rupture', 'crisis.ties.holding:ties.rupture']
		],
		['russia-arms-to-iran', 'ruptured', []],
		['israel-russia-ties', 'ruptured', []]
	];

	it.each(ruptures)(
		'%s: every step into %s is silent, wide, and cites p15.s1 as contradicting',
		(id, ruptured, named) => {
			const steps = into(id, ruptured);
			expect(steps.length).toBeGreaterThan(0);
			expect(steps.map((t) => t.id)).toEqual(expect.arrayContaining(named));
			for (const t of steps) {
				expectSilentAndWide(t);
				expect(stancesOf(id, t.id, 'p15.s1'), t.id).toEqual(['contradicts']);
			}
		}
	);

	it('regional-escalation: the ties survive some strikes, and only a strike ruptures them', () => {
		const id = 'regional-escalation';
		for (const response of ['defensive', 'full', 'article']) {
			const choices = { 'russia.response': response, 'israel.russianSystems': 'strike' };
			const struck = p(id, 'crisis.arms.struck', choices);
			const ruptured = p(id, 'crisis.ties.ruptured', choices);
			const survived = p(id, 'crisis.ties.strikeSurvived', choices);
			expect(ruptured).toBeGreaterThan(0);
			expect(survived).toBeGreaterThan(0);
			expect(ruptured + survived).toBeCloseTo(struck, 12);
		}
	});

	it('russia-arms-to-iran and israel-russia-ties: an ending where the ties survive a strike', () => {
		const arms = { 'russia.response': 'full', 'israel.response': 'strike' };
		expect(p('russia-arms-to-iran', 'strikeSurvived', arms)).toBeGreaterThan(0);
		expect(p('russia-arms-to-iran', 'ruptured', arms)).toBeGreaterThan(0);
		const ties = { 'russia.support': 'full', 'israel.strike': 'strike' };
		expect(p('israel-russia-ties', 'strikeSurvived', ties)).toBeGreaterThan(0);
		expect(p('israel-russia-ties', 'ruptured', ties)).toBeGreaterThan(0);
	});
});

describe('"risks damaging" speaks of a consequence, and a risk is not a certainty', () => {
	// p15.s2: "… any military support Putin provides to Iran risks damaging his important bilateral
	// ties with the Israelis."
	const isRisks = (q: QuoteCoverage) => q.quote.includes('risks damaging');

	it('russia-arms-to-iran: the decisions to send arms no longer cite it', () => {
		for (const id of ['request:russia.supplyDefensive', 'request:russia.supplyFull'])
			expect(citations('russia-arms-to-iran', id).filter(isRisks), id).toEqual([]);
	});

	it.each(['russia-arms-to-iran', 'israel-russia-ties', 'regional-escalation'] as const)(
		'%s: every step that cites it has a ranged likelihood, not a certain one',
		(id) => {
			const citing = reports[id].quotes.filter(isRisks);
			expect(citing.length).toBeGreaterThan(0);
			for (const q of citing) {
				expect(q.sentences).toEqual(['p15.s2']);
				expect(transition(id, q.transition).likelihood.kind, q.transition).toBe('range');
			}
		}
	);

	it('russia-arms-to-iran: a delivery alone leaves the tension where it was', () => {
		const { model } = loaded['russia-arms-to-iran'];
		const deliveries = model.transitions.filter((t) =>
			['airDefence', 'fullPackage'].includes(t.target)
		);
		expect(deliveries.length).toBeGreaterThanOrEqual(4);
		for (const t of deliveries) {
			expect(t.effects, t.id).toEqual({});
			expect(t.set, t.id).toEqual({});
		}
	});

	it('russia-arms-to-iran: the ties can hold after a delivery', () => {
		for (const response of ['defensive', 'full', 'article']) {
			const choices = { 'russia.response': response, 'israel.response': 'tolerate' };
			expect(p('russia-arms-to-iran', 'weathered', choices), response).toBeGreaterThan(0);
			expect(p('russia-arms-to-iran', 'strained', choices), response).toBeGreaterThan(0);
		}
	});
});

describe('"has reservations" is context, and p4.s3 cuts against it', () => {
	const isReservations = (q: QuoteCoverage) => q.quote.includes('has reservations');
	const named: [Id, string][] = [
		['russia-arms-to-iran', 'request:chance.hold'],
		['regional-escalation', 'crisis.arms.request:chance.hold'],
		['israel-russia-ties', 'working:chance.refrain']
	];

	it.each(named)('%s %s: cites it as context, and p4.s3 as contradicting', (id, t) => {
		expect(
			citations(id, t)
				.filter(isReservations)
				.map((q) => q.stance)
		).toEqual(['context']);
		// "This support was maintained despite the Kremlin's deep reservations …"
		expect(stancesOf(id, t, 'p4.s3')).toEqual(['contradicts']);
	});

	it.each(ids)('%s: no step cites it as support', (id) => {
		const cited = reports[id].quotes.filter(isReservations);
		expect(cited.filter((q) => q.stance !== 'context').map((q) => q.transition)).toEqual([]);
	});
});

describe("Russia gives in to Tehran's appeals: the quotes say what they say", () => {
	const supply: [Id, string][] = [
		['russia-arms-to-iran', 'request:chance.supply'],
		['regional-escalation', 'crisis.arms.request:chance.supply'],
		['israel-russia-ties', 'working:chance.support']
	];

	it.each(supply.slice(0, 2))(
		"%s %s: p2.s1 (Putin's willingness to back Iran) does not contradict it",
		(id, t) => {
			const stances = stancesOf(id, t, 'p2.s1');
			expect(stances).not.toContain('contradicts');
			expect(stances).toContain('supports');
		}
	);

	// p18.s1's closing "one the Iranians have no chance of winning" is a prediction of its own.
	it.each(ids)('%s: p18.s1\'s "cannot afford", advice, is only ever context', (id) => {
		const cited = reports[id].quotes.filter(
			(q) => q.sentences.includes('p18.s1') && q.quote.includes('cannot afford')
		);
		expect(cited.filter((q) => q.stance !== 'context').map((q) => q.transition)).toEqual([]);
	});

	it.each(supply)(
		'%s %s: "hard to resist" has the band the editor\'s word list gives it',
		(id, t) => {
			const step = transition(id, t);
			expect(step.likelihood.basis).toContain('hard to resist');
			const [wording] = findWordings('hard to resist');
			expect(isBandOf(step.likelihood, wording.term)).toBe(true);
		}
	);
});

describe("Iran's direct attack: both sides of the article, and April as it tells it", () => {
	const attacks: [Id, string][] = [
		['hezbollah-escalation', 'israeliOffensive:chance.attack'],
		['regional-escalation', 'crisis.north.israeliOffensive:chance.attack'],
		['regional-escalation', 'crisis.north.israeliOffensive:chance.attackRestrained']
	];
	const citing = (id: Id, t: string, words: string) =>
		citations(id, t)
			.filter((q) => q.quote.includes(words))
			.map((q) => q.stance);

	it.each(attacks)(
		'%s %s: silent and wide, citing the drums of war and the bellicose attitude too',
		(id, t) => {
			const step = transition(id, t);
			expectSilentAndWide(step);
			expect(step.likelihood.kind === 'range' && step.likelihood.term).toBeFalsy();
			expect(stancesOf(id, t, 'p9.s1')).toEqual(['supports']);
			expect(citing(id, t, 'drums of war')).toEqual(['supports']);
			expect(citing(id, t, 'increasingly bellicose attitude')).toEqual(['supports']);
			expect(citations(id, t).map((q) => q.stance)).toContain('contradicts');
		}
	);

	it("regional-escalation: Putin's plea is context, and does not lower the odds of any attack", () => {
		const id = 'regional-escalation';
		const restrained = 'crisis.north.israeliOffensive:chance.attackRestrained';
		expect(citing(id, restrained, 'asking Iran to show restraint')).toEqual(['context']);
		const { likelihood } = transition(id, restrained);
		const base = transition(id, 'crisis.north.israeliOffensive:chance.attack').likelihood;
		expect(likelihood.kind === 'range' && [likelihood.low, likelihood.high]).toEqual(
			base.kind === 'range' && [base.low, base.high]
		);
	});

	it.each([
		['hezbollah-escalation', 'iranianAttack:chance.absorbed'],
		['regional-escalation', 'crisis.north.iranianAttack:chance.absorbed']
	] as [Id, string][])('%s %s: April ended with Israel bombing a base in Isfahan', (id, t) => {
		const step = transition(id, t);
		expect(citing(id, t, 'bombed a key military base in Isfahan')).toEqual(['context']);
		expect(`${step.label} ${step.assumption}`).not.toMatch(/step back/);
		const ending = loaded[id].model.states.get(step.target)?.outcome;
		expect(`${ending?.label} ${ending?.description}`).toMatch(/Israeli (reply|strike)/);
	});
});

describe('attribution kept, and no option means more than it says', () => {
	it.each(['hezbollah-escalation', 'regional-escalation'] as const)(
		'%s: every quote of p10.s1 keeps "Many Western leaders" and "with the expectation that"',
		(id) => {
			const cited = reports[id].quotes.filter((q) => q.sentences.includes('p10.s1'));
			expect(cited.map((q) => q.transition)).toEqual(
				expect.arrayContaining([
					expect.stringMatching(/crossBorder:hezbollah\.intensify$/),
					expect.stringMatching(/crossBorder:chance\.intensify$/)
				])
			);
			for (const q of cited) {
				expect(q.quote, q.transition).toMatch(/^Many Western leaders believe/);
				expect(q.quote, q.transition).toContain('with the expectation that Hezbollah');
			}
		}
	);

	/** The options of `russia.support` a transition's conditions name, however nested. */
	function supportOptions(conditions: readonly Condition[]): string[] {
		return conditions.flatMap((c): string[] => {
			if ('choice' in c && c.choice === 'russia.support')
				return [('is' in c ? c.is : c.isNot) ?? []].flat();
			if ('all' in c) return supportOptions(c.all);
			if ('any' in c) return supportOptions(c.any);
			if ('not' in c) return supportOptions([c.not]);
			return [];
		});
	}

	it('israel-russia-ties: no step treats "as the article reads it" as the full package', () => {
		for (const t of loaded['israel-russia-ties'].model.transitions) {
			const options = supportOptions(t.when);
			if (options.includes('article'))
				expect(
					options.filter((o) => o !== 'article'),
					t.id
				).toEqual([]);
		}
	});
});

describe('"guaranteed to end up on the losing side": what losing means is written down', () => {
	it.each([
		['hezbollah-escalation', 'regionalWar'],
		['regional-escalation', 'crisis.north.regionalWar']
	] as [Id, string][])('%s: both endings of the direct war say what losing is', (id, war) => {
		const { model } = loaded[id];
		const loses = transition(id, `${war}:chance.iranLoses`);
		const holds = transition(id, `${war}:chance.iranHolds`);
		const defeated = model.states.get(loses.target)?.outcome;
		const notDefeated = model.states.get(holds.target)?.outcome;
		expect(defeated?.description).toMatch(/^Losing, as this model reads the article/);
		expect(defeated?.description).toMatch(/does not mean/);
		expect(notDefeated?.description).toMatch(/losing side/);
		// The explanation of the number says it too.
		const analysis = analyze(loaded[id].compiled, { choices: { 'iran.posture': 'direct' } });
		expect(explainOutcome(analysis, loses.target).description).toBe(defeated?.description);
	});
});
