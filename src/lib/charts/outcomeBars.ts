/**
 * Chart data for the outcome and dimension charts: outcomes grouped by region with their exact
 * probability, 90 % interval and Monte Carlo estimate; each row laid out for a given width; and
 * each expected dimension score placed on its [min, max] axis. No DOM: the components render it.
 */
import { format, scaleLinear, type ScaleLinear } from 'd3';
import type { Interval } from '../engine/interval';
import { standardError } from '../engine/montecarlo';

export interface OutcomeInput {
	id: string;
	label: string;
	/** '' for the whole scenario, else the region's path such as `crisis.arms`. */
	region: string;
	probability: number;
}

/** What the chart needs of a Monte Carlo result (a `MonteCarloResult` will do). */
export interface MonteCarloInput {
	outcomes: readonly { id: string; probability: number }[];
	runs: number;
}

export interface OutcomeRow {
	id: string;
	label: string;
	/** Exact probability. */
	p: number;
	/** 90 % interval [low, high], where likelihoods are ranges. */
	interval?: [number, number];
	/** Monte Carlo estimate with its 95 % error bar (±1.96 standard errors, within [0, 1]). */
	mc?: MonteCarloBar;
	/** Under observations: the exact probability before them. */
	was?: number;
}

export interface OutcomeGroup {
	region: string;
	label: string;
	rows: OutcomeRow[];
}

/** `regionLabel('crisis.arms') === 'arms'`; a label passed in wins; '' is the whole scenario. */
export function regionLabel(region: string, labels: Record<string, string> = {}): string {
	if (Object.hasOwn(labels, region)) return labels[region];
	return region === '' ? 'Whole scenario' : region.slice(region.lastIndexOf('.') + 1);
}

export interface MonteCarloBar {
	p: number;
	/** 1.96 standard errors. */
	error: number;
	/** `p ± error`, clamped to [0, 1]. */
	low: number;
	high: number;
}

/** The 95 % error bar of a Monte Carlo proportion: `p ± 1.96 · √(p(1 − p)/runs)`, clamped. */
export function monteCarloBar(p: number, runs: number): MonteCarloBar {
	const error = runs > 0 ? 1.96 * standardError(p, runs) : 0;
	return { p, error, low: Math.max(0, p - error), high: Math.min(1, p + error) };
}

/**
 * Outcomes grouped by region, regions in order of first appearance, outcomes in the order given.
 * `outcomeGroups([{ id: 'a.x', label: 'X', region: 'a', probability: 1 }])` gives one group
 * `{ region: 'a', label: 'a', rows: [{ id: 'a.x', label: 'X', p: 1 }] }`.
 */
export function outcomeGroups(
	outcomes: readonly OutcomeInput[],
	options: {
		intervals?: Record<string, Interval>;
		monteCarlo?: MonteCarloInput;
		regionLabels?: Record<string, string>;
		/** Under observations: the outcomes' probabilities before them. */
		before?: readonly { id: string; probability: number }[];
	} = {}
): OutcomeGroup[] {
	const { intervals = {}, monteCarlo, regionLabels, before } = options;
	const simulated = new Map(monteCarlo?.outcomes.map((o) => [o.id, o.probability]));
	const earlier = new Map(before?.map((o) => [o.id, o.probability]));
	const groups = new Map<string, OutcomeGroup>();
	for (const o of outcomes) {
		let group = groups.get(o.region);
		if (!group) {
			group = { region: o.region, label: regionLabel(o.region, regionLabels), rows: [] };
			groups.set(o.region, group);
		}
		const row: OutcomeRow = { id: o.id, label: o.label, p: o.probability };
		const interval = Object.hasOwn(intervals, o.id) ? intervals[o.id] : undefined;
		if (interval) row.interval = [interval.low, interval.high];
		const mc = simulated.get(o.id);
		if (monteCarlo && mc !== undefined) row.mc = monteCarloBar(mc, monteCarlo.runs);
		if (before) row.was = earlier.get(o.id) ?? 0;
		group.rows.push(row);
	}
	return [...groups.values()];
}

/** Probability [0, 1] to x in [0, width], clamped. */
export function probabilityScale(width: number): ScaleLinear<number, number> {
	return scaleLinear()
		.domain([0, 1])
		.range([0, Math.max(0, width)])
		.clamp(true);
}

/**
 * `formatCount(1000000) === '1,000,000'`. Written out rather than `toLocaleString('en')`: the
 * first Intl call of a page loads its locale data, tens of milliseconds on a slow phone, and the
 * Monte Carlo panel formats its run counts while the page starts.
 */
