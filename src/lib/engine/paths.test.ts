import { sankey } from 'd3-sankey';
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../tests/unit/fixtures';
import { shippedById } from '../scenarios/registry';
import { analyze } from './analyze';
import { likelyPaths, toSankey, type SankeyData } from './paths';

const ladder = loadFixture('ladder.yaml');
const regions = loadFixture('regions.yaml');
const wait = analyze(ladder.compiled, { choices: { 'west.posture': 'wait' } });
const press = analyze(ladder.compiled, { choices: { 'west.posture': 'press' } });
const hold = analyze(regions.compiled, { choices: { 'north.stance': 'hold' } });

const leavesOf = (chain: typeof wait.chain, states: number[]) =>
	states.map((s) => chain.leaves[s].join(' + '));

describe('likelyPaths, ladder by hand', () => {
	// talks: fail 0.4 → crisis, hold 0.6 → settled; crisis under wait: fight 0.75 → war, calm 0.25 → settled.
	it.each([
		{
			name: 'wait',
			analysis: wait,
			expected: [
				{ leaves: ['talks', 'settled'], transitions: ['talks:talks.hold'], probability: 0.6 },
				{
					leaves: ['talks', 'crisis', 'war'],
					transitions: ['talks:talks.fail', 'crisis:crisis.fight'],
					probability: 0.4 * 0.75
				},
				{
					leaves: ['talks', 'crisis', 'settled'],
					transitions: ['talks:talks.fail', 'crisis:crisis.calm'],
					probability: 0.4 * 0.25
				}
			]
		},
		{
			name: 'press',
			analysis: press,
			expected: [
				{ leaves: ['talks', 'settled'], transitions: ['talks:talks.hold'], probability: 0.6 },
				{
					leaves: ['talks', 'crisis', 'settled'],
					transitions: ['talks:talks.fail', 'crisis:west.press'],
					probability: 0.4
				}
			]
		}
	])('posture $name: exactly the hand-made paths, most likely first', ({ analysis, expected }) => {
		const paths = likelyPaths(analysis.chain);
		expect(paths).toHaveLength(expected.length);
		paths.forEach((path, i) => {
			expect(leavesOf(analysis.chain, path.states)).toEqual(expected[i].leaves);
			expect(path.transitions).toEqual(expected[i].transitions);
			expect(path.probability).toBeCloseTo(expected[i].probability, 12);
			expect(path.ending).toEqual([expected[i].leaves.at(-1)]);
		});
	});

	it.each([
		{ name: 'ladder wait', analysis: wait, exactly: true },
		{ name: 'ladder press', analysis: press, exactly: true },
		{ name: 'regions hold', analysis: hold, exactly: false }
	])(
		'$name: paths to an ending add up to at most its exact probability',
		({ analysis, exactly }) => {
			const paths = likelyPaths(analysis.chain);
			for (const ending of analysis.exact.endings) {
				const sum = paths
					.filter((p) => p.ending.join(' + ') === ending.outcomes.join(' + '))
					.reduce((total, p) => total + p.probability, 0);
				expect(sum).toBeLessThanOrEqual(ending.probability + 1e-12);
				if (exactly) expect(sum).toBeCloseTo(ending.probability, 12);
			}
		}
	);

	it('limits paths per ending and in all', () => {
		expect(likelyPaths(wait.chain, { perOutcome: 1 }).map((p) => p.probability)).toEqual([
			0.6,
			expect.closeTo(0.3, 12)
		]);
		expect(likelyPaths(wait.chain, { maxPaths: 1 })).toHaveLength(1);
	});
});

