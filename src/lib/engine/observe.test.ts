import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../tests/unit/fixtures';
import { shippedById } from '../scenarios/registry';
import { analyze, type Analysis } from './analyze';
import { likelihoodValues } from './compile';
import { explore } from './explore';
import { checkObservations, Observed, ObserveError, type Observation } from './observe';
import { limits } from '../scenario/limits';

const ladder = loadFixture('ladder.yaml');
const regions = loadFixture('regions.yaml');
// talks: fail 0.4 → crisis, hold 0.6 → settled; crisis under wait: fight 0.75 → war, calm 0.25.
const wait = analyze(ladder.compiled, { choices: { 'west.posture': 'wait' } });
const press = analyze(ladder.compiled, { choices: { 'west.posture': 'press' } });

const max = limits.maxReachable;

/** P(outcome `leaf` | observations) and P(observations), through the conditioned chain. */
function conditioned(analysis: Analysis, observations: Observation[]) {
	const observed = new Observed(analysis.chain, [], observations, max);
	const { probability, weights } = observed.condition(observed.weights());
	const solved = observed.solve(weights);
	const outcome = (leaf: string) => solved.outcomes.find((o) => o.id === leaf)!.probability;
	return { probability, outcome, solved };
}

/** P(event within k | observations), as a query asks it. */
function probabilityOf(
	analysis: Analysis,
	event: { event: string; within?: number },
	observations: Observation[] = []
): number {
	const observed = new Observed(analysis.chain, [event], observations, max);
	const weights = observed.weights();
	const { probability, weights: w } = observed.condition(weights);
	if (probability === 0) return Number.NaN;
	return observed.chance(w, 1, 1)[0];
}

describe('conditioning on the ladder, by hand (Bayes on the chain)', () => {
	it.each([
		// P(war | crisis) = 0.3 / 0.4; P(settled | crisis) = 0.1 / 0.4.
		{ given: [{ event: 'crisis', happened: true }], p: 0.4, war: 0.75, settled: 0.25 },
		// Without a crisis, every run settles.
		{ given: [{ event: 'crisis', happened: false }], p: 0.6, war: 0, settled: 1 },
		// A transition taken: talks fail is the same event as reaching the crisis here.
		{ given: [{ event: 'talks:talks.fail', happened: true }], p: 0.4, war: 0.75, settled: 0.25 },
		// Calm taken: settled for sure; P = 0.4 × 0.25.
		{ given: [{ event: 'crisis:crisis.calm', happened: true }], p: 0.1, war: 0, settled: 1 },
		// Settled within one step: the talks held (0.6).
		{ given: [{ event: 'settled', within: 1, happened: true }], p: 0.6, war: 0, settled: 1 },
		// Not settled within one step: the crisis (0.4), then war 0.75.
		{ given: [{ event: 'settled', within: 1, happened: false }], p: 0.4, war: 0.75, settled: 0.25 }
	])('$given.0.event $given.0.happened within $given.0.within', ({ given, p, war, settled }) => {
		const c = conditioned(wait, given);
		expect(c.probability).toBeCloseTo(p, 12);
		expect(c.outcome('war')).toBeCloseTo(war, 12);
		expect(c.outcome('settled')).toBeCloseTo(settled, 12);
	});

	it('expected scores given an event: E[peace | crisis] = 0.75 × −1 + 0.25 × 1', () => {
		expect(
			conditioned(wait, [{ event: 'crisis', happened: true }]).solved.dimensions.peace
		).toBeCloseTo(-0.5, 12);
	});

	it.each([
		{ event: 'war', within: undefined, given: [], p: 0.3 },
		{ event: 'war', within: 1, given: [], p: 0 },
		{ event: 'war', within: 2, given: [], p: 0.3 },
		{ event: 'war', within: undefined, given: [{ event: 'crisis', happened: true }], p: 0.75 },
		{
			event: 'crisis',
			within: undefined,
			given: [{ event: 'war', happened: false }],
			p: 0.1 / 0.7
		},
		{ event: 'settled', within: 1, given: [{ event: 'war', happened: false }], p: 0.6 / 0.7 }
	])('P($event within $within | …) = $p', ({ event, within, given, p }) => {
		expect(probabilityOf(wait, { event, within }, given)).toBeCloseTo(p, 12);
	});

	it('expected steps until an event, in the runs where it happens', () => {
		const observed = new Observed(wait.chain, [{ event: 'war' }, { event: 'settled' }], [], max);
		const weights = observed.weights();
		expect(observed.stepsUntil(weights, 0)).toBeCloseTo(2, 12);
		// Settled after one step (0.6) or two (0.1): (0.6 × 1 + 0.1 × 2) / 0.7.
		expect(observed.stepsUntil(weights, 1)).toBeCloseTo(0.8 / 0.7, 12);
		const never = new Observed(press.chain, [{ event: 'war' }], [], max);
		expect(never.stepsUntil(never.weights(), 0)).toBeNaN();
	});

	it('the curve of "within k steps"', () => {
		const observed = new Observed(wait.chain, [{ event: 'settled' }], [], max);
		const curve = observed.curve(observed.condition(observed.weights()).weights, 0, 3);
		expect(curve.map((v) => Number(v.toFixed(12)))).toEqual([0.6, 0.7, 0.7]);
		const given = new Observed(
			wait.chain,
			[{ event: 'war' }],
			[{ event: 'crisis', happened: true }],
			max
		);
		const w = given.condition(given.weights()).weights;
		expect(given.curve(w, 0, 3).map((v) => Number(v.toFixed(12)))).toEqual([0, 0.75, 0.75]);
	});
});

