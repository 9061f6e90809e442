/**
 * One step of a path as a reader questions it: what happens, who decides, how likely the model
 * takes it to be (in ICD 203 words, with the band), and what it rests on: a quote from the source,
 * or the model's assumption.
 */
import { formatBand, formatPercent } from '../format/percent';
import { estimativeBands, toEstimativeTerm, toStandardTerm } from '../scenario/icd203';
import { chance, type TransitionInfo } from '../scenario/model';
import type { Scenario, SourceMeta } from '../scenario/schema';

export interface StepLikelihood {
	/** An ICD 203 term (`likely`), or `certain`. */
	word: string;
	/** The term's band, when the word is an ICD 203 term whose band holds the value. */
	band?: [number, number];
	/** The likelihood within its region, as this analysis evaluates it (a range at its middle). */
	value: number;
	/** A range as the scenario gives it, when it gives one. */
	range?: [number, number];
	/** For the reader: `likely (55–80 %)`, `certain`, `almost no chance (0.4 %)`. */
	text: string;
}

export interface StepQuote {
	text: string;
	stance: 'supports' | 'contradicts' | 'context';
	/** The source id, and its title when the source is known. */
	source?: string;
	sourceTitle?: string;
}

export interface StepExplanation {
	/** Transition id. */
	transition: string;
	label: string;
	region: string;
	/** The actor who decides, or `{ id: 'chance', label: 'chance' }`. */
	by: { id: string; label: string };
	likelihood: StepLikelihood;
	/** The first quote that supports the step, else its first quote. */
	quote?: StepQuote;
	assumption?: string;
	/** Whether a quote supports the step; if not, the step is one of the model's assumptions. */
	supported: boolean;
}

/**
 * The ICD 203 reading of a likelihood: `describeLikelihood(t, 0.675).text === 'likely (55–80 %)'`
 * for a step written `likely`; a fixed 0.4 reads `unlikely (20–45 %)`, the band that holds it.
 */
export function describeLikelihood(t: TransitionInfo, value: number): StepLikelihood {
	const l = t.likelihood;
	const range: [number, number] | undefined = l.kind === 'range' ? [l.low, l.high] : undefined;
	const base = { value, ...(range && { range }) };
	if (l.kind === 'certain' || value >= 1) return { ...base, word: 'certain', text: 'certain' };
	// The scenario's own term while the value is in its band (a value set by the user may not be).
	const written = l.kind === 'range' && l.term ? toStandardTerm(l.term) : undefined;
	const term =
		written && isInBand(value, estimativeBands[written]) ? written : toEstimativeTerm(value);
	if (term) {
		const [low, high] = estimativeBands[term];
		return { ...base, word: term, band: [low, high], text: formatBand(term) };
	}
	// Outside the scale's 1–99 %: the nearest end's word, with the figure itself.
	const word = value < 0.5 ? 'almost no chance' : 'almost certain';
	return { ...base, word, text: `${word} (${formatPercent(value)})` };
}

function isInBand(value: number, [low, high]: readonly [number, number]): boolean {
	return value >= low && value <= high;
}

/**
 * A step for the reader. `value` is its likelihood within its region (edge probability over the
 * region's share); `sources` give the quotes' titles.
 * `explainStep(t, 0.4, scenario, sources).quote?.text` is the step's first supporting quote.
 */
export function explainStep(
	t: TransitionInfo,
	value: number,
	scenario: Scenario,
	sources: readonly Pick<SourceMeta, 'id' | 'title'>[] = []
): StepExplanation {
	const supporting = t.evidence.find((e) => e.stance === 'supports');
	const first = supporting ?? t.evidence[0];
	const sourceId =
		first?.source ?? (scenario.sources.length === 1 ? scenario.sources[0] : undefined);
	const sourceTitle = sources.find((s) => s.id === sourceId)?.title;
	const actor = scenario.actors[t.by];
	return {
		transition: t.id,
		label: t.label,
		region: t.region,
		by:
			t.by === chance || !actor ? { id: chance, label: chance } : { id: t.by, label: actor.label },
		likelihood: describeLikelihood(t, value),
		...(first && {
			quote: {
				text: first.quote,
				stance: first.stance,
				...(sourceId !== undefined && { source: sourceId }),
				...(sourceTitle !== undefined && { sourceTitle })
			}
		}),
		...(t.assumption !== undefined && { assumption: t.assumption }),
		supported: supporting !== undefined
	};
}
