/**
 * An assumption of the key assumptions check (`engine/assumptions.ts`) in words, the same on the
 * page and on the command line: its kind, its value now, its swing, and what moves most.
 */
import { formatScore } from '../charts/outcomeBars';
import type { Assumption } from '../engine/assumptions';
import { formatInterval, formatPercent } from './percent';

/** `silent range`, `range without a supporting quote`, `certain step`, `remainder`, `number`, `outcome score`. */
export function assumptionKind(a: Pick<Assumption, 'kind' | 'basis'>): string {
	switch (a.kind) {
		case 'range':
			return a.basis?.trim() === 'silent' ? 'silent range' : 'range without a supporting quote';
		case 'certain':
			return 'certain step';
		case 'rest':
			return 'remainder';
		case 'fixed':
			return 'number';
		case 'score':
			return 'outcome score';
	}
}

/** The value now: `40 %`, or a score `3`. */
export function assumptionNow(a: Pick<Assumption, 'kind' | 'current'>): string {
	return a.kind === 'score' ? formatScore(a.current) : formatPercent(a.current);
}

/** The swing's two ends: `20–60 %`, `50–100 %`, or a score `2 to 3`. */
export function assumptionSwing(a: Pick<Assumption, 'kind' | 'low' | 'high'>): string {
	return a.kind === 'score'
		? `${formatScore(a.low)} to ${formatScore(a.high)}`
		: formatInterval(a.low, a.high);
}

/**
 * A change in probability in points of 100, as figures are written on the page: `+20 points`,
 * `−0.4 points`, `+< 0.1 points` (whole points, one decimal below 1).
 */
export function formatPointsChange(change: number): string {
	const sign = change > 0 ? '+' : '\u2212';
	const figure = formatPercent(Math.min(1, Math.abs(change))).replace(/\u00a0%$/, '');
	return `${sign}${figure} ${figure === '1' ? 'point' : 'points'}`;
}

/** `Ties ruptured: 10 % → 30 % (+20 points)`, `no outcome moves`, or why nothing can. */
export function assumptionOutcome(a: Pick<Assumption, 'outcome' | 'reached'>): string {
	const o = a.outcome;
	if (!a.reached) return 'not reached under these settings';
	if (!o) return 'no outcome moves';
	return `${o.label}: ${formatPercent(o.atLow)} → ${formatPercent(o.atHigh)} (${formatPointsChange(o.atHigh - o.atLow)})`;
}

/** `Cost: 0.3 → 0.9 (20 % of its scale)`, or `no expected score moves`. */
export function assumptionScore(a: Pick<Assumption, 'score' | 'reached'>): string {
	const s = a.score;
	if (!a.reached) return 'not reached under these settings';
	if (!s) return 'no expected score moves';
	return `${s.label}: ${formatScore(s.atLow)} → ${formatScore(s.atHigh)} (${formatPercent(s.share ?? 0)} of its scale)`;
}

/** How the register is ranked, in a sentence for readers. */
export const assumptionRanking =
	'Ranked by the larger of two changes between the ends of the swing: the most-moved outcome’s probability (in points of 100) and the most-moved expected score relative to its dimension’s range (max − min, the width of its scale), so that wide and narrow scales compare. On a 0–1 scale a score swung by one is flipped whole, so such a row can rank high.';
