/**
 * The YAML library's syntax errors in plain words, each pointed at the line where the writer has
 * to act: a duplicate key names its first place, an unclosed quote points where it opens, a
 * missing comma at the end of the item before it, an over-indented key at that key.
 */
import { isMap, isScalar, visit, type Document, type LineCounter, type YAMLError } from 'yaml';
import type { Diagnostic } from './diagnostics';
import { scanNesting } from './nesting';

interface Context {
	file: string;
	text: string;
	doc: Document;
	counter: LineCounter;
}

type Explained = Pick<Diagnostic, 'message' | 'hint'> & {
	offset?: number;
	line?: number;
	column?: number;
};

/** One diagnostic per syntax error (at most 20), explained where the error is understood. */
export function syntaxDiagnostics(context: Context, errors: readonly YAMLError[]): Diagnostic[] {
	const seen = new Set<string>();
	const diagnostics: Diagnostic[] = [];
	for (const error of errors.slice(0, 20)) {
		const explained = explain(context, error);
		const at =
			explained.line !== undefined
				? { line: explained.line, col: explained.column ?? 1 }
				: context.counter.linePos(explained.offset ?? error.pos[0]);
		const d: Diagnostic = {
			file: context.file,
			line: at.line,
			column: at.col,
			path: '(syntax)',
			message: explained.message,
			hint: explained.hint,
			severity: 'error'
		};
		const key = `${d.line}:${d.column}:${d.message}`;
		if (!seen.has(key)) diagnostics.push(d);
		seen.add(key);
	}
	return diagnostics;
}

function explain(context: Context, error: YAMLError): Explained {
	const original = error.message.split('\n')[0];
	switch (error.code) {
		case 'DUPLICATE_KEY':
			return (
				duplicateKey(context, error.pos[0]) ?? {
					message: original,
					hint: 'each key may appear once in a mapping; rename or merge the two'
				}
			);
		case 'BLOCK_AS_IMPLICIT_KEY':
		case 'MULTILINE_IMPLICIT_KEY':
			return (
				overIndented(context.text, error.pos[0]) ?? {
					message: original,
					hint: 'check the indentation and the punctuation on this line'
				}
			);
		case 'MISSING_CHAR':
			if (/closing .*quote/.test(original))
				return (
					unclosedQuote(context.text) ?? {
						message: original,
						hint: 'close the quoted text with the same quote it opens with'
					}
				);
			if (/^Missing , between/.test(original)) return missingComma(context, error.pos[0]);
			return { message: original, hint: 'check the indentation and the punctuation on this line' };
		case 'BAD_INDENT':
			return { message: original, hint: 'check the indentation and the punctuation on this line' };
		case 'TAB_AS_INDENT':
			return { message: original, hint: 'indent YAML with spaces, not tabs' };
		default:
			return {
				message: original,
				hint: 'compare this line with the worked example in docs/scenario-format.md'
			};
	}
}

/** The repeated key, and where it first stands in the same mapping. */
function duplicateKey({ doc, counter }: Context, offset: number): Explained | undefined {
	let found: Explained | undefined;
	visit(doc, {
		Map(_, map) {
			if (!isMap(map)) return undefined;
			const index = map.items.findIndex(
				(pair) => isScalar(pair.key) && pair.key.range?.[0] === offset
			);
			if (index < 0) return undefined;
			const key = map.items[index].key;
			const name = isScalar(key) ? String(key.value) : '';
			const first = map.items
				.slice(0, index)
				.find((pair) => isScalar(pair.key) && String(pair.key.value) === name);
			const where =
				first && isScalar(first.key) ? counter.linePos(first.key.range?.[0] ?? 0) : undefined;
			found = {
				offset,
				message: `key "${name}" appears twice in this mapping${where ? `: first at line ${where.line}` : ''}`,
				hint: `keep one "${name}": rename this one, or merge the two`
			};
			return visit.BREAK;
		}
	});
	return found;
}

/**
 * `id: ladder` followed by `   title: Ladder`: the library complains about line 1; the key to
 * move is on the next line, indented deeper than a key whose value is already given.
 */
function overIndented(text: string, offset: number): Explained | undefined {
	const lines = text.split('\n');
	const startLine = text.slice(0, offset).split('\n').length - 1;
	const above = lines[startLine];
	// A key with its value on its line, indented with spaces (tabs have their own message).
	if (!/^ *[\w$-]+:\s+[^\s#|>]/.test(above)) return undefined;
	const indentOf = (l: string) => l.length - l.trimStart().length;
	let next = startLine + 1;
	while (next < lines.length && /^\s*(#|$)/.test(lines[next])) next++;
	if (next >= lines.length) return undefined;
	const deeper = lines[next];
	const key = /^ *([\w$-]+):/.exec(deeper)?.[1];
	if (!key || indentOf(deeper) <= indentOf(above)) return undefined;
	const sibling = above.trim().split(':')[0];
	return {
		line: next + 1,
		column: indentOf(deeper) + 1,
		message: `"${key}" is indented more than the key above it`,
		hint: `line it up with ${sibling}:, or give ${sibling}: no value on its line if ${key} belongs under it`
	};
}

function unclosedQuote(text: string): Explained | undefined {
	const open = scanNesting(text, Infinity).unclosedQuote;
	if (!open) return undefined;
	const name = open.quote === '"' ? 'double' : 'single';
	return {
		line: open.line,
		column: open.column,
		message: `the ${name} quote opened here is never closed`,
		hint: `end the text with ${open.quote}${open.quote === "'" ? `, and write a ' inside it as ''` : ''}`
	};
}

/** JSON or flow YAML with a comma left out: point just after the item that needs it. */
function missingComma({ text, counter }: Context, offset: number): Explained {
	let end = offset;
	while (end > 0 && /\s/.test(text[end - 1])) end--;
	const at = counter.linePos(end);
	const previous = counter.linePos(Math.max(0, end - 1));
	return {
		line: previous.line,
		column: at.line === previous.line ? at.col : previous.col + 1,
		message: 'missing comma between two items',
		hint: `add a comma at the end of line ${previous.line}`
	};
}
