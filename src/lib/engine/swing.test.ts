import { describe, expect, it } from 'vitest';
import { fixtureResolver } from '../../../tests/unit/fixtures';
import { analyze } from './analyze';
import { loadScenario } from './load';
import { solveExact } from './solve';
import { swungWeights } from './swing';

/** One state, three numbered ways out (0.2, 0.3, 0.5), no rest. */
const three = `
id: three
title: Three
actors: {}
statechart:
  initial: s
  states:
    s:
      on:
        - { event: x, target: a, by: chance, likelihood: 0.2, assumption: a }
        - { event: y, target: b, by: chance, likelihood: 0.3, assumption: b }
        - { event: z, target: c, by: chance, likelihood: 0.5, assumption: c }
    a: { type: final }
    b: { type: final }
    c: { type: final }
`;

function load(text: string) {
	const result = loadScenario('three.yaml', text, fixtureResolver);
	if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
	return result.value.compiled;
}

describe('swungWeights', () => {
	const compiled = load(three);
	const { chain, values } = analyze(compiled);

	it('without a rest, the others take the gap in proportion: x at 0.6 leaves 0.4 to y and z as 3 : 5', () => {
		const draw = values.slice();
		draw[0] = 0.6;
		const p = Array.from(swungWeights(chain, draw, new Set([0])));
		// y: 0.3 · 0.4/0.8 = 0.15, z: 0.5 · 0.4/0.8 = 0.25.
		expect(p[0]).toBeCloseTo(0.6, 12);
		expect(p[1]).toBeCloseTo(0.15, 12);
		expect(p[2]).toBeCloseTo(0.25, 12);
	});

	it('leaves the chain as explored when nothing moves', () => {
		const p = swungWeights(chain, values, new Set([0]));
		expect(Array.from(p)).toEqual(Array.from(chain.edgeProbability));
	});

	it('a step alone at 0.5 waits the rest: the endings do not change', () => {
		const alone = load(`
id: alone
title: Alone
actors: {}
statechart:
  initial: s
  states:
    s:
      on: [{ event: go, target: t, by: chance, assumption: certain }]
    t: { type: final }
`);
		const a = analyze(alone);
		const draw = a.values.slice();
		draw[0] = 0.5;
		const result = solveExact(a.chain, swungWeights(a.chain, draw, new Set([0])));
		expect(result.outcomes[0].probability).toBeCloseTo(1, 12);
	});
});
