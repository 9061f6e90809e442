import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../tests/unit/fixtures';
import { checkNames } from './names';
import { parseExpression } from './parse';

const { model } = loadFixture('ladder-claims.yaml');

function problems(text: string) {
	const parsed = parseExpression(text);
	if (!parsed.ok) throw new Error(parsed.error.message);
	return checkNames(parsed.expression, model).map((p) => ({
		message: p.message,
		column: p.column,
		hint: p.hint
	}));
}

describe('checkNames', () => {
	it('accepts known states, dimensions, choices and options', () => {
		expect(problems('P(war) < E[peace] under west.posture=press')).toEqual([]);
	});

	it('accepts observations: within k, a condition, a transition id, steps until', () => {
		expect(
			problems(
				'P(war within 3 | crisis and not talks:talks.fail within 2) < E[peace | not war] and E[steps until war] < 3'
			)
		).toEqual([]);
	});

	it('accepts a curve where a question allows it', () => {
		const parsed = parseExpression('P(war within 1..3) < 1');
		if (!parsed.ok) throw new Error(parsed.error.message);
		expect(checkNames(parsed.expression, model, { curves: true })).toEqual([]);
	});

	const cases: { input: string; expected: { message: string; column: number; hint?: string }[] }[] =
		[
			{
				input: 'P(wra) < 1',
				expected: [{ message: 'unknown state "wra"', column: 3, hint: 'did you mean "war"?' }]
			},
			{
				input: 'E[paece] < 1',
				expected: [
					{ message: 'unknown dimension "paece"', column: 3, hint: 'did you mean "peace"?' }
				]
			},
			{
				input: 'P(war) under west.postur=press < 1',
				expected: [
					{
						message: 'unknown choice "west.postur"',
						column: 14,
						hint: 'did you mean "west.posture"?'
					}
				]
			},
			{
				input: 'P(war) under west.posture=pres < 1',
				expected: [
					{
						message: '"pres" is not an option of west.posture',
						column: 27,
						hint: 'did you mean "press"?'
					}
				]
			},
			{
				input: 'P(war) under west.posture=press, west.posture=wait < 1',
				expected: [
					{
						message: 'west.posture is set twice in one term',
						column: 34,
						hint: 'set each choice once'
					}
				]
			},
			{
				input: 'P(war within 1..3) < 1',
				expected: [
					{
						message: 'a range of steps (a curve) is for a question, not a claim',
						column: 7,
						hint: 'compare one number of steps, as in within 6'
					}
				]
			},
			{
				input: 'P(war within 1001) < 1',
				expected: [
					{
						message: 'within 1001 steps, over the limit of 1000',
						column: 7,
						hint: 'ask within at most 1000 steps'
					}
				]
			},
			{
				input: 'P(war | crisi and not talks:talks.fial) < 1',
				expected: [
					{ message: 'unknown state "crisi"', column: 9, hint: 'did you mean "crisis"?' },
					{
						message: 'unknown transition "talks:talks.fial"',
						column: 23,
						hint: 'did you mean "talks:talks.fail"?'
					}
				]
			},
			{
				input: 'E[steps until wr | crisis] < 1',
				expected: [{ message: 'unknown state "wr"', column: 15, hint: 'did you mean "war"?' }]
			}
		];
	it.each(cases)('$input', ({ input, expected }) => {
		expect(problems(input)).toEqual(expected);
	});
});
