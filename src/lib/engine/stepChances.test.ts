/**
 * The step-through's chances given observations, on the ladder by hand: talks fail with 0.4
 * (else hold: settled); in the crisis, waiting, the sides fight with 0.75 (war) or calm (settled).
 * P(settled) = 0.6 + 0.4 × 0.25 = 0.7.
 */
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../tests/unit/fixtures';
import { analyze } from './analyze';
import type { Observation } from './observe';
import { stepChances } from './stepChances';

const { compiled } = loadFixture('ladder.yaml');
const [fail, hold] = ['talks:talks.fail', 'talks:talks.hold'];
const [fight, calm] = ['crisis:crisis.fight', 'crisis:crisis.calm'];
const chancesAfter = (observations: Observation[], path: string[]) =>
	stepChances(analyze(compiled, { observations }), path);
const rounded = (m: Map<string, number> | undefined) =>
	Object.fromEntries([...(m ?? [])].map(([id, p]) => [id, Number(p.toFixed(12))]));

describe('stepChances, by hand on the ladder', () => {
	it.each([
		{
			name: 'seen settled, at the start: fail = P(fail and settled) / P(settled) = 0.1 / 0.7',
			observations: [{ event: 'settled', happened: true }],
			path: [],
			next: { [fail]: Number((0.1 / 0.7).toFixed(12)), [hold]: Number((0.6 / 0.7).toFixed(12)) }
		},
		{
			name: 'seen settled, after talks failed: only calm leads there',
			observations: [{ event: 'settled', happened: true }],
			path: [fail],
			next: { [fight]: 0, [calm]: 1 }
		},
		{
			name: 'seen a crisis, at the start: talks must fail',
			observations: [{ event: 'crisis', happened: true }],
			path: [],
			next: { [fail]: 1, [hold]: 0 }
		},
		{
			name: 'seen a crisis, once in it: the crisis tells nothing more',
			observations: [{ event: 'crisis', happened: true }],
			path: [fail],
			next: { [fight]: 0.75, [calm]: 0.25 }
		},
		{
			name: 'an observation of probability 1 (the start) changes nothing',
			observations: [{ event: 'talks', happened: true }],
			path: [],
			next: { [fail]: 0.4, [hold]: 0.6 }
		},
		{
			name: 'seen a crisis within 1 step: by the monitor, the step count matters',
			observations: [{ event: 'crisis', within: 1, happened: true }],
			path: [fail],
			next: { [fight]: 0.75, [calm]: 0.25 }
		}
	])('$name', ({ observations, path, next }) => {
		const chances = chancesAfter(observations, path);
		expect(chances?.possible).toBe(true);
		expect(rounded(chances?.next)).toEqual(next);
	});

	it('the chance of each step taken, given the observations and the steps before it', () => {
		const chances = chancesAfter([{ event: 'settled', happened: true }], [fail, calm]);
		expect(chances?.taken.map((p) => Number(p.toFixed(12)))).toEqual([
			Number((0.1 / 0.7).toFixed(12)),
			1
		]);
		// At an end, nothing is next.
		expect(chances?.next.size).toBe(0);
	});

	it('a step that rules the observations out: not possible, and which step did it', () => {
		const chances = chancesAfter([{ event: 'crisis', happened: true }], [hold]);
		expect(chances).toMatchObject({ possible: false, taken: [0], ruledOutAt: 1 });
		expect(chances?.next.size).toBe(0);
	});

	it('undefined without observations, or for a path the chain does not have', () => {
		expect(stepChances(analyze(compiled), [])).toBeUndefined();
		expect(chancesAfter([{ event: 'crisis', happened: true }], [fight])).toBeUndefined();
	});
});
