import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../tests/unit/fixtures';
import { limits } from '../scenario/limits';
import { shippedById } from '../scenarios/registry';
import { analyze, intervalsFor } from './analyze';
import { reweight } from './explore';
import { drawInto, rangedTransitions, toInterval } from './interval';
import { Observed, ObserveError, type Observation } from './observe';
import { createRng } from './rng';

const ladder = loadFixture('ladder.yaml');
const wait = { choices: { 'west.posture': 'wait' } };
const crisis: Observation[] = [{ event: 'crisis', happened: true }];
const outcome = (a: { exact: { outcomes: { id: string; probability: number }[] } }, id: string) =>
	a.exact.outcomes.find((o) => o.id === id)?.probability ?? 0;

describe('analyze with observations', () => {
	it('equals the conditioned solve of Observed, and keeps the unconditioned beside it', () => {
		const plain = analyze(ladder.compiled, wait);
		const given = analyze(ladder.compiled, { ...wait, observations: crisis });
		const observed = new Observed(plain.chain, [], crisis, limits.maxReachable);
		const solved = observed.solve(observed.condition(observed.weights()).weights);
		for (const o of solved.outcomes) expect(outcome(given, o.id)).toBeCloseTo(o.probability, 12);
		// By hand: P(war | crisis) = 0.3 / 0.4.
		expect(outcome(given, 'war')).toBeCloseTo(0.75, 12);
		expect(given.observed?.probability).toBeCloseTo(0.4, 12);
		expect(given.unconditioned?.outcomes).toEqual(plain.exact.outcomes);
		expect(given.explored.size).toBe(plain.chain.size);
		// The chain the other analyses read is the conditioned product chain.
		expect(given.chain).not.toBe(given.explored);
		expect(given.chain.edgeProbability).not.toEqual(plain.chain.edgeProbability);
	});

	it('without observations, the analysis is the one of today', () => {
		const before = analyze(ladder.compiled, wait);
		const none = analyze(ladder.compiled, { ...wait, observations: [] });
		expect(none.chain).toBe(none.explored);
		expect(none.exact).toEqual(before.exact);
		expect(none.observed).toBeUndefined();
		expect(none.unconditioned).toBeUndefined();
	});

	it('an observation of probability 1 changes nothing', () => {
		const before = analyze(ladder.compiled, wait);
		const certain = analyze(ladder.compiled, {
			...wait,
			observations: [{ event: 'talks', happened: true }]
		});
		expect(certain.observed?.probability).toBeCloseTo(1, 12);
		for (const o of before.exact.outcomes)
			expect(outcome(certain, o.id)).toBeCloseTo(o.probability, 12);
	});

	it('an impossible observation throws the ObserveError naming why', () => {
		expect(() =>
			analyze(ladder.compiled, {
				...wait,
				observations: [{ event: 'war', within: 1, happened: true }]
			})
		).toThrow(ObserveError);
	});
});

describe('intervals under observations', () => {
	const scenario = shippedById().get('regional-escalation')!.compiled;
	const observations: Observation[] = [{ event: 'crisis.arms.fullPackage', happened: true }];

	it('each draw is conditioned: the same as conditioning the draws by hand', () => {
		const given = analyze(scenario, { observations });
		const intervals = intervalsFor(given, 40, 7)!;
		const chain = given.explored;
		const used = new Set(chain.edgeTransition);
		const ranged = rangedTransitions(scenario).filter((t) => used.has(t.index));
		const rng = createRng(7);
		const observed = new Observed(chain, [], observations, limits.maxReachable);
		const byOutcome = new Map<string, number[]>();
		const draw = given.values.slice();
		for (let i = 0; i < 40; i++) {
			drawInto(draw, ranged, rng);
			const c = observed.condition(observed.weights(reweight(chain, draw)));
			if (!(c.probability > 0)) continue;
			for (const o of observed.solve(c.weights).outcomes)
				byOutcome.set(o.id, [...(byOutcome.get(o.id) ?? []), o.probability]);
		}
		expect(Object.keys(intervals.outcomes).sort()).toEqual([...byOutcome.keys()].sort());
		for (const [id, values] of byOutcome) {
			const expected = toInterval(Float64Array.from(values));
			expect(intervals.outcomes[id].median).toBeCloseTo(expected.median, 12);
			expect(intervals.outcomes[id].low).toBeCloseTo(expected.low, 12);
		}
		// And they are not the unconditioned intervals.
		const plain = intervalsFor(analyze(scenario), 40, 7)!;
		const moved = Object.keys(plain.outcomes).some(
			(id) => Math.abs(plain.outcomes[id].median - (intervals.outcomes[id]?.median ?? 0)) > 1e-6
		);
		expect(moved).toBe(true);
	});
});
