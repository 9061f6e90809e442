/**
 * Ingestion of a scraped text: drop page boilerplate (blocks of lines the scrape repeats), link
 * text (runs of short lines with no sentence in them, lines such as "Read more: …", and such
 * fragments inside a line of article text) and the lines named by hand; keep every other line
 * exactly as it was, and say what was dropped and why. Only line endings change (to \n), and
 * the text ends with one \n.
 */
import { plural } from '../format/plural';
import { toSentences } from './sentences';

/** Lines `from` to `to` of the raw file, counted from 1, both included. */
export interface LineRange {
	from: number;
	to: number;
}

export interface DroppedLines extends LineRange {
	/** The dropped lines, joined by \n; for part of a line, the part. */
	text: string;
	reason: string;
	/**
	 * For part of a line (`from` = `to`): the column, counted from 1 in the raw line, where the
	 * dropped text stood; the rest of the line is kept.
	 */
	column?: number;
}

export interface Ingested {
	/** The cleaned text, as it is stored. */
	text: string;
	/** Number of lines of the raw text. */
	lines: number;
	dropped: DroppedLines[];
}

export const handReason = 'listed with --drop-lines';

/** The raw text's lines: \r\n and \r read as \n, a byte-order mark left out. */
export function toLines(raw: string): string[] {
	const text = raw.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
	const lines = text.split('\n');
	if (lines.at(-1) === '') lines.pop();
	return lines;
}

/**
 * `1-6,9` to ranges, checked against the number of lines; a message when it is malformed.
 * `toLineRanges('1-3,9', 10)` is `[{ from: 1, to: 3 }, { from: 9, to: 9 }]`.
 */
export function toLineRanges(spec: string, lineCount: number): LineRange[] | string {
	const ranges: LineRange[] = [];
	for (const part of spec.split(',')) {
		const match = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(part);
		if (!match) return `"${part.trim()}" is not a line number or a range such as 1-6`;
		const from = Number(match[1]);
		const to = Number(match[2] ?? match[1]);
		if (from < 1 || to < from) return `${part.trim()}: give lines from 1 up, the lower first`;
		if (to > lineCount) return `${part.trim()}: the file has ${plural(lineCount, 'line')}`;
		ranges.push({ from, to });
	}
	return ranges;
}

const isBlank = (line: string) => line.trim() === '';

/** Words a scraped page puts on its links and buttons, at the start of a line or a fragment. */
const linkPhrase =
	/^(read more|read also|also read|related( articles?| stories| content)?|see also|more on this|share( this( article| story)?| on \w+)?|tweet|subscribe|sign up|sign in|log in|follow us|advertisement|click here|comments?|newsletter|skip to (main )?content)\b/i;

const words = (text: string) => text.trim().split(/\s+/).length;

