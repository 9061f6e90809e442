import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../tests/unit/fixtures';
import { formatPercent } from '../format/percent';
import { shippedById } from '../scenarios/registry';
import { analyze, intervalsFor } from './analyze';
import { explainOutcome, type OtherPaths, type PathShare } from './explain';
import type { LoadedScenario } from './load';
import { mergedPaths, type MergeMode } from './mergedPaths';
import { sensitivity } from './sensitivity';

const ladder = loadFixture('ladder.yaml');
const regions = loadFixture('regions.yaml');
const wait = analyze(ladder.compiled, { choices: { 'west.posture': 'wait' } });
const press = analyze(ladder.compiled, { choices: { 'west.posture': 'press' } });
const sourcesOf = (loaded: LoadedScenario) => [...loaded.sources.values()].map((s) => s.meta);
const memo = 'A short memo used by the tests';
const plain = (s: string) => s.replaceAll('\u00a0', ' ');
const listed = (paths: (PathShare | OtherPaths)[]) =>
	paths.filter((p): p is PathShare => p.kind === 'path');

describe('explainOutcome, ladder by hand', () => {
	// talks: fail 0.4 (quoted) → crisis, hold 0.6 (assumption) → settled; crisis under wait:
	// fight 0.75 (quoted) → war, calm 0.25 (assumption, "unlikely") → settled; under press: the West
	// presses.
	it.each([
		{
			name: 'war under wait',
			analysis: wait,
			outcome: 'war',
			probability: 0.3,
			paths: [
				{
					probability: 0.3,
					steps: [
						{
							transition: 'talks:talks.fail',
							by: 'chance',
							text: 'unlikely (20–45 %)',
							quote: 'Talks may fail.'
						},
						{
							transition: 'crisis:crisis.fight',
							by: 'chance',
							text: 'likely (55–80 %)',
							quote: 'the sides will probably fight'
						}
					]
				}
			],
			assumptions: []
		},
		{
			name: 'settled under wait',
			analysis: wait,
			outcome: 'settled',
			probability: 0.7,
			paths: [
				{
					probability: 0.6,
					steps: [
						{
							transition: 'talks:talks.hold',
							by: 'chance',
							text: 'likely (55–80 %)',
							quote: undefined
						}
					]
				},
				{
					probability: 0.1,
					steps: [
						{
							transition: 'talks:talks.fail',
							by: 'chance',
							text: 'unlikely (20–45 %)',
							quote: 'Talks may fail.'
						},
						{
							transition: 'crisis:crisis.calm',
							by: 'chance',
							text: 'unlikely (20–45 %)',
							quote: undefined
						}
					]
				}
			],
			assumptions: [
				{ transition: 'talks:talks.hold', probability: 0.6 },
				{ transition: 'crisis:crisis.calm', probability: 0.1 }
			]
		},
		{
			name: 'settled under press',
			analysis: press,
			outcome: 'settled',
			probability: 1,
			paths: [
				{
					probability: 0.6,
					steps: [
						{
							transition: 'talks:talks.hold',
							by: 'chance',
							text: 'likely (55–80 %)',
							quote: undefined
						}
					]
				},
				{
					probability: 0.4,
					steps: [
						{
							transition: 'talks:talks.fail',
							by: 'chance',
							text: 'unlikely (20–45 %)',
							quote: 'Talks may fail.'
						},
						{
							transition: 'crisis:west.press',
							by: 'The West',
							text: 'certain',
							quote: 'A "ceasefire" is likely - but not certain'
						}
					]
				}
			],
			assumptions: [{ transition: 'talks:talks.hold', probability: 0.6 }]
		}
	])('$name', ({ analysis, outcome, probability, paths, assumptions }) => {
		const explained = explainOutcome(analysis, outcome, { sources: sourcesOf(ladder) });
		expect(explained.probability).toBeCloseTo(probability, 12);
		expect(explained.complete).toBe(true);
		expect(explained.paths).toHaveLength(paths.length);
		listed(explained.paths).forEach((path, i) => {
			expect(path.probability).toBeCloseTo(paths[i].probability, 12);
			expect(path.share).toBeCloseTo(paths[i].probability / probability, 12);
			expect(
				path.steps.map((s) => ({
					transition: s.transition,
					by: s.by.label,
					text: plain(s.likelihood.text),
					quote: s.quote?.text
				}))
			).toEqual(paths[i].steps);
			for (const step of path.steps) if (step.quote) expect(step.quote.sourceTitle).toBe(memo);
		});
		expect(explained.assumptions.map((a) => a.transition)).toEqual(
			assumptions.map((a) => a.transition)
		);
		explained.assumptions.forEach((a, i) => {
			expect(a.probability).toBeCloseTo(assumptions[i].probability, 12);
			expect(a.share).toBeCloseTo(assumptions[i].probability / probability, 12);
			expect(a.assumption).toBe(
				ladder.model.transitions.find((t) => t.id === a.transition)!.assumption
			);
		});
	});

	it('a step without a quote carries its assumption; a quoted one is supported', () => {
		const [hold] = listed(explainOutcome(wait, 'settled').paths)[0].steps;
		expect(hold).toMatchObject({
			supported: false,
			assumption: 'The memo does not say what happens when talks hold.'
		});
		expect(hold.quote).toBeUndefined();
		const [fail] = listed(explainOutcome(wait, 'war').paths)[0].steps;
		expect(fail).toMatchObject({ supported: true, quote: { stance: 'supports', source: 'memo' } });
	});

	it('paths past the count are named as other paths, with their mass', () => {
		const explained = explainOutcome(wait, 'settled', { count: 1 });
		expect(explained.paths).toHaveLength(2);
		expect(explained.paths[1]).toEqual({
			kind: 'other',
			probability: expect.closeTo(0.1, 12),
			share: expect.closeTo(0.1 / 0.7, 12),
			paths: 1,
			unexplored: 0
		});
	});

	it('the factors and the sentence come from the sensitivity, the sentence names the source', () => {
		const explained = explainOutcome(wait, 'war', {
			sensitivity: sensitivity(ladder.compiled, { choices: { 'west.posture': 'wait' } }, 'war'),
			sources: sourcesOf(ladder)
		});
		expect(explained.factors).toEqual([
			expect.objectContaining({
				id: 'west.posture',
				lowLabel: 'Press for talks',
				highLabel: 'Wait'
			})
		]);
		expect(plain(explained.sentence)).toBe(
			`In this model of “${memo}”, “War” follows in about 30 % of runs; the largest factor is “Posture” (0 % to 30 %).`
		);
	});

	it('with intervals, the sentence gives the 90 % interval', () => {
		const analysis = analyze(regions.compiled);
		const intervals = intervalsFor(analysis, 200, 1)!;
		const explained = explainOutcome(analysis, 'crisis.front.war', {
			intervals,
			sources: sourcesOf(regions)
		});
		const { low, high } = intervals.outcomes['crisis.front.war'];
		expect(explained.interval).toEqual(intervals.outcomes['crisis.front.war']);
		expect(low).toBeLessThan(high);
		expect(explained.sentence).toContain(
			`(90\u00a0% interval ${formatPercent(low).split('\u00a0')[0]}`
		);
	});

	it.each([
		{ outcome: 'peace', options: {}, message: /unknown final state "peace".*settled, war/ },
		{
			outcome: 'settled',
			options: { sensitivity: sensitivity(ladder.compiled, {}, 'war') },
			message: /sensitivity: it is of "war", not "settled"/
		}
	])('refuses $outcome', ({ outcome, options, message }) => {
		expect(() => explainOutcome(wait, outcome, options)).toThrow(message);
	});
});

