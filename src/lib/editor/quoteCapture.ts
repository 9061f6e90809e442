/**
 * Quote capture for the editor: a passage selected in a source text becomes a quote selector that
 * anchors to exactly that place (see scenario/anchor.ts). The quote is the selection, trimmed; when
 * the same words occur elsewhere, whole words of context are added as a suffix, then a prefix, then
 * both, growing until the selector matches this place only. The start offset is returned too, as
 * the format's tie-break hint.
 */
import {
	anchorQuote,
	normalizeText,
	type NormalizedText,
	type QuoteSelector
} from '../scenario/anchor';

export interface CapturedQuote extends QuoteSelector {
	/** Offset of the quote in the source text (after trimming the selection). */
	start: number;
	end: number;
}

export type CaptureResult = { ok: true; value: CapturedQuote } | { ok: false; message: string };

/** Most words of context tried on each side before giving up. */
const maxContextWords = 12;

/**
 * `captureQuote('Talks may fail. If they fail, war.', 0, 15)` gives `{ quote: 'Talks may fail.' }`
 * with its offsets; a selection of a repeated phrase gets the context that tells it apart.
 */
export function captureQuote(
	text: string,
	selectionStart: number,
	selectionEnd: number,
	normalized: NormalizedText = normalizeText(text)
): CaptureResult {
	let start = Math.max(0, Math.min(selectionStart, selectionEnd));
	let end = Math.min(text.length, Math.max(selectionStart, selectionEnd));
	while (start < end && /\s/.test(text[start])) start++;
	while (end > start && /\s/.test(text[end - 1])) end--;
	if (start === end) return { ok: false, message: 'select some words of the source first' };

	const quote = text.slice(start, end);
	const before = wordsBefore(text, start);
	const after = wordsAfter(text, end);
	const here = (selector: QuoteSelector) => {
		const found = anchorQuote(normalized, selector);
		return found.ok && found.start === start && found.end === end;
	};
	for (let k = 0; k <= maxContextWords; k++) {
		const suffix = k > 0 && k <= after.length ? after.slice(0, k).join(' ') : undefined;
		const prefix = k > 0 && k <= before.length ? before.slice(-k).join(' ') : undefined;
		const candidates: QuoteSelector[] =
			k === 0
				? [{ quote }]
				: [
						...(suffix ? [{ quote, suffix }] : []),
						...(prefix ? [{ quote, prefix }] : []),
						...(prefix || suffix ? [{ quote, prefix, suffix }] : [])
					];
		for (const candidate of candidates) {
			if (here(candidate)) return { ok: true, value: { ...withoutEmpty(candidate), start, end } };
		}
		if (k > before.length && k > after.length) break;
	}
	return {
		ok: false,
		message: `the passage repeats with the same ${maxContextWords} words around it: select a longer passage`
	};
}

function withoutEmpty(selector: QuoteSelector): QuoteSelector {
	const out: QuoteSelector = { quote: selector.quote };
	if (selector.prefix) out.prefix = selector.prefix;
	if (selector.suffix) out.suffix = selector.suffix;
	return out;
}

/**
 * Up to maxContextWords whitespace-separated words just before `at`, in reading order. A word the
 * selection cuts keeps its piece outside the selection, since the prefix must end where the quote
 * starts.
 */
function wordsBefore(text: string, at: number): string[] {
	return text
		.slice(Math.max(0, at - 400), at)
		.split(/\s+/)
		.filter(Boolean)
		.slice(-maxContextWords);
}

/** Up to maxContextWords words just after `at` (a cut word's remaining piece first). */
function wordsAfter(text: string, at: number): string[] {
	return text
		.slice(at, at + 400)
		.split(/\s+/)
		.filter(Boolean)
		.slice(0, maxContextWords);
}
