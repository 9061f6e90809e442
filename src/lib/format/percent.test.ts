import { describe, expect, it } from 'vitest';
import { estimativeTerms } from '../scenario/icd203';
import { formatBand, formatInterval, formatPercent } from './percent';

/** Tests read plain spaces; the module writes no-break ones. */
const plain = (s: string) => s.replaceAll('\u00a0', ' ');

describe('formatPercent', () => {
	it.each([
		{ input: 0, expected: '0 %' },
		{ input: 1, expected: '100 %' },
		{ input: 0.5312, expected: '53 %' },
		{ input: 0.535, expected: '54 %' },
		{ input: 0.01, expected: '1 %' },
		{ input: 0.0095, expected: '1 %' },
		{ input: 0.0094, expected: '0.9 %' },
		{ input: 0.0096, expected: '1 %' },
		{ input: 0.0049, expected: '0.5 %' },
		{ input: 0.004, expected: '0.4 %' },
		{ input: 0.001, expected: '0.1 %' },
		{ input: 0.00099, expected: '< 0.1 %' },
		{ input: 1e-11, expected: '< 0.1 %' },
		{ input: 5.5e-17, expected: '0 %' },
		{ input: 0.99, expected: '99 %' },
		{ input: 0.9949, expected: '99 %' },
		{ input: 0.995, expected: '99.5 %' },
		{ input: 0.999, expected: '99.9 %' },
		{ input: 0.9996, expected: '> 99.9 %' },
		{ input: 1.0000000000000002, expected: '100 %' },
		{ input: -1e-17, expected: '0 %' },
		{ input: 0.9999999999999998, expected: '100 %' }
	])('$input → $expected', ({ input, expected }) => {
		expect(plain(formatPercent(input))).toBe(expected);
	});

	it('never writes 0 % for a probability above float noise, nor 100 % for one under 1', () => {
		for (let k = -11; k <= -1; k++) {
			expect(plain(formatPercent(10 ** k))).not.toBe('0 %');
			expect(plain(formatPercent(1 - 10 ** k))).not.toBe('100 %');
		}
	});

	it('keeps the figure and its % together with a no-break space', () => {
		expect(formatPercent(0.53)).toBe('53\u00a0%');
	});

	it.each([{ input: Number.NaN }, { input: -0.1 }, { input: 1.5 }, { input: Infinity }])(
		'refuses $input',
		({ input }) => {
			expect(() => formatPercent(input)).toThrow(/invalid probability/);
		}
	);
});

describe('formatInterval', () => {
	it.each([
		{ low: 0.43, high: 0.651, expected: '43–65 %' },
		{ low: 0.2, high: 0.45, expected: '20–45 %' },
		{ low: 0.004, high: 0.02, expected: '0.4–2 %' },
		{ low: 0.0001, high: 0.02, expected: '< 0.1 % – 2 %' },
		{ low: 0.98, high: 0.9999, expected: '98 % – > 99.9 %' },
		{ low: 0.531, high: 0.534, expected: '53 %' },
		{ low: 0, high: 1, expected: '0–100 %' }
	])('$low, $high → $expected', ({ low, high, expected }) => {
		expect(plain(formatInterval(low, high))).toBe(expected);
	});

	it.each([
		{ low: 0.6, high: 0.4, message: /invalid interval/ },
		{ low: -1, high: 0.4, message: /invalid probability/ }
	])('refuses $low, $high', ({ low, high, message }) => {
		expect(() => formatInterval(low, high)).toThrow(message);
	});
});

describe('formatBand', () => {
	it.each([
		{ term: 'almost no chance', expected: 'almost no chance (1–5 %)' },
		{ term: 'very unlikely', expected: 'very unlikely (5–20 %)' },
		{ term: 'unlikely', expected: 'unlikely (20–45 %)' },
		{ term: 'roughly even chance', expected: 'roughly even chance (45–55 %)' },
		{ term: 'likely', expected: 'likely (55–80 %)' },
		{ term: 'very likely', expected: 'very likely (80–95 %)' },
		{ term: 'almost certain', expected: 'almost certain (95–99 %)' }
	] as const)('$term', ({ term, expected }) => {
		expect(plain(formatBand(term))).toBe(expected);
	});

	it('covers every ICD 203 term', () => {
		for (const term of estimativeTerms)
			expect(formatBand(term)).toMatch(new RegExp(`^${term} \\(`));
	});
});
