import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureResolver, fixturesDir, loadFixture } from '../../../tests/unit/fixtures';
import { parseText } from '../scenario/parse';
import { validateDocument } from '../scenario/validate';
import { analyze } from './analyze';
import { compile, likelihoodValues } from './compile';
import { explore, isAbsorbing, reweight } from './explore';
import type { LoadedScenario } from './load';
import { components, LoopError, solveExact, type ExactResult } from './solve';

const load = loadFixture;
const dir = fixturesDir;
const ladder = load('ladder.yaml');
const regions = load('regions.yaml');

const probabilityOf = (result: ExactResult, id: string) =>
	result.outcomes.find((o) => o.id === id)!.probability;
const flowOf = (result: ExactResult, loaded: LoadedScenario, event: string) =>
	result.transitionFlow[loaded.model.transitions.find((t) => t.event === event)!.index];

describe('ladder, by hand', () => {
	// talks: fail 0.4 (escalation +1) or hold 0.6 → settled.
	// crisis under wait: fight 0.75 (escalation +2) → war, calm 0.25 → settled; under press: press (certain) → settled.
	it.each([
		{
			posture: 'wait',
			settled: 0.6 + 0.4 * 0.25,
			war: 0.4 * 0.75,
			escalation: 0.4 * 0.75 * 3 + 0.4 * 0.25 * 1,
			peace: (0.6 + 0.4 * 0.25) * 1 + 0.4 * 0.75 * -1,
			flow: {
				'talks.fail': 0.4,
				'talks.hold': 0.6,
				'west.press': 0,
				'crisis.fight': 0.4 * 0.75,
				'crisis.calm': 0.4 * 0.25
			}
		},
		{
			posture: 'press',
			settled: 1,
			war: 0,
			escalation: 0.4 * 1,
			peace: 1,
			flow: {
				'talks.fail': 0.4,
				'talks.hold': 0.6,
				'west.press': 0.4,
				'crisis.fight': 0,
				'crisis.calm': 0
			}
		}
	])(
		'west.posture=$posture: P(war) = $war',
		({ posture, settled, war, escalation, peace, flow }) => {
			const { exact } = analyze(ladder.compiled, { choices: { 'west.posture': posture } });
			expect(probabilityOf(exact, 'settled')).toBeCloseTo(settled, 12);
			expect(probabilityOf(exact, 'war')).toBeCloseTo(war, 12);
			expect(exact.indicators.escalation).toBeCloseTo(escalation, 12);
			expect(exact.dimensions.peace).toBeCloseTo(peace, 12);
			// One step out of talks, and one more out of crisis in the 40 % of runs that reach it.
			expect(exact.expectedSteps).toBeCloseTo(1 + 0.4, 12);
			for (const [event, expected] of Object.entries(flow))
				expect(flowOf(exact, ladder, event), event).toBeCloseTo(expected, 12);
			expect(exact.method).toBe('exact');
		}
	);

	it('lists the endings, likeliest first, with their labels', () => {
		const { exact } = analyze(ladder.compiled);
		expect(exact.endings.map((e) => e.label)).toEqual(['Settled', 'War']);
		expect(exact.endings[0].probability).toBeCloseTo(0.7, 12);
		expect(
			exact.outcomes.map((o) => ({ id: o.id, label: o.label, region: o.region, scores: o.scores }))
		).toEqual([
			{ id: 'settled', label: 'Settled', region: '', scores: { peace: 1 } },
			{ id: 'war', label: 'War', region: '', scores: { peace: -1 } }
		]);
	});

	it('visits talks once and crisis 0.4 times; absorbing visits are end probabilities', () => {
		const { chain, exact } = analyze(ladder.compiled);
		const visitsOf = (leaf: string, escalation: number) => {
			const s = chain.leaves.findIndex(
				(l, i) => l.join('|') === leaf && chain.indicators[i] === escalation
			);
			expect(s, `${leaf}|${escalation}`).toBeGreaterThanOrEqual(0);
			return exact.visits[s];
		};
		expect(visitsOf('talks', 0)).toBeCloseTo(1, 12);
		expect(visitsOf('crisis', 1)).toBeCloseTo(0.4, 12);
		expect(visitsOf('settled', 0)).toBeCloseTo(0.6, 12);
		expect(visitsOf('settled', 1)).toBeCloseTo(0.1, 12);
		expect(visitsOf('war', 3)).toBeCloseTo(0.3, 12);
	});
});

