import { describe, expect, it } from 'vitest';
import { fixtureResolver, loadFixture } from '../../../tests/unit/fixtures';
import { analyze } from './analyze';
import { loadScenario } from './load';
import { outcomeAssumptions } from './outcomeAssumptions';

/** Two regions that never look at each other, every step an assumption. */
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
          initial: a0
          states:
            a0:
              on:
                - { event: a.up, target: won, by: chance, likelihood: 0.6, assumption: Up. }
                - { event: a.stop, target: lost, by: chance, likelihood: rest, assumption: Stop. }
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
const loadedPair = loadScenario('pair.yaml', pairText, fixtureResolver);
if (!loadedPair.ok) throw new Error(loadedPair.diagnostics.map((d) => d.message).join('\n'));
const pair = analyze(loadedPair.value.compiled);
const hold = analyze(loadFixture('regions.yaml').compiled);

describe('outcomeAssumptions', () => {
	it.each([
		{
			name: 'pair, won, keyed by region a: b’s steps are independent, so left out',
			analysis: pair,
			outcome: 'both.a.won',
			region: 'both.a',
			expected: [{ transition: 'both.a.a0:a.up', probability: 0.6, share: 1, onPaths: true }]
		},
		{
			name: 'pair, won, joint: every step on its runs, b’s at their own odds',
			analysis: pair,
			outcome: 'both.a.won',
			region: '',
			expected: [
				{ transition: 'both.a.a0:a.up', probability: 0.6, share: 1, onPaths: true },
				{ transition: 'both.b.b0:b.no', probability: 0.45, share: 0.75, onPaths: true },
				{ transition: 'both.b.b0:b.go', probability: 0.15, share: 0.25, onPaths: true }
			]
		}
	])('$name', ({ analysis, outcome, region, expected }) => {
		const found = outcomeAssumptions(analysis, outcome, region);
		expect(found.map((a) => a.transition)).toEqual(expected.map((e) => e.transition));
		found.forEach((a, i) => {
			expect(a.probability).toBeCloseTo(expected[i].probability, 12);
			expect(a.share).toBeCloseTo(expected[i].share, 12);
			expect(a.onPaths).toBe(expected[i].onPaths);
		});
	});

	it('regions, a deal: the front’s steps are kept, as a deal waits on a quiet front', () => {
		const found = outcomeAssumptions(hold, 'crisis.talks.deal', 'crisis.talks');
		expect(found.find((a) => a.transition === 'crisis.talks.open:talks.deal')).toMatchObject({
			onPaths: true,
			share: expect.closeTo(1, 12),
			assumption: 'A deal needs a quiet front.'
		});
		const cool = found.find((a) => a.transition === 'crisis.front.hot:front.cool');
		expect(cool).toMatchObject({ onPaths: false, region: 'crisis.front' });
		// A quoted step (front.flare) is not an assumption.
		expect(found.some((a) => a.transition === 'crisis.front.quiet:front.flare')).toBe(false);
		for (let i = 1; i < found.length; i++)
			expect(found[i].probability).toBeLessThanOrEqual(found[i - 1].probability);
	});
});
