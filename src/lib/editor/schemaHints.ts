/**
 * Completions and hover notes for the scenario editor, from the scenario's JSON Schema and from
 * the document itself (actor ids after `by:`, state names after `target:`, …). Pure: text in,
 * plain objects out; src/routes/editor/codeEditor.ts turns them into CodeMirror's.
 *
 * Finding where the cursor is in a half-written document: the word at the cursor is replaced by
 * a sentinel (a bare word on its own line in block YAML becomes a `sentinel: ` key), and the
 * result is read with `yaml`'s parseDocument, which recovers from most errors and also reads JSON
 * (a JSON text is flow YAML). The sentinel's place in the tree is the path, and whether it is a
 * key or a value says what to offer.
 *
 * A long YAML document is not read whole at each keystroke (a 49 KB scenario takes 80–700 ms to
 * parse): the probe keeps the lines that decide the cursor's place (localProbe: the cursor's line
 * and what is nested under it, its ancestors, and the first line of each of their entries), and
 * the document's own ids are read only when an offer needs them, each top-level section parsed
 * once per text (documentOf). A test checks that both give the place the whole text gives.
 *
 * Longer than the house's ~150 lines: the cursor, the schema walk and the document's own ids are
 * one feature and share their types; splitting them would only move the imports around.
 */
import { isMap, isScalar, isSeq, parseDocument, type YAMLMap } from 'yaml';

/** The subset of JSON Schema 2020-12 that src/cli/schema.ts writes. */
export interface JsonSchema {
	$ref?: string;
	anyOf?: JsonSchema[];
	oneOf?: JsonSchema[];
	allOf?: JsonSchema[];
	type?: string | string[];
	description?: string;
	enum?: unknown[];
	const?: unknown;
	properties?: Record<string, JsonSchema>;
	patternProperties?: Record<string, JsonSchema>;
	additionalProperties?: JsonSchema | boolean;
	required?: string[];
	items?: JsonSchema | boolean;
	prefixItems?: JsonSchema[];
	[other: string]: unknown;
}

export type Format = 'yaml' | 'json';
export type Path = (string | number)[];

/** Where the cursor is: in the key or the value at `path`, and the text range of that word. */
export interface Place {
	kind: 'key' | 'value';
	/** For a key: the path of the map it belongs to; for a value: the value's own path. */
	path: Path;
	/** The word at the cursor (between quotes when quoted): replaced by a completion. */
	from: number;
	to: number;
	quoted: boolean;
	/** A quoted word whose closing quote is missing. */
	unclosed: boolean;
	/** A quoted word whose closing quote is there, at `to`. */
	closed: boolean;
	/** A `:` already follows the word (a key being edited rather than written). */
	colon: boolean;
	/** YAML only: a `:` right before the cursor, with no space yet. */
	tight: boolean;
	/** The other keys of the map, for a key. */
	present: string[];
	/**
	 * The whole document as plain data, as far as it could be read, or the value of its top-level
	 * `key`; read when asked (in a long document, only the sections asked for are parsed).
	 */
	data: (key?: string) => unknown;
}

export interface Hint {
	label: string;
	/** The text that replaces `from`–`to`. */
	insert: string;
	type: 'property' | 'enum' | 'constant' | 'variable';
	detail?: string;
	info?: string;
	/** Sorts the list when nothing is typed yet: required keys first, then schema order. */
	sortText: string;
}

export interface Hints {
	from: number;
	to: number;
	kind: 'key' | 'value';
	options: Hint[];
}

export interface HoverNote {
	from: number;
	to: number;
	title: string;
	text: string;
}

const SENTINEL = 'zzbrinkcursorzz';

/** How a place is found: from the lines around the cursor (`local`) or the whole text. */
export interface PlaceOptions {
	/** Read only the lines around the cursor; by default, for YAML texts of `localFrom` characters or more. */
	local?: boolean;
}

/** Shorter YAML texts are read whole: it takes a few ms. */
export const localFrom = 4096;

type Parsed = ReturnType<typeof parseDocument>;
// Errors are expected here (the text is being typed): read what can be read, quietly.
const parse = (text: string): Parsed =>
	parseDocument(text, { uniqueKeys: false, prettyErrors: false, logLevel: 'silent' });

function toData(doc: Parsed): unknown {
	try {
		return doc.toJS({ maxAliasCount: 100 });
	} catch {
		return undefined;
	}
}

