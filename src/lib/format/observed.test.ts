import { describe, expect, it } from 'vitest';
import { givenCaption, givenLine, leftOutText, withWas } from './observed';

describe('the words of a conditioned figure', () => {
	it.each([
		{ now: 0.62, before: 0.4, expected: '62\u00a0% (was 40\u00a0%)' },
		{ now: 0.62, before: undefined, expected: '62\u00a0%' },
		{ now: 0.004, before: 0.3, expected: '0.4\u00a0% (was 30\u00a0%)' }
	])('withWas($now, $before)', ({ now, before, expected }) => {
		expect(withWas(now, before)).toBe(expected);
	});

	it.each([
		{ what: 'These bars', expected: 'These bars are given what you marked as observed.' },
		{ what: 'The verdict', expected: 'The verdict is given what you marked as observed.' }
	])('givenLine($what)', ({ what, expected }) => {
		expect(givenLine(what)).toBe(expected);
	});
});

describe('leftOutText', () => {
	const choice = { kind: 'choice' as const, id: 'west.posture', label: 'Posture' };
	const likelihood = { kind: 'likelihood' as const, id: 'a:go', label: 'Go' };
	it.each([
		{ name: 'nothing left out', result: { bars: [choice] }, expected: undefined },
		{
			name: "an option, by the reader's label",
			result: { bars: [{ ...choice, impossibleAt: ['wait'] }] },
			expected: 'Left out where what you marked could not have happened: “Posture” at Wait.'
		},
		{
			name: 'a likelihood end, and a factor left out whole',
			result: {
				bars: [{ ...likelihood, impossibleAt: [0] }],
				leftOut: [{ id: 'b:stop', label: 'Stop' }]
			},
			expected:
				'Left out where what you marked could not have happened: “Go” at likelihood 0\u00a0%; “Stop” at either end (its bar is left out).'
		}
	])('$name', ({ result, expected }) => {
		expect(leftOutText(result, { options: { 'west.posture': { wait: 'Wait' } } })).toBe(expected);
	});
});

describe('givenCaption', () => {
	it('names the count, the chance before and each observation', () => {
		expect(givenCaption(2, 0.4, ['“Crisis” happened', '“War” did not happen'])).toBe(
			'Given what you marked as observed (2 events, 40\u00a0% likely before): “Crisis” happened; “War” did not happen. The figure before each is beside it.'
		);
	});
});