/** Solve a 2×2 system by Cramer's rule: a11 x + a12 y = b1, a21 x + a22 y = b2. */
function cramer(
	a11: number,
	a12: number,
	a21: number,
	a22: number,
	b1: number,
	b2: number
): [number, number] {
	const det = a11 * a22 - a12 * a21;
	return [(b1 * a22 - a12 * b2) / det, (a11 * b2 - b1 * a21) / det];
}

/**
 * The regions scenario by hand, for flare-up probability p. Each step one of the regions that can
 * move moves (1/2 each while both can). The front does not look at the talks, so its outcome is that
 * of its own chain: P(calm) = (1 − p) / (1 − p/2). The talks deal (0.3) only while the front is not
 * hot; with the front hot they stall (hold) or collapse (push).
 */
function regionsByHand(p: number, push: boolean) {
	const frontCalm = (1 - p) / (1 - p / 2);
	const frontWar = 1 - frontCalm;
	// Deal from (quiet, open) and (hot, open); 0.3 once the front is final.
	// Dq = 0.5·0.3 + 0.5·(p·Dh + (1 − p)·0.3);  Dh = 0.5·0 + 0.5·(0.5·Dq + 0.5·0.3)
	const [deal] = cramer(1, -0.5 * p, -0.25, 1, 0.15 + 0.15 * (1 - p), 0.075);
	// Collapse (push only): Fq = 0.5·(p·Fh);  Fh = 0.5·1 + 0.5·(0.5·Fq)
	const [failed] = push ? cramer(1, -0.5 * p, -0.25, 1, 0, 0.5) : [0];
	// The talks move once; the front moves Mq = (1 + p) / (1 − p/2) times from quiet.
	const steps = 1 + (1 + p) / (1 - p / 2);
	return { frontCalm, frontWar, deal, failed, stalled: 1 - deal - failed, steps };
}

describe('regions, by hand', () => {
	const p = (0.55 + 0.8) / 2; // the middle of "likely"

	it('front calm is 0.325 / (1 − 0.3375) at the middle of "likely"', () => {
		const { exact } = analyze(regions.compiled);
		expect(probabilityOf(exact, 'crisis.front.calm')).toBeCloseTo(0.325 / (1 - 0.3375), 12);
	});

	it.each([
		{ stance: 'hold', push: false },
		{ stance: 'push', push: true }
	])('north.stance=$stance', ({ stance, push }) => {
		const expected = regionsByHand(p, push);
		const { exact } = analyze(regions.compiled, { choices: { 'north.stance': stance } });
		expect(probabilityOf(exact, 'crisis.front.calm')).toBeCloseTo(expected.frontCalm, 12);
		expect(probabilityOf(exact, 'crisis.front.war')).toBeCloseTo(expected.frontWar, 12);
		expect(probabilityOf(exact, 'crisis.talks.deal')).toBeCloseTo(expected.deal, 12);
		expect(probabilityOf(exact, 'crisis.talks.failed')).toBeCloseTo(expected.failed, 12);
		expect(probabilityOf(exact, 'crisis.talks.stalled')).toBeCloseTo(expected.stalled, 12);
		// Heat is 1 exactly when the front ends at war (it went hot and never cooled).
		expect(exact.indicators.heat).toBeCloseTo(expected.frontWar, 12);
		// cost: front war 3, talks failed 1, deal −1, the rest 0
		expect(exact.dimensions.cost).toBeCloseTo(
			3 * expected.frontWar + expected.failed - expected.deal,
			12
		);
		expect(exact.expectedSteps).toBeCloseTo(expected.steps, 12);
		// Visits to quiet: 1 / (1 − p/2); each visit flares with p, calms with 1 − p.
		const quietVisits = 1 / (1 - p / 2);
		expect(flowOf(exact, regions, 'front.flare')).toBeCloseTo(p * quietVisits, 12);
		expect(flowOf(exact, regions, 'front.calm')).toBeCloseTo((1 - p) * quietVisits, 12);
		expect(flowOf(exact, regions, 'front.cool')).toBeCloseTo(0.5 * p * quietVisits, 12);
	});

	it.each([{ p: 0.55 }, { p: 0.6 }, { p: 0.8 }])(
		're-weighted to flare-up $p without exploring again',
		({ p: value }) => {
			const { chain, values } = analyze(regions.compiled);
			const flare = regions.model.transitions.find((t) => t.event === 'front.flare')!;
			const changed = values.slice();
			changed[flare.index] = value;
			const before = chain.edgeProbability.slice();
			const exact = solveExact(chain, reweight(chain, changed));
			const expected = regionsByHand(value, false);
			expect(probabilityOf(exact, 'crisis.front.calm')).toBeCloseTo(expected.frontCalm, 12);
			expect(probabilityOf(exact, 'crisis.talks.deal')).toBeCloseTo(expected.deal, 12);
			expect(chain.edgeProbability).toEqual(before);
		}
	);

	it('solves a chain whose graph has loops (hot → quiet → hot)', () => {
		const { chain } = analyze(regions.compiled);
		const loops = components(chain).filter((c) => c.length > 1);
		expect(loops.length).toBeGreaterThan(0);
		for (const loop of loops) {
			const fronts = new Set(
				loop.flatMap((s) => chain.leaves[s].filter((l) => l.startsWith('crisis.front.')))
			);
			expect(fronts).toEqual(new Set(['crisis.front.quiet', 'crisis.front.hot']));
		}
	});
});