/**
 * The place of the cursor at `offset`, or null in a comment or where nothing can be completed.
 * Example: in `a:\n  st` with the cursor at the end, `{ kind: 'key', path: ['a'], from: 5, … }`.
 */
export function placeAt(
	text: string,
	format: Format,
	offset: number,
	options: PlaceOptions = {}
): Place | null {
	const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
	let lineEnd = text.indexOf('\n', offset);
	if (lineEnd < 0) lineEnd = text.length;
	const line = text.slice(lineStart, lineEnd);
	const at = offset - lineStart;

	const word = wordAt(line, at, format);
	if (!word) return null;
	let { from, to } = word;
	const after = line.slice(word.close ? to + 1 : to).trimStart();
	const colon = after.startsWith(':');
	const before = line.slice(0, word.quoted ? from - 1 : from);
	const tight = format === 'yaml' && !word.quoted && from === at && before.endsWith(':');
	const bare = format === 'yaml' && !word.quoted && /^\s*(?:-\s+)*$/.test(before);
	const rest = after === '' || after.startsWith('#');
	const stand = (tight ? ' ' : '') + SENTINEL + (bare && rest ? ': ' : '');
	const probe = text.slice(0, lineStart + from) + stand + text.slice(lineStart + to);

	const local =
		format === 'yaml' && (options.local ?? text.length >= localFrom)
			? localProbe(probe, lineStart)
			: null;
	const doc = parse(local?.text ?? probe);
	const found = locate(doc.contents, []);
	if (!found) return null;
	let whole: { value: unknown } | undefined;
	const read = (key?: string) => {
		if (local) return documentOf(local.sections, probe, key);
		whole ??= { value: toData(doc) };
		return key === undefined ? whole.value : asData(whole.value)[key];
	};
	from += lineStart;
	to += lineStart;
	const present =
		found.map?.items.flatMap((pair) => {
			const key = isScalar(pair.key) ? pair.key.value : pair.key;
			return typeof key === 'string' && !key.includes(SENTINEL) ? [key] : [];
		}) ?? [];
	return {
		kind: found.kind,
		path: found.path,
		from,
		to,
		quoted: word.quoted,
		unclosed: word.quoted && !word.close,
		closed: word.close,
		colon,
		tight,
		present,
		data: read
	};
}

// ——— The lines around the cursor (YAML) ———

interface Line {
	/** Offset of its first character. */
	start: number;
	text: string;
	/** Spaces before its first character; -1 for a blank or comment line. */
	indent: number;
	/** A list item (`- …`). */
	item: boolean;
}

/** What localProbe read: the probe's lines that decide the place, and the top-level sections. */
interface LocalProbe {
	text: string;
	/** Each top-level entry's text (the cursor's with the sentinel), in document order. */
	sections: string[];
}

/**
 * The lines of `probe` (the text with the sentinel at the cursor, whose line starts at
 * `cursorStart`) that decide the sentinel's place: its own line with everything nested under it,
 * each ancestor's line, and the first line of every entry of those ancestors (an entry whose first
 * line may go on over the next lines — a bracket, a quote, an anchor or alias — whole). The
 * sentinel has the same path there as in the whole text (list items keep their positions), and
 * its map the same keys. Null where the lines' indentation may not tell the structure: tabs, more
 * than one document, a flow collection or a list at the top, or a quote left open on one of the
 * lines kept.
 */
