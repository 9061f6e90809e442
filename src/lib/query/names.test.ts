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
				input: 'P(war within 3) < 1',
				expected: [
					{
						message: '"within" is not yet supported — coming with observations',
						column: 7,
						hint: 'leave out within k for now'
					}
				]
			},
			{
				input: 'P(war | crisis) < 1',
				expected: [
					{
						message: 'a condition "|" is not yet supported — coming with observations',
						column: 9,
						hint: 'state the condition as settings for now: P(a) under actor.choice=option'
					}
				]
			}
		];
	it.each(cases)('$input', ({ input, expected }) => {
		expect(problems(input)).toEqual(expected);
	});
});
