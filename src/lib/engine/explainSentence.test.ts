import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../tests/unit/fixtures';
import { explainSentence, toFactors, type Factor, type SentenceInput } from './explainSentence';
import { sensitivity } from './sensitivity';

const plain = (s: string) => s.replaceAll('\u00a0', ' ');
const memo = { title: 'Memo', author: null, outlet: null, date: '2024-08-06' };
const factor = { label: 'Posture', low: 0, high: 0.3 } as Factor;
const base: SentenceInput = { title: 'Ladder', sources: [memo], label: 'War', probability: 0.3 };

describe('explainSentence', () => {
	it.each([
		{
			name: 'figure only',
			input: base,
			expected: 'In this model of “Memo” (2024-08-06), “War” follows in about 30 % of runs.'
		},
		{
			name: 'interval and factor',
			input: { ...base, interval: { median: 0.31, low: 0.254, high: 0.346 }, factor },
			expected:
				'In this model of “Memo” (2024-08-06), “War” follows in about 30 % of runs (90 % interval 25–35 %); the largest factor is “Posture” (0 % to 30 %).'
		},
		{
			name: 'author, outlet and a date range',
			input: {
				...base,
				sources: [
					{
						title: 'Op-ed',
						author: 'A. Writer',
						outlet: 'The Paper',
						date: { from: '2024-08-05', to: '2024-08-11' }
					}
				]
			},
			expected:
				'In this model of “Op-ed” (A. Writer, The Paper, 2024-08-05 – 2024-08-11), “War” follows in about 30 % of runs.'
		},
		{
			name: 'no source',
			input: { ...base, sources: [] },
			expected: 'In the model “Ladder”, “War” follows in about 30 % of runs.'
		},
		{
			name: 'tiny: no "about", never 0 %',
			input: { ...base, probability: 0.0002 },
			expected: 'In this model of “Memo” (2024-08-06), “War” follows in < 0.1 % of runs.'
		},
		{
			name: 'zero',
			input: { ...base, probability: 0, interval: { median: 0, low: 0, high: 0 } },
			expected:
				'In this model of “Memo” (2024-08-06), “War” does not follow in any run under these settings.'
		},
		{
			name: 'certain',
			input: { ...base, probability: 1 },
			expected: 'In this model of “Memo” (2024-08-06), “War” follows in every run.'
		}
	])('$name', ({ input, expected }) => {
		expect(plain(explainSentence(input))).toBe(expected);
	});
});

describe('toFactors', () => {
	const ladder = loadFixture('ladder.yaml');
	const regions = loadFixture('regions.yaml');

	it('ladder: the posture, with its options’ labels', () => {
		expect(toFactors(sensitivity(ladder.compiled, {}, 'war'), ladder.scenario)).toEqual([
			{
				kind: 'choice',
				id: 'west.posture',
				label: 'Posture',
				low: 0,
				high: expect.closeTo(0.3, 12),
				lowAt: 'press',
				highAt: 'wait',
				lowLabel: 'Press for talks',
				highLabel: 'Wait',
				effect: expect.closeTo(0.3, 12)
			}
		]);
	});

	it('regions: at most three, largest first, none without effect; a likelihood reads in percent', () => {
		const result = sensitivity(regions.compiled, {}, 'crisis.front.war');
		const factors = toFactors(result, regions.scenario);
		expect(factors.length).toBeLessThanOrEqual(3);
		expect(factors.every((f) => f.effect > 0)).toBe(true);
		for (let i = 1; i < factors.length; i++)
			expect(factors[i].effect).toBeLessThanOrEqual(factors[i - 1].effect);
		const flare = factors.find((f) => f.id === 'crisis.front.quiet:front.flare')!;
		expect([plain(flare.lowLabel), plain(flare.highLabel)]).toEqual(['55 %', '80 %']);
		expect(toFactors(result, regions.scenario, 1)).toHaveLength(1);
	});
});