describe('likelyPaths, regions by hand', () => {
	// Start (quiet, open): both regions can move, share 1/2 each. likely = (0.55 + 0.8) / 2 = 0.675.
	// stall 0.5·0.7 = 0.35 → (quiet, stalled); then only the front moves: flare 0.675 → hot;
	// then war 0.5. So stall·flare·war = 0.35·0.675·0.5 = 0.118125, beating every two-step path
	// (stall·calm = calm·stall = 0.35·0.325 = 0.5·0.325·0.7 = 0.11375).
	it('the loop terminates and the top path is stall, flare, war', () => {
		const paths = likelyPaths(hold.chain, { maxLength: 50 });
		expect(paths.length).toBeGreaterThan(0);
		const [top, second] = paths;
		expect(top.transitions).toEqual([
			'crisis.talks.open:talks.stall',
			'crisis.front.quiet:front.flare',
			'crisis.front.hot:front.war'
		]);
		expect(top.probability).toBeCloseTo(0.35 * 0.675 * 0.5, 12);
		expect(top.ending).toEqual(['crisis.front.war', 'crisis.talks.stalled']);
		expect(second.probability).toBeCloseTo(0.35 * 0.325, 12);
		for (let i = 1; i < paths.length; i++)
			expect(paths[i].probability).toBeLessThanOrEqual(paths[i - 1].probability);
	});

	it('a short maxLength still ends, with only short paths', () => {
		const paths = likelyPaths(hold.chain, { maxLength: 2 });
		expect(paths.every((p) => p.transitions.length <= 2)).toBe(true);
		expect(paths[0].probability).toBeCloseTo(0.35 * 0.325, 12);
	});
});

// Regions under hold, paths that end in a deal (hand-derived with the shares and values above;
// deal 0.5·0.3 = 0.15 at the start, flare 0.675 and calm 0.325 once the talks are over):
const toDeal = [
	// deal, flare, war: 0.15·0.675·0.5
	{ ending: 'crisis.front.war + crisis.talks.deal', probability: 0.050625 },
	// calm then deal (0.5·0.325·0.3) and deal then calm (0.15·0.325): equal, in either order
	{ ending: 'crisis.front.calm + crisis.talks.deal', probability: 0.04875 },
	{ ending: 'crisis.front.calm + crisis.talks.deal', probability: 0.04875 },
	// flare (0.5·0.675), then war (1/2 · 0.5) before the talks wait, then deal 0.3
	{ ending: 'crisis.front.war + crisis.talks.deal', probability: 0.0253125 },
	// deal, flare, cool (0.5), flare, war: round the loop once
	{ ending: 'crisis.front.war + crisis.talks.deal', probability: 0.15 * 0.675 * 0.5 * 0.675 * 0.5 },
	// deal, flare, cool, calm
	{ ending: 'crisis.front.calm + crisis.talks.deal', probability: 0.15 * 0.675 * 0.5 * 0.325 }
];

describe('likelyPaths endingWith', () => {
	it('ladder wait: settled has two paths, war one', () => {
		const settled = likelyPaths(wait.chain, { endingWith: 'settled' });
		expect(settled.map((p) => p.transitions)).toEqual([
			['talks:talks.hold'],
			['talks:talks.fail', 'crisis:crisis.calm']
		]);
		expect(settled[1].probability).toBeCloseTo(0.1, 12);
		const war = likelyPaths(wait.chain, { endingWith: 'war' });
		expect(war.map((p) => p.transitions)).toEqual([['talks:talks.fail', 'crisis:crisis.fight']]);
		expect(likelyPaths(press.chain, { endingWith: 'war' })).toEqual([]);
	});

	it('perOutcome counts the endings that include the leaf', () => {
		expect(likelyPaths(wait.chain, { endingWith: 'settled', perOutcome: 1 })).toHaveLength(1);
	});

	it('regions hold, to a deal: the hand-derived paths, in order, around the loop', () => {
		const paths = likelyPaths(hold.chain, { endingWith: 'crisis.talks.deal', perOutcome: 3 });
		expect(paths.map((p) => p.ending.join(' + '))).toEqual(toDeal.map((p) => p.ending));
		paths.forEach((p, i) => expect(p.probability).toBeCloseTo(toDeal[i].probability, 12));
		expect(paths[4].transitions).toEqual([
			'crisis.talks.open:talks.deal',
			'crisis.front.quiet:front.flare',
			'crisis.front.hot:front.cool',
			'crisis.front.quiet:front.flare',
			'crisis.front.hot:front.war'
		]);
	});

	it('regions hold, every outcome: only matching paths, never more than the exact probability', () => {
		for (const outcome of hold.exact.outcomes) {
			const paths = likelyPaths(hold.chain, { endingWith: outcome.id, perOutcome: 8 });
			if (outcome.probability === 0) expect(paths, outcome.id).toEqual([]);
			else expect(paths.length, outcome.id).toBeGreaterThan(0);
			for (const p of paths) expect(p.ending).toContain(outcome.id);
			const sum = paths.reduce((total, p) => total + p.probability, 0);
			expect(sum).toBeLessThanOrEqual(outcome.probability + 1e-12);
		}
	});

	it('maxPaths still limits', () => {
		expect(likelyPaths(hold.chain, { endingWith: 'crisis.front.war', maxPaths: 2 })).toHaveLength(
			2
		);
	});
});

