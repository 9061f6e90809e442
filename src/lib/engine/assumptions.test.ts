import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import {
	fixtureResolver,
	loadFixture,
	loadShippedScenario,
	shippedIds
} from '../../../tests/unit/fixtures';
import { assumptionsCheck } from './assumptions';
import { loadScenario } from './load';

/*
 * tests/fixtures/valid/assumptions.yaml by hand. Two regions of pace 1 start together in (a0, b0):
 * region a has only `a.go` (certain, no quote), region b has `b.hot` (silent range [0.2, 0.6],
 * value p) and its remainder `b.cool` (1 − p) while a is in a0, and `b.late` (quoted) once a is
 * done. Let a.go fire with chance v when tried (v = 1 as written; the swing holds it at 0.5,
 * and the region waits with 1 − v). From (a0, b0) each region moves with chance 1/2, so
 *   P(a moves first) = v/2 / (v/2 + 1/2) = v / (1 + v), and then b ends `late`;
 *   P(b moves first) = 1 / (1 + v): `hot` with p, `cool` with 1 − p (a then finishes alone).
 * So P(late) = v/(1+v), P(hot) = p/(1+v), P(cool) = (1−p)/(1+v), P(done) = 1; only `hot` scores,
 * cost 3 on a scale of 0–3 (width 3): E[cost] = 3·P(hot).
 */
const P = (v: number, p: number) => ({
	late: v / (1 + v),
	hot: p / (1 + v),
	cool: (1 - p) / (1 + v)
});
const loaded = loadFixture('assumptions.yaml');

describe('the key assumptions check, by hand', () => {
	const { assumptions } = assumptionsCheck(loaded.compiled, {});
	const byId = Object.fromEntries(assumptions.map((a) => [a.id, a]));

	it('lists each assumption once, largest effect first, and leaves the quoted step out', () => {
		// b.hot: 0.2 (probability and score alike); a.go: 1/6; the score: 0.2/3 (below).
		expect(assumptions.map((a) => a.id)).toEqual([
			'crisis.b.b0:b.hot',
			'crisis.a.a0:a.go',
			'crisis.b.hot:cost'
		]);
		expect(byId['crisis.b.b0:b.hot'].remainders).toEqual(['b.cool']);
		expect(byId['crisis.b.b0:b.hot'].transitions).toEqual([
			'crisis.b.b0:b.hot',
			'crisis.b.b0:b.cool'
		]);
	});

	it('a silent range swings across its width: p from 0.2 to 0.6 at v = 1', () => {
		const a = byId['crisis.b.b0:b.hot'];
		expect(a).toMatchObject({ kind: 'range', low: 0.2, high: 0.6, basis: 'silent' });
		expect(a.current).toBeCloseTo(0.4, 12);
		// P(hot) = p/2: 0.1 → 0.3; P(cool) moves as much the other way, and `hot` comes first.
		expect(a.outcome?.id).toBe('crisis.b.hot');
		expect(a.outcome?.atLow).toBeCloseTo(P(1, 0.2).hot, 9);
		expect(a.outcome?.atHigh).toBeCloseTo(P(1, 0.6).hot, 9);
		// E[cost] = 3·P(hot): 0.3 → 0.9, a change of 0.6, 0.2 of the scale's width 3.
		expect(a.score?.atLow).toBeCloseTo(0.3, 9);
		expect(a.score?.atHigh).toBeCloseTo(0.9, 9);
		expect(a.score?.share).toBeCloseTo(0.2, 9);
		expect(a.effect).toBeCloseTo(0.2, 9);
	});

	it('a certain step goes from 50 % to 100 %; its region waits the rest, so b moves first more often', () => {
		const a = byId['crisis.a.a0:a.go'];
		expect(a).toMatchObject({ kind: 'certain', low: 0.5, high: 1, current: 1 });
		// P(late) = v/(1+v): 1/3 at v = 0.5, 1/2 at v = 1, a change of 1/6 (the largest).
		expect(a.outcome?.id).toBe('crisis.b.late');
		expect(a.outcome?.atLow).toBeCloseTo(1 / 3, 9);
		expect(a.outcome?.atHigh).toBeCloseTo(1 / 2, 9);
		// E[cost] = 3·0.4/(1+v): 0.8 → 0.6, a change of −0.2, 0.2/3 of the scale.
		expect(a.score?.atLow).toBeCloseTo(0.8, 9);
		expect(a.score?.atHigh).toBeCloseTo(0.6, 9);
		expect(a.score?.share).toBeCloseTo(0.2 / 3, 9);
		expect(a.effect).toBeCloseTo(1 / 6, 9);
	});

	it('a score swings by ±1, clamped to the scale: 3 → [2, 3]; no probability moves', () => {
		const a = byId['crisis.b.hot:cost'];
		expect(a).toMatchObject({ kind: 'score', low: 2, high: 3, current: 3, label: 'Hot: Cost' });
		expect(a.transitions).toEqual(['crisis.b.b0:b.hot']);
		expect(a.outcome).toBeUndefined();
		// P(hot) = 0.4/2 = 0.2: E[cost] from 2·0.2 = 0.4 to 3·0.2 = 0.6.
		expect(a.score?.atLow).toBeCloseTo(0.4, 9);
		expect(a.score?.atHigh).toBeCloseTo(0.6, 9);
		expect(a.effect).toBeCloseTo(0.2 / 3, 9);
	});

	it('swings under the current settings: with p set to 0.6, the certain step moves P(late) alike but E[cost] more', () => {
		const { assumptions } = assumptionsCheck(loaded.compiled, {
			likelihoods: { 'crisis.b.b0:b.hot': 0.6 }
		});
		const a = assumptions.find((x) => x.id === 'crisis.a.a0:a.go')!;
		// E[cost] = 3·0.6/(1+v): 1.2 → 0.9.
		expect(a.score?.atLow).toBeCloseTo(1.2, 9);
		expect(a.score?.atHigh).toBeCloseTo(0.9, 9);
	});

	it('does not change the compiled scenario', () => {
		const before = JSON.stringify(loaded.model.states.get('crisis.b.hot')?.outcome);
		assumptionsCheck(loaded.compiled, {});
		expect(JSON.stringify(loaded.model.states.get('crisis.b.hot')?.outcome)).toBe(before);
	});
});

