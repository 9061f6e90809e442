import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../tests/unit/fixtures';
import type { Likelihood } from '../scenario/likelihood';
import type { TransitionInfo } from '../scenario/model';
import { describeLikelihood, explainStep } from './explainStep';

const ladder = loadFixture('ladder.yaml');
const regions = loadFixture('regions.yaml');
const withLikelihood = (likelihood: Likelihood) => ({ likelihood }) as TransitionInfo;
const plain = (s: string) => s.replaceAll('\u00a0', ' ');

describe('describeLikelihood', () => {
	it.each([
		{
			name: 'a term at its middle',
			likelihood: { kind: 'range', low: 0.55, high: 0.8, term: 'likely' },
			value: 0.675,
			expected: { word: 'likely', band: [0.55, 0.8], range: [0.55, 0.8], text: 'likely (55–80 %)' }
		},
		{
			name: 'a term set by the user outside its band reads by the value',
			likelihood: { kind: 'range', low: 0.55, high: 0.8, term: 'likely' },
			value: 0.9,
			expected: { word: 'very likely', band: [0.8, 0.95], text: 'very likely (80–95 %)' }
		},
		{
			name: 'a fixed value reads as the band that holds it',
			likelihood: { kind: 'fixed', value: 0.4 },
			value: 0.4,
			expected: { word: 'unlikely', band: [0.2, 0.45], text: 'unlikely (20–45 %)' }
		},
		{
			name: 'a range without a term, at its middle',
			likelihood: { kind: 'range', low: 0.45, high: 0.8 },
			value: 0.625,
			expected: { word: 'likely', range: [0.45, 0.8], text: 'likely (55–80 %)' }
		},
		{
			name: 'rest, as evaluated',
			likelihood: { kind: 'rest' },
			value: 0.25,
			expected: { word: 'unlikely', text: 'unlikely (20–45 %)' }
		},
		{
			name: 'no likelihood: certain',
			likelihood: { kind: 'certain' },
			value: 1,
			expected: { word: 'certain', text: 'certain' }
		},
		{
			name: 'rest that takes everything',
			likelihood: { kind: 'rest' },
			value: 1,
			expected: { word: 'certain', text: 'certain' }
		},
		{
			name: 'below the scale',
			likelihood: { kind: 'fixed', value: 0.004 },
			value: 0.004,
			expected: { word: 'almost no chance', text: 'almost no chance (0.4 %)' }
		},
		{
			name: 'above the scale',
			likelihood: { kind: 'fixed', value: 0.995 },
			value: 0.995,
			expected: { word: 'almost certain', text: 'almost certain (99.5 %)' }
		}
	] as {
		name: string;
		likelihood: Likelihood;
		value: number;
		expected: Record<string, unknown>;
	}[])('$name', ({ likelihood, value, expected }) => {
		const described = describeLikelihood(withLikelihood(likelihood), value);
		expect({ ...described, text: plain(described.text) }).toMatchObject(expected);
		expect(described.value).toBe(value);
		if ('band' in expected && expected.band === undefined) expect(described.band).toBeUndefined();
	});
});

describe('explainStep', () => {
	const byId = (loaded: typeof ladder, id: string) =>
		loaded.model.transitions.find((t) => t.id === id)!;
	const memo = [{ id: 'memo', title: 'A short memo used by the tests' }];

	it.each([
		{
			name: 'chance, quoted',
			loaded: ladder,
			id: 'talks:talks.fail',
			value: 0.4,
			expected: {
				by: { id: 'chance', label: 'chance' },
				quote: {
					text: 'Talks may fail.',
					stance: 'supports',
					source: 'memo',
					sourceTitle: memo[0].title
				},
				supported: true
			}
		},
		{
			name: 'an actor decides',
			loaded: ladder,
			id: 'crisis:west.press',
			value: 1,
			expected: { by: { id: 'west', label: 'The West' }, supported: true }
		},
		{
			name: 'an assumption only',
			loaded: regions,
			id: 'crisis.front.hot:front.cool',
			value: 0.5,
			expected: {
				assumption: 'Flare-ups cool half the time.',
				supported: false,
				region: 'crisis.front'
			}
		}
	])('$name', ({ loaded, id, value, expected }) => {
		const step = explainStep(byId(loaded, id), value, loaded.scenario, memo);
		expect(step).toMatchObject({ transition: id, label: byId(loaded, id).label, ...expected });
		if (!expected.supported) expect(step.quote).toBeUndefined();
	});

	it('without the sources, a quote keeps its source id and has no title', () => {
		const step = explainStep(byId(ladder, 'talks:talks.fail'), 0.4, ladder.scenario);
		expect(step.quote).toEqual({ text: 'Talks may fail.', stance: 'supports', source: 'memo' });
	});

	it('does not mutate the transition', () => {
		const t = byId(ladder, 'talks:talks.fail');
		const copy = structuredClone(t);
		explainStep(t, 0.4, ladder.scenario, memo);
		expect(t).toEqual(copy);
	});
});