describe('likelyPaths errors', () => {
	it.each([
		{ options: { perOutcome: 0 }, message: /invalid perOutcome: 0/ },
		{ options: { maxPaths: 1.5 }, message: /invalid maxPaths: 1.5/ },
		{ options: { maxLength: -1 }, message: /invalid maxLength: -1/ },
		{ options: { endingWith: 'peace' }, message: /unknown final state "peace".*settled, war/ },
		{ options: { endingWith: 'crisis' }, message: /unknown final state "crisis"/ }
	])('$options', ({ options, message }) => {
		expect(() => likelyPaths(wait.chain, options)).toThrow(message);
	});

	it('does not mutate the chain', () => {
		const before = wait.chain.edgeProbability.slice();
		likelyPaths(wait.chain);
		expect(wait.chain.edgeProbability).toEqual(before);
	});
});

describe('toSankey', () => {
	it('ladder wait: one node per state, links carry summed path probability', () => {
		const { nodes, links } = toSankey(wait.chain, likelyPaths(wait.chain));
		expect(nodes.map((n) => n.label)).toEqual(['talks', 'settled', 'crisis', 'war', 'settled']);
		const linkOf = (transition: string) => links.find((l) => l.transition === transition)!;
		expect(linkOf('talks:talks.fail').value).toBeCloseTo(0.4, 12);
		expect(linkOf('talks:talks.hold').value).toBeCloseTo(0.6, 12);
		expect(linkOf('crisis:crisis.fight').value).toBeCloseTo(0.3, 12);
		const fail = linkOf('talks:talks.fail');
		expect(nodes[fail.source].leaves).toEqual(['talks']);
		expect(nodes[fail.target].leaves).toEqual(['crisis']);
		expect(links).toHaveLength(4);
	});

	it('ladder wait: each link names the paths that take it; no loop, so not unrolled', () => {
		// Paths: 0 hold (0.6), 1 fail·fight (0.3), 2 fail·calm (0.1).
		const { nodes, links, unrolled } = toSankey(wait.chain, likelyPaths(wait.chain));
		expect(unrolled).toBe(false);
		expect(nodes.every((n) => !('step' in n))).toBe(true);
		expect(Object.fromEntries(links.map((l) => [l.transition, l.paths]))).toEqual({
			'talks:talks.hold': [0],
			'talks:talks.fail': [1, 2],
			'crisis:crisis.fight': [1],
			'crisis:crisis.calm': [2]
		});
	});

	it('regions hold, to a deal: the loop is unrolled into (state, step) nodes', () => {
		const paths = likelyPaths(hold.chain, { endingWith: 'crisis.talks.deal', perOutcome: 3 });
		const { nodes, links, unrolled } = toSankey(hold.chain, paths);
		expect(unrolled).toBe(true);
		// 12 distinct (state, step) pairs and 13 distinct steps over the six paths (see toDeal).
		expect(nodes).toHaveLength(12);
		expect(links).toHaveLength(13);
		for (const link of links) expect(nodes[link.target].step).toBe(nodes[link.source].step! + 1);
		const keys = nodes.map((n) => `${n.state}@${n.step}`);
		expect(new Set(keys).size).toBe(nodes.length);
		// The deal state before the flare is reached after 1 step, and again after 3 (the loop).
		const quietDeal = nodes.filter((n) => n.label === 'quiet + deal');
		expect(quietDeal.map((n) => n.step)).toEqual([1, 3]);
		expect(new Set(quietDeal.map((n) => n.state)).size).toBe(1);
		const deal = links.find(
			(l) => l.transition === 'crisis.talks.open:talks.deal' && nodes[l.source].step === 0
		)!;
		expect(deal.paths).toEqual([0, 2, 4, 5]);
		expect(deal.value).toBeCloseTo(
			[0, 2, 4, 5].reduce((sum, i) => sum + toDeal[i].probability, 0),
			12
		);
		const cool = links.filter((l) => l.transition === 'crisis.front.hot:front.cool');
		expect(cool.map((l) => l.paths)).toEqual([[4, 5]]);
	});

	it('regions: labels join the active leaves', () => {
		const { nodes } = toSankey(hold.chain, likelyPaths(hold.chain, { maxPaths: 1 }));
		expect(nodes.map((n) => n.label)).toEqual([
			'quiet + open',
			'quiet + stalled',
			'hot + stalled',
			'war + stalled'
		]);
	});

	it('no paths, no nodes', () => {
		expect(toSankey(wait.chain, [])).toEqual({ nodes: [], links: [], unrolled: false });
	});

	it('does not mutate the paths', () => {
		const paths = likelyPaths(hold.chain, { endingWith: 'crisis.talks.deal', perOutcome: 3 });
		const copy = structuredClone(paths);
		toSankey(hold.chain, paths);
		expect(paths).toEqual(copy);
	});
});

