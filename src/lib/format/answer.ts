/**
 * A question and its answer in words, the same on the page and on the command line: what was
 * asked (labels, not ids), the figure, its 90 % interval, and what was observed.
 */
import { formatScore } from '../charts/outcomeBars';
import type { Answer } from '../engine/query';
import { eventLabel } from '../engine/observe';
import type { Measure, Observed, Setting } from '../query/ast';
import type { Model } from '../scenario/model';
import { optionLabel } from '../scenario/names';
import { formatInterval, formatPercent } from './percent';

const steps = (k: number) => `${k} step${k === 1 ? '' : 's'}`;

function observedText(model: Model, o: Observed): string {
	const within = o.within ? ` within ${steps(o.within.steps)}` : '';
	return `“${eventLabel(model, o.event.text)}” ${o.happened ? 'happened' : 'did not happen'}${within}`;
}

function givenText(model: Model, given: Observed[]): string {
	return given.length === 0
		? ''
		: `, given that ${given.map((o) => observedText(model, o)).join(' and ')}`;
}

function underText(model: Model, under: Setting[]): string {
	if (under.length === 0) return '';
	const words = under.map((s) => {
		const actor = model.scenario.actors[s.choice.text.split('.')[0]];
		const option = optionLabel(model.scenario, s.choice.text, s.option.text) ?? s.option.text;
		return `${actor?.label ?? s.choice.text}: ${option}`;
	});
	return ` (with ${words.join('; ')})`;
}

/** What a measure asks, in words: `The chance of “Direct war” within 6 steps, given that …`. */
export function questionText(model: Model, m: Measure): string {
	const given = givenText(model, m.given);
	const under = underText(model, m.under);
	if (m.kind === 'expectation') {
		const label = model.scenario.dimensions[m.dimension.text]?.label ?? m.dimension.text;
		return `Expected score on “${label}”${given}${under}`;
	}
	const event = `“${eventLabel(model, m.event.text)}”`;
	if (m.kind === 'steps')
		return `Expected steps until ${event}, in the runs where it happens${given}${under}`;
	const w = m.within;
	const within = !w
		? ''
		: w.upTo !== undefined
			? ` within k steps, k = ${w.steps}…${w.upTo}`
			: ` within ${steps(w.steps)}`;
	return `The chance of ${event}${within}${given}${under}`;
}

/** The figure of a value: `23 %`, `−0.8`, `3.4 steps`; `impossible to say` for NaN. */
export function valueText(answer: Pick<Answer, 'kind'>, value: number): string {
	if (Number.isNaN(value)) return 'cannot happen under these settings';
	if (answer.kind === 'probability') return formatPercent(value);
	if (answer.kind === 'steps') return `${value.toFixed(1)} steps`;
	return formatScore(value);
}

/** The 90 % interval: `15–31 %`, `−1.2 to −0.4`, `2.1 to 3.0 steps`. */
export function intervalText(
	answer: Pick<Answer, 'kind'>,
	interval: { low: number; high: number }
): string {
	if (answer.kind === 'probability') return formatInterval(interval.low, interval.high);
	if (answer.kind === 'steps')
		return `${interval.low.toFixed(1)} to ${interval.high.toFixed(1)} steps`;
	return `${formatScore(interval.low)} to ${formatScore(interval.high)}`;
}
