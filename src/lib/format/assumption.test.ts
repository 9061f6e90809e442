import { describe, expect, it } from 'vitest';
import {
	assumptionKind,
	assumptionOutcome,
	assumptionScore,
	assumptionSwing,
	formatPointsChange
} from './assumption';

const nbsp = '\u00a0';

describe('an assumption in words', () => {
	it.each([
		{ change: 0.2, expected: '+20 points' },
		{ change: -0.27, expected: '\u221227 points' },
		{ change: -0.01, expected: '\u22121 point' },
		{ change: 0.004, expected: '+0.4 points' },
		{ change: 0.00002, expected: `+<${nbsp}0.1 points` }
	])('formatPointsChange($change) is $expected', ({ change, expected }) => {
		expect(formatPointsChange(change)).toBe(expected);
	});

	it.each([
		{ a: { kind: 'range', basis: 'silent' }, expected: 'silent range' },
		{ a: { kind: 'range', basis: 'could' }, expected: 'range without a supporting quote' },
		{ a: { kind: 'certain' }, expected: 'certain step' },
		{ a: { kind: 'rest' }, expected: 'remainder' },
		{ a: { kind: 'fixed' }, expected: 'number' },
		{ a: { kind: 'score' }, expected: 'outcome score' }
	] as const)('the kind $a.kind reads $expected', ({ a, expected }) => {
		expect(assumptionKind(a)).toBe(expected);
	});

	it('writes the swing, and what moves, or why nothing can', () => {
		expect(assumptionSwing({ kind: 'certain', low: 0.5, high: 1 })).toBe(`50–100${nbsp}%`);
		expect(assumptionSwing({ kind: 'score', low: -2, high: 0 })).toBe('−2 to 0');
		const outcome = { id: 'hot', label: 'Hot', atLow: 0.1, atHigh: 0.3 };
		expect(assumptionOutcome({ reached: true, outcome })).toBe(
			`Hot: 10${nbsp}% → 30${nbsp}% (+20 points)`
		);
		expect(assumptionOutcome({ reached: true })).toBe('no outcome moves');
		expect(assumptionOutcome({ reached: false, outcome })).toBe('not reached under these settings');
		const score = { id: 'cost', label: 'Cost', atLow: 0.3, atHigh: 0.9, share: 0.2 };
		expect(assumptionScore({ reached: true, score })).toBe(
			`Cost: 0.3 → 0.9 (20${nbsp}% of its scale)`
		);
	});
});
