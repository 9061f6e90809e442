/**
 * Text broken into lines that fit a width, for the chart files: SVG text does not wrap by itself.
 * Lines break at spaces where they can, inside a word where one word alone is too wide (a link:
 * after `&`, `,` or `/` when one of them stands in the second half of the piece that fits);
 * beyond `maxLines` the last line kept ends in an ellipsis. `measure` gives a string's width
 * (canvas `measureText` in the browser, a fixed width per character in tests).
 */

/** The width of a string, in the unit of the width it must fit. */
export type Measure = (text: string) => number;

const ellipsis = '…';

/**
 * `wrapText('one two three', 9, (s) => s.length)` → `['one two', 'three']`;
 * `wrapText('one two three', 9, (s) => s.length, 1)` → `['one two…']`.
 * Only ordinary spaces break: a no-break space (`53\u00a0%`) keeps its neighbours together.
 */
export function wrapText(
	text: string,
	width: number,
	measure: Measure,
	maxLines = Infinity
): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/[ \t\r\n]+/).filter(Boolean)) {
		const joined = line ? `${line} ${word}` : word;
		if (measure(joined) <= width) {
			line = joined;
			continue;
		}
		if (line) lines.push(line);
		let rest = word;
		while (measure(rest) > width) {
			const cut = breakAt(rest, width, measure);
			lines.push(rest.slice(0, cut));
			rest = rest.slice(cut);
		}
		line = rest;
	}
	if (line) lines.push(line);
	if (lines.length <= maxLines) return lines;
	const kept = lines.slice(0, Math.max(1, maxLines));
	kept[kept.length - 1] = withEllipsis(kept[kept.length - 1], width, measure);
	return kept;
}

/** Where to cut a word too wide for a line: the most that fits (at least one character). */
function breakAt(word: string, width: number, measure: Measure): number {
	let [low, high] = [1, word.length];
	while (low < high) {
		const mid = Math.ceil((low + high) / 2);
		if (measure(word.slice(0, mid)) <= width) low = mid;
		else high = mid - 1;
	}
	const fits = word.slice(0, low);
	const soft = Math.max(...['&', ',', '/'].map((c) => fits.lastIndexOf(c)));
	return soft >= low / 2 ? soft + 1 : low;
}

/** `line` shortened until it fits with an ellipsis after it. */
function withEllipsis(line: string, width: number, measure: Measure): string {
	let text = line;
	while (text.length > 0 && measure(`${text}${ellipsis}`) > width) text = text.slice(0, -1);
	return `${text.trimEnd()}${ellipsis}`;
}