export function formatCount(n: number): string {
	const [whole, fraction] = String(Math.abs(n)).split('.');
	const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',');
	return `${n < 0 ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** Greedy word wrap by character count: `wrapLabel('a bb cc', 4)` gives `['a bb', 'cc']`. */
export function wrapLabel(text: string, maxChars: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		if (line && line.length + 1 + word.length > maxChars) {
			lines.push(line);
			line = word;
		} else line = line ? `${line} ${word}` : word;
	}
	return line ? [...lines, line] : lines;
}

export const barMetrics = {
	/** Average glyph width of a 13px label, a little generous so that lines do not overflow. */
	charWidth: 7,
	lineHeight: 16,
	barHeight: 14,
	/** From the bar's bottom to the Monte Carlo line. */
	mcOffset: 9,
	rowGap: 14,
	/** Room at the right for the percentage after the longest mark. */
	valueWidth: 60,
	/** More room when the figure before the observations follows it ("was 23 %"). */
	wasWidth: 64,
	axisHeight: 20
};

export interface RowLayout extends OutcomeRow {
	lines: string[];
	/** Baseline of the first label line. */
	labelY: number;
	barY: number;
	/** Centre line of the Monte Carlo marker, if any. */
	mcY?: number;
	/** Where the percentage text starts: after the furthest mark. */
	valueX: number;
}

/** Rows stacked top to bottom: label lines, then the bar, then the Monte Carlo line. */
export function layoutRows(rows: readonly OutcomeRow[], width: number, metrics = barMetrics) {
	const x = probabilityScale(width - metrics.valueWidth);
	const maxChars = Math.max(12, Math.floor(width / metrics.charWidth));
	let y = 0;
	const laidOut: RowLayout[] = rows.map((row) => {
		const lines = wrapLabel(row.label, maxChars);
		const labelY = y + metrics.lineHeight - 4;
		const barY = y + lines.length * metrics.lineHeight + 2;
		const mcY = row.mc ? barY + metrics.barHeight + metrics.mcOffset : undefined;
		const furthest = Math.max(row.p, row.interval?.[1] ?? 0, row.mc?.high ?? 0, row.was ?? 0);
		y = (mcY ?? barY + metrics.barHeight) + (row.mc ? 5 : 0) + metrics.rowGap;
		return { ...row, lines, labelY, barY, mcY, valueX: x(furthest) + 6 };
	});
	return { rows: laidOut, x, plotHeight: y, height: y + metrics.axisHeight };
}

const score = format('.2~f');

/** `formatScore(-1.3555) === '−1.36'` (a true minus sign). */
export function formatScore(value: number): string {
	return score(value);
}

export interface DimensionSpec {
	label: string;
	description?: string;
	/** What the scores count, such as points. */
	unit?: string;
	/** Names of whole-number scores, such as `{ '-2': 'ruptured' }`. */
	levels?: Record<string, string>;
	min?: number;
	max?: number;
}

export interface DimensionRow {
	id: string;
	label: string;
	description?: string;
	min: number;
	max: number;
	value: number;
	interval?: [number, number];
	/** The value's place on the axis, 0 at min and 1 at max. */
	at: number;
	/** The interval's place on the axis. */
	span?: [number, number];
}

/**
 * One row per declared dimension that has a value, in declared order. A missing min or max comes
 * from the values (and 0), so that the axis always holds the dot and its interval.
 */
export function dimensionRows(
	declared: Record<string, DimensionSpec>,
	values: Record<string, number>,
	intervals: Record<string, Interval> = {}
): DimensionRow[] {
	const rows: DimensionRow[] = [];
	for (const [id, spec] of Object.entries(declared)) {
		if (!Object.hasOwn(values, id)) continue;
		const value = values[id];
		const found = Object.hasOwn(intervals, id) ? intervals[id] : undefined;
		const interval: [number, number] | undefined = found && [found.low, found.high];
		const seen = [0, value, ...(interval ?? [])];
		const min = spec.min ?? Math.min(...seen);
		let max = spec.max ?? Math.max(...seen);
		if (max <= min) max = min + 1;
		const at = scaleLinear().domain([min, max]).range([0, 1]).clamp(true);
		rows.push({
			id,
			label: spec.label,
			description: spec.description,
			min,
			max,
			value,
			interval,
			at: at(value),
			span: interval && [at(interval[0]), at(interval[1])]
		});
	}
	return rows;
}
