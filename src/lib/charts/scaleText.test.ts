import { describe, expect, it } from 'vitest';
import { formatLevel, levelsText, scaleMeaning, scaleNote, scaleRange, unitOf } from './scaleText';

const ties = {
	label: 'Israel–Russia ties',
	levels: { '0': 'working', '-1': 'strained', '-2': 'ruptured' }
};
const position = { label: "Russia's position", description: 'Negative is worse for Russia' };
const bare = { label: 'Cost' };

describe('the words around a value', () => {
	it.each([
		{ scale: ties, value: -1, expected: '−1 (strained)' },
		{ scale: ties, value: -0.55, expected: '−0.55' },
		{ scale: ties, value: 1, expected: '1' },
		{ scale: bare, value: 2, expected: '2' }
	])('formatLevel($value) is $expected', ({ scale, value, expected }) => {
		expect(formatLevel(scale, value)).toBe(expected);
	});

	it.each([
		{
			name: 'the levels, lowest first',
			scale: ties,
			expected: '−2 ruptured, −1 strained, 0 working.'
		},
		{
			name: 'the description first',
			scale: { ...ties, ...position },
			expected: 'Negative is worse for Russia.'
		},
		{
			name: 'a description ending in a full stop',
			scale: { label: 'x', description: 'One.' },
			expected: 'One.'
		},
		{
			name: 'nothing said',
			scale: bare,
			expected: 'The scenario does not say what the values mean.'
		},
		{
			name: 'a blank description',
			scale: { label: 'x', description: ' ' },
			expected: 'The scenario does not say what the values mean.'
		}
	])('scaleMeaning: $name', ({ scale, expected }) => {
		expect(scaleMeaning(scale)).toBe(expected);
	});

	it('names the unit, the scale and its named ends', () => {
		expect(unitOf(bare, 'points')).toBe('points');
		expect(unitOf({ label: 'x', unit: 'rungs' }, 'points')).toBe('rungs');
		expect(scaleRange(ties, -2, 0, 'points')).toBe('−2 (ruptured) to 0 (working), in points');
		expect(scaleRange(bare, 0, 3, 'points')).toBe('0 to 3, in points');
		expect(levelsText(bare)).toBe('');
		expect(scaleNote(position, 'points')).toBe('Negative is worse for Russia. In points.');
		expect(scaleNote(ties, 'points')).toBe('Points: −2 ruptured, −1 strained, 0 working.');
		expect(scaleNote({ ...ties, unit: 'rungs', description: 'How bad.' }, 'points')).toBe(
			'How bad. In rungs.'
		);
		expect(scaleNote({ ...bare, unit: 'rungs' }, 'levels')).toBe(
			'The scenario does not say what the values mean. In rungs.'
		);
	});
});
