import { sankey } from 'd3-sankey';
import { describe, expect, it } from 'vitest';
import { fixtureResolver, loadFixture } from '../../../tests/unit/fixtures';
import { shippedById } from '../scenarios/registry';
import { analyze } from './analyze';
import type { Chain } from './explore';
import { loadScenario, type LoadedScenario } from './load';
import { mergedPaths, toLikelyPaths, type MergeMode } from './mergedPaths';
import { likelyPaths, toSankey, type LikelyPath } from './paths';

/** Two regions that never look at each other; `a` moves twice as often as `b` while both can. */
const pairText = `
id: pair
title: Pair
actors: {}
statechart:
  initial: both
  states:
    both:
      type: parallel
      states:
        a:
          pace: 2
          initial: a0
          states:
            a0:
              on:
                - { event: a.up, target: a1, by: chance, likelihood: 0.6, assumption: Up. }
                - { event: a.stop, target: lost, by: chance, likelihood: rest, assumption: Stop. }
            a1:
              on:
                - { event: a.win, target: won, by: chance, likelihood: 0.5, assumption: Win. }
                - { event: a.lose, target: lost, by: chance, likelihood: rest, assumption: Lose. }
            won: { type: final }
            lost: { type: final }
        b:
          initial: b0
          states:
            b0:
              on:
                - { event: b.go, target: yes, by: chance, likelihood: 0.25, assumption: Go. }
                - { event: b.no, target: no, by: chance, likelihood: rest, assumption: No. }
            yes: { type: final }
            no: { type: final }
`;
function loadText(text: string): LoadedScenario {
	const result = loadScenario('pair.yaml', text, fixtureResolver);
	if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
	return result.value;
}
const pair = analyze(loadText(pairText).compiled);
const regions = loadFixture('regions.yaml');
const hold = analyze(regions.compiled);
const shipped = [...shippedById().values()].map((loaded) => ({
	id: loaded.scenario.id,
	analysis: analyze(loaded.compiled)
}));
const regional = shipped.find((s) => s.id === 'regional-escalation')!.analysis;

/** Transition ids of the pair by event: `t('a.up') === 'both.a.a0:a.up'`. */
const t = (event: string) =>
	pair.chain.compiled.model.transitions.find((x) => x.event === event)!.id;

/** The key `mergedPaths` should merge an unmerged path under: its steps grouped by keyed region. */
function keyOf(chain: Chain, path: LikelyPath, keyed: (region: string) => boolean): string {
	const { transitions } = chain.compiled.model;
	const byRegion = new Map<string, string[]>();
	for (const tid of path.transitions) {
		const region = transitions.find((x) => x.id === tid)!.region;
		if (keyed(region)) byRegion.set(region, [...(byRegion.get(region) ?? []), tid]);
	}
	return [...byRegion.entries()]
		.sort(([a], [b]) => (a < b ? -1 : 1))
		.map(([r, ts]) => `${r}: ${ts.join(' ')}`)
		.join(' | ');
}
const mergedKey = (regionsSteps: { region: string; transitions: string[] }[]) =>
	[...regionsSteps]
		.sort((a, b) => (a.region < b.region ? -1 : 1))
		.map((r) => `${r.region}: ${r.transitions.join(' ')}`)
		.join(' | ');

