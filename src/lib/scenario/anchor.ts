/**
 * Quote anchoring in the manner of the W3C Web Annotation TextQuoteSelector: the exact text, with
 * optional prefix and suffix to tell repeats apart. Matching forgives typography (' for ’, " for “ ”,
 * - for – and —) and runs of white space, and reports offsets into the original text.
 */

const typography: Record<string, string> = {
	'\u2018': "'",
	'\u2019': "'",
	'\u201a': "'",
	'\u201b': "'",
	'\u2032': "'",
	'\u201c': '"',
	'\u201d': '"',
	'\u201e': '"',
	'\u2033': '"',
	'\u2010': '-',
	'\u2011': '-',
	'\u2012': '-',
	'\u2013': '-',
	'\u2014': '-',
	'\u2212': '-'
};

import { limits } from './limits';
import { sentenceAt, toSentences } from './sentences';

export interface NormalizedText {
	text: string;
	/** For each character of `text`, its offset in the original; one extra entry for the end. */
	offsets: number[];
}

/** Fold typography and collapse white space, keeping a map back to the original offsets. */
export function normalizeText(original: string): NormalizedText {
	let text = '';
	const offsets: number[] = [];
	let inSpace = false;
	for (let i = 0; i < original.length; i++) {
		const ch = original[i];
		if (/\s/.test(ch)) {
			if (!inSpace) {
				text += ' ';
				offsets.push(i);
			}
			inSpace = true;
			continue;
		}
		inSpace = false;
		if (ch === '\u2026') {
			for (let k = 0; k < 3; k++) {
				text += '.';
				offsets.push(i);
			}
			continue;
		}
		text += typography[ch] ?? ch;
		offsets.push(i);
	}
	offsets.push(original.length);
	return { text, offsets };
}

/** The normalised form of a short string (quote, prefix or suffix), trimmed. */
export function normalizeQuote(quote: string): string {
	return normalizeText(quote).text.trim();
}

export interface QuoteSelector {
	quote: string;
	prefix?: string;
	suffix?: string;
	/** Character offset hint; breaks a tie between equally good matches. */
	start?: number;
}

export type AnchorResult =
	| { ok: true; start: number; end: number }
	| {
			ok: false;
			reason: 'empty' | 'not-found' | 'ambiguous';
			message: string;
			hint?: string;
			/** For a quote found in several places: where each starts, as offsets in the original. */
			places?: number[];
	  };

/** Where `needle` occurs in `haystack`, stopping past `most` (the list then holds most + 1). */
function allIndexes(haystack: string, needle: string, most: number): number[] {
	const found: number[] = [];
	for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) {
		found.push(i);
		if (found.length > most) break;
	}
	return found;
}

/**
 * The anchoring work one file may ask for: each quote searches its whole source, so a file's
 * quotes may search at most `limits.maxAnchorCharacters` characters of source text in all.
 * `spend` says whether a quote in a source of `length` characters is still within it.
 */
export class AnchorBudget {
	private left = limits.maxAnchorCharacters;
	/** Whether the budget ran out (the first quote past it has been told). */
	spent = false;
	spend(length: number): boolean {
		this.left -= length;
		return this.left >= 0;
	}
}

/** The message for the first quote past the budget. */
export function overBudget(remaining: number): { message: string; hint: string } {
	return {
		message: `anchoring this quote and the ${remaining.toLocaleString('en')} after it would search more than ${limits.maxAnchorCharacters.toLocaleString('en')} characters of source text, the most one file's quotes may search`,
		hint: 'quote fewer passages, or cite a shorter source (the quotes after this one are not checked)'
	};
}

/**
 * Find `selector.quote` in `source`. `anchorQuote(normalizeText('It’s here.'), { quote: "It's" })`
 * gives `{ ok: true, start: 0, end: 4 }`.
 */
