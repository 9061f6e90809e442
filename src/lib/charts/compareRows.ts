/**
 * Chart data for a comparison of two exact analyses: the outcomes grouped by region as for the
 * outcomes chart, each with its probability under the baseline and now, and a layout of rows for a
 * dumbbell chart (a hollow dot for the baseline, a filled one for now, joined by a line).
 */
import type { ExactComparison } from '$lib/engine/compare';
import {
	barMetrics,
	outcomeGroups,
	probabilityScale,
	wrapLabel,
	type OutcomeInput
} from './outcomeBars';

export interface CompareRow {
	id: string;
	label: string;
	baseline: number;
	variant: number;
	/** variant − baseline */
	difference: number;
}

export interface CompareGroup {
	region: string;
	label: string;
	rows: CompareRow[];
}

/**
 * Rows by region, in the order the outcomes come (the current analysis first, then outcomes only
 * the baseline reaches). `outcomes` carry the regions; `comparison` the numbers.
 */
export function compareGroups(
	outcomes: readonly OutcomeInput[],
	comparison: ExactComparison,
	regionLabels: Record<string, string> = {}
): CompareGroup[] {
	const seen = new Set<string>();
	const unique = outcomes.filter((o) => !seen.has(o.id) && seen.add(o.id));
	return outcomeGroups(unique, { regionLabels }).map((group) => ({
		region: group.region,
		label: group.label,
		rows: group.rows.flatMap((row) => {
			const c = comparison.outcomes[row.id];
			return c ? [{ id: row.id, label: row.label, ...pick(c) }] : [];
		})
	}));
}

const pick = ({ baseline, variant, difference }: Omit<CompareRow, 'id'>) => ({
	baseline,
	variant,
	difference
});

/** Below half a tenth of a point, a difference shows as "<0.1". */
const small = 0.0005;
/** Below this, a difference is rounding in the solver, not a change. */
const rounding = 1e-9;

/**
 * `formatPoints(0.064) === '+6.4 points'`; `formatPoints(-0.3) === '−30.0 points'`;
 * `formatPoints(1e-5) === '+<0.1 points'`; `formatPoints(1e-15) === 'no change'`.
 */
export function formatPoints(difference: number): string {
	if (Math.abs(difference) < rounding) return 'no change';
	const sign = difference > 0 ? '+' : '\u2212';
	if (Math.abs(difference) < small) return `${sign}<0.1 points`;
	return `${sign}${Math.abs(difference * 100).toFixed(1)} points`;
}

/** Whether a difference is more than the solver's rounding. */
export function isChange(difference: number): boolean {
	return Math.abs(difference) >= rounding;
}

export const compareMetrics = {
	...barMetrics,
	/** Room at the right for the difference text. */
	valueWidth: 96,
	dotRadius: 5
};

export interface CompareRowLayout extends CompareRow {
	lines: string[];
	labelY: number;
	/** Centre line of the dumbbell. */
	dotY: number;
}

/** Rows stacked top to bottom: label lines, then the dumbbell. */
export function layoutCompareRows(
	rows: readonly CompareRow[],
	width: number,
	metrics = compareMetrics
) {
	const x = probabilityScale(width - metrics.valueWidth);
	const maxChars = Math.max(12, Math.floor(width / metrics.charWidth));
	let y = 0;
	const laidOut: CompareRowLayout[] = rows.map((row) => {
		const lines = wrapLabel(row.label, maxChars);
		const labelY = y + metrics.lineHeight - 4;
		const dotY = y + lines.length * metrics.lineHeight + metrics.dotRadius + 3;
		y = dotY + metrics.dotRadius + metrics.rowGap;
		return { ...row, lines, labelY, dotY };
	});
	return { rows: laidOut, x, plotHeight: y, height: y + metrics.axisHeight };
}