describe('mergedPaths, two independent regions by hand', () => {
	// a: up 0.6 then win 0.5 / lose 0.5, or stop 0.4; b: go 0.25 or no 0.75. Independent, so a path's
	// probability is the product of its regions' whatever the interleaving (pace only orders them).
	const a = { upWin: 0.3, upLose: 0.3, stop: 0.4 };
	const b = { go: 0.25, no: 0.75 };
	it.each([
		{
			name: 'joint, ending lost',
			options: { mode: 'joint' as MergeMode, endingWith: 'both.a.lost' },
			expected: [
				{ steps: [['a.stop'], ['b.no']], probability: a.stop * b.no },
				{ steps: [['a.up', 'a.lose'], ['b.no']], probability: a.upLose * b.no },
				{ steps: [['a.stop'], ['b.go']], probability: a.stop * b.go },
				{ steps: [['a.up', 'a.lose'], ['b.go']], probability: a.upLose * b.go }
			]
		},
		{
			name: 'region a, ending lost',
			options: { mode: 'region' as MergeMode, endingWith: 'both.a.lost' },
			expected: [
				{ steps: [['a.stop']], probability: a.stop },
				{ steps: [['a.up', 'a.lose']], probability: a.upLose }
			]
		},
		{
			name: 'region b, every ending',
			options: { mode: 'region' as MergeMode, region: 'both.b' },
			expected: [
				{ steps: [['b.no']], probability: b.no },
				{ steps: [['b.go']], probability: b.go }
			]
		},
		{
			name: 'region b, ending won',
			options: { mode: 'region' as MergeMode, region: 'both.b', endingWith: 'both.a.won' },
			expected: [
				{ steps: [['b.no']], probability: a.upWin * b.no },
				{ steps: [['b.go']], probability: a.upWin * b.go }
			]
		}
	])('$name: one path per distinct set of steps', ({ options, expected }) => {
		const result = mergedPaths(pair.chain, options);
		expect(result.complete).toBe(true);
		expect(result.paths.map((p) => p.regions.map((r) => r.transitions))).toEqual(
			expected.map((e) => e.steps.map((steps) => steps.map(t)))
		);
		result.paths.forEach((p, i) => expect(p.probability).toBeCloseTo(expected[i].probability, 12));
		const total = expected.reduce((sum, e) => sum + e.probability, 0);
		expect(result.probability).toBeCloseTo(total, 12);
		expect(result.coverage).toBeCloseTo(1, 12);
	});

	it('the joint path a: up, lose; b: go merges its three firing orders', () => {
		const result = mergedPaths(pair.chain, { endingWith: 'both.b.yes' });
		const path = result.paths.find(
			(p) => p.transitions.join() === [t('a.up'), t('a.lose'), t('b.go')].join()
		)!;
		expect(path.merged).toBe(3);
		expect(path.likeliest.probability).toBeLessThan(path.probability);
		expect(path.ending).toEqual(['both.a.lost', 'both.b.yes']);
	});
});

const cases = [
	{ id: 'pair', analysis: pair },
	{ id: 'regions hold (a loop)', analysis: hold },
	...shipped
];

describe.each(cases)('$id: merged against unmerged', ({ analysis }) => {
	const { chain, exact } = analysis;
	const unmerged = likelyPaths(chain, { perOutcome: 100_000, maxPaths: 100_000, maxLength: 40 });

	it.each(['joint', 'region'] as MergeMode[])(
		'%s: each merged path’s probability is the sum of the unmerged paths it merges',
		(mode) => {
			for (const region of mode === 'joint' ? [''] : chain.compiled.model.regions) {
				const keyed = (r: string) => region === '' || r === region || r.startsWith(`${region}.`);
				const groups = new Map<string, { probability: number; count: number }>();
				for (const path of unmerged) {
					const key = keyOf(chain, path, keyed);
					const group = groups.get(key) ?? { probability: 0, count: 0 };
					group.probability += path.probability;
					group.count++;
					groups.set(key, group);
				}
				const options = mode === 'joint' ? { mode } : { mode, region };
				const result = mergedPaths(chain, { ...options, count: 100_000 });
				for (const path of result.paths) {
					const group = groups.get(mergedKey(path.regions));
					if (!result.complete && !group) continue; // a loop's long tail, under likelyPaths' cut-off
					expect(group, mergedKey(path.regions)).toBeDefined();
					// Around a loop both walks stop at a negligible tail, at different places.
					expect(path.probability).toBeCloseTo(group!.probability, result.complete ? 9 : 6);
					if (result.complete) expect(path.merged).toBe(group!.count);
				}
				if (result.complete) expect(result.paths).toHaveLength(groups.size);
			}
		}
	);

	it('every outcome, each region: the sequences add up to the outcome’s probability', () => {
		for (const o of exact.outcomes) {
			for (const region of chain.compiled.model.regions) {
				const result = mergedPaths(chain, {
					mode: 'region',
					region,
					endingWith: o.id,
					count: 100_000
				});
				expect(result.probability).toBeCloseTo(o.probability, 12);
				const sum = result.paths.reduce((total, p) => total + p.probability, 0);
				expect(Math.abs(sum - result.foundProbability)).toBeLessThan(1e-12);
				if (result.complete) expect(Math.abs(sum - o.probability), o.id).toBeLessThan(1e-9);
				else expect(Math.abs(sum + result.unexplored - o.probability), o.id).toBeLessThan(1e-9);
				expect(result.unexplored).toBeLessThan(1e-9);
			}
		}
	});
});

