/**
 * Words that carry likelihood ("could", "risks", "hard to resist", "guaranteed", "likely", …) and
 * the ICD 203 band each suggests. The mapping is a judgement, stated here once so that it can be
 * argued with: the editor only proposes a band, the analyst accepts or overrides it, and the
 * scenario records which. ICD 203's own terms and their alternatives map to themselves.
 */
import { estimativeSynonyms, estimativeTerms, type EstimativeTerm } from '../scenario/icd203';

/** Everyday wordings, by the band they most often mean in analytic prose. */
const everyday: Record<EstimativeTerm, readonly string[]> = {
	'almost no chance': ['no chance', 'impossible', 'out of the question'],
	'very unlikely': ['highly unlikely', 'little chance', 'slim chance', 'hardly'],
	unlikely: ['not likely', 'doubtful', 'not expected', 'unlikely to'],
	'roughly even chance': [
		'could',
		'may',
		'might',
		'possibly',
		'possible',
		'perhaps',
		'risks',
		'risk',
		'toss-up',
		'fifty-fifty'
	],
	likely: ['probably', 'expected to', 'poised to', 'tends to'],
	'very likely': ['hard to resist', 'highly likely', 'all but certain', 'strong chance'],
	'almost certain': [
		'guaranteed',
		'certainly',
		'inevitable',
		'inevitably',
		'bound to',
		'no doubt',
		'will surely'
	]
};

interface Entry {
	phrase: string;
	term: EstimativeTerm;
}

/** Longest phrases first, so that "highly unlikely" wins over "unlikely" at the same place. */
const entries: Entry[] = [
	...estimativeTerms.map((term) => ({ phrase: term, term })),
	...Object.entries(estimativeSynonyms).map(([phrase, term]) => ({ phrase, term })),
	...Object.entries(everyday).flatMap(([term, phrases]) =>
		phrases.map((phrase) => ({ phrase, term: term as EstimativeTerm }))
	)
].sort((a, b) => b.phrase.length - a.phrase.length);

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const pattern = new RegExp(
	`(?<![\\p{L}\\p{N}'’-])(?:${entries.map((e) => escape(e.phrase).replace(/ /g, '\\s+')).join('|')})(?![\\p{L}\\p{N}'’-])`,
	'giu'
);
const byPhrase = new Map(entries.map((e) => [e.phrase, e.term]));

export interface WordingMatch {
	start: number;
	end: number;
	/** The words as written. */
	text: string;
	/** The ICD 203 band they suggest. */
	term: EstimativeTerm;
}

/**
 * Every likelihood-bearing wording in `text`, in reading order, longest at each place:
 * `findWordings('It is highly unlikely.')` gives one match, "highly unlikely" → very unlikely.
 */
export function findWordings(text: string): WordingMatch[] {
	const found: WordingMatch[] = [];
	for (const m of text.matchAll(pattern)) {
		const phrase = m[0].toLowerCase().replace(/\s+/g, ' ');
		const term = byPhrase.get(phrase);
		if (term) found.push({ start: m.index, end: m.index + m[0].length, text: m[0], term });
	}
	return found;
}

/**
 * The band to propose for a transition from its quotes: the first wording found, reading the
 * quotes in order; undefined when none carries likelihood.
 */
export function proposeTerm(quotes: readonly string[]): WordingMatch | undefined {
	for (const quote of quotes) {
		const [first] = findWordings(quote);
		if (first) return first;
	}
	return undefined;
}
