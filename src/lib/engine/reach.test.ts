import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../tests/unit/fixtures';
import { shippedById } from '../scenarios/registry';
import { analyze, type Analysis } from './analyze';
import { isAbsorbing } from './explore';
import { flowInto, reachProbability } from './reach';

const ladder = loadFixture('ladder.yaml');
const regions = loadFixture('regions.yaml');
const wait = analyze(ladder.compiled, { choices: { 'west.posture': 'wait' } });

const ending = (analysis: Analysis, leaf: string) => (s: number) =>
	isAbsorbing(analysis.chain, s) && analysis.chain.leaves[s].includes(leaf);
const flowOf = (analysis: Analysis, flow: Float64Array, event: string) =>
	flow[analysis.chain.compiled.model.transitions.find((t) => t.event === event)!.index];

describe('reachProbability and flowInto, ladder by hand', () => {
	// talks: fail 0.4 → crisis, hold 0.6 → settled; crisis under wait: fight 0.75 → war, calm 0.25.
	it.each([
		{
			leaf: 'war',
			probability: 0.3,
			flow: { 'talks.fail': 0.3, 'talks.hold': 0, 'crisis.fight': 0.3, 'crisis.calm': 0 }
		},
		{
			leaf: 'settled',
			probability: 0.7,
			flow: { 'talks.fail': 0.1, 'talks.hold': 0.6, 'crisis.fight': 0, 'crisis.calm': 0.1 }
		}
	])('$leaf', ({ leaf, probability, flow }) => {
		const reach = reachProbability(wait.chain, ending(wait, leaf));
		expect(reach[0]).toBeCloseTo(probability, 12);
		const into = flowInto(wait.chain, reach);
		for (const [event, expected] of Object.entries(flow))
			expect(flowOf(wait, into, event), event).toBeCloseTo(expected, 12);
	});
});

const cases = [
	{ name: 'regions hold (a loop)', analysis: analyze(regions.compiled) },
	{
		name: 'regions push',
		analysis: analyze(regions.compiled, { choices: { 'north.stance': 'push' } })
	},
	...[...shippedById().values()].map((loaded) => ({
		name: loaded.scenario.id,
		analysis: analyze(loaded.compiled)
	}))
];

describe.each(cases)('$name', ({ analysis }) => {
	const { chain, exact } = analysis;

	it('from the start, reach is each outcome’s exact probability', () => {
		for (const o of exact.outcomes)
			expect(reachProbability(chain, ending(analysis, o.id))[0], o.id).toBeCloseTo(
				o.probability,
				12
			);
	});

	it('the outcomes of a region split every transition’s flow between them', () => {
		const regionsOf = new Set(exact.outcomes.map((o) => o.region));
		for (const region of regionsOf) {
			const sum = new Float64Array(exact.transitionFlow.length);
			for (const o of exact.outcomes.filter((x) => x.region === region)) {
				const into = flowInto(chain, reachProbability(chain, ending(analysis, o.id)));
				into.forEach((v, i) => (sum[i] += v));
			}
			sum.forEach((v, i) => expect(v, `${region} ${i}`).toBeCloseTo(exact.transitionFlow[i], 12));
		}
	});
});
