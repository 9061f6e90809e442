import { describe, expect, it } from 'vitest';
import { fixtureResolver, fixtureText } from '../../../tests/unit/fixtures';
import { toLikelihood, type Likelihood } from './likelihood';
import { parseText } from './parse';
import type { LikelihoodSpec } from './schema';
import { validateDocument } from './validate';
import { toBand, toWordingKey, wordingConflicts } from './wordingBands';

describe('toWordingKey', () => {
	it.each([
		{ input: 'risks damaging', expected: 'risks damaging' },
		{ input: '  Risks   DAMAGING.  ', expected: 'risks damaging' },
		{ input: 'Iran’s preference … no match', expected: 'iran s preference no match' },
		{ input: "Iran's preference... no match", expected: 'iran s preference no match' },
		{ input: 'hard-to-resist', expected: 'hard to resist' },
		{ input: '"guaranteed"', expected: 'guaranteed' },
		{ input: ' … ', expected: '' }
	])('$input → "$expected"', ({ input, expected }) => {
		expect(toWordingKey(input)).toBe(expected);
	});
});

const like = (spec: LikelihoodSpec) => toLikelihood(spec) as Likelihood;

describe('toBand', () => {
	it.each([
		{ spec: 'likely', expected: { key: '[0.55, 0.8]', text: 'likely [0.55, 0.8]' } },
		{ spec: [0.55, 0.8], expected: { key: '[0.55, 0.8]', text: '[0.55, 0.8]' } },
		{ spec: 0.4, expected: { key: '0.4', text: '0.4' } },
		{ spec: [0.3, 0.3], expected: { key: '0.3', text: '0.3' } },
		{ spec: 'rest', expected: undefined },
		{ spec: undefined, expected: undefined }
	] as { spec: LikelihoodSpec; expected: unknown }[])('$spec', ({ spec, expected }) => {
		expect(toBand(like(spec))).toEqual(expected);
	});
});

describe('wordingConflicts', () => {
	const step = (id: string, spec: LikelihoodSpec) => ({ id, likelihood: like(spec) });
	const ids = (steps: ReturnType<typeof step>[]) =>
		wordingConflicts(steps).map(
			(c) => `${c.step.id} ≠ ${c.first.id}: ${c.band.text} / ${c.firstBand.text}`
		);

	it.each([
		{
			name: 'a term and its band written out are one band',
			steps: [
				step('a', { term: 'likely', basis: 'hard to resist' }),
				step('b', { range: [0.55, 0.8], basis: 'Hard to resist.' })
			],
			expected: []
		},
		{
			name: 'one wording, two bands: the later step is named, beside the first',
			steps: [
				step('a', { range: [0.45, 0.8], basis: 'risks damaging' }),
				step('b', { range: [0.3, 0.6], basis: 'risks damaging' }),
				step('c', { range: [0.45, 0.8], basis: 'risks  damaging' })
			],
			expected: ['b ≠ a: [0.3, 0.6] / [0.45, 0.8]']
		},
		{
			name: 'a number beside a term',
			steps: [
				step('a', { value: 0.4, basis: 'risks' }),
				step('b', { term: 'roughly even chance', basis: 'risks' })
			],
			expected: ['b ≠ a: roughly even chance [0.45, 0.55] / 0.4']
		},
		{
			name: 'silence is not a wording, and rest has no band',
			steps: [
				step('a', { range: [0.05, 0.3], basis: 'silent' }),
				step('b', { range: [0.3, 0.7], basis: 'Silent' }),
				step('c', { rest: true, basis: 'risks' }),
				step('d', { value: 0.4, basis: 'risks' }),
				step('e', { value: 0.4 })
			],
			expected: []
		},
		{
			name: 'a departure with its reason is not compared',
			steps: [
				step('a', { term: 'very likely', basis: 'hard to resist' }),
				step('b', {
					term: 'likely',
					basis: 'hard to resist',
					proposal: {
						term: 'very likely',
						wording: 'hard to resist',
						decision: 'overridden',
						reason: 'The same sentence says he has reservations.'
					}
				})
			],
			expected: []
		},
		{
			name: 'an override without a reason is',
			steps: [
				step('a', { term: 'very likely', basis: 'hard to resist' }),
				step('b', {
					term: 'likely',
					basis: 'hard to resist',
					proposal: { term: 'very likely', wording: 'hard to resist', decision: 'overridden' }
				})
			],
			expected: ['b ≠ a: likely [0.55, 0.8] / very likely [0.8, 0.95]']
		}
	])('$name', ({ steps, expected }) => {
		const before = structuredClone(steps);
		expect(ids(steps)).toEqual(expected);
		expect(steps).toEqual(before);
	});
});

describe('the warning, through validateDocument', () => {
	const ladder = fixtureText('ladder.yaml');
	const validate = (text: string) => {
		const parsed = parseText('ladder.yaml', text);
		if (!parsed.ok) throw new Error(parsed.diagnostics[0].message);
		const result = validateDocument(parsed.document, fixtureResolver);
		if (!result.ok) throw new Error(result.diagnostics[0].message);
		return result.warnings;
	};
	const twoBands = ladder
		.replace('likelihood: 0.4\n', 'likelihood: { value: 0.4, basis: risks }\n')
		.replace('likelihood: 0.75\n', 'likelihood: { value: 0.75, basis: risks }\n');

	it('none for the ladder as it is', () => {
		expect(validate(ladder)).toEqual([]);
	});

	it('one, at the second basis, naming both steps and both bands', () => {
		const line = twoBands.split('\n').findIndex((l) => l.includes('value: 0.75')) + 1;
		const first = twoBands.split('\n').findIndex((l) => l.includes('value: 0.4')) + 1;
		expect(validate(twoBands)).toEqual([
			expect.objectContaining({
				line,
				path: 'statechart.states.crisis.on.1.likelihood.basis',
				severity: 'warning',
				message: `basis "risks" gives 0.75 here (crisis:crisis.fight), but 0.4 at talks:talks.fail (line ${first}): one wording, one band`,
				hint: expect.stringContaining('decision: overridden, reason:')
			})
		]);
	});

	it('none once the second step says why it departs', () => {
		const departs = twoBands.replace(
			'likelihood: { value: 0.75, basis: risks }',
			'likelihood: { value: 0.75, basis: risks, proposal: { term: roughly even chance, wording: risks, decision: overridden, reason: The memo says the sides will probably fight. } }'
		);
		expect(validate(departs)).toEqual([]);
	});
});
