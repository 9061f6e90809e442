/**
 * A linear scan of YAML or JSON text, run before the YAML parser: how deeply it nests (flow
 * collections `[` `{` plus block indentation levels), and where a quoted string opens that never
 * closes. The parser recurses once per level, so a few kilobytes of `[[[[…` exhaust the stack;
 * this scan refuses such a file in one pass without recursion.
 */

export interface Position {
	/** 1-based, as in diagnostics. */
	line: number;
	column: number;
}

export interface NestingScan {
	/** Where the depth first went over the limit, if it did. */
	tooDeep?: Position;
	/** The deepest level seen (counting stops once the limit is crossed). */
	depth: number;
	/** Where a quoted string opens that the text never closes. */
	unclosedQuote?: Position & { quote: string };
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\t';
const isBreak = (c: string | undefined) => c === '\n' || c === '\r' || c === undefined;
const isFlowIndicator = (c: string | undefined) => c === ',' || c === ']' || c === '}';

/**
 * Scan `text` for nesting deeper than `max` and for an unclosed quote. Quoted strings, comments
 * and block scalars (`|`, `>`) do not count; brackets inside a plain block scalar (`title: a [b`)
 * do not open anything.
 *
 * `scanNesting('a: [[1]]\n', 64)` is `{ depth: 3 }` (the mapping, then two lists).
 */
export function scanNesting(text: string, max: number): NestingScan {
	const result: NestingScan = { depth: 0 };
	const indents: number[] = []; // open block levels, by indentation
	let flow = 0; // open [ and { around the current position
	let line = 1;
	let lineStart = 0;
	let i = 0;
	/** Indentation of the line a block scalar started on: deeper lines are its text. */
	let blockScalar: number | undefined;
	let valueStart = true; // a new node (quoted string, collection, block scalar) may begin here
	let atLineStart = true;

	const enter = (at: number) => {
		const depth = indents.length + flow;
		if (depth > result.depth) result.depth = depth;
		if (depth > max && !result.tooDeep) result.tooDeep = { line, column: at - lineStart + 1 };
	};
	const newLine = (at: number) => {
		line++;
		lineStart = at;
		atLineStart = true;
	};

	while (i < text.length && !result.tooDeep) {
		if (atLineStart) {
			atLineStart = false;
			// Start of a line: measure its indentation, then decide what it is.
			let j = i;
			while (text[j] === ' ') j++;
			const indent = j - i;
			const blank = isBlank(text, j);
			if (blockScalar !== undefined && (blank || indent > blockScalar)) {
				i = skipLine(text, j);
				if (i < text.length) newLine(++i);
				continue;
			}
			blockScalar = undefined;
			i = j;
			const marker = text.startsWith('---', j) || text.startsWith('...', j);
			// A line that opens a flow collection is that collection: the flow depth counts it.
			const opensFlow = text[j] === '[' || text[j] === '{';
			if (flow === 0 && !blank && !marker && !opensFlow) {
				while (indents.length > 0 && indents[indents.length - 1] >= indent) indents.pop();
				indents.push(indent);
				enter(j);
			}
			valueStart = true;
			continue;
		}
		const c = text[i];
		if (c === '\n') {
			newLine(++i);
			continue;
		}
		if (isSpace(c) || c === '\r') {
			i++;
			continue;
		}
		if (c === '#' && (i === lineStart || isSpace(text[i - 1]))) {
			i = skipLine(text, i);
			continue;
		}
		if (valueStart && (c === "'" || c === '"')) {
			const end = closingQuote(text, i, c);
			if (end < 0) {
				result.unclosedQuote = { line, column: i - lineStart + 1, quote: c };
				return result;
			}
			for (let k = i + 1; k < end; k++) {
				if (text[k] === '\n') {
					line++;
					lineStart = k + 1;
				}
			}
			i = end + 1;
			valueStart = false;
			continue;
		}
		if (c === '[' || c === '{') {
			if (flow > 0 || valueStart) {
				flow++;
				enter(i);
				valueStart = true;
			}
			i++;
			continue;
		}
		if (flow > 0 && (c === ']' || c === '}')) {
			flow--;
			valueStart = false;
			i++;
			continue;
		}
		if (flow > 0 && c === ',') {
			valueStart = true;
			i++;
			continue;
		}
		if (c === ':' && (flow > 0 || isSpace(text[i + 1]) || isBreak(text[i + 1]))) {
			valueStart = true;
			i++;
			continue;
		}
		if (valueStart && (c === '-' || c === '?') && (isSpace(text[i + 1]) || isBreak(text[i + 1]))) {
			// A block sequence entry (or complex key): what follows on this line is one level deeper.
			if (flow === 0) {
				let j = i + 1;
				while (isSpace(text[j])) j++;
				if (!isBreak(text[j]) && text[j] !== '#') {
					indents.push(j - lineStart);
					enter(j);
				}
			}
			i++;
			continue;
		}
		if (valueStart && flow === 0 && (c === '|' || c === '>')) {
			blockScalar = indentOf(text, lineStart);
			i = skipLine(text, i);
			continue;
		}
		if (valueStart && (c === '&' || c === '!')) {
			// An anchor or a tag: the node itself follows.
			while (
				i < text.length &&
				!isSpace(text[i]) &&
				!isBreak(text[i]) &&
				!(flow > 0 && isFlowIndicator(text[i]))
			)
				i++;
			continue;
		}
		// Anything else is (part of) a plain scalar: in block context its brackets are text.
		valueStart = false;
		i++;
	}
	return result;
}

/** Whether the line from `j` on holds only white space, or a comment. */
function isBlank(text: string, j: number): boolean {
	while (isSpace(text[j])) j++;
	return isBreak(text[j]) || text[j] === '#';
}

function indentOf(text: string, lineStart: number): number {
	let j = lineStart;
	while (text[j] === ' ') j++;
	return j - lineStart;
}

/** Index of the line break ending the line that `i` is on (or the end of the text). */
function skipLine(text: string, i: number): number {
	const end = text.indexOf('\n', i);
	return end < 0 ? text.length : end;
}

/** Index of the quote closing the string opened at `start`, or -1. */
function closingQuote(text: string, start: number, quote: string): number {
	for (let k = start + 1; k < text.length; k++) {
		const c = text[k];
		if (quote === '"' && c === '\\') k++;
		else if (c === quote) {
			if (quote === "'" && text[k + 1] === "'") k++;
			else return k;
		}
	}
	return -1;
}
