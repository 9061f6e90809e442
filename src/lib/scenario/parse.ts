/**
 * Text to document: YAML (JSON is valid YAML) with positions kept, so every later diagnostic can
 * name a line and column. Never throws on bad input: problems come back as diagnostics.
 */
import {
	isMap,
	isScalar,
	isSeq,
	LineCounter,
	parseDocument,
	visit,
	type Alias,
	type Document,
	type Node
} from 'yaml';
import { fileDiagnostic, toPathString, type Diagnostic, type Path } from './diagnostics';
import { limits } from './limits';
import { scanNesting } from './nesting';
import { syntaxDiagnostics } from './syntax';

export interface ParsedDocument {
	file: string;
	value: unknown;
	/** The file's text, where it was read from text (to place a problem inside a value). */
	text?: string;
	/** Line and column (1-based) of the node at `path`, or of its nearest existing ancestor. */
	locate(path: Path): { line: number; column: number };
	/** Where the key of the last step of `path` stands (a scalar value otherwise points past it). */
	locateKey?(path: Path): { line: number; column: number };
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
			`file is ${size.toLocaleString('en')} bytes, over the limit of ${limits.maxFileBytes.toLocaleString('en')} bytes`,
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
			text === '' ? 'file is empty' : 'file has only white space',
			'start from the worked example in docs/scenario-format.md'
		);
	}
	// The parser recurses once per level: refuse deep nesting before it can exhaust the stack.
	const { tooDeep } = scanNesting(text, limits.maxNestingDepth);
	if (tooDeep) return tooDeepProblem(file, tooDeep);
	const lineCounter = new LineCounter();
	let doc: Document;
	try {
		// YAML 1.2's core schema whatever a `%YAML 1.1` line says, so `on:` stays the word "on" (1.1
		// reads it as true); tags outside it (!!set, !!omap, !!timestamp …) are refused below.
		doc = parseDocument(text, {
			lineCounter,
			uniqueKeys: true,
			prettyErrors: false,
			schema: 'core',
			resolveKnownTags: false
		});
	} catch (error) {
		if (!(error instanceof RangeError)) throw error;
		return tooDeepProblem(file);
	}
	if (doc.errors.length > 0) {
		return {
			ok: false,
			diagnostics: syntaxDiagnostics({ file, text, doc, counter: lineCounter }, doc.errors)
		};
	}
	const shape = shapeDiagnostics(file, doc, lineCounter);
	if (shape.length > 0) return { ok: false, diagnostics: shape };
	const value = toValue(file, doc, lineCounter);
	if (!value.ok) return value;
	return {
		ok: true,
		document: {
			file,
			value: value.value,
			text,
			locate: (path) => locate(doc, lineCounter, path),
			locateKey: (path) => locate(doc, lineCounter, path, true)
		}
	};
}

/**
 * What YAML allows and a scenario cannot hold, refused before it becomes a value: a tag outside
 * the core schema (!!set, !!omap: the library would build a Set or a Map), and a list or mapping
 * as a key (the library would print a warning and turn it into text).
 */
function shapeDiagnostics(file: string, doc: Document, counter: LineCounter): Diagnostic[] {
	const diagnostics: Diagnostic[] = [];
	const at = (offset: number, message: string, hint: string) => {
		const pos = counter.linePos(offset);
		diagnostics.push({
			...fileDiagnostic(file, message, hint),
			line: pos.line,
			column: pos.col,
			path: '(syntax)'
		});
	};
	for (const warning of doc.warnings) {
		if (warning.code !== 'TAG_RESOLVE_FAILED') continue;
		const tag = /Unresolved tag: (\S+)/.exec(warning.message)?.[1] ?? 'this tag';
		const short = tag.replace(/^tag:yaml\.org,2002:/, '!!');
		at(
			warning.pos[0],
			`the tag ${short} is not part of the scenario format`,
			`remove ${short}: write a plain mapping (name: value lines) or list (- item lines)`
		);
	}
	visit(doc, {
		Pair(_, pair) {
			const key = pair.key as Node | null;
			if (key && !isScalar(key) && key.range)
				at(
					key.range[0],
					`a ${isSeq(key) ? 'list' : 'mapping'} used as a key: keys are names`,
					'write name: value, with a plain name before the colon (a line starting "? " makes a complex key)'
				);
		}
	});
	return diagnostics;
}

