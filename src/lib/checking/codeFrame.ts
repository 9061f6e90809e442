/** The line a diagnostic points at, with a caret under its column, for the /validate page. */

export interface CodeFrame {
	/** 1-based line number. */
	line: number;
	/** The line as shown: cut to a window around the column when it is long (`…` marks a cut). */
	text: string;
	/** A space per character of `text` up to the column (tabs kept, so it lines up), then `^`. */
	caret: string;
}

/**
 * The frame for `line:column` (1-based) of `text`; undefined when there is no such line.
 * `toCodeFrame('id: x\ntitle: 42\n', 2, 8)` → `{ line: 2, text: 'title: 42', caret: '       ^' }`
 */
export function toCodeFrame(
	text: string,
	line: number,
	column: number,
	width = 100
): CodeFrame | undefined {
	const lines = text.replace(/^\uFEFF/, '').split('\n');
	if (!Number.isInteger(line) || line < 1 || line > lines.length) return undefined;
	const full = lines[line - 1].replace(/\r$/, '');
	const at = Math.min(Math.max(Number.isFinite(column) ? column - 1 : 0, 0), full.length);
	let start = 0;
	let shown = full;
	if (full.length > width) {
		start = Math.max(0, Math.min(at - Math.floor(width / 2), full.length - width));
		const end = start + width;
		shown = `${start > 0 ? '…' : ''}${full.slice(start, end)}${end < full.length ? '…' : ''}`;
	}
	const before = (start > 0 ? '…' : '') + full.slice(start, at);
	return {
		line,
		text: shown,
		caret: `${Array.from(before, (c) => (c === '\t' ? c : ' ')).join('')}^`
	};
}