describe("ranked relative to each dimension's range (max − min)", () => {
	/*
	 * Two endings, A with 0.8 and B with 0.2 (both steps quoted: no likelihood is an assumption).
	 * A scores big 5 (scale 0–10), mid 2 (0–4), war 0 (0–1); B scores war 1. A score swings by
	 * one either way, clamped: the change in E[dim] is P(ending) × the swing's width, and its
	 * effect that change over the dimension's range:
	 *   A:war 0.8 × 1 / 1 = 0.8;  A:mid 0.8 × 2 / 4 = 0.4;  B:war 0.2 × 1 / 1 = 0.2;
	 *   A:big 0.8 × 2 / 10 = 0.16;  B:mid 0.2 × 1 / 4 = 0.05;  B:big 0.2 × 1 / 10 = 0.02.
	 */
	const text = `id: scales
title: Scales
sources: [memo]
actors: {}
dimensions:
  big: { label: Big, min: 0, max: 10 }
  mid: { label: Mid, min: 0, max: 4 }
  war: { label: War, min: 0, max: 1 }
statechart:
  initial: start
  states:
    start:
      on:
        - { event: go.a, target: a, by: chance, likelihood: 0.8, evidence: [{ quote: 'is likely', stance: supports }] }
        - { event: go.b, target: b, by: chance, likelihood: rest, evidence: [{ quote: 'will probably fight', stance: supports }] }
    a: { type: final, outcome: { label: A, scores: { big: 5, mid: 2, war: 0 } } }
    b: { type: final, outcome: { label: B, scores: { big: 0, mid: 0, war: 1 } } }
`;
	const result = loadScenario('scales.yaml', text, fixtureResolver);
	if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
	const { assumptions } = assumptionsCheck(result.value.compiled, {});

	it('lists every score, largest share of its range first', () => {
		expect(assumptions.map((a) => [a.id, Number(a.effect.toFixed(12))])).toEqual([
			['a:war', 0.8],
			['a:mid', 0.4],
			['b:war', 0.2],
			['a:big', 0.16],
			['b:mid', 0.05],
			['b:big', 0.02]
		]);
	});

	it("a wide range's relatively larger change outranks a binary score's full flip", () => {
		const rank = (id: string) => assumptions.findIndex((a) => a.id === id);
		// A:mid moves E[mid] by 1.6, 40 % of its range; B:war's flip moves E[war] by 0.2, all 20 %.
		expect(rank('a:mid')).toBeLessThan(rank('b:war'));
		// A:big moves E[big] by 1.6 too, but that is 16 % of its range: the flip comes first.
		expect(rank('b:war')).toBeLessThan(rank('a:big'));
		expect(assumptions.find((a) => a.id === 'a:big')?.score?.share).toBeCloseTo(0.16, 12);
	});
});

/** The steps of a scenario file with no quote at all, read from the YAML without Brink's model. */
function assumptionOnlySteps(text: string): string[] {
	const found: string[] = [];
	const visit = (node: Record<string, unknown>, path: string) => {
		for (const t of (node.on ?? []) as { event: string; evidence?: unknown[] }[])
			if (!t.evidence?.length) found.push(`${path}:${t.event}`);
		for (const [key, child] of Object.entries((node.states ?? {}) as Record<string, never>))
			visit(child, path ? `${path}.${key}` : key);
	};
	visit(parseYaml(text).statechart, '');
	return found;
}

