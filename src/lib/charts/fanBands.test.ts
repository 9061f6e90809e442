import { describe, expect, it } from 'vitest';
import type { FanPoint, FanResult } from '$lib/engine/fan';
import {
	capFan,
	fanDomain,
	fanPaths,
	fanSummary,
	formatShare,
	levelMarks,
	niceTicks,
	settledNote
} from './fanBands';

const at = (t: number, [p5, p25, median, p75, p95]: number[], mean: number): FanPoint => ({
	t,
	p5,
	p25,
	median,
	p75,
	p95,
	mean
});

// The ladder fixture under "wait" (see fan.test.ts): 0 → {0: 0.6, 1: 0.4} → {0: 0.6, 1: 0.1, 3: 0.3}.
const ladder = [at(0, [0, 0, 0, 0, 0], 0), at(1, [0, 0, 0, 1, 1], 0.4), at(2, [0, 0, 0, 3, 3], 1)];
const identity = (v: number) => v;

describe('fanPaths', () => {
	it('draws the bands and the median as steps centred on each step, the mean as a line', () => {
		// Scales: x = 10·t, y = 100 − 10·v (up is more).
		const paths = fanPaths(
			ladder,
			(t) => 10 * t,
			(v) => 100 - 10 * v
		);
		expect(paths.median).toBe('M0,100L5,100L5,100L15,100L15,100L20,100');
		expect(paths.mean).toBe('M0,100L10,96L20,90');
		// Upper edge p95 left to right (0 → 1 at x 5, 1 → 3 at x 15), then p5 back right to left.
		expect(paths.outer).toBe(
			'M0,100L5,100L5,90L15,90L15,70L20,70L20,100L15,100L15,100L5,100L5,100L0,100Z'
		);
		expect(paths.inner).toBe(paths.outer); // p25 = p5 and p75 = p95 here
	});

	it.each([
		{ name: 'no points', points: [], expected: { outer: '', inner: '', median: '', mean: '' } },
		{
			name: 'one point',
			points: [at(0, [1, 2, 3, 4, 5], 3)],
			expected: { outer: 'M0,5L0,1Z', inner: 'M0,4L0,2Z', median: 'M0,3Z', mean: 'M0,3Z' }
		}
	])('$name', ({ points, expected }) => {
		expect(fanPaths(points, identity, identity)).toEqual(expected);
	});
});

describe('fanDomain', () => {
	it.each([
		{ name: 'declared min and max', bounds: { min: 0, max: 4 }, expected: [0, 4] },
		{ name: 'from the data', bounds: {}, expected: [0, 3] },
		{ name: 'min only', bounds: { min: -2 }, expected: [-2, 3] },
		{ name: 'max only', bounds: { max: 5 }, expected: [0, 5] }
	])('$name', ({ bounds, expected }) => {
		expect(fanDomain(ladder, bounds)).toEqual(expected);
	});

	it.each([
		{ name: 'a flat series gets a unit either side', points: [ladder[0]], expected: [-1, 1] },
		{ name: 'no points and no bounds', points: [], expected: [0, 1] },
		{ name: 'the mean counts', points: [at(0, [1, 1, 1, 1, 1], 1.5)], expected: [1, 1.5] }
	])('$name', ({ points, expected }) => {
		expect(fanDomain(points)).toEqual(expected);
	});
});

describe('niceTicks', () => {
	it.each([
		{ low: 0, high: 2, count: 4, whole: true, expected: [0, 1, 2] },
		{ low: 0, high: 2, count: 4, whole: false, expected: [0, 0.5, 1, 1.5, 2] },
		{ low: 0, high: 10, count: 5, whole: true, expected: [0, 2, 4, 6, 8, 10] },
		{ low: -3, high: 0, count: 3, whole: true, expected: [-3, -2, -1, 0] },
		{ low: 0, high: 40, count: 0, whole: true, expected: [0] }
	])('$low..$high, about $count, whole $whole', ({ low, high, count, whole, expected }) => {
		expect(niceTicks(low, high, count, whole)).toEqual(expected);
	});
});