/** A short line with no sentence in it: a link's text, a menu item, a tag. */
const isShortFragment = (line: string) =>
	!isBlank(line) && words(line) <= 6 && !/[.!?;:,"\u201d)\]]\s*$/.test(line);

/** Link text by its words: "Read more: …", "Share on X", "Advertisement". */
const isLinkText = (text: string) => linkPhrase.test(text.trim()) && words(text) <= 15;

/** A block of lines that occurs more than once: its length and where each copy starts (0-based). */
interface Repeat {
	length: number;
	starts: number[];
}

/**
 * Blocks of two or more non-blank lines (blank lines may sit between them) that occur again,
 * verbatim and without overlapping, elsewhere in the text. Each is as long as it can be.
 */
export function findRepeats(lines: readonly string[]): Repeat[] {
	const byText = new Map<string, number[]>();
	lines.forEach((line, i) => {
		if (isBlank(line)) return;
		const at = byText.get(line);
		if (at) at.push(i);
		else byText.set(line, [i]);
	});
	const repeats = new Map<string, Repeat>();
	for (const at of byText.values()) {
		for (let a = 0; a < at.length; a++) {
			for (let b = a + 1; b < at.length; b++) {
				const [i, j] = [at[a], at[b]];
				// A copy that extends upwards is found from its first line.
				if (i > 0 && !isBlank(lines[i - 1]) && lines[i - 1] === lines[j - 1]) continue;
				let length = 0;
				while (
					i + length < j &&
					j + length < lines.length &&
					lines[i + length] === lines[j + length]
				)
					length++;
				while (length > 0 && isBlank(lines[i + length - 1])) length--;
				const block = lines.slice(i, i + length);
				if (block.filter((l) => !isBlank(l)).length < 2) continue;
				const key = block.join('\n');
				const repeat = repeats.get(key) ?? { length, starts: [] };
				repeat.starts = [...new Set([...repeat.starts, i, j])].sort((x, y) => x - y);
				repeats.set(key, repeat);
			}
		}
	}
	return [...repeats.values()];
}

const span = (from: number, to: number) => (from === to ? `${from}` : `${from}-${to}`);

/**
 * Drop repeated blocks and the lines in `dropLines`; keep the rest byte for byte. A message when
 * nothing would be left.
 */
export function ingest(raw: string, dropLines: readonly LineRange[] = []): Ingested | string {
	const lines = toLines(raw);
	// Why each line is dropped; a line in several repeated blocks goes with the longest.
	const reasons: (string | undefined)[] = lines.map(() => undefined);
	const claimed: number[] = lines.map(() => 0);
	for (const { length, starts } of findRepeats(lines)) {
		for (const start of starts) {
			const others = starts.filter((s) => s !== start).map((s) => span(s + 1, s + length));
			const reason = `page boilerplate: the same ${length} lines also stand at lines ${others.join(', ')}`;
			for (let k = start; k < start + length; k++) {
				if (claimed[k] >= length) continue;
				claimed[k] = length;
				reasons[k] = reason;
			}
		}
	}
	for (const { from, to } of dropLines)
		for (let k = from - 1; k < to && k < lines.length; k++) reasons[k] ??= handReason;
	linkLines(lines, reasons);

	const dropped: DroppedLines[] = [];
	reasons.forEach((reason, k) => {
		if (reason === undefined) return;
		const last = dropped.at(-1);
		if (last && last.to === k && last.reason === reason) {
			last.to = k + 1;
			last.text += `\n${lines[k]}`;
		} else dropped.push({ from: k + 1, to: k + 1, text: lines[k], reason });
	});
	const fragments = linkFragments(lines, reasons);
	dropped.push(...fragments.dropped);
	dropped.sort((a, b) => a.from - b.from || (a.column ?? 0) - (b.column ?? 0));
	const kept = lines
		.map((line, k) => fragments.kept.get(k) ?? line)
		.filter((_, k) => reasons[k] === undefined);
	if (kept.every(isBlank)) return 'nothing is left once the dropped lines are taken out';
	return { text: `${kept.join('\n').replace(/\n+$/, '')}\n`, lines: lines.length, dropped };
}

/**
 * Lines of link text, among those not dropped yet: a run of two or more short lines with no
 * sentence in them (blank lines may stand between: a menu, a list of tags or of other articles),
 * and any line that reads as a link ("Read more: …", "Share this article").
 */
function linkLines(lines: readonly string[], reasons: (string | undefined)[]): void {
	const open = lines.map((line, k) => reasons[k] === undefined && !isBlank(line));
	let run: number[] = [];
	const close = () => {
		if (run.length >= 2) {
			const reason = `link text: ${run.length} short lines in a row with no sentence in them (a menu or a list of links)`;
			for (const k of run) reasons[k] = reason;
		}
		run = [];
	};
	lines.forEach((line, k) => {
		if (!open[k]) {
			if (!isBlank(line) || reasons[k] !== undefined) close();
			return;
		}
		if (isShortFragment(line)) run.push(k);
		else close();
	});
	close();
	lines.forEach((line, k) => {
		if (reasons[k] === undefined && !isBlank(line) && isLinkText(line))
			reasons[k] = `link text: "${line.trim().split(/\s+/).slice(0, 3).join(' ')}…"`;
	});
}

/**
 * Link text inside a kept line of article text: a sentence-sized fragment that reads as a link
 * ("Read more: …"), or a short one that stands in two or more lines (a repeated label such as
 * "Advertisement"). Cut with the space that joined it; each cut recorded with its column.
 */
function linkFragments(
	lines: readonly string[],
	reasons: readonly (string | undefined)[]
): { kept: Map<number, string>; dropped: DroppedLines[] } {
	const parts = lines.map((line, k) =>
		reasons[k] === undefined && !isBlank(line) ? toSentences(line) : []
	);
	const seen = new Map<string, Set<number>>();
	parts.forEach((sentences, k) => {
		for (const s of sentences) seen.set(s.text, (seen.get(s.text) ?? new Set()).add(k));
	});
	const kept = new Map<number, string>();
	const dropped: DroppedLines[] = [];
	parts.forEach((sentences, k) => {
		if (sentences.length < 2) return;
		const line = lines[k];
		const cuts = sentences
			.filter(
				(s) =>
					isLinkText(s.text) ||
					// A label the page repeats (not a sentence: those end with a full stop).
					(words(s.text) <= 8 &&
						!/[.!?]["\u201d\u2019)]*$/.test(s.text) &&
						(seen.get(s.text)?.size ?? 0) >= 2)
			)
			.filter((s, _, all) => all.length < sentences.length);
		if (cuts.length === 0) return;
		let rest = '';
		let at = 0;
		for (const s of cuts) {
			let start = s.start;
			let end = s.end;
			if (line.slice(0, start).trim() === '')
				while (end < line.length && /\s/.test(line[end])) end++;
			else while (start > 0 && /\s/.test(line[start - 1])) start--;
			rest += line.slice(at, start);
			at = end;
			const reason = isLinkText(s.text)
				? `link text inside the line: "${s.text.split(/\s+/).slice(0, 3).join(' ')}…"`
				: `page furniture inside the text: the same words stand in ${plural(
						(seen.get(s.text)?.size ?? 1) - 1,
						'other line'
					)} (${[...seen.get(s.text)!]
						.filter((j) => j !== k)
						.map((j) => j + 1)
						.join(', ')})`;
			dropped.push({
				from: k + 1,
				to: k + 1,
				column: start + 1,
				text: line.slice(start, end),
				reason
			});
		}
		kept.set(k, rest + line.slice(at));
	});
	return { kept, dropped };
}

/** For the terminal: each dropped range with its reason, then its lines with their numbers. */
export function describeDropped(dropped: readonly DroppedLines[]): string[] {
	return dropped.flatMap((d) =>
		d.column !== undefined
			? [
					`dropped part of line ${d.from}, from column ${d.column} (${d.reason}):`,
					`${String(d.from).padStart(6)}  ${d.text.trim()}`
				]
			: [
					`dropped line${d.from === d.to ? '' : 's'} ${span(d.from, d.to)} (${d.reason}):`,
					...d.text.split('\n').map((line, k) => `${String(d.from + k).padStart(6)}  ${line}`)
				]
	);
}
