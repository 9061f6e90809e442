import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../tests/unit/fixtures';
import {
	compile,
	initialSnapshot,
	likelihoodValues,
	resolveChoices,
	SettingsError,
	type Compiled
} from './compile';

const load = loadFixture;

const ladder = load('ladder.yaml').compiled;
const regions = load('regions.yaml').compiled;
const flare = 'crisis.front.quiet:front.flare';

describe('compile', () => {
	it('collects the default choices and the indicators', () => {
		expect(ladder.defaultChoices).toEqual({ 'west.posture': 'wait' });
		expect(ladder.indicatorIds).toEqual(['escalation']);
		expect(regions.defaultChoices).toEqual({ 'north.stance': 'hold' });
		expect(regions.indicatorIds).toEqual(['heat']);
	});

	it('names the machine after the scenario', () => {
		expect(ladder.machine.id).toBe('ladder');
		expect(compile(ladder.model).machine.id).toBe('ladder');
	});
});

describe('initialSnapshot', () => {
	it.each<{
		compiled: Compiled;
		choices: Record<string, string>;
		value: unknown;
		indicators: Record<string, number>;
	}>([
		{
			compiled: ladder,
			choices: { 'west.posture': 'wait' },
			value: 'talks',
			indicators: { escalation: 0 }
		},
		{
			compiled: regions,
			choices: { 'north.stance': 'push' },
			value: { crisis: { front: 'quiet', talks: 'open' } },
			indicators: { heat: 0 }
		}
	])(
		'starts $compiled.machine.id in its initial states',
		({ compiled, choices, value, indicators }) => {
			const snapshot = initialSnapshot(compiled, choices);
			expect(snapshot.value).toEqual(value);
			expect(snapshot.context).toEqual({ choices, indicators });
			expect(snapshot.context.choices).not.toBe(choices);
		}
	);
});

describe('resolveChoices', () => {
	it.each<{ input: Record<string, string> | undefined; expected: Record<string, string> }>([
		{ input: undefined, expected: { 'west.posture': 'wait' } },
		{ input: {}, expected: { 'west.posture': 'wait' } },
		{ input: { 'west.posture': 'press' }, expected: { 'west.posture': 'press' } },
		{ input: { 'west.posture': 'wait' }, expected: { 'west.posture': 'wait' } }
	])('$input', ({ input, expected }) => {
		expect(resolveChoices(ladder, input)).toEqual(expected);
	});

	it.each<{ input: Record<string, string>; expected: string | RegExp }>([
		{
			input: { 'west.postur': 'press' },
			expected: 'unknown choice "west.postur" (did you mean "west.posture"?)'
		},
		{ input: { posture: 'press' }, expected: /^unknown choice "posture"/ },
		{ input: { 'east.posture': 'press' }, expected: /^unknown choice "east.posture"/ },
		{
			input: { 'west.posture': 'pres' },
			expected: '"pres" is not an option of west.posture (did you mean "press"?)'
		},
		{
			input: { 'west.posture': 'surrender' },
			expected: /^"surrender" is not an option of west.posture/
		}
	])('refuses $input', ({ input, expected }) => {
		expect(() => resolveChoices(ladder, input)).toThrow(SettingsError);
		expect(() => resolveChoices(ladder, input)).toThrow(expected);
	});

	it('changes neither the overrides nor the defaults', () => {
		const overrides = { 'west.posture': 'press' };
		const choices = resolveChoices(ladder, overrides);
		choices['west.posture'] = 'changed';
		expect(overrides).toEqual({ 'west.posture': 'press' });
		expect(ladder.defaultChoices).toEqual({ 'west.posture': 'wait' });
	});
});

describe('likelihoodValues', () => {
	it('gives fixed values, 1 for certain, NaN for rest (ladder)', () => {
		// talks.fail 0.4, talks.hold rest, west.press certain, crisis.fight 0.75, crisis.calm rest
		expect(Array.from(likelihoodValues(ladder))).toEqual([0.4, Number.NaN, 1, 0.75, Number.NaN]);
	});

	it.each<{ input: Record<string, number>; expected: number }>([
		{ input: {}, expected: (0.55 + 0.8) / 2 },
		{ input: { [flare]: 0.6 }, expected: 0.6 },
		{ input: { [flare]: 0.55 }, expected: 0.55 },
		{ input: { [flare]: 0.8 }, expected: 0.8 }
	])('sets the ranged "likely" flare-up to $expected', ({ input, expected }) => {
		const values = likelihoodValues(regions, input);
		const t = regions.model.transitions.find((x) => x.id === flare)!;
		expect(values[t.index]).toBeCloseTo(expected, 12);
		// the others keep their values: cool 0.5 and deal 0.3
		expect(values[regions.model.transitions.find((x) => x.event === 'front.cool')!.index]).toBe(
			0.5
		);
		expect(values[regions.model.transitions.find((x) => x.event === 'talks.deal')!.index]).toBe(
			0.3
		);
	});

	it.each<{ compiled: Compiled; input: Record<string, number>; expected: string | RegExp }>([
		{
			compiled: regions,
			input: { [flare]: 0.9 },
			expected: `likelihood 0.9 of "${flare}" is outside its range [0.55, 0.8]`
		},
		{
			compiled: regions,
			input: { [flare]: 0.5 },
			expected: `likelihood 0.5 of "${flare}" is outside its range [0.55, 0.8]`
		},
		{ compiled: regions, input: { [flare]: Number.NaN }, expected: /is outside its range/ },
		{
			compiled: regions,
			input: { 'crisis.front.quiet:front.flair': 0.6 },
			expected: `unknown transition "crisis.front.quiet:front.flair" (did you mean "${flare}"?)`
		},
		{
			compiled: ladder,
			input: { 'talks:talks.fail': 0.5 },
			expected: 'transition "talks:talks.fail" has no likelihood range to set'
		},
		{
			compiled: ladder,
			input: { 'talks:talks.hold': 0.5 },
			expected: 'transition "talks:talks.hold" has no likelihood range to set'
		}
	])('refuses $input', ({ compiled, input, expected }) => {
		expect(() => likelihoodValues(compiled, input)).toThrow(SettingsError);
		expect(() => likelihoodValues(compiled, input)).toThrow(expected);
	});

	it('changes neither the overrides nor the model', () => {
		const overrides = Object.freeze({ [flare]: 0.6 });
		likelihoodValues(regions, overrides);
		expect(overrides).toEqual({ [flare]: 0.6 });
		expect(regions.model.transitions.find((x) => x.id === flare)!.likelihood).toMatchObject({
			kind: 'range',
			low: 0.55,
			high: 0.8
		});
	});
});

describe('regressions', () => {
	it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
		'an inherited property name (%s) is an unknown choice',
		(key) => {
			expect(() => resolveChoices(ladder, { [key]: 'x' })).toThrow(SettingsError);
		}
	);
});