describe('fanSummary', () => {
	const escalation = { label: 'Escalation' };
	it.each([
		{
			points: ladder,
			expected:
				'Escalation: median 0 throughout; 90\u00a0% of runs between 0 and 3 at the end (step 2); mean 1, in levels'
		},
		{
			points: [
				at(0, [0, 0, 0, 0, 0], 0),
				at(1, [-3, -2, -1, 0, 0], -1),
				at(2, [-3, -1, -1, 0, 0], -1.2)
			],
			expected:
				'Escalation: median −1 from step 1 on; 90\u00a0% of runs between −3 and 0 at the end (step 2); mean −1.2, in levels'
		},
		{
			points: [at(0, [0, 0, 0, 0, 0], 0), at(1, [2, 2, 2, 2, 2], 1.995)],
			expected:
				'Escalation: median 2 from step 1 on; at least 90\u00a0% of runs at 2 at the end (step 1); mean 2, in levels'
		},
		{ points: [], expected: 'Escalation: no steps' }
	])('$expected', ({ points, expected }) => {
		expect(fanSummary(escalation, points)).toBe(expected);
	});

	it('names the levels the scenario names, and says its unit', () => {
		const named = { label: 'Rung', unit: 'rungs', levels: { '0': 'talks', '3': 'war' } };
		expect(fanSummary(named, ladder)).toBe(
			'Rung: median 0 (talks) throughout; 90\u00a0% of runs between 0 (talks) and 3 (war) at the end (step 2); mean 1, in rungs'
		);
	});
});

describe('levelMarks', () => {
	const rung = { label: 'Rung', levels: { '0': 'talks', '1': 'fire', '2': 'war' } };
	const y = (v: number) => 100 - 40 * v;
	it.each([
		{
			name: 'each named tick above its line, the top one below it',
			scale: rung,
			ticks: [0, 1, 2],
			expected: [
				{ value: 0, name: 'talks', y: 97 },
				{ value: 1, name: 'fire', y: 57 },
				{ value: 2, name: 'war', y: 31 }
			]
		},
		{
			name: 'only the named ones',
			scale: { label: 'Rung', levels: { '1': 'fire' } },
			ticks: [0, 1, 2],
			expected: [{ value: 1, name: 'fire', y: 57 }]
		},
		{ name: 'no levels named', scale: { label: 'Rung' }, ticks: [0, 1, 2], expected: [] },
		{ name: 'a lone tick', scale: rung, ticks: [1], expected: [{ value: 1, name: 'fire', y: 57 }] }
	])('$name', ({ scale, ticks, expected }) => {
		expect(levelMarks(scale, ticks, y)).toEqual(expected);
	});

	it('leaves the names out where the ticks stand too close for them', () => {
		expect(levelMarks(rung, [0, 1, 2], (v) => 100 - 10 * v)).toEqual([]);
	});
});

const fan: FanResult = {
	steps: 3,
	unabsorbed: [1, 0.5, 0.25, 0.125],
	indicators: { heat: [0, 1, 2, 3].map((t) => at(t, [0, 0, t, t, t], t / 2)) }
};

describe('capFan', () => {
	it('keeps a fan that settles within the cap as it is', () => {
		expect(capFan(fan, 3)).toBe(fan);
	});

	it('cuts a longer fan to steps 0..cap, without mutating it', () => {
		const before = structuredClone(fan);
		const cut = capFan(fan, 2);
		expect(cut.steps).toBe(2);
		expect(cut.unabsorbed).toEqual([1, 0.5, 0.25]);
		expect(cut.indicators.heat.map((p) => p.t)).toEqual([0, 1, 2]);
		expect(fan).toEqual(before);
	});

	it.each([0, -1, 1.5, Number.NaN])('cap %s is an error', (cap) => {
		expect(() => capFan(fan, cap)).toThrow(/invalid cap/);
	});
});

describe('settledNote', () => {
	it.each([
		{ unabsorbed: [1, 0], expected: 'Every run has ended by step 1.' },
		{
			unabsorbed: [1, 5e-7],
			expected: 'By step 1 fewer than one run in a million is still moving.'
		},
		{
			unabsorbed: [1, 0.125],
			expected: '13\u00a0% of runs are still moving at step 1, where the chart stops.'
		}
	])('$expected', ({ unabsorbed, expected }) => {
		expect(settledNote({ steps: 1, unabsorbed })).toBe(expected);
	});
});

describe('formatShare', () => {
	it.each([
		{ share: 0.9999999999999998, expected: '100\u00a0%' },
		{ share: 1.0000000000000002, expected: '100\u00a0%' },
		{ share: -1e-17, expected: '0\u00a0%' },
		{ share: 0.8944, expected: '89\u00a0%' },
		{ share: 0.9997, expected: '>\u00a099.9\u00a0%' },
		{ share: 2e-5, expected: '<\u00a00.1\u00a0%' }
	])('$share', ({ share, expected }) => {
		expect(formatShare(share)).toBe(expected);
	});
});