describe('invariants of the exact result', () => {
	it.each<{ name: string; loaded: LoadedScenario; choices: Record<string, string> }>([
		{ name: 'ladder wait', loaded: ladder, choices: { 'west.posture': 'wait' } },
		{ name: 'ladder press', loaded: ladder, choices: { 'west.posture': 'press' } },
		{ name: 'regions hold', loaded: regions, choices: { 'north.stance': 'hold' } },
		{ name: 'regions push', loaded: regions, choices: { 'north.stance': 'push' } }
	])(
		'$name: outcomes add up to 1 per region, ends to 1, steps to the flow',
		({ loaded, choices }) => {
			const { chain, exact } = analyze(loaded.compiled, { choices });
			const byRegion = new Map<string, number>();
			for (const o of exact.outcomes)
				byRegion.set(o.region, (byRegion.get(o.region) ?? 0) + o.probability);
			expect(byRegion.size).toBe(
				loaded.model.regions.filter((r) =>
					[...loaded.model.states.values()].some((s) => s.region === r && s.kind === 'final')
				).length
			);
			for (const [region, total] of byRegion) expect(total, region).toBeCloseTo(1, 12);
			let ends = 0;
			for (let s = 0; s < chain.size; s++) if (isAbsorbing(chain, s)) ends += exact.visits[s];
			expect(ends).toBeCloseTo(1, 12);
			expect(exact.endings.reduce((sum, e) => sum + e.probability, 0)).toBeCloseTo(1, 12);
			// Every step fires one transition.
			expect(exact.transitionFlow.reduce((a, b) => a + b, 0)).toBeCloseTo(exact.expectedSteps, 12);
		}
	);
});

describe('a state that loops to itself before leaving', () => {
	// talks: retry 0.5 (back to talks), fail 0.2 → crisis, hold rest 0.3 → settled.
	const text = readFileSync(join(dir, 'ladder.yaml'), 'utf8')
		.replace('likelihood: 0.4', 'likelihood: 0.2')
		.replace(
			'        - event: talks.hold',
			'        - { event: talks.retry, target: talks, by: chance, likelihood: 0.5, assumption: Talks resume. }\n        - event: talks.hold'
		);
	const resolver = fixtureResolver;

	it('visits talks 1 / (1 − 0.5) = 2 times and ends as if retry did not exist', () => {
		const parsed = parseText('retry.yaml', text);
		if (!parsed.ok) throw new Error(parsed.diagnostics[0].message);
		const validated = validateDocument(parsed.document, resolver);
		if (!validated.ok) throw new Error(validated.diagnostics[0].message);
		const compiled = compile(validated.value.model);
		const chain = explore(compiled, compiled.defaultChoices, likelihoodValues(compiled));
		const exact = solveExact(chain);
		// Leaving talks: fail 0.2 / 0.5 = 0.4, hold 0.3 / 0.5 = 0.6, as in the ladder.
		expect(exact.outcomes.find((o) => o.id === 'war')!.probability).toBeCloseTo(0.4 * 0.75, 12);
		expect(exact.visits[0]).toBeCloseTo(2, 12);
		expect(exact.expectedSteps).toBeCloseTo(2 + 0.4, 12);
		expect(
			exact.transitionFlow[compiled.model.transitions.find((t) => t.event === 'talks.retry')!.index]
		).toBeCloseTo(1, 12);
	});
});