export function anchorQuote(source: NormalizedText, selector: QuoteSelector): AnchorResult {
	const quote = normalizeQuote(selector.quote);
	if (quote === '') return { ok: false, reason: 'empty', message: 'quote is empty' };
	let matches = allIndexes(source.text, quote, limits.maxQuoteMatches);
	if (matches.length === 0) return notFound(source.text, quote);
	if (matches.length > limits.maxQuoteMatches) {
		return {
			ok: false,
			reason: 'ambiguous',
			message: `quote matches more than ${limits.maxQuoteMatches.toLocaleString('en')} places in the source, the most a quote is told apart in`,
			hint: 'quote a longer passage'
		};
	}
	const prefix = selector.prefix === undefined ? '' : normalizeQuote(selector.prefix);
	const suffix = selector.suffix === undefined ? '' : normalizeQuote(selector.suffix);
	if (prefix || suffix) {
		matches = matches.filter((at) => {
			const before = source.text.slice(Math.max(0, at - prefix.length - 1), at).trimEnd();
			const after = source.text
				.slice(at + quote.length, at + quote.length + suffix.length + 1)
				.trimStart();
			return before.endsWith(prefix) && after.startsWith(suffix);
		});
		if (matches.length === 0) {
			return {
				ok: false,
				reason: 'not-found',
				message: 'quote is found, but not with the given prefix/suffix',
				hint: 'check prefix and suffix against the source text'
			};
		}
	}
	if (matches.length > 1 && selector.start === undefined) {
		return {
			ok: false,
			reason: 'ambiguous',
			message: `quote matches ${matches.length} places in the source`,
			hint: 'add a prefix or suffix (the words just before or after it), or quote a longer passage',
			places: matches.map((m) => source.offsets[m])
		};
	}
	const at = matches.reduce((best, m) =>
		Math.abs(source.offsets[m] - (selector.start ?? 0)) <
		Math.abs(source.offsets[best] - (selector.start ?? 0))
			? m
			: best
	);
	return { ok: true, start: source.offsets[at], end: source.offsets[at + quote.length - 1] + 1 };
}

function notFound(text: string, quote: string): AnchorResult {
	// The longest start of the quote that is in the source shows where the two part ways.
	let low = 0;
	let high = quote.length;
	while (low < high) {
		const mid = Math.ceil((low + high) / 2);
		if (text.includes(quote.slice(0, mid))) low = mid;
		else high = mid - 1;
	}
	const shown = quote.length > 60 ? `${quote.slice(0, 57)}…` : quote;
	if (low >= 12) {
		const at = text.indexOf(quote.slice(0, low));
		const sourceReads = text.slice(at + low, at + low + 30);
		return {
			ok: false,
			reason: 'not-found',
			message: `quote "${shown}" is not in the source`,
			hint: `the first ${low} characters match; then the quote has "${quote.slice(low, low + 30)}" where the source reads "${sourceReads}"`
		};
	}
	return {
		ok: false,
		reason: 'not-found',
		message: `quote "${shown}" is not in the source`,
		hint: 'copy the words exactly from the source text'
	};
}

/**
 * Where a quote found in several places stands, by sentence id and line of the source text:
 * `p1.s1 (line 1) and p3.s1 (line 3)`; the first five, then how many more.
 */
export function placesText(text: string, places: readonly number[]): string {
	const sentences = toSentences(text);
	const shown = places.slice(0, 5).map((at) => {
		const line = text.slice(0, at).split('\n').length;
		const id = sentenceAt(sentences, at)?.id;
		return id ? `${id} (line ${line})` : `line ${line}`;
	});
	if (places.length > shown.length) shown.push(`${places.length - shown.length} more`);
	return shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}` : shown.join('');
}

/** A quote's failure as a message naming its source, and where a quote found twice stands. */
export function quoteProblem(
	result: AnchorResult & { ok: false },
	sourceId: string,
	text: string
): { message: string; hint?: string } {
	const where = result.places ? `: ${placesText(text, result.places)}` : '';
	return { message: `${result.message} (source "${sourceId}")${where}`, hint: result.hint };
}
