import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../cli/files';
import { analyze, intervalsFor } from '../engine/analyze';
import { monteCarlo } from '../engine/montecarlo';
import {
	dimensionRows,
	formatCount,
	formatScore,
	layoutRows,
	monteCarloBar,
	outcomeGroups,
	probabilityScale,
	regionLabel,
	wrapLabel,
	type OutcomeInput
} from './outcomeBars';

const round = (x: number) => Math.round(x * 1e6) / 1e6;

const outcomes: OutcomeInput[] = [
	{
		id: 'crisis.arms.declined',
		label: 'Russia stays out',
		region: 'crisis.arms',
		probability: 0.3
	},
	{ id: 'crisis.ties.intact', label: 'Ties intact', region: 'crisis.ties', probability: 0.6 },
	{ id: 'crisis.arms.struck', label: 'Struck', region: 'crisis.arms', probability: 0.7 },
	{ id: 'crisis.ties.ruptured', label: 'Ruptured', region: 'crisis.ties', probability: 0.4 }
];

describe('regionLabel', () => {
	it.each([
		{ region: 'crisis.arms', labels: undefined, expected: 'arms' },
		{ region: 'arms', labels: undefined, expected: 'arms' },
		{ region: '', labels: undefined, expected: 'Whole scenario' },
		{ region: 'crisis.arms', labels: { 'crisis.arms': 'Russian arms' }, expected: 'Russian arms' },
		{ region: '', labels: { '': 'All outcomes' }, expected: 'All outcomes' },
		{ region: 'toString', labels: {}, expected: 'toString' }
	])('$region → $expected', ({ region, labels, expected }) => {
		expect(regionLabel(region, labels as Record<string, string> | undefined)).toBe(expected);
	});
});

describe('outcomeGroups', () => {
	it('groups by region in order of first appearance, keeping the outcomes in order', () => {
		const groups = outcomeGroups(outcomes, { regionLabels: { 'crisis.ties': 'Ties' } });
		expect(groups.map((g) => [g.region, g.label, g.rows.map((r) => r.id)])).toEqual([
			['crisis.arms', 'arms', ['crisis.arms.declined', 'crisis.arms.struck']],
			['crisis.ties', 'Ties', ['crisis.ties.intact', 'crisis.ties.ruptured']]
		]);
		expect(groups[0].rows[0]).toEqual({
			id: 'crisis.arms.declined',
			label: 'Russia stays out',
			p: 0.3
		});
	});

	it('adds intervals and Monte Carlo error bars where given', () => {
		const [arms] = outcomeGroups(outcomes, {
			intervals: { 'crisis.arms.declined': { median: 0.31, low: 0.2, high: 0.4 } },
			monteCarlo: { runs: 10_000, outcomes: [{ id: 'crisis.arms.declined', probability: 0.5 }] }
		});
		expect(arms.rows[0].interval).toEqual([0.2, 0.4]);
		// ±1.96 · √(0.25 / 10 000) = ±0.0098
		expect(arms.rows[0].mc).toEqual({ p: 0.5, error: 0.0098, low: 0.4902, high: 0.5098 });
		expect(arms.rows[1].interval).toBeUndefined();
		expect(arms.rows[1].mc).toBeUndefined();
	});

	it('adds the probability before the observations where given (0 for an outcome not listed)', () => {
		const [arms] = outcomeGroups(outcomes, {
			before: [{ id: 'crisis.arms.declined', probability: 0.1 }]
		});
		expect(arms.rows.map((r) => r.was)).toEqual([0.1, 0]);
		expect(outcomeGroups(outcomes)[0].rows[0].was).toBeUndefined();
	});

	it('gives no groups for no outcomes, and does not mutate its input', () => {
		expect(outcomeGroups([])).toEqual([]);
		const copy = structuredClone(outcomes);
		outcomeGroups(outcomes, { intervals: {}, regionLabels: {} });
		expect(outcomes).toEqual(copy);
	});
});

describe('monteCarloBar', () => {
	it.each([
		{ p: 0.5, runs: 100, expected: { p: 0.5, error: 0.098, low: 0.402, high: 0.598 } },
		{ p: 0, runs: 100, expected: { p: 0, error: 0, low: 0, high: 0 } },
		{ p: 0.01, runs: 10, expected: { p: 0.01, error: 0.06167, low: 0, high: 0.07167 } },
		{ p: 0.3, runs: 0, expected: { p: 0.3, error: 0, low: 0.3, high: 0.3 } }
	])('p $p over $runs runs', ({ p, runs, expected }) => {
		const bar = monteCarloBar(p, runs);
		expect({
			p: bar.p,
			error: round(bar.error),
			low: round(bar.low),
			high: round(bar.high)
		}).toEqual(expected);
	});
});

describe('probabilityScale', () => {
	it('maps [0, 1] to [0, width], clamped', () => {
		const x = probabilityScale(200);
		expect(x.domain()).toEqual([0, 1]);
		expect([x(0), x(0.25), x(1), x(1.5), x(-1)]).toEqual([0, 50, 200, 200, 0]);
		expect(probabilityScale(-10).range()).toEqual([0, 0]);
	});
});

describe('formatScore', () => {
	it.each([
		{ value: -1.3555, expected: '−1.36' },
		{ value: 2, expected: '2' },
		{ value: 0.038, expected: '0.04' }
	])('formatScore($value) is $expected', ({ value, expected }) => {
		expect(formatScore(value)).toBe(expected);
	});
});

