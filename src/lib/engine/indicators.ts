/**
 * Indicator arithmetic on a fixed grid: a step of 0.1 ten times is 1, not 1.0000000000000002, so
 * the same level is one state (and a loop of ±0.1 steps has 11 levels between 0 and 1, not 50).
 * Values are kept to 9 decimal places; past a million in size the grid would be finer than a
 * double holds, and the sum is kept as it is.
 */
export function addToIndicator(value: number, delta: number): number {
	const sum = value + delta;
	return Math.abs(sum) < 1e6 ? Math.round(sum * 1e9) / 1e9 : sum;
}
