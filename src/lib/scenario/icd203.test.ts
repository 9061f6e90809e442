import { describe, expect, it } from 'vitest';
import {
	estimativeBands,
	estimativeTerms,
	isEstimativeTerm,
	toEstimativeTerm,
	toStandardTerm
} from './icd203';

describe('ICD 203 bands', () => {
	it('lists the seven terms of the directive, lowest first', () => {
		expect(estimativeTerms).toEqual([
			'almost no chance',
			'very unlikely',
			'unlikely',
			'roughly even chance',
			'likely',
			'very likely',
			'almost certain'
		]);
	});

	it('has bands that tile 1 % to 99 % without gaps or overlaps', () => {
		const bands = estimativeTerms.map((t) => estimativeBands[t]);
		expect(bands[0][0]).toBe(0.01);
		expect(bands.at(-1)![1]).toBe(0.99);
		bands.forEach(([low, high], i) => {
			expect(low).toBeLessThan(high);
			if (i > 0) expect(low).toBe(bands[i - 1][1]);
		});
	});

	it.each([
		{ input: 'likely', expected: true },
		{ input: 'almost certain', expected: true },
		{ input: 'Likely', expected: false },
		{ input: 'likely ', expected: false },
		{ input: 'probable', expected: true },
		{ input: 'guaranteed', expected: false },
		{ input: 'toString', expected: false },
		{ input: 'constructor', expected: false },
		{ input: 0.5, expected: false },
		{ input: undefined, expected: false }
	])('isEstimativeTerm($input) is $expected', ({ input, expected }) => {
		expect(isEstimativeTerm(input)).toBe(expected);
	});

	it.each([
		{ input: 0.01, expected: 'almost no chance' },
		{ input: 0.03, expected: 'almost no chance' },
		{ input: 0.05, expected: 'almost no chance' },
		{ input: 0.1, expected: 'very unlikely' },
		{ input: 0.3, expected: 'unlikely' },
		{ input: 0.5, expected: 'roughly even chance' },
		{ input: 0.55, expected: 'roughly even chance' },
		{ input: 0.6, expected: 'likely' },
		{ input: 0.8, expected: 'likely' },
		{ input: 0.9, expected: 'very likely' },
		{ input: 0.97, expected: 'almost certain' },
		{ input: 0.99, expected: 'almost certain' },
		{ input: 0.005, expected: undefined },
		{ input: 0, expected: undefined },
		{ input: 0.995, expected: undefined },
		{ input: 1, expected: undefined },
		{ input: Number.NaN, expected: undefined }
	])('toEstimativeTerm($input) is $expected', ({ input, expected }) => {
		expect(toEstimativeTerm(input)).toBe(expected);
	});
});

describe('ICD 203 alternative wordings', () => {
	it.each([
		{ input: 'remote', expected: 'almost no chance' },
		{ input: 'highly improbable', expected: 'very unlikely' },
		{ input: 'improbable', expected: 'unlikely' },
		{ input: 'roughly even odds', expected: 'roughly even chance' },
		{ input: 'probable', expected: 'likely' },
		{ input: 'highly probable', expected: 'very likely' },
		{ input: 'nearly certain', expected: 'almost certain' },
		{ input: 'likely', expected: 'likely' },
		{ input: 'guaranteed', expected: undefined },
		{ input: 'constructor', expected: undefined }
	])('toStandardTerm($input) is $expected', ({ input, expected }) => {
		expect(toStandardTerm(input)).toBe(expected);
	});
});
