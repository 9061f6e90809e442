import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../tests/unit/fixtures';
import { analyze } from '$lib/engine/analyze';
import { compareExact } from '$lib/engine/compare';
import { compareGroups, compareMetrics, formatPoints, layoutCompareRows } from './compareRows';

const ladder = loadFixture('ladder.yaml');
const wait = analyze(ladder.compiled, { choices: { 'west.posture': 'wait' } }).exact;
const press = analyze(ladder.compiled, { choices: { 'west.posture': 'press' } }).exact;

describe('compareGroups', () => {
	it('ladder: war 30 % → 0, settled 70 % → 100 % (wait → press)', () => {
		const groups = compareGroups([...press.outcomes, ...wait.outcomes], compareExact(wait, press));
		expect(groups.map((g) => g.rows.map((r) => r.id))).toEqual([['settled', 'war']]);
		const [settled, war] = groups[0].rows;
		expect(settled.baseline).toBeCloseTo(0.7, 12);
		expect(settled.variant).toBeCloseTo(1, 12);
		expect(war).toMatchObject({ label: 'War', variant: 0 });
		expect(war.difference).toBeCloseTo(-0.3, 12);
	});

	it('groups by region with the labels given', () => {
		const regions = loadFixture('regions.yaml');
		const hold = analyze(regions.compiled, { choices: { 'north.stance': 'hold' } }).exact;
		const push = analyze(regions.compiled, { choices: { 'north.stance': 'push' } }).exact;
		const groups = compareGroups(push.outcomes, compareExact(hold, push), {
			'crisis.front': 'The front'
		});
		expect(groups.length).toBeGreaterThan(1);
		expect(groups.map((g) => g.label)).toContain('The front');
		for (const g of groups)
			for (const r of g.rows) expect(r.id.startsWith(`${g.region}.`)).toBe(true);
	});
});

describe('formatPoints', () => {
	it.each([
		[0.064, '+6.4 points'],
		[-0.3, '\u221230.0 points'],
		[0, 'no change'],
		[1e-5, '+<0.1 points'],
		[-1e-5, '\u2212<0.1 points'],
		[-1e-15, 'no change'],
		[-0.0005, '\u22120.1 points']
	])('%d → %s', (d, text) => {
		expect(formatPoints(d)).toBe(text);
	});
});

describe('layoutCompareRows', () => {
	it('stacks rows without overlap and leaves room for the difference', () => {
		const rows = [
			{
				id: 'a',
				label: 'A fairly long outcome label that wraps',
				baseline: 0.2,
				variant: 0.5,
				difference: 0.3
			},
			{ id: 'b', label: 'B', baseline: 0.8, variant: 0.5, difference: -0.3 }
		];
		const { rows: laid, x, height, plotHeight } = layoutCompareRows(rows, 240);
		expect(laid[0].lines.length).toBeGreaterThan(1);
		expect(laid[1].labelY).toBeGreaterThan(laid[0].dotY + compareMetrics.dotRadius);
		expect(x(1)).toBe(240 - compareMetrics.valueWidth);
		expect(height).toBe(plotHeight + compareMetrics.axisHeight);
	});
});