describe('an impossible observation is refused, naming what makes it impossible', () => {
	const zero = likelihoodValues(ladder.compiled);
	zero[ladder.compiled.model.transitions.find((t) => t.id === 'talks:talks.fail')!.index] = 0;
	const noFail = explore(ladder.compiled, { 'west.posture': 'wait' }, zero);
	it.each([
		{
			name: 'a step with likelihood 0',
			chain: noFail,
			observations: [{ event: 'war', happened: true }],
			message: /\(talks:talks.fail\)/,
			also: /likelihood 0/
		},
		{
			name: 'a step these choices leave out',
			chain: press.chain,
			observations: [{ event: 'crisis:crisis.fight', happened: true }],
			message: /no run of the model reaches it/,
			also: /condition \(when\)/
		},
		{
			name: 'too few steps',
			chain: wait.chain,
			observations: [{ event: 'war', within: 1, happened: true }],
			message: /earliest it can happen is step 2/,
			also: /within 2/
		},
		{
			name: 'an event that always happens',
			chain: wait.chain,
			observations: [{ event: 'talks', happened: false }],
			message: /always happens/,
			also: /settings/
		},
		{
			name: 'two observations that exclude each other',
			chain: wait.chain,
			observations: [
				{ event: 'war', happened: true },
				{ event: 'settled', happened: true }
			],
			message: /cannot both hold/,
			also: /take one/
		}
	])('$name', ({ chain, observations, message, also }) => {
		const probabilities = chain.edgeProbability;
		let error: unknown;
		try {
			checkObservations(chain, observations, probabilities, max);
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(ObserveError);
		expect((error as ObserveError).message).toMatch(message);
		expect(`${(error as ObserveError).message} ${(error as ObserveError).hint}`).toMatch(also);
	});

	it('a possible observation returns its probability', () => {
		expect(
			checkObservations(
				wait.chain,
				[{ event: 'crisis', happened: true }],
				wait.chain.edgeProbability,
				max
			)
		).toBeCloseTo(0.4, 12);
	});
});

const cases = [
	{ name: 'regions (a loop)', analysis: analyze(regions.compiled) },
	...[...shippedById().values()].map((loaded) => ({
		name: loaded.scenario.id,
		analysis: analyze(loaded.compiled)
	}))
];

describe.each(cases)('$name: conditioning agrees with the whole', ({ analysis }) => {
	const { chain, exact } = analysis;
	const model = chain.compiled.model;
	const states = [...model.states.keys()].filter((p) => p !== '');

	it('observing an event of probability 1 changes nothing', () => {
		const certain = states.filter((s) => probabilityOf(analysis, { event: s }) > 1 - 1e-12);
		expect(certain.length).toBeGreaterThan(0);
		for (const event of certain) {
			const c = conditioned(analysis, [{ event, happened: true }]);
			for (const o of exact.outcomes)
				expect(c.outcome(o.id), `${event} → ${o.id}`).toBeCloseTo(o.probability, 10);
			for (const [dim, v] of Object.entries(exact.dimensions))
				expect(c.solved.dimensions[dim], `${event} → ${dim}`).toBeCloseTo(v, 10);
		}
	});

	it('P(o) = P(o | s) P(s) + P(o | not s) P(not s) for every state s that may or may not happen', () => {
		let checked = 0;
		for (const s of states) {
			const yes = new Observed(chain, [], [{ event: s, happened: true }], max);
			const p = yes.chance(yes.weights())[0];
			if (p < 1e-9 || p > 1 - 1e-9) continue;
			const given = conditioned(analysis, [{ event: s, happened: true }]);
			const givenNot = conditioned(analysis, [{ event: s, happened: false }]);
			expect(givenNot.probability).toBeCloseTo(1 - p, 10);
			for (const o of exact.outcomes)
				expect(
					given.outcome(o.id) * p + givenNot.outcome(o.id) * (1 - p),
					`${s} → ${o.id}`
				).toBeCloseTo(o.probability, 10);
			checked++;
		}
		expect(checked).toBeGreaterThan(0);
	});
});
