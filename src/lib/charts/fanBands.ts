/**
 * Chart math for the fan chart of one indicator over steps: where the x axis stops, the y domain,
 * the band and line paths (as SVG path data), integer-friendly ticks and the sentence that sums
 * the chart up. Pure: scales in, strings and numbers out.
 *
 * Indicator values are discrete and a step is a whole move, so the bands and the median are drawn
 * as steps centred on each step number (d3's `curveStep`); the mean, an average, is a plain line.
 */
import { area, curveStep, line, ticks } from 'd3';
import type { FanPoint, FanResult } from '$lib/engine/fan';
import { formatPercent } from '../format/percent';
import { formatScore } from './outcomeBars';
import { levelName } from '../scenario/levels';
import { formatLevel, indicatorUnit, unitOf, type ScaleSpec } from './scaleText';

/** The x axis stops here at the latest, even where runs are still moving. */
export const maxChartSteps = 40;

/**
 * `capFan(fan, 40)` keeps steps 0..40 of a longer fan. The fan's own horizon (the step where the
 * distribution has settled) is kept when it is shorter. The input is not mutated.
 */
export function capFan(fan: FanResult, cap = maxChartSteps): FanResult {
	if (!(Number.isInteger(cap) && cap >= 1)) throw new RangeError(`invalid cap: ${cap}`);
	if (fan.steps <= cap) return fan;
	return {
		steps: cap,
		unabsorbed: fan.unabsorbed.slice(0, cap + 1),
		indicators: Object.fromEntries(
			Object.entries(fan.indicators).map(([id, points]) => [id, points.slice(0, cap + 1)])
		)
	};
}

/**
 * The y domain: the indicator's declared `min` and `max` where given, else the data's extent
 * (every quantile and the mean). A flat series gets one unit either side.
 * `fanDomain(points, { min: 0, max: 4 })` is `[0, 4]`.
 */
export function fanDomain(
	points: readonly FanPoint[],
	bounds: { min?: number; max?: number } = {}
): [number, number] {
	const values = points.flatMap((p) => [p.p5, p.p95, p.mean]);
	let low = bounds.min ?? Math.min(...values, Infinity);
	let high = bounds.max ?? Math.max(...values, -Infinity);
	if (!Number.isFinite(low)) low = Number.isFinite(high) ? high - 1 : 0;
	if (!Number.isFinite(high)) high = low + 1;
	if (low === high) return [low - 1, high + 1];
	return low < high ? [low, high] : [high, low];
}

type Scale = (value: number) => number;

/** SVG path data for the two bands, the median (steps) and the mean (a line). */
export interface FanPaths {
	/** p5 to p95. */
	outer: string;
	/** p25 to p75. */
	inner: string;
	median: string;
	mean: string;
}

/** `fanPaths(points, x, y).median` is a step line through the medians, for `<path d=…>`. */
export function fanPaths(points: readonly FanPoint[], x: Scale, y: Scale): FanPaths {
	const band = (low: keyof FanPoint, high: keyof FanPoint) =>
		area<FanPoint>()
			.curve(curveStep)
			.x((p) => x(p.t))
			.y0((p) => y(p[low]))
			.y1((p) => y(p[high]))(points) ?? '';
	return {
		outer: band('p5', 'p95'),
		inner: band('p25', 'p75'),
		median:
			line<FanPoint>()
				.curve(curveStep)
				.x((p) => x(p.t))
				.y((p) => y(p.median))(points) ?? '',
		mean:
			line<FanPoint>()
				.x((p) => x(p.t))
				.y((p) => y(p.mean))(points) ?? ''
	};
}

/**
 * About `count` ticks over `[low, high]`; whole numbers only when `whole` (discrete indicators
 * and step numbers), so that an axis over 0..2 reads 0, 1, 2 and not 0, 0.5, 1, 1.5, 2.
 */
export function niceTicks(low: number, high: number, count: number, whole = true): number[] {
	const all = ticks(low, high, Math.max(1, count));
	return whole ? all.filter((v) => Number.isInteger(v)) : all;
}

/** A level's name drawn in the plot, just above its grid line (below it at the top). */
export interface LevelMark {
	value: number;
	name: string;
	/** The baseline of its text, in the plot's coordinates. */
	y: number;
}

/**
 * Where the named levels among the y ticks go: each name sits just above its grid line, and the
 * top one just below it, so that no name leaves the plot. None when the ticks stand closer than
 * `room` px, where a name would run into the next line (the chart's note lists them instead).
 * `levelMarks({ label: 'Rung', levels: { 1: 'hot' } }, [0, 1, 2], (v) => 100 - 40 * v)` is
 * `[{ value: 1, name: 'hot', y: 57 }]`.
 */
export function levelMarks(
	scale: ScaleSpec,
	ticks: readonly number[],
	y: Scale,
	room = 14
): LevelMark[] {
	const gaps = ticks.slice(1).map((v, i) => Math.abs(y(v) - y(ticks[i])));
	if (gaps.some((gap) => gap < room)) return [];
	const top = Math.max(...ticks);
	return ticks.flatMap((value) => {
		const name = levelName(scale, value);
		if (!name) return [];
		return [{ value, name, y: value === top && ticks.length > 1 ? y(value) + 11 : y(value) - 3 }];
	});
}

/**
 * One sentence for the chart's description, each level with its name where the scenario names it,
 * e.g. `Escalation: median 1 (intensified bombardment) from step 2 on; 90 % of runs between 0
 * (cross-border fire) and 3 (Iranian direct attack) at the end (step 10); mean 1.13, in rungs`.
 */
export function fanSummary(scale: ScaleSpec, points: readonly FanPoint[]): string {
	const { label } = scale;
	const last = points.at(-1);
	if (!last) return `${label}: no steps`;
	const level = (value: number) => formatLevel(scale, value);
	let from = points.length - 1;
	while (from > 0 && points[from - 1].median === last.median) from--;
	const median =
		from === 0
			? `median ${level(last.median)} throughout`
			: `median ${level(last.median)} from step ${from} on`;
	const spread =
		last.p5 === last.p95
			? `at least 90\u00a0% of runs at ${level(last.p5)}`
			: `90\u00a0% of runs between ${level(last.p5)} and ${level(last.p95)}`;
	const mean = `mean ${formatScore(last.mean)}, in ${unitOf(scale, indicatorUnit)}`;
	return `${label}: ${median}; ${spread} at the end (step ${last.t}); ${mean}`;
}

/**
 * A share of runs in percent, with float noise taken out first (sums of probabilities land on
 * 0.9999999999999998 or 1.0000000000000002): `formatShare(0.9999999999999998) === '100 %'`.
 */
export function formatShare(share: number): string {
	return formatPercent(Math.min(1, Math.max(0, Math.round(share * 1e12) / 1e12)));
}

/** What the last step says about runs still moving, for the chart's note. */
export function settledNote(fan: { steps: number; unabsorbed: readonly number[] }): string {
	const moving = fan.unabsorbed.at(-1) ?? 0;
	if (moving <= 0) return `Every run has ended by step ${fan.steps}.`;
	if (moving < 1e-6) return `By step ${fan.steps} fewer than one run in a million is still moving.`;
	return `${formatPercent(moving)} of runs are still moving at step ${fan.steps}, where the chart stops.`;
}