describe('a loop left by a tiny exit', () => {
	// talks: retry the rest (back to talks), or fail 1e-9 → crisis; nothing else leaves talks.
	const text = readFileSync(join(dir, 'ladder.yaml'), 'utf8')
		.replace('likelihood: 0.4', 'likelihood: 0.000000001')
		.replace(
			/ {8}- event: talks\.hold\n(?: {10}.*\n)+?(?= {4}crisis:)/,
			'        - { event: talks.retry, target: talks, by: chance, likelihood: rest, assumption: Talks resume. }\n'
		);

	it('ends with probabilities that add up to 1 within 1e-12, not 1.00000003 (the exit summed, not 1 − stay)', () => {
		const parsed = parseText('tiny.yaml', text);
		if (!parsed.ok) throw new Error(parsed.diagnostics[0].message);
		const validated = validateDocument(parsed.document, fixtureResolver);
		if (!validated.ok) throw new Error(validated.diagnostics[0].message);
		const compiled = compile(validated.value.model);
		const exact = solveExact(
			explore(compiled, compiled.defaultChoices, likelihoodValues(compiled))
		);
		const total = exact.outcomes.reduce((sum, o) => sum + o.probability, 0);
		expect(Math.abs(total - 1)).toBeLessThan(1e-12);
		// Every run leaves talks once through its only exit, after 1e9 visits on average.
		expect(exact.visits[0]).toBeCloseTo(1e9, 0);
		expect(exact.outcomes.find((o) => o.id === 'war')!.probability).toBeCloseTo(0.75, 12);
	});
});

describe('loops with no exit', () => {
	const text = readFileSync(join(dir, 'ladder.yaml'), 'utf8');
	const resolver = fixtureResolver;
	const trapped = (states: string) => {
		const edited = text
			.replace(
				'        - event: crisis.calm\n          target: settled',
				'        - event: crisis.calm\n          target: limbo'
			)
			.replace('    settled:\n', `${states}    settled:\n`);
		const parsed = parseText('trap.yaml', edited);
		if (!parsed.ok) throw new Error(parsed.diagnostics[0].message);
		const validated = validateDocument(parsed.document, resolver);
		if (!validated.ok) throw new Error(validated.diagnostics[0].message);
		const compiled = compile(validated.value.model);
		return explore(compiled, compiled.defaultChoices, likelihoodValues(compiled));
	};

	it.each([
		{
			name: 'a state that only loops to itself',
			states:
				'    limbo:\n      on:\n        - { event: limbo.stay, target: limbo, by: chance, assumption: x }\n',
			leaves: [['limbo']]
		},
		{
			name: 'two states that loop to each other',
			states:
				'    limbo:\n      on:\n        - { event: limbo.go, target: limbo2, by: chance, assumption: x }\n    limbo2:\n      on:\n        - { event: limbo2.go, target: limbo, by: chance, assumption: x }\n',
			leaves: [['limbo'], ['limbo2']]
		}
	])('throws LoopError for $name', ({ states, leaves }) => {
		const chain = trapped(states);
		expect(() => solveExact(chain)).toThrow(LoopError);
		try {
			solveExact(chain);
		} catch (error) {
			expect(error).toBeInstanceOf(LoopError);
			const loop = error as LoopError;
			expect([...loop.leaves].sort()).toEqual(leaves);
			expect(loop.message).toMatch(/^a loop with no exit: limbo/);
		}
	});
});
