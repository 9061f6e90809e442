/**
 * Numbers as an analyst writes them (ICD 203 style): whole percents, one decimal only below 1 %
 * (and above 99.5 %, so that a probability under 1 never reads 100 %), `< 0.1 %` for what is left,
 * and never `0 %` for a probability above 0. One module, so the page, the charts and the
 * explanations write the same figure for the same number. A no-break space keeps a figure and its
 * `%` on one line.
 */
import { estimativeBands, type EstimativeTerm } from '../scenario/icd203';

const nbsp = '\u00a0';

/**
 * Float noise off a probability: sums land on 1.0000000000000002, 0.9999999999999998 or 5.5e-17
 * (`1 - 0.7 - 0.3`). Within 1e-12 of 0 or 1 counts as 0 or 1; the rules above apply beyond that.
 */
function clean(p: number): number {
	if (!Number.isFinite(p) || p < -1e-9 || p > 1 + 1e-9)
		throw new RangeError(`invalid probability: ${p} (expected a number in [0, 1])`);
	return Math.min(1, Math.max(0, Math.round(p * 1e12) / 1e12));
}

/** The figure without its `%`: `'53'`, `'0.4'`, `'< 0.1'`, `'> 99.9'`. */
function figure(p: number): string {
	if (p === 0 || p === 1) return String(p * 100);
	if (p < 0.001) return `<${nbsp}0.1`;
	if (p > 0.999) return `>${nbsp}99.9`;
	// Below 1 % and from 99.5 % one decimal carries the meaning; 0.96 % still rounds to 1 %.
	const tenths = Math.round(p * 1000) / 10;
	if (p < 0.01) return tenths >= 1 ? '1' : tenths.toFixed(1);
	const whole = Math.round(p * 100);
	return whole < 100 ? String(whole) : tenths.toFixed(1);
}

/**
 * A probability in percent: `formatPercent(0.5312) === '53 %'`, `formatPercent(0.004) === '0.4 %'`,
 * `formatPercent(0.0002) === '< 0.1 %'`, `formatPercent(0) === '0 %'` (no-break spaces).
 * Throws a RangeError outside [0, 1] (beyond float noise) or for NaN.
 */
export function formatPercent(p: number): string {
	return `${figure(clean(p))}${nbsp}%`;
}

/**
 * An interval in percent, one `%` at the end: `formatInterval(0.43, 0.651) === '43–65 %'`; a bound
 * written `< 0.1` or `> 99.9` keeps its own `%` (`'< 0.1 % – 2 %'`), and equal figures read as one
 * (`'53 %'`). Throws a RangeError for a bound outside [0, 1] or `low > high`.
 */
export function formatInterval(low: number, high: number): string {
	const [a, b] = [clean(low), clean(high)];
	if (a > b) throw new RangeError(`invalid interval: ${low} > ${high}`);
	const [from, to] = [figure(a), figure(b)];
	if (from === to) return `${from}${nbsp}%`;
	if (/[<>]/.test(from + to)) return `${from}${nbsp}% – ${to}${nbsp}%`;
	return `${from}\u2013${to}${nbsp}%`;
}

/** An ICD 203 term with its band: `formatBand('likely') === 'likely (55–80 %)'`. */
export function formatBand(term: EstimativeTerm): string {
	const [low, high] = estimativeBands[term];
	return `${term} (${formatInterval(low, high)})`;
}