describe('the shipped scenarios', () => {
	it.each(shippedIds)('%s: the register lists every assumption-only step and every score', (id) => {
		const text = readFileSync(
			resolve(import.meta.dirname, `../../../scenarios/${id}.yaml`),
			'utf8'
		);
		const { compiled } = loadShippedScenario(id);
		const { assumptions } = assumptionsCheck(compiled, {});
		const listed = new Set(
			assumptions.filter((a) => a.kind !== 'score').flatMap((a) => a.transitions)
		);
		const only = assumptionOnlySteps(text);
		expect(only.length).toBeGreaterThan(0);
		for (const step of only) expect(listed, step).toContain(step);
		const scores = (text.match(/^\s+scores: \{[^}]*\}/gm) ?? []).flatMap((line) =>
			[...line.matchAll(/(\w+):\s*-?\d/g)].map((m) => m[1])
		);
		expect(assumptions.filter((a) => a.kind === 'score')).toHaveLength(scores.length);
		for (let i = 1; i < assumptions.length; i++)
			expect(assumptions[i - 1].effect).toBeGreaterThanOrEqual(assumptions[i].effect - 1e-12);
	});
});

describe('the key assumptions given observations (assumptions.yaml by hand)', () => {
	/*
	 * Seen: b did not end late. Then b moved first (chance 1/(1+v)), and within that run hot has
	 * chance p and cool 1 − p whatever v is: P(hot | not late) = p, E[cost | not late] = 3p.
	 */
	const notLate = [{ event: 'crisis.b.late', happened: false }];
	const byId = (settings: Parameters<typeof assumptionsCheck>[1]) =>
		Object.fromEntries(
			assumptionsCheck(loaded.compiled, settings).assumptions.map((a) => [a.id, a])
		);
	const given = byId({ observations: notLate });

	it('with no observations, the same as before', () => {
		const strip = (r: ReturnType<typeof assumptionsCheck>) => ({ ...r, milliseconds: 0 });
		expect(strip(assumptionsCheck(loaded.compiled, { observations: [] }))).toEqual(
			strip(assumptionsCheck(loaded.compiled, {}))
		);
	});

	it('the silent range moves P(hot | not late) from 0.2 to 0.6, twice as far as before', () => {
		const a = given['crisis.b.b0:b.hot'];
		expect(a.outcome?.atLow).toBeCloseTo(0.2, 9);
		expect(a.outcome?.atHigh).toBeCloseTo(0.6, 9);
		// E[cost | not late] = 3p: 0.6 → 1.8, 0.4 of the scale.
		expect(a.score?.atLow).toBeCloseTo(0.6, 9);
		expect(a.score?.atHigh).toBeCloseTo(1.8, 9);
		expect(a.effect).toBeCloseTo(0.4, 9);
		expect(a.impossibleAt).toBeUndefined();
	});

	it('the certain step no longer moves anything: given b moved first, a does not matter', () => {
		const a = given['crisis.a.a0:a.go'];
		expect(a.outcome).toBeUndefined();
		expect(a.score).toBeUndefined();
		expect(a.effect).toBeCloseTo(0, 9);
	});

	it("a score swing sums over the conditioned endings: hot's cost 2 → 3 moves E[cost] 0.8 → 1.2", () => {
		const a = given['crisis.b.hot:cost'];
		expect(a.score?.atLow).toBeCloseTo(0.8, 9);
		expect(a.score?.atHigh).toBeCloseTo(1.2, 9);
	});

	it('an observation of probability 1 changes nothing', () => {
		// Region a always ends done.
		const sure = byId({ observations: [{ event: 'crisis.a.done', happened: true }] });
		const plain = byId({});
		for (const [id, a] of Object.entries(plain)) {
			expect(sure[id].effect).toBeCloseTo(a.effect, 9);
			expect(sure[id].outcome?.id).toBe(a.outcome?.id);
		}
	});

	it('an end under which the observations cannot happen is left out and named', () => {
		// A silent range [0, 0.5] for `go`, the rest `stay`; seen: `go` was taken. At go = 0 (the
		// range's low end) it cannot have been; given it, gone is certain.
		const text = `id: zero
title: Zero
sources: [memo]
actors: {}
statechart:
  initial: start
  states:
    start:
      on:
        - { event: go, target: gone, by: chance, likelihood: { range: [0, 0.5], basis: silent }, assumption: Silent. }
        - { event: stay, target: stayed, by: chance, likelihood: rest, assumption: The rest. }
    gone: { type: final, outcome: { label: Gone } }
    stayed: { type: final, outcome: { label: Stayed } }
`;
		const result = loadScenario('zero.yaml', text, fixtureResolver);
		if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
		const observations = [{ event: 'start:go', happened: true }];
		const { assumptions } = assumptionsCheck(result.value.compiled, { observations });
		const byId = Object.fromEntries(assumptions.map((a) => [a.id, a]));
		expect(byId['start:go'].impossibleAt).toEqual(['low']);
		// The rest is the range's remainder, swung with it (one row).
		expect(byId['start:stay']).toBeUndefined();
		// The possible end and the current value agree: gone is certain, nothing moves.
		expect(byId['start:go'].outcome).toBeUndefined();
		expect(byId['start:go'].effect).toBe(0);
	});
});
