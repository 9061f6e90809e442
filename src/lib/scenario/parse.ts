/**
 * Text to document: YAML (JSON is valid YAML) with positions kept, so every later diagnostic can
 * name a line and column. Never throws on bad input: problems come back as diagnostics.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { fileDiagnostic, toPathString, type Diagnostic, type Path } from './diagnostics';
import { limits } from './limits';

export interface ParsedDocument {
	file: string;
	value: unknown;
	/** Line and column (1-based) of the node at `path`, or of its nearest existing ancestor. */
	locate(path: Path): { line: number; column: number };
}

export type ParseResult =
	{ ok: true; document: ParsedDocument } | { ok: false; diagnostics: Diagnostic[] };

function fileProblem(file: string, message: string, hint?: string): ParseResult {
	return { ok: false, diagnostics: [fileDiagnostic(file, message, hint)] };
}

/** Size in UTF-8 bytes, as the file would be on disk. */
function utf8Length(text: string): number {
	return new TextEncoder().encode(text).byteLength;
}

/** Bytes to text, refusing what is too large or not UTF-8 text. */
export function decodeText(file: string, input: string | Uint8Array): string | ParseResult {
	const size = typeof input === 'string' ? utf8Length(input) : input.byteLength;
	if (size > limits.maxFileBytes) {
		return fileProblem(
			file,
			`file is ${size.toLocaleString('en')} bytes, over the limit maxFileBytes = ${limits.maxFileBytes.toLocaleString('en')}`,
			'split the scenario, or shorten the source text'
		);
	}
	let text: string;
	if (typeof input === 'string') text = input;
	else {
		try {
			text = new TextDecoder('utf-8', { fatal: true }).decode(input);
		} catch {
			return fileProblem(file, 'file is not UTF-8 text (binary?)', 'save it as UTF-8 YAML or JSON');
		}
	}
	if (text.includes('\u0000')) {
		return fileProblem(
			file,
			'file contains NUL bytes: it looks binary',
			'save it as UTF-8 YAML or JSON'
		);
	}
	return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Parse YAML or JSON text, keeping positions. */
export function parseText(file: string, input: string | Uint8Array): ParseResult {
	const text = decodeText(file, input);
	if (typeof text !== 'string') return text;
	if (text.trim() === '') {
		return fileProblem(
			file,
			'file is empty',
			'start from the worked example in docs/scenario-format.md'
		);
	}
	const lineCounter = new LineCounter();
	const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
	if (doc.errors.length > 0) {
		return {
			ok: false,
			diagnostics: doc.errors.slice(0, 20).map((error) => {
				const pos = lineCounter.linePos(error.pos[0]);
				return {
					file,
					line: pos.line,
					column: pos.col,
					path: '(syntax)',
					message: error.message.split('\n')[0],
					hint: syntaxHint(error.code),
					severity: 'error' as const
				};
			})
		};
	}
	let value: unknown;
	try {
		value = doc.toJS({ maxAliasCount: 100 });
	} catch (error) {
		// Aliases are resolved here: an unknown anchor, or an alias bomb, fails without a position.
		return fileProblem(
			file,
			`cannot read the document: ${(error as Error).message}`,
			'define each &anchor before its *alias, and avoid deeply nested aliases'
		);
	}
	return { ok: true, document: { file, value, locate: (path) => locate(doc, lineCounter, path) } };
}

function syntaxHint(code: string): string | undefined {
	switch (code) {
		case 'DUPLICATE_KEY':
			return 'each key may appear once in a mapping; rename or merge the two';
		case 'BAD_INDENT':
		case 'MISSING_CHAR':
			return 'check the indentation and the punctuation on this line';
		case 'TAB_AS_INDENT':
			return 'indent YAML with spaces, not tabs';
		default:
			return undefined;
	}
}

function locate(doc: Document, counter: LineCounter, path: Path): { line: number; column: number } {
	let node: Node | null | undefined = doc.contents;
	let best = node?.range?.[0] ?? 0;
	for (const key of path) {
		if (isMap(node)) {
			const pair = node.items.find(
				(item) => isScalar(item.key) && String(item.key.value) === String(key)
			);
			if (!pair) break;
			const keyNode = pair.key as Node;
			best = keyNode.range?.[0] ?? best;
			node = pair.value as Node | null;
			// A scalar is pointed at where its value stands; a mapping or list at its key's line.
			if (isScalar(node) && node.range) best = node.range[0];
		} else if (isSeq(node) && typeof key === 'number') {
			node = node.items[key] as Node | undefined;
			if (!node?.range) break;
			best = node.range[0];
		} else break;
	}
	const pos = counter.linePos(best);
	return { line: pos.line, column: pos.col };
}

/** A diagnostic at `path` of a parsed document. */
export function diagnosticAt(
	document: ParsedDocument,
	path: Path,
	message: string,
	hint?: string,
	severity: Diagnostic['severity'] = 'error'
): Diagnostic {
	const { line, column } = document.locate(path);
	return { file: document.file, line, column, path: toPathString(path), message, hint, severity };
}
