/**
 * The sentence a reader copies from "Why this number?", and the factors it names: the source,
 * the outcome, its figure as an analyst writes it, the interval and the largest factor.
 */
import { formatInterval, formatPercent } from '../format/percent';
import type { Scenario, SourceMeta } from '../scenario/schema';
import type { Interval } from './interval';
import type { SensitivityResult } from './sensitivity';

export interface Factor {
	kind: 'choice' | 'likelihood';
	/** `actor.choice` or a transition id. */
	id: string;
	label: string;
	/** The outcome's probability at each end of the factor's swing, and where each is reached. */
	low: number;
	high: number;
	lowAt: string | number;
	highAt: string | number;
	/** For the reader: an option's label, or a likelihood in percent. */
	lowLabel: string;
	highLabel: string;
	effect: number;
}

/**
 * The three factors with the largest effect (none of zero effect), from `sensitivity`:
 * `toFactors(sensitivity(ladder, {}, 'war'), ladder.scenario)[0].highLabel === 'Wait'`.
 */
export function toFactors(result: SensitivityResult, scenario: Scenario, count = 3): Factor[] {
	const labelOf = (id: string, at: string | number): string => {
		if (typeof at === 'number') return formatPercent(at);
		const [actor, choice] = id.split('.');
		const option = scenario.actors[actor]?.choices[choice]?.options[at];
		return option === undefined ? at : typeof option === 'string' ? option : option.label;
	};
	return result.bars
		.filter((bar) => bar.effect > 0)
		.slice(0, count)
		.map(({ kind, id, label, low, high, lowAt, highAt, effect }) => ({
			kind,
			id,
			label,
			low,
			high,
			lowAt,
			highAt,
			lowLabel: labelOf(id, lowAt),
			highLabel: labelOf(id, highAt),
			effect
		}));
}

export interface SentenceInput {
	/** The scenario's title, named when no source is given. */
	title: string;
	sources: readonly Pick<SourceMeta, 'title' | 'author' | 'outlet' | 'date'>[];
	label: string;
	probability: number;
	interval?: Interval;
	factor?: Factor;
}

/**
 * `In this model of “Ladder memo” (2024-08-06), “War” follows in about 30 % of runs (90 % interval
 * 25–34 %); the largest factor is “Posture” (0 % to 30 %).` Parts without data are left out.
 */
export function explainSentence(input: SentenceInput): string {
	const { title, sources, label, probability, interval, factor } = input;
	const cited = sources.map((s) => {
		const date =
			s.date === undefined
				? undefined
				: typeof s.date === 'string'
					? s.date
					: `${s.date.from} – ${s.date.to}`;
		const about = [s.author, s.outlet, date].filter((x) => typeof x === 'string' && x !== '');
		return `“${s.title}”${about.length > 0 ? ` (${about.join(', ')})` : ''}`;
	});
	const model =
		cited.length > 0 ? `In this model of ${cited.join(' and ')}` : `In the model “${title}”`;
	const figure = formatPercent(probability);
	const how =
		probability === 0
			? 'does not follow in any run under these settings'
			: probability === 1
				? 'follows in every run'
				: `follows in ${/^[<>]/.test(figure) ? '' : 'about '}${figure} of runs`;
	const band =
		interval && probability > 0
			? ` (90\u00a0% interval ${formatInterval(interval.low, interval.high)})`
			: '';
	const why = factor
		? `; the largest factor is “${factor.label}” (${formatPercent(factor.low)} to ${formatPercent(factor.high)})`
		: '';
	return `${model}, “${label}” ${how}${band}${why}.`;
}
