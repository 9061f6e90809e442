/**
 * A source text as paragraphs and sentences, each sentence with a stable id (`p3.s2`: the second
 * sentence of the third paragraph, both counted from 1) and its character offsets in the stored
 * text, so that anchored quotes can be mapped to the sentences they cite.
 */

export interface Sentence {
	/** `p<paragraph>.s<sentence>`, both 1-based. */
	id: string;
	paragraph: number;
	sentence: number;
	/** Offsets into the text: `text.slice(start, end)` is the sentence. */
	start: number;
	end: number;
	text: string;
}

/** Words that end with a full stop without ending the sentence. */
const abbreviations = new Set([
	'St.',
	'Mr.',
	'Mrs.',
	'Ms.',
	'Dr.',
	'Prof.',
	'Gen.',
	'Col.',
	'Lt.',
	'Gov.',
	'Sen.',
	'Rep.',
	'Jr.',
	'Sr.',
	'U.S.',
	'U.K.',
	'U.N.',
	'e.g.',
	'i.e.',
	'etc.',
	'vs.',
	'No.'
]);

/**
 * A possible end: `.`, `!` or `?` (a run of them), closing quotes or brackets, white space, then
 * an upper-case letter, a digit or an opening quote or bracket. Group 1 is the sentence's end.
 */
const boundary = /([.!?]+['"\u2019\u201d)\]]*)\s+(?=[\p{Lu}\p{Nd}'"\u2018\u201c([])/gu;

/** Whether the word ending at `end` (just past its full stop) is an abbreviation or an initial. */
function isAbbreviation(paragraph: string, end: number): boolean {
	const word = /[^\s'"\u2018\u201c([]*$/u.exec(paragraph.slice(0, end))?.[0] ?? '';
	return abbreviations.has(word) || /^\p{Lu}\.$/u.test(word);
}

/** The sentences of one paragraph, as [start, end) offsets into it, white space trimmed. */
function splitParagraph(paragraph: string): [number, number][] {
	const spans: [number, number][] = [];
	let start = 0;
	for (const match of paragraph.matchAll(boundary)) {
		// A single full stop after an abbreviation or an initial ends nothing ("Dr. Smith").
		if (/^\.(?![.!?])/.test(match[1]) && isAbbreviation(paragraph, match.index + 1)) continue;
		spans.push([start, match.index + match[1].length]);
		start = match.index + match[0].length;
	}
	spans.push([start, paragraph.length]);
	return spans;
}

/**
 * Paragraphs (the non-blank lines) and their sentences. `toSentences('One. Two.\nThree.')` gives
 * `p1.s1` "One." (0–4), `p1.s2` "Two." (5–9) and `p2.s1` "Three." (10–16).
 */
export function toSentences(text: string): Sentence[] {
	const sentences: Sentence[] = [];
	let paragraph = 0;
	for (const line of text.matchAll(/[^\n]+/g)) {
		const lead = line[0].length - line[0].trimStart().length;
		const content = line[0].trim();
		if (content === '') continue;
		paragraph++;
		const offset = line.index + lead;
		splitParagraph(content).forEach(([s, e], i) => {
			const start = offset + s;
			const end = offset + e;
			sentences.push({
				id: `p${paragraph}.s${i + 1}`,
				paragraph,
				sentence: i + 1,
				start,
				end,
				text: text.slice(start, end)
			});
		});
	}
	return sentences;
}

/** The sentence that holds the character at `offset`, if any (not the white space between). */
export function sentenceAt(sentences: readonly Sentence[], offset: number): Sentence | undefined {
	let low = 0;
	let high = sentences.length - 1;
	while (low <= high) {
		const mid = (low + high) >> 1;
		const s = sentences[mid];
		if (offset < s.start) high = mid - 1;
		else if (offset >= s.end) low = mid + 1;
		else return s;
	}
	return undefined;
}

/** The sentences that the passage [start, end) overlaps, in order; none for an empty passage. */
export function sentencesIn(
	sentences: readonly Sentence[],
	start: number,
	end: number
): Sentence[] {
	return start < end ? sentences.filter((s) => s.start < end && start < s.end) : [];
}
