/**
 * Where a diagnostic's line and column fall in the text, as character offsets, for the editor's
 * underlines and for moving the cursor to a listed problem. Diagnostics count lines and columns
 * from 1 (scenario/diagnostics.ts); a problem of the whole file (line 0) covers the first line.
 */
import type { Diagnostic } from '../scenario/diagnostics';

export interface TextRange {
	from: number;
	to: number;
}

/** Offset of each line's start: `lineStarts('a\nbc')` → `[0, 2]`. */
export function lineStarts(text: string): number[] {
	const starts = [0];
	for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
	return starts;
}

/**
 * The range to mark for a diagnostic: from its column to the end of the word (or token) there,
 * at least one character when the line has one; clamped to the text, so a stale diagnostic never
 * points outside it. `toRange('a: bad\n', { line: 1, column: 4 })` → `{ from: 3, to: 6 }`.
 */
export function toRange(
	text: string,
	{ line, column }: Pick<Diagnostic, 'line' | 'column'>,
	starts: number[] = lineStarts(text)
): TextRange {
	const row = Math.min(Math.max(line, 1), starts.length) - 1;
	const lineStart = starts[row];
	const lineEnd = row + 1 < starts.length ? starts[row + 1] - 1 : text.length;
	const from = Math.min(lineStart + Math.max(column - 1, 0), lineEnd);
	const rest = text.slice(from, lineEnd);
	const token = /^\S+/.exec(rest)?.[0].length ?? 0;
	const to = token > 0 ? from + token : Math.min(from + 1, lineEnd);
	return line < 1 ? { from: lineStart, to: lineEnd } : { from, to };
}