describe('wrapLabel', () => {
	it.each([
		{ text: 'a bb cc', max: 4, expected: ['a bb', 'cc'] },
		{ text: 'short', max: 20, expected: ['short'] },
		{ text: 'averyveryverylongword x', max: 5, expected: ['averyveryverylongword', 'x'] },
		{ text: '  spaced   out  ', max: 40, expected: ['spaced out'] },
		{ text: '', max: 10, expected: [] }
	])('$text at $max', ({ text, max, expected }) => {
		expect(wrapLabel(text, max)).toEqual(expected);
	});
});

describe('layoutRows', () => {
	const rows = [
		{ id: 'a', label: 'A', p: 0.5, interval: [0.4, 0.8] as [number, number] },
		{ id: 'b', label: 'B', p: 0.2, mc: { p: 0.25, error: 0.05, low: 0.2, high: 0.3 } }
	];

	it('stacks rows, leaves room for the percentage after the furthest mark', () => {
		const layout = layoutRows(rows, 360);
		expect(layout.x.range()).toEqual([0, 300]);
		const [a, b] = layout.rows;
		expect(a).toMatchObject({ lines: ['A'], labelY: 12, barY: 18, valueX: 246 });
		expect(a.mcY).toBeUndefined();
		expect(b.barY).toBeGreaterThan(a.barY + 14);
		expect(b.mcY).toBe(b.barY + 23);
		expect(b.valueX).toBe(96);
		expect(layout.height).toBe(layout.plotHeight + 20);
	});

	it('wraps long labels at narrow widths, so that each line fits', () => {
		const label = 'Intensified bombardment, contained along the border';
		const [row] = layoutRows([{ id: 'x', label, p: 0.3 }], 200).rows;
		expect(row.lines.length).toBeGreaterThan(1);
		for (const line of row.lines) expect(line.length * 7).toBeLessThanOrEqual(200);
		expect(row.lines.join(' ')).toBe(label);
	});
});

describe('dimensionRows', () => {
	const declared = {
		ties: { label: 'Ties', description: '0 working, -2 ruptured', min: -2, max: 0 },
		war: { label: 'War' },
		unscored: { label: 'Not in values', min: 0, max: 1 }
	};

	it('places each value and interval on its [min, max] axis', () => {
		const rows = dimensionRows(
			declared,
			{ ties: -0.5, war: 0.25 },
			{
				ties: { median: -0.5, low: -1, high: 0 }
			}
		);
		expect(rows.map((r) => r.id)).toEqual(['ties', 'war']);
		expect(rows[0]).toEqual({
			id: 'ties',
			label: 'Ties',
			description: '0 working, -2 ruptured',
			min: -2,
			max: 0,
			value: -0.5,
			interval: [-1, 0],
			at: 0.75,
			span: [0.5, 1]
		});
		// No bounds declared: from 0 and the value.
		expect(rows[1]).toMatchObject({ min: 0, max: 0.25, at: 1, interval: undefined });
	});

	it.each([
		{ values: { war: 0 }, expected: { min: 0, max: 1, at: 0 } },
		{ values: { war: -3 }, expected: { min: -3, max: 0, at: 0 } },
		{ values: { war: 5 }, expected: { min: 0, max: 5, at: 1 } }
	])('derives missing bounds from $values', ({ values, expected }) => {
		expect(dimensionRows({ war: declared.war }, values)[0]).toMatchObject(expected);
	});

	it('clamps a value outside declared bounds to the axis, and does not mutate its input', () => {
		const copy = structuredClone(declared);
		expect(dimensionRows(declared, { ties: 1 })[0].at).toBe(1);
		expect(declared).toEqual(copy);
	});
});

describe('on the shipped regional-escalation scenario', () => {
	const loaded = loadScenarioFile('scenarios/regional-escalation.yaml');
	if (!loaded.ok) throw new Error('regional-escalation.yaml does not load');
	const analysis = analyze(loaded.value.compiled);
	const intervals = intervalsFor(analysis, 200, 1);
	const mc = monteCarlo(analysis.chain, 2000, { seed: 1 });

	it('has one group per region, each adding up to 1, with intervals and Monte Carlo bars', () => {
		const groups = outcomeGroups(analysis.exact.outcomes, {
			intervals: intervals?.outcomes,
			monteCarlo: mc
		});
		expect(groups.map((g) => g.label)).toEqual(['arms', 'ties', 'north']);
		for (const g of groups) {
			expect(g.rows.reduce((sum, r) => sum + r.p, 0)).toBeCloseTo(1, 9);
			for (const r of g.rows) {
				expect(r.interval, r.id).toBeDefined();
				expect(r.mc!.low).toBeLessThanOrEqual(r.mc!.p);
				expect(r.mc!.high).toBeGreaterThanOrEqual(r.mc!.p);
			}
		}
	});

	it('places every dimension inside its declared range', () => {
		const rows = dimensionRows(
			loaded.value.scenario.dimensions,
			analysis.exact.dimensions,
			intervals?.dimensions
		);
		expect(rows.map((r) => r.id)).toEqual(Object.keys(loaded.value.scenario.dimensions));
		for (const r of rows) {
			expect(r.at).toBeGreaterThanOrEqual(0);
			expect(r.at).toBeLessThanOrEqual(1);
			expect(r.span![0]).toBeLessThanOrEqual(r.span![1]);
		}
	});
});

describe('formatCount', () => {
	it.each([
		0, 7, 999, 1000, 12_345, 100_000, 1_000_000, 10_000_000, 123_456_789, -4_500, 2.5, 1234.75
	])('%d reads as toLocaleString("en") does', (n) =>
		expect(formatCount(n)).toBe(n.toLocaleString('en', { maximumFractionDigits: 20 }))
	);
});
