/**
 * The words every conditioned figure on the page shares: the caption's "given what you marked as
 * observed", and a figure with the one before the observations beside it, as the outcomes write it.
 */
import { formatPercent } from './percent';
import { plural } from './plural';

/** How the page says a figure is conditioned on the reader's observations. */
export const givenWords = 'given what you marked as observed';

/**
 * The outcomes' caption: `Given what you marked as observed (1 event, 40 % likely before): “Crisis”
 * happened. The figure before each is beside it.`
 */
export function givenCaption(count: number, probability: number, described: string[]): string {
	const given = givenWords[0].toUpperCase() + givenWords.slice(1);
	return `${given} (${plural(count, 'event')}, ${formatPercent(probability)} likely before): ${described.join('; ')}. The figure before each is beside it.`;
}

/**
 * `givenLine('These bars') === 'These bars are given what you marked as observed.'`: the one line
 * a conditioned panel shows.
 */
export function givenLine(what: string): string {
	return `${what} ${/s$/.test(what) ? 'are' : 'is'} ${givenWords}.`;
}

/**
 * A probability and, when given, the one before the observations:
 * `withWas(0.62, 0.4) === '62 % (was 40 %)'`, `withWas(0.62) === '62 %'`.
 */
export function withWas(now: number, before?: number): string {
	return before === undefined
		? formatPercent(now)
		: `${formatPercent(now)} (was ${formatPercent(before)})`;
}

/** What a swept factor is called, and what a point of its sweep is called (an option's label). */
export interface SweepLabels {
	factors?: Record<string, string>;
	options?: Record<string, Record<string, string>>;
}

interface SweptResult {
	bars: {
		kind: 'choice' | 'likelihood';
		id: string;
		label: string;
		impossibleAt?: (string | number)[];
	}[];
	leftOut?: { id: string; label: string }[];
}

/**
 * The points of a sensitivity sweep left out because the observations cannot happen there, in
 * one sentence; undefined when none was:
 * `Left out where what you marked could not have happened: “Posture” at Wait.`
 */
export function leftOutText(result: SweptResult, labels: SweepLabels = {}): string | undefined {
	const name = (f: { id: string; label: string }) => `“${labels.factors?.[f.id] ?? f.label}”`;
	const at = (bar: SweptResult['bars'][number], point: string | number) =>
		bar.kind === 'likelihood'
			? `likelihood ${formatPercent(Number(point))}`
			: (labels.options?.[bar.id]?.[String(point)] ?? String(point));
	const parts = [
		...result.bars
			.filter((b) => b.impossibleAt?.length)
			.map((b) => `${name(b)} at ${b.impossibleAt!.map((p) => at(b, p)).join(' and ')}`),
		...(result.leftOut ?? []).map((f) => `${name(f)} at either end (its bar is left out)`)
	];
	return parts.length > 0
		? `Left out where what you marked could not have happened: ${parts.join('; ')}.`
		: undefined;
}