describe('mergedPaths, coverage', () => {
	it('shipped scenarios have no loop: every walk is complete, so probabilities are exact', () => {
		for (const { analysis } of shipped) {
			for (const o of analysis.exact.outcomes) {
				for (const mode of ['joint', 'region'] as MergeMode[])
					expect(mergedPaths(analysis.chain, { mode, endingWith: o.id }).complete).toBe(true);
			}
		}
	});

	it('regional-escalation: ten per-region paths cover at least 80 % of every outcome', () => {
		for (const o of regional.exact.outcomes) {
			const result = mergedPaths(regional.chain, { mode: 'region', endingWith: o.id });
			expect(result.coverage, o.id).toBeGreaterThanOrEqual(0.8);
			expect(result.listed).toBeCloseTo(result.coverage * o.probability, 12);
		}
	});

	it('is the check that can fail: ten unmerged paths cover less than 80 % of some outcome', () => {
		const low = regional.exact.outcomes.filter((o) => {
			const paths = likelyPaths(regional.chain, { endingWith: o.id, perOutcome: 10, maxPaths: 10 });
			return paths.reduce((sum, p) => sum + p.probability, 0) < 0.8 * o.probability;
		});
		expect(low.length).toBeGreaterThan(0);
	});

	it('an outcome of probability 0 lists nothing and counts as covered', () => {
		const result = mergedPaths(hold.chain, { endingWith: 'crisis.talks.failed' });
		expect(result).toMatchObject({ paths: [], probability: 0, coverage: 1, complete: true });
	});

	it('a loop leaves a tail it names: found plus unexplored is the probability', () => {
		const result = mergedPaths(hold.chain, { endingWith: 'crisis.front.war', maxExpansions: 50 });
		expect(result.complete).toBe(false);
		expect(result.unexplored).toBeGreaterThan(0.01);
		expect(result.foundProbability + result.unexplored).toBeCloseTo(result.probability, 12);
	});
});

describe('toLikelyPaths', () => {
	it('replays the likeliest order, carries the merged probability, and d3-sankey lays it out', () => {
		const merged = mergedPaths(regional.chain, {
			mode: 'region',
			endingWith: 'crisis.ties.ruptured'
		});
		const paths = toLikelyPaths(merged.paths);
		paths.forEach((p, i) => {
			expect(p.probability).toBe(merged.paths[i].probability);
			expect(p.ending).toContain('crisis.ties.ruptured');
			const { transitions } = regional.chain.compiled.model;
			const ties = p.transitions.filter(
				(x) => transitions.find((y) => y.id === x)!.region === 'crisis.ties'
			);
			expect(ties).toEqual(merged.paths[i].transitions);
		});
		const graph = toSankey(regional.chain, paths);
		const laid = sankey<object, object>().extent([
			[0, 0],
			[600, 400]
		])({
			nodes: graph.nodes.map((n) => ({ ...n })),
			links: graph.links.map((l) => ({ ...l }))
		});
		expect(laid.nodes.every((n) => Number.isFinite(n.x0))).toBe(true);
	});
});

describe('mergedPaths errors', () => {
	it.each([
		{ options: { count: 0 }, message: /invalid count: 0/ },
		{ options: { maxExpansions: 1.5 }, message: /invalid maxExpansions: 1.5/ },
		{ options: { endingWith: 'both.a' }, message: /unknown final state "both.a"/ },
		{ options: { region: 'both.a' }, message: /a region applies to mode 'region'/ },
		{ options: { mode: 'region' as MergeMode }, message: /needs a region or an endingWith/ },
		{
			options: { mode: 'region' as MergeMode, region: 'both.c' },
			message: /unknown region "both.c".*"both.a"/
		},
		{ options: { mode: 'regions' as MergeMode }, message: /invalid mode: "regions"/ }
	])('$options', ({ options, message }) => {
		expect(() => mergedPaths(pair.chain, options)).toThrow(message);
	});

	it('does not mutate the chain', () => {
		const before = regional.chain.edgeProbability.slice();
		mergedPaths(regional.chain, { mode: 'region', endingWith: 'crisis.ties.ruptured' });
		expect(regional.chain.edgeProbability).toEqual(before);
	});
});
