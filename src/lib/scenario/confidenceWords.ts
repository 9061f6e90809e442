/**
 * The words that stand beside every result: the confidence in one line, and what the numbers are
 * (a model of an argument, not a forecast). The one place these sentences are written: the page,
 * the command line and every export take them from here. Pure.
 */
import { confidenceOf, type Confidence } from './confidence';
import { readingConfidence } from './readingConfidence';

/** The reasons as one phrase: `one source, …; 17 of 48 steps rest on the model’s assumption only`. */
export const reasonsText = (c: Confidence): string => c.reasons.map((r) => r.text).join('; ');

/** `low`, or `moderate (derived: low — overridden because …)` when the scenario states a level. */
export function levelText(c: Confidence): string {
	if (!c.override || c.override.level === c.derived) return c.level;
	const why = c.override.reason ? ` — overridden because ${uncapitalize(c.override.reason)}` : '';
	return `${c.level} (derived: ${c.derived}${why})`;
}

/** `Confidence: low — one source, …; 17 of 48 steps rest on the model’s assumption only.` */
export function confidenceLine(c: Confidence): string {
	return `Confidence: ${levelText(c)} — ${withStop(reasonsText(c))}`;
}

/** A short tag for a list: `low confidence`. */
export const confidenceTag = (c: Pick<Confidence, 'level'>): string => `${c.level} confidence`;

/** Appended to a sentence that states a number: `(low confidence: one source, …)`. */
export const confidenceAside = (c: Confidence): string =>
	`(${confidenceTag(c)}: ${reasonsText(c)})`;

/**
 * What the numbers are: `These are the probabilities of a model of one argument (“<title>”), not
 * a forecast.`
 */
export function numbersNote(sourceTitles: readonly string[]): string {
	const what =
		sourceTitles.length === 0
			? 'of a model that cites no source'
			: sourceTitles.length === 1
				? `of a model of one argument (“${sourceTitles[0]}”)`
				: `of a model of an argument drawn from ${sourceTitles.length} sources (${sourceTitles.map((t) => `“${t}”`).join('; ')})`;
	return `These are the probabilities ${what}, not a forecast.`;
}

/** What stands beside a result: the confidence, its line, and what the numbers are. */
export interface ResultBasis {
	confidence: Confidence;
	/** `confidenceLine(confidence)`. */
	line: string;
	/** `numbersNote(<the sources' titles>)`. */
	note: string;
}

/**
 * The basis of a loaded scenario's or a payload's results (see `confidenceOf`), under `reading`
 * when the results stand under one (its departures from the source lower the confidence).
 */
export function resultBasis(
	loaded: Parameters<typeof confidenceOf>[0],
	reading?: Parameters<typeof readingConfidence>[1]
): ResultBasis {
	const confidence = readingConfidence(confidenceOf(loaded), reading);
	const sources = loaded.sources instanceof Map ? loaded.sources.values() : loaded.sources;
	return {
		confidence,
		line: confidenceLine(confidence),
		note: numbersNote([...sources].map((s) => s.meta.title))
	};
}

const uncapitalize = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const withStop = (s: string) => (/[.!?]$/.test(s) ? s : `${s}.`);
