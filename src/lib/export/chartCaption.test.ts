import { describe, expect, it } from 'vitest';
import { changeInWords, chartCaption, sourceLine, type ChartContext } from './chartCaption';

const article = {
	title: 'Backing Iran could be an even bigger miscalculation',
	author: null,
	outlet: null,
	date: { from: '2024-08-05', to: '2024-08-11' }
};
const context: ChartContext = {
	scenario: 'Regional escalation',
	sources: [article],
	changes: [],
	seed: 1,
	link: 'https://example.org/scenario/regional-escalation'
};
const full = {
	label: 'Russia: How does Russia answer Iran’s request for hardware?',
	from: 'Decline or delay',
	to: 'Full package'
};
const texts = (lines: { text: string }[]) => lines.map((l) => l.text);

describe('chartCaption', () => {
	it('the default view: title, scenario and source above; defaults, date and link below', () => {
		const { above, below } = chartCaption('Probability of each outcome', context, '2025-03-01');
		expect(above).toEqual([
			{ style: 'title', text: 'Probability of each outcome' },
			{ style: 'subtitle', text: 'Regional escalation' },
			{
				style: 'note',
				text: 'Source: “Backing Iran could be an even bigger miscalculation” (2024-08-05 – 2024-08-11)'
			}
		]);
		expect(below).toEqual([
			{ style: 'note', text: 'Settings: the scenario’s defaults.' },
			{ style: 'note', text: 'Made with Brink on 2025-03-01. This view:' },
			{ style: 'link', text: 'https://example.org/scenario/regional-escalation' }
		]);
	});

	it('with the scenario’s basis: its confidence and what the numbers are, under the source', () => {
		const basis = {
			line: 'Confidence: low — one source, an opinion piece by an unnamed author in an unnamed outlet.',
			note: 'These are the probabilities of a model of one argument (“Backing Iran”), not a forecast.'
		};
		const { above } = chartCaption('Outcomes', { ...context, basis }, '2025-03-01');
		expect(above.slice(2)).toEqual([
			{ style: 'note', text: expect.stringMatching(/^Source: /) },
			{ style: 'note', text: basis.line },
			{ style: 'note', text: basis.note }
		]);
	});

	it('each changed setting in words, the seed and a pinned baseline', () => {
		const { below } = chartCaption(
			'Compare',
			{
				...context,
				changes: [full, { label: 'Likelihood of “flare”', from: '67.5 %', to: '60.0 %' }],
				seed: 7,
				baseline: []
			},
			'2025-03-01'
		);
		expect(texts(below)).toEqual([
			'Settings, changed from the defaults:',
			'• Russia: How does Russia answer Iran’s request for hardware? Full package (default: Decline or delay)',
			'• Likelihood of “flare”: 60.0 % (default: 67.5 %)',
			'Seed 7 (default 1) for the Monte Carlo runs and chance’s steps.',
			'Baseline pinned for comparison: the scenario’s defaults.',
			'Made with Brink on 2025-03-01. This view:',
			'https://example.org/scenario/regional-escalation'
		]);
	});

	it('without a context (a chart outside the dashboard): the title and the date', () => {
		expect(chartCaption('Outcomes', undefined, '2025-03-01')).toEqual({
			above: [{ style: 'title', text: 'Outcomes' }],
			below: [{ style: 'note', text: 'Made with Brink on 2025-03-01.' }]
		});
	});

	it('does not change the context it is given', () => {
		const given = structuredClone({ ...context, changes: [full] });
		const before = structuredClone(given);
		chartCaption('Outcomes', given, '2025-03-01');
		expect(given).toEqual(before);
	});
});

describe('sourceLine', () => {
	it.each([
		{ sources: [], expected: 'Source: none cited; every step is the model’s assumption.' },
		{
			sources: [
				{
					title: 'T',
					author: 'A. Writer',
					outlet: 'The Paper',
					date: '2024-08-09',
					url: 'https://p.example/t'
				}
			],
			expected: 'Source: “T”, by A. Writer, The Paper (2024-08-09), https://p.example/t'
		},
		{
			sources: [{ title: 'T' }, { title: 'U', outlet: 'Wire' }],
			expected: 'Sources: “T”; “U”, Wire'
		}
	])('$expected', ({ sources, expected }) => {
		expect(sourceLine(sources)).toBe(expected);
	});
});

describe('changeInWords', () => {
	it('adds a colon only where the label has no question mark or colon', () => {
		expect(changeInWords({ label: 'Q?', from: 'a', to: 'b' })).toBe('Q? b (default: a)');
		expect(changeInWords({ label: 'L', from: 'a', to: 'b' })).toBe('L: b (default: a)');
	});
});
