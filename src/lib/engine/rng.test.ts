import { describe, expect, it } from 'vitest';
import { createRng, seedState, type Seed } from './rng';

const take = (seed: Seed, n: number) => {
	const rng = createRng(seed);
	return Array.from({ length: n }, () => rng.nextUint32());
};

describe('createRng', () => {
	it.each<{ seed: Seed }>([
		{ seed: 0 },
		{ seed: 42 },
		{ seed: 2 ** 32 - 1 },
		{ seed: 'brink' },
		{ seed: '' },
		{ seed: 'Z\u00fcrich \u2013 \u041a\u0438\u0435\u0432' }
	])('gives the same sequence for the same seed ($seed)', ({ seed }) => {
		expect(take(seed, 50)).toEqual(take(seed, 50));
	});

	it.each<{ a: Seed; b: Seed }>([
		{ a: 1, b: 2 },
		{ a: 0, b: 1 },
		{ a: 'a', b: 'b' },
		{ a: 'seed', b: 'seed ' },
		{ a: 'ab', b: 'ba' }
	])('gives different sequences for $a and $b', ({ a, b }) => {
		expect(take(a, 8)).not.toEqual(take(b, 8));
	});

	it.each<{ a: Seed; b: Seed }>([
		{ a: 3.9, b: 3 },
		{ a: -1, b: 2 ** 32 - 1 },
		{ a: 2 ** 32 + 5, b: 5 }
	])('reduces the number seed $a to the 32-bit seed $b', ({ a, b }) => {
		expect(seedState(a)).toEqual(seedState(b));
		expect(take(a, 4)).toEqual(take(b, 4));
	});

	it('gives unsigned 32-bit integers and values in [0, 1) that agree with them', () => {
		const ints = createRng(9);
		const floats = createRng(9);
		for (let i = 0; i < 10_000; i++) {
			const n = ints.nextUint32();
			const x = floats.next();
			expect(Number.isInteger(n) && n >= 0 && n < 2 ** 32).toBe(true);
			expect(x).toBeGreaterThanOrEqual(0);
			expect(x).toBeLessThan(1);
			expect(x).toBe(n / 2 ** 32);
		}
	});

	it('is roughly uniform over 100,000 draws', () => {
		const rng = createRng('uniform');
		const n = 100_000;
		const bins = new Array<number>(10).fill(0);
		let sum = 0;
		for (let i = 0; i < n; i++) {
			const x = rng.next();
			sum += x;
			bins[Math.floor(x * 10)]++;
		}
		// The mean of U(0, 1) is 1/2 with standard deviation sqrt(1/12) per draw.
		expect(Math.abs(sum / n - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
		// Each tenth holds n/10 draws, with standard deviation sqrt(n · 0.1 · 0.9).
		for (const count of bins)
			expect(Math.abs(count - n / 10)).toBeLessThan(5 * Math.sqrt(n * 0.1 * 0.9));
		// Chi-square with 9 degrees of freedom: 27.9 is its 99.9th percentile.
		const chi2 = bins.reduce((s, c) => s + (c - n / 10) ** 2 / (n / 10), 0);
		expect(chi2).toBeLessThan(27.9);
	});

	it('makes nearby seeds start far apart', () => {
		// For independent 32-bit words, about half the 32 bits differ; identical first words would be a flaw.
		for (let seed = 0; seed < 100; seed++) {
			const a = createRng(seed).nextUint32();
			const b = createRng(seed + 1).nextUint32();
			expect(a).not.toBe(b);
		}
	});
});
