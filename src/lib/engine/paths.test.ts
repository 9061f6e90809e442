import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../tests/unit/fixtures';
import { analyze } from './analyze';
import { likelyPaths, toSankey } from './paths';

const ladder = loadFixture('ladder.yaml');
const regions = loadFixture('regions.yaml');
const wait = analyze(ladder, { choices: { 'west.posture': 'wait' } });
const press = analyze(ladder, { choices: { 'west.posture': 'press' } });
const hold = analyze(regions, { choices: { 'north.stance': 'hold' } });

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

describe('likelyPaths errors', () => {
	it.each([
		{ options: { perOutcome: 0 }, message: /invalid perOutcome: 0/ },
		{ options: { maxPaths: 1.5 }, message: /invalid maxPaths: 1.5/ },
		{ options: { maxLength: -1 }, message: /invalid maxLength: -1/ }
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
		expect(toSankey(wait.chain, [])).toEqual({ nodes: [], links: [] });
	});
});