const shipped = [...shippedById().values()];

describe.each(shipped.map((loaded) => ({ id: loaded.scenario.id, loaded })))(
	'$id',
	({ loaded }) => {
		const analysis = analyze(loaded.compiled);
		const intervals = intervalsFor(analysis, 100, 1);
		const sources = sourcesOf(loaded);

		// Per region, ten paths list everything in the shipped scenarios; joint, three leave a rest.
		const cases = analysis.exact.outcomes.flatMap((o) =>
			[
				{ mode: 'region' as MergeMode, count: 10 },
				{ mode: 'joint' as MergeMode, count: 3 }
			].map((c) => ({ ...c, outcome: o.id, probability: o.probability }))
		);
		it.each(cases)(
			'$outcome, $mode: shares add up, every step is quoted or assumed, the sentence names source and figure',
			({ outcome, probability, mode, count }) => {
				const explained = explainOutcome(analysis, outcome, {
					intervals,
					sensitivity: mode === 'region' ? sensitivity(loaded.compiled, {}, outcome) : undefined,
					sources,
					mode,
					count
				});
				const total = explained.paths.reduce((sum, p) => sum + p.probability, 0);
				expect(Math.abs(total - probability)).toBeLessThan(1e-9);
				const other = explained.paths.find((p) => p.kind === 'other');
				const all = mergedPaths(analysis.chain, {
					mode,
					endingWith: outcome,
					count: 100_000
				});
				const unlisted = all.paths.slice(listed(explained.paths).length);
				const rest = unlisted.reduce((sum, p) => sum + p.probability, 0);
				if (other) expect(other.probability).toBeCloseTo(rest, 9);
				else expect(rest).toBeLessThan(1e-12);
				for (const path of listed(explained.paths)) {
					expect(path.steps.length).toBeGreaterThan(0);
					for (const step of path.steps) {
						expect(step.quote !== undefined || step.assumption !== undefined, step.transition).toBe(
							true
						);
						if (step.quote) expect(step.quote.sourceTitle).toBe(sources[0].title);
						// A step no quote supports shows its other quote (contradicts, context) or assumption.
						expect(step.supported).toBe(step.quote?.stance === 'supports');
					}
				}
				expect(explained.sentence).toContain(sources[0].title);
				expect(explained.sentence).toContain(formatPercent(probability));
				expect(explained.factors.length).toBeLessThanOrEqual(3);
				if (explained.factors.length > 0)
					expect(explained.sentence).toContain(explained.factors[0].label);
			}
		);
	}
);