function tooDeepProblem(file: string, at?: { line: number; column: number }): ParseResult {
	const diagnostic: Diagnostic = {
		...fileDiagnostic(
			file,
			`nesting deeper than the limit of ${limits.maxNestingDepth} levels`,
			'flatten the structure: name the inner parts and refer to them by id'
		),
		...at,
		path: at ? '(syntax)' : '(document)'
	};
	return { ok: false, diagnostics: [diagnostic] };
}

/**
 * The document as plain values, aliases resolved. The YAML library does not say which alias
 * failed, so each alias records itself when its resolution throws: the innermost one is kept.
 */
function toValue(
	file: string,
	doc: Document,
	counter: LineCounter
): { ok: true; value: unknown } | { ok: false; diagnostics: Diagnostic[] } {
	let failed: Alias | undefined;
	visit(doc, {
		Alias(_, alias) {
			const toJSON = alias.toJSON.bind(alias);
			alias.toJSON = (arg, ctx) => {
				try {
					return toJSON(arg, ctx) as unknown;
				} catch (error) {
					failed ??= alias;
					throw error;
				}
			};
		}
	});
	let value: unknown;
	try {
		value = doc.toJS({ maxAliasCount: limits.maxAliasCount });
	} catch (error) {
		const at = failed?.range ? counter.linePos(failed.range[0]) : undefined;
		const where = at ? { line: at.line, column: at.col, path: '(syntax)' } : {};
		const name = failed?.source ?? '';
		const problem = !(error instanceof ReferenceError)
			? { message: 'cannot read the document', hint: 'simplify the aliases (*name) in this file' }
			: /Excessive alias count/.test(error.message)
				? {
						message: `aliases expand to too many nodes: over the limit of ${limits.maxAliasCount}`,
						hint: 'write the repeated part out, or use fewer levels of aliases within aliases'
					}
				: {
						message: `alias *${name} names no anchor before it`,
						hint: `put &${name} on the node to repeat, above this alias, or fix the name`
					};
		return {
			ok: false,
			diagnostics: [{ ...fileDiagnostic(file, problem.message, problem.hint), ...where }]
		};
	}
	if (tooDeepValue(value, limits.maxNestingDepth)) {
		return {
			ok: false,
			diagnostics: [
				fileDiagnostic(
					file,
					`nesting deeper than the limit of ${limits.maxNestingDepth} levels once aliases are expanded`,
					'an alias may not repeat the node it stands in; write the repeated part out'
				)
			]
		};
	}
	return { ok: true, value };
}

/** Whether `value` nests deeper than `max` (a cycle, made by an alias inside its anchor, does). */
function tooDeepValue(value: unknown, max: number): boolean {
	if (value === null || typeof value !== 'object') return false;
	if (max === 0) return true;
	return Object.values(value).some((v) => tooDeepValue(v, max - 1));
}

function locate(
	doc: Document,
	counter: LineCounter,
	path: Path,
	atKey = false
): { line: number; column: number } {
	let node: Node | null | undefined = doc.contents;
	let best = node?.range?.[0] ?? 0;
	for (const [i, key] of path.entries()) {
		if (isMap(node)) {
			const pair = node.items.find(
				(item) => isScalar(item.key) && String(item.key.value) === String(key)
			);
			if (!pair) break;
			const keyNode = pair.key as Node;
			best = keyNode.range?.[0] ?? best;
			node = pair.value as Node | null;
			// A scalar is pointed at where its value stands; a mapping or list at its key's line.
			if (isScalar(node) && node.range && !(atKey && i === path.length - 1)) best = node.range[0];
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
