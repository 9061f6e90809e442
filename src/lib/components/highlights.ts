/**
 * A source text cut for display with highlights: paragraphs, their sentences (and the white space
 * between them), and each sentence split into runs at the quote boundaries, each run naming the
 * quotes that cover it. Quotes may overlap; the runs never do, and together they give back the
 * text exactly, so that the panel renders it from text nodes alone.
 */
import { plural } from '../format/plural';
import type { Sentence } from '../scenario/sentences';

export interface Span {
	start: number;
	end: number;
}

export interface Run {
	start: number;
	end: number;
	text: string;
	/** Indices (into the quotes given) of the quotes that cover the run, ascending. */
	quotes: number[];
}

export interface Piece {
	/** The sentence, or null for the white space between two sentences. */
	sentence: Sentence | null;
	runs: Run[];
}

export interface Paragraph {
	/** 1-based, as in the sentence ids. */
	number: number;
	pieces: Piece[];
}

/** Whether two half-open spans share a character. */
function overlaps(a: Span, b: Span): boolean {
	return a.start < b.end && b.start < a.end;
}

/**
 * `text.slice(start, end)` cut at every quote boundary inside it.
 * `toRuns('abcdef', 0, 6, [{ start: 1, end: 3 }])` gives runs `a` (no quotes), `bc` (quote 0)
 * and `def` (no quotes).
 */
export function toRuns(text: string, start: number, end: number, quotes: readonly Span[]): Run[] {
	const cuts = new Set([start, end]);
	for (const q of quotes) {
		if (q.start > start && q.start < end) cuts.add(q.start);
		if (q.end > start && q.end < end) cuts.add(q.end);
	}
	const sorted = [...cuts].sort((a, b) => a - b);
	const runs: Run[] = [];
	for (let i = 0; i + 1 < sorted.length; i++) {
		const span = { start: sorted[i], end: sorted[i + 1] };
		runs.push({ ...span, text: text.slice(span.start, span.end), quotes: quotesIn(span, quotes) });
	}
	return runs;
}

/** Indices of the quotes that share a character with `span`, ascending. */
export function quotesIn(span: Span, quotes: readonly Span[]): number[] {
	const found: number[] = [];
	quotes.forEach((q, i) => {
		if (overlaps(span, q)) found.push(i);
	});
	return found;
}

/** The text as paragraphs of sentences (from `toSentences`), each cut into runs. */
export function toParagraphs(
	text: string,
	sentences: readonly Sentence[],
	quotes: readonly Span[]
): Paragraph[] {
	const paragraphs: Paragraph[] = [];
	let previous: Sentence | undefined;
	for (const sentence of sentences) {
		let paragraph = paragraphs.at(-1);
		if (!paragraph || paragraph.number !== sentence.paragraph) {
			paragraph = { number: sentence.paragraph, pieces: [] };
			paragraphs.push(paragraph);
		} else if (previous && previous.end < sentence.start) {
			paragraph.pieces.push({
				sentence: null,
				runs: toRuns(text, previous.end, sentence.start, quotes)
			});
		}
		paragraph.pieces.push({ sentence, runs: toRuns(text, sentence.start, sentence.end, quotes) });
		previous = sentence;
	}
	return paragraphs;
}

/** The sentences that no quote touches, in order. */
export function uncitedSentences(
	sentences: readonly Sentence[],
	quotes: readonly Span[]
): Sentence[] {
	return sentences.filter((s) => !quotes.some((q) => overlaps(s, q)));
}

/** `describeCitations(2) === 'Quoted by 2 transitions'`: the accessible name of a highlight. */
export function describeCitations(transitions: number): string {
	return `Quoted by ${plural(transitions, 'transition')}`;
}