/** Run d3-sankey's layout on a copy (it writes into its input); it throws on a circular link. */
function layOut({ nodes, links }: SankeyData) {
	return sankey<object, object>()
		.nodeWidth(10)
		.extent([
			[0, 0],
			[600, 400]
		])({ nodes: nodes.map((n) => ({ ...n })), links: links.map((l) => ({ ...l })) });
}

describe('d3-sankey lays out every shipped scenario', () => {
	const shipped = [...shippedById().values()];

	it('ships scenarios to check', () => expect(shipped.length).toBeGreaterThanOrEqual(4));

	it.each(shipped.map((loaded) => ({ id: loaded.scenario.id, loaded })))(
		'$id, default choices, every outcome and each one',
		({ loaded }) => {
			const { chain, exact } = analyze(loaded.compiled);
			const views = [likelyPaths(chain, { perOutcome: 2, maxPaths: 12 })];
			for (const o of exact.outcomes)
				if (o.probability > 0) views.push(likelyPaths(chain, { endingWith: o.id, perOutcome: 8 }));
			for (const paths of views) {
				expect(paths.length).toBeGreaterThan(0);
				const graph = layOut(toSankey(chain, paths));
				for (const node of graph.nodes) {
					expect(Number.isFinite(node.x0) && Number.isFinite(node.y1)).toBe(true);
				}
			}
		}
	);

	it('is the check that can fail: a state-keyed loop is refused', () => {
		const paths = likelyPaths(hold.chain, { endingWith: 'crisis.talks.deal', perOutcome: 3 });
		const { nodes, links } = toSankey(hold.chain, paths);
		// Key by state alone (what toSankey does without a loop): the link graph is circular.
		const byState = links.map((l) => ({
			...l,
			source: nodes.findIndex((n) => n.state === nodes[l.source].state),
			target: nodes.findIndex((n) => n.state === nodes[l.target].state)
		}));
		expect(() => layOut({ nodes, links: byState, unrolled: false })).toThrow(/circular link/);
	});
});
