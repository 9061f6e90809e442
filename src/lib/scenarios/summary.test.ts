import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../cli/files';
import { loadFixture } from '../../../tests/unit/fixtures';
import { toRegionOutcomes, toSummary } from './summary';

const outcome = (id: string, region: string, probability: number) => ({
	id,
	label: id.toUpperCase(),
	region,
	probability
});

describe('toRegionOutcomes', () => {
	it.each([
		{ name: 'no outcomes', input: [], expected: [] },
		{
			name: 'one region without parallel regions: one group, named from the labels or "Whole scenario"',
			input: [outcome('peace', '', 0.7), outcome('war', '', 0.3)],
			expected: [
				{
					region: '',
					label: 'Whole scenario',
					outcomes: [
						{ id: 'peace', label: 'PEACE', probability: 0.7 },
						{ id: 'war', label: 'WAR', probability: 0.3 }
					]
				}
			]
		},
		{
			name: 'interleaved regions: grouped in order of first appearance, outcomes in order given',
			input: [outcome('n.a', 'n', 0.4), outcome('s.a', 's', 1), outcome('n.b', 'n', 0.6)],
			expected: [
				{
					region: 'n',
					label: 'North',
					outcomes: [
						{ id: 'n.a', label: 'N.A', probability: 0.4 },
						{ id: 'n.b', label: 'N.B', probability: 0.6 }
					]
				},
				{ region: 's', label: 'South', outcomes: [{ id: 's.a', label: 'S.A', probability: 1 }] }
			]
		}
	])('$name', ({ input, expected }) => {
		const before = JSON.stringify(input);
		expect(toRegionOutcomes(input, { n: 'North', s: 'South' })).toEqual(expected);
		expect(JSON.stringify(input)).toBe(before);
	});
});

describe('toSummary', () => {
	it('tags each scenario with its confidence level', () => {
		// The memo names no author, outlet or genre: low. Two independent sources, one a news report,
		// and 2 of 5 steps quoting nothing (40 %): moderate.
		expect(toSummary(loadFixture('ladder.yaml')).confidence).toBe('low confidence');
		expect(toSummary(loadFixture('two-sources.yaml')).confidence).toBe('moderate confidence');
	});

	it('groups the two regions of the regions fixture, each adding up to 1', () => {
		const { regions } = toSummary(loadFixture('regions.yaml'));
		expect(regions.map((r) => r.region)).toEqual(['crisis.front', 'crisis.talks']);
		for (const r of regions)
			expect(r.outcomes.reduce((sum, o) => sum + o.probability, 0)).toBeCloseTo(1, 12);
	});

	it('groups regional-escalation’s 14 outcomes into its three regions, named by their labels', () => {
		const loaded = loadScenarioFile(
			resolve(import.meta.dirname, '../../../scenarios/regional-escalation.yaml')
		);
		if (!loaded.ok) throw new Error(loaded.diagnostics[0].message);
		const { regions } = toSummary(loaded.value);
		expect(regions.map((r) => [r.label, r.outcomes.length])).toEqual([
			['Russian arms to Iran', 3],
			['Israel–Russia ties', 5],
			['The northern front', 6]
		]);
		for (const r of regions)
			expect(r.outcomes.reduce((sum, o) => sum + o.probability, 0)).toBeCloseTo(1, 12);
	});
});