export function localProbe(probe: string, cursorStart: number): LocalProbe | null {
	const lines: Line[] = [];
	for (let start = 0; start <= probe.length;) {
		let end = probe.indexOf('\n', start);
		if (end < 0) end = probe.length;
		const text = probe.slice(start, end);
		const indent = /^\s*(?:#.*)?$/.test(text) ? -1 : text.search(/\S/);
		if (indent >= 0 && /^ *\t/.test(text)) return null;
		lines.push({ start, text, indent, item: indent >= 0 && /^ *-(?:\s|$)/.test(text) });
		start = end + 1;
	}
	// The parent of each line, by indentation (-1: the top); a list may sit at its key's indent.
	const parent = new Int32Array(lines.length).fill(-1);
	const stack: number[] = [];
	let cursor = -1;
	for (const [i, line] of lines.entries()) {
		if (line.start === cursorStart) cursor = i;
		if (line.indent < 0) continue;
		if (line.indent === 0 && (/^(?:---|\.\.\.|%)/.test(line.text) || line.item)) return null;
		if (line.indent === 0 && /^[[{]/.test(line.text)) return null;
		while (stack.length) {
			const top = lines[stack[stack.length - 1]];
			if (top.indent < line.indent || (top.indent === line.indent && line.item && !top.item)) break;
			stack.pop();
		}
		parent[i] = stack.length ? stack[stack.length - 1] : -1;
		stack.push(i);
	}
	if (cursor < 0 || lines[cursor].indent < 0) return null;

	// The end (exclusive) of each line's nested lines.
	const ends = new Int32Array(lines.length).fill(lines.length);
	const open: number[] = [];
	for (const [i, line] of lines.entries()) {
		if (line.indent < 0) continue;
		while (open.length && !isUnder(parent, i, open[open.length - 1])) ends[open.pop()!] = i;
		open.push(i);
	}
	const keep = new Uint8Array(lines.length);
	const whole = (i: number) => keep.fill(1, i, ends[i]);
	const chain = new Set<number>([-1]);
	for (let i = cursor; i >= 0; i = parent[i]) chain.add(i);
	whole(cursor);
	for (const [i, line] of lines.entries()) {
		if (line.indent < 0 || !chain.has(parent[i])) continue;
		// A first line that may go on over the next lines is kept with them (an ancestor too).
		if (!/["'[\]{}&*]/.test(line.text)) keep[i] = 1;
		// A quote left open runs on past the nested lines, as far as the next quote: read it all.
		else if (wordAt(line.text, line.text.length, 'yaml')?.quoted) return null;
		else whole(i);
	}
	const kept: string[] = [];
	for (const [i, line] of lines.entries()) if (keep[i]) kept.push(line.text);

	const sections: string[] = [];
	let section = -1;
	for (const [i, line] of lines.entries()) {
		if (line.indent !== 0) continue;
		if (section >= 0) sections.push(probe.slice(lines[section].start, line.start));
		section = i;
	}
	if (section >= 0) sections.push(probe.slice(lines[section].start));
	return { text: kept.join('\n'), sections };
}

/** Line `i` is nested under line `at`. */
function isUnder(parent: Int32Array, i: number, at: number): boolean {
	for (let p = parent[i]; p >= 0; p = parent[p]) if (p === at) return true;
	return false;
}

/** Each top-level section's plain data, by its text (a section not being typed in is read once). */
const sectionData = new Map<string, unknown>();

/**
 * The document as plain data (or its top-level `key`'s value), from its top-level sections, each
 * read on its own; from the whole `probe` when a section cannot be read alone (an alias of an
 * anchor in another section).
 */
function documentOf(sections: string[], probe: string, key?: string): unknown {
	const data: Record<string, unknown> = {};
	for (const section of sections) {
		// Another plain key's section is not read.
		const first = /^([\w.-]+)\s*:(?:\s|$)/.exec(section);
		if (key !== undefined && first && first[1] !== key) continue;
		let value = sectionData.get(section);
		if (value === undefined) {
			value = toData(parse(section)) ?? null;
			if (value === null) {
				const all = toData(parse(probe));
				return key === undefined ? all : asData(all)[key];
			}
			if (!section.includes(SENTINEL)) {
				// Keep the sections of the last few texts only.
				if (sectionData.size >= 64) sectionData.clear();
				sectionData.set(section, value);
			}
		}
		if (value && typeof value === 'object' && !Array.isArray(value)) Object.assign(data, value);
	}
	return key === undefined ? data : data[key];
}

interface Word {
	from: number;
	to: number;
	quoted: boolean;
	/** The closing quote was found (at `to`). */
	close: boolean;
}

/** The word (scalar) around column `at` of `line`; null inside a comment. */
function wordAt(line: string, at: number, format: Format): Word | null {
	// Where a quoted string opens and closes on the line, and where a comment starts.
	let quote = '';
	let opened = -1;
	for (let i = 0; i < at; i++) {
		const c = line[i];
		if (quote) {
			if (c === '\\' && quote === '"') i++;
			else if (c === quote) quote = '';
			continue;
		}
		if (format === 'yaml' && c === '#' && (i === 0 || /\s/.test(line[i - 1]))) return null;
		const starts = format === 'json' || /^$|[:\-[{,?]$/.test(line.slice(0, i).trimEnd().slice(-1));
		if ((c === '"' || (c === "'" && format === 'yaml')) && starts) {
			quote = c;
			opened = i;
		}
	}
	if (quote) {
		let end = at;
		while (end < line.length && line[end] !== quote) end += line[end] === '\\' ? 2 : 1;
		const close = end < line.length;
		return { from: opened + 1, to: close ? end : line.trimEnd().length, quoted: true, close };
	}
	const stop = format === 'json' ? /[\s,{}[\]:"]/ : /[,{}[\]"#]/;
	const isStop = (i: number) =>
		stop.test(line[i]) ||
		(format === 'yaml' && line[i] === ':' && /^\s|^$/.test(line.slice(i + 1)));
	let from = at;
	while (from > 0 && !isStop(from - 1)) from--;
	let to = at;
	while (to < line.length && !isStop(to)) to++;
	const word = line.slice(from, to);
	from += word.length - word.replace(/^\s*(?:-\s+)*/, '').length;
	to = Math.max(from, to - (word.length - word.trimEnd().length));
	if (from > at) {
		// In the indentation before a word: nothing to complete or explain there.
		if (word.trim()) return null;
		from = at;
	}
	return { from, to: Math.max(to, at), quoted: false, close: false };
}

interface Found {
	kind: 'key' | 'value';
	path: Path;
	map?: YAMLMap;
}

function locate(node: unknown, path: Path): Found | null {
	if (isMap(node)) {
		for (const pair of node.items) {
			const key = isScalar(pair.key) ? pair.key.value : pair.key;
			if (typeof key === 'string' && key.includes(SENTINEL))
				return { kind: 'key', path, map: node };
			const found = locate(pair.value, [...path, String(key)]);
			if (found) return found;
		}
	} else if (isSeq(node)) {
		for (const [i, item] of node.items.entries()) {
			const found = locate(item, [...path, i]);
			if (found) return found;
		}
	} else if (isScalar(node) && typeof node.value === 'string' && node.value.includes(SENTINEL)) {
		return { kind: 'value', path };
	}
	return null;
}

/** The schema's alternatives at `path`, through $ref, anyOf/oneOf/allOf, items and records. */
export function schemaAt(root: JsonSchema, path: Path): JsonSchema[] {
	let alternatives = expand(root, root);
	for (const step of path)
		alternatives = alternatives.flatMap((s) => expand(root, childOf(s, step)));
	return alternatives;
}

function expand(
	root: JsonSchema,
	schema: JsonSchema | boolean | undefined,
	depth = 0
): JsonSchema[] {
	if (!schema || schema === true || depth > 20) return [];
	if (schema.$ref) return expand(root, pointer(root, schema.$ref), depth + 1);
	const union = [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])];
	if (union.length) return union.flatMap((s) => expand(root, s, depth + 1));
	return [schema];
}

function pointer(root: JsonSchema, ref: string): JsonSchema | undefined {
	if (!ref.startsWith('#')) return undefined;
	let node: unknown = root;
	for (const part of ref.slice(2).split('/').filter(Boolean)) {
		const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
		node = node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
	}
	return node as JsonSchema | undefined;
}

function childOf(schema: JsonSchema, step: string | number): JsonSchema | boolean | undefined {
	if (typeof step === 'number') return schema.prefixItems?.[step] ?? schema.items;
	if (schema.properties && Object.hasOwn(schema.properties, step)) return schema.properties[step];
	for (const [pattern, s] of Object.entries(schema.patternProperties ?? {}))
		if (new RegExp(pattern, 'u').test(step)) return s;
	return schema.additionalProperties;
}

const isObjectSchema = (s: JsonSchema) => s.type === 'object' || !!s.properties;
const allows = (s: JsonSchema, key: string) =>
	!!s.properties?.[key] || !!s.patternProperties || s.additionalProperties !== false;

/**
 * What may be typed at `offset`: keys of the map there, or values of the key there.
 * Example: after `stance: ` in an evidence entry, the labels `supports`, `contradicts`, `context`.
 */
export function hintsAt(
	root: JsonSchema,
	text: string,
	format: Format,
	offset: number,
	how: PlaceOptions = {}
): Hints | null {
	const place = placeAt(text, format, offset, how);
	if (!place) return null;
	let alternatives = schemaAt(root, place.path);
	// A bare word on a `- ` line of a list of strings is a value, not a key.
	if (place.kind === 'key' && alternatives.length && !alternatives.some(isObjectSchema)) {
		const value: Place = { ...place, kind: 'value' };
		return finish(value, valueHints(value, alternatives, format));
	}
	if (place.kind === 'value') return finish(place, valueHints(place, alternatives, format));

	const objects = alternatives.filter(isObjectSchema);
	const fitting = objects.filter((s) => place.present.every((key) => allows(s, key)));
	alternatives = fitting.length ? fitting : objects;
	const seen = new Set(place.present);
	const options: Hint[] = [];
	for (const s of alternatives) {
		for (const [i, [key, property]] of Object.entries(s.properties ?? {}).entries()) {
			if (seen.has(key) || key === '$schema') continue;
			seen.add(key);
			const required = alternatives.some((a) => a.required?.includes(key));
			const described = expand(root, property);
			options.push({
				label: key,
				insert: keyText(key, place, format),
				type: 'property',
				detail: (required ? 'required · ' : '') + typeOf(described),
				info: noteOf(root, place.path, key) ?? undefined,
				sortText: `${required ? 0 : 1}${String(options.length + i).padStart(4, '0')}`
			});
		}
	}
	for (const id of documentKeys(place)) {
		if (seen.has(id)) continue;
		seen.add(id);
		options.push({
			label: id,
			insert: keyText(id, place, format),
			type: 'variable',
			sortText: `2${String(options.length).padStart(4, '0')}`
		});
	}
	return finish(place, options);
}

function finish(place: Place, options: Hint[]): Hints | null {
	if (!options.length) return null;
	// A quoted key is replaced with its closing quote, so that `: ` can follow it.
	const to = place.kind === 'key' && place.closed && !place.colon ? place.to + 1 : place.to;
	return { from: place.from, to, kind: place.kind, options };
}

function keyText(key: string, place: Place, format: Format): string {
	if (format === 'yaml') return (place.tight ? ' ' : '') + key + (place.colon ? '' : ': ');
	if (!place.quoted) return JSON.stringify(key) + (place.colon ? '' : ': ');
	return place.colon ? key : `${key}": `;
}

function valueText(value: unknown, place: Place, format: Format): string | null {
	if (place.quoted) return typeof value === 'string' ? value + (place.unclosed ? '"' : '') : null;
	if (format === 'json' || typeof value !== 'string') return JSON.stringify(value);
	const plain =
		/^[A-Za-z_][\w .-]*$/.test(value) &&
		!/\s$/.test(value) &&
		!/^(?:true|false|null|yes|no|on|off|y|n|~)$/i.test(value);
	return (place.tight ? ' ' : '') + (plain ? value : JSON.stringify(value));
}

function valueHints(place: Place, alternatives: JsonSchema[], format: Format): Hint[] {
	const options: Hint[] = [];
	const seen = new Set<string>();
	const add = (value: unknown, type: Hint['type'], info?: string) => {
		const insert = valueText(value, place, format);
		const label = String(value);
		if (insert === null || seen.has(label)) return;
		seen.add(label);
		options.push({ label, insert, type, info, sortText: String(options.length).padStart(4, '0') });
	};
	for (const id of documentValues(place)) add(id, 'variable');
	for (const s of alternatives) {
		for (const value of s.enum ?? []) add(value, 'enum', s.description);
		if ('const' in s) add(s.const, 'constant', s.description);
		const types = [s.type ?? []].flat();
		if (types.includes('boolean') && !('const' in s))
			for (const b of [true, false]) add(b, 'constant');
	}
	return options;
}

/** A one-line type summary: `string`, `number`, `"a" | "b"`, `object`, `array`. */
function typeOf(alternatives: JsonSchema[]): string {
	const names = alternatives.map((s) => {
		if ('const' in s) return JSON.stringify(s.const);
		if (s.enum)
			return s.enum.length > 4 ? 'term' : s.enum.map((v) => JSON.stringify(v)).join(' | ');
		if (s.prefixItems)
			return `[${s.prefixItems.map((p) => [p.type ?? 'any'].flat().join('|')).join(', ')}]`;
		if (s.type === 'object' && !s.properties && s.additionalProperties) return 'map by id';
		return [s.type ?? 'any'].flat().join(' | ');
	});
	return [...new Set(names)].join(' | ');
}

/**
 * The note for the key under `offset`: its description, its type and its allowed values.
 * Example: over `stance` in an evidence entry, `stance` with "Values: supports, contradicts, context".
 */
export function hoverAt(
	root: JsonSchema,
	text: string,
	format: Format,
	offset: number,
	how: PlaceOptions = {}
): HoverNote | null {
	const place = placeAt(text, format, offset, how);
	if (!place || place.kind !== 'key' || !place.colon || place.from === place.to) return null;
	const key = text.slice(place.from, place.to);
	const note = noteOf(root, place.path, key);
	return note === null ? null : { from: place.from, to: place.to, title: key, text: note };
}

/** The note on property `key` of the map at `path`, one line each; null for an undeclared key. */
function noteOf(root: JsonSchema, path: Path, key: string): string | null {
	const parents = schemaAt(root, path);
	const own = parents.flatMap((s) => (s.properties?.[key] ? [s.properties[key]] : []));
	if (!own.length) return null;
	const alternatives = own.flatMap((p) => expand(root, p));
	const lines: string[] = [];
	const description = own.find((p) => p.description)?.description;
	if (description) lines.push(description);
	if (alternatives.length === 1) {
		const [s] = alternatives;
		lines.push(`Type: ${typeOf(alternatives)}`);
		if (s.enum) lines.push(`Values: ${s.enum.join(', ')}`);
	} else if (alternatives.length > 1) {
		lines.push('One of:');
		for (const s of alternatives) {
			const values = s.enum ? `: ${s.enum.join(', ')}` : '';
			lines.push(`• ${typeOf([s])}${values}${s.description ? ` (${s.description})` : ''}`);
		}
	}
	if (parents.some((s) => s.required?.includes(key))) lines.push('Required.');
	return lines.join('\n');
}

// ——— Ids declared in the document itself ———

type Data = Record<string, unknown>;
const asData = (value: unknown): Data =>
	value && typeof value === 'object' && !Array.isArray(value) ? (value as Data) : {};
const keysOf = (value: unknown) => Object.keys(asData(value)).filter((k) => !k.includes(SENTINEL));

function dataAt(data: unknown, path: Path): unknown {
	let node = data;
	for (const step of path)
		node = node && typeof node === 'object' ? (node as Record<string, unknown>)[step] : undefined;
	return node;
}

/** Every state as a path from the root, `a`, `a.b`, …, in document order. */
function statePaths(node: unknown, prefix = ''): string[] {
	return keysOf(asData(node).states).flatMap((name) => {
		const path = prefix + name;
		return [path, ...statePaths(asData(asData(node).states)[name], path + '.')];
	});
}

/** Ids the document declares that fit the value at the place (its data read only for these). */
function documentValues(place: Place): string[] {
	const { path } = place;
	const at = (to: number) => {
		const [first, ...rest] = path.slice(0, to);
		return first === undefined ? place.data() : dataAt(place.data(String(first)), rest);
	};
	const key = [...path].reverse().find((step) => typeof step === 'string');
	const inWhen = path.includes('when');
	const transition = path.length >= 3 && path[path.length - 3] === 'on';
	if (transition && key === 'by') return [...keysOf(place.data('actors')), 'chance'];
	if (transition && key === 'target')
		return [...keysOf(at(-4)), ...statePaths(place.data('statechart'))];
	if (key === 'source' && path.includes('evidence'))
		return [place.data('sources')].flat().filter((s): s is string => typeof s === 'string');
	if (inWhen && key === 'choice') {
		const actors = asData(place.data('actors'));
		return keysOf(actors).flatMap((actor) =>
			keysOf(asData(actors[actor]).choices).map((choice) => `${actor}.${choice}`)
		);
	}
	if (inWhen && (key === 'in' || key === 'notIn')) return statePaths(place.data('statechart'));
	if (inWhen && key === 'indicator') return keysOf(place.data('indicators'));
	if (inWhen && (key === 'is' || key === 'isNot')) {
		const condition = asData(at(path.lastIndexOf(key)));
		const [actor, choice] = String(condition.choice ?? '').split('.');
		return keysOf(
			asData(asData(asData(asData(place.data('actors'))[actor]).choices)[choice]).options
		);
	}
	if (key === 'initial' && path[path.length - 1] === 'initial') {
		const parent = asData(at(-1));
		if (parent.states) return keysOf(parent.states);
	}
	if (key === 'default' && path[0] === 'actors' && path[2] === 'choices')
		return keysOf(asData(at(-1)).options);
	return [];
}

function documentKeys(place: Place): string[] {
	const last = place.path[place.path.length - 1];
	if ((last === 'effects' || last === 'set') && place.path.includes('on'))
		return keysOf(place.data('indicators'));
	if (last === 'scores') return keysOf(place.data('dimensions'));
	return [];
}
