/**
 * Careful edits of a scenario's text for the editor: add an evidence entry under a transition,
 * and add a source id to the scenario's `sources`. Each returns one change (`from`, `to`,
 * `insert`) found with the `yaml` package's node positions, so that the rest of the text (its
 * comments, its layout) is left exactly as it was, and the editor can apply the change as one
 * undoable edit. Block collections get a new line at their indentation; flow collections (and
 * JSON, which is flow YAML) get a new item before their closing bracket.
 */
import { isMap, isSeq, isScalar, parseDocument, type Node, type YAMLMap } from 'yaml';
import type { Path } from '../scenario/diagnostics';
import type { Stance } from '../scenario/stance';

export interface TextChange {
	from: number;
	to: number;
	insert: string;
}

export type EditResult = { ok: true; change: TextChange | null } | { ok: false; message: string };

export interface EvidenceEntry {
	quote: string;
	source?: string;
	prefix?: string;
	suffix?: string;
	stance: Stance;
}

/** `{ quote: "Talks may fail.", stance: supports }`; JSON-quoted strings are YAML strings too. */
export function toFlowEntry(entry: EvidenceEntry, json = false): string {
	const key = (k: string) => (json ? JSON.stringify(k) : k);
	const fields = (['quote', 'source', 'prefix', 'suffix'] as const)
		.filter((k) => entry[k] !== undefined && entry[k] !== '')
		.map((k) => `${key(k)}: ${JSON.stringify(entry[k])}`);
	const stance = json ? JSON.stringify(entry.stance) : entry.stance;
	return `{ ${[...fields, `${key('stance')}: ${stance}`].join(', ')} }`;
}

const columnOf = (text: string, offset: number) =>
	offset - (text.lastIndexOf('\n', offset - 1) + 1);

/** Where a block collection ends: the start of the line after its last line. */
function blockEnd(text: string, end: number): { at: number; lead: string } {
	return text[end - 1] === '\n' ? { at: end, lead: '' } : { at: end, lead: '\n' };
}

/** The text as a `yaml` document with node positions; undefined when it does not parse. */
function parse(text: string) {
	const doc = parseDocument(text, { keepSourceTokens: false });
	return doc.errors.length > 0 ? undefined : doc;
}

/** Append `item` to the sequence `seq` (block: a new `- ` line; flow: before the `]`). */
function appendTo(text: string, seq: Node, block: string, flow: string): EditResult {
	if (!isSeq(seq) || !seq.range) return { ok: false, message: 'not a list' };
	const [start, , end] = seq.range;
	if (seq.flow) {
		const close = text.lastIndexOf(']', end);
		if (close < start) return { ok: false, message: 'the list has no closing bracket' };
		const insert = `${seq.items.length > 0 ? ', ' : ''}${flow}`;
		return { ok: true, change: { from: close, to: close, insert } };
	}
	const indent = ' '.repeat(columnOf(text, start));
	const { at, lead } = blockEnd(text, end);
	return { ok: true, change: { from: at, to: at, insert: `${lead}${indent}- ${block}\n` } };
}

/** Whether edits of `node` are JSON: a flow node in a text that opens with a bracket. */
export const isJsonAt = (text: string, node: YAMLMap) =>
	node.flow === true && /^\s*[{[]/.test(text);

/**
 * The change that adds `key` to `map`: in a block map, a new line at its indentation, `key:` and
 * then `value.block` (which starts with a space or a line break); in a flow map (and JSON),
 * `key: value.flow` after its last item.
 */
export function addPair(
	text: string,
	map: YAMLMap,
	key: string,
	value: { block: string; flow: string },
	json = false
): TextChange {
	const [start, , end] = map.range!;
	if (map.flow) {
		const name = json ? JSON.stringify(key) : key;
		const last = map.items.at(-1);
		const keyAt = (last?.key as Node | null)?.range?.[0];
		const after = (last?.value as Node | null)?.range?.[1] ?? (last?.key as Node)?.range?.[1];
		if (keyAt !== undefined && after !== undefined) {
			// A map written one item a line (pretty-printed JSON) gets its new item on a line too.
			const apart = text.slice(start, keyAt).includes('\n');
			const sep = apart ? `,\n${' '.repeat(columnOf(text, keyAt))}` : ', ';
			return { from: after, to: after, insert: `${sep}${name}: ${value.flow}` };
		}
		const open = text.indexOf('{', start) + 1;
		return { from: open, to: open, insert: ` ${name}: ${value.flow} ` };
	}
	const indent = ' '.repeat(columnOf(text, start));
	const { at, lead } = blockEnd(text, end);
	return { from: at, to: at, insert: `${lead}${indent}${key}:${value.block}\n` };
}

/** The transition map at `path` (a TransitionInfo's `docPath`), or why there is none. */
export function transitionAt(
	text: string,
	path: Path
):
	| (YAMLMap<unknown, unknown> & { range: [number, number, number] })
	| { ok: false; message: string } {
	const doc = parse(text);
	if (!doc) return { ok: false, message: 'fix the errors in the text first' };
	const transition = doc.getIn(path, true) as Node | undefined;
	if (!isMap(transition) || !transition.range)
		return { ok: false, message: `no transition at ${path.join('.')}: the text has changed` };
	return transition as YAMLMap<unknown, unknown> & { range: [number, number, number] };
}

/**
 * The change that adds `entry` to the evidence of the transition at `path` (a TransitionInfo's
 * `docPath`): a new item of its `evidence` list, or a new `evidence` key holding it.
 */
export function addEvidence(text: string, path: Path, entry: EvidenceEntry): EditResult {
	const transition = transitionAt(text, path);
	if (!isMap(transition)) return transition;
	const json = isJsonAt(text, transition);
	const existing = transition.get('evidence', true) as Node | undefined;
	if (existing && !(isScalar(existing) && existing.value === null))
		return appendTo(text, existing, toFlowEntry(entry), toFlowEntry(entry, json));
	if (existing)
		return { ok: false, message: 'the transition has an empty evidence key: remove it' };
	const indent = ' '.repeat(columnOf(text, transition.range[0]));
	const value = {
		block: `\n${indent}  - ${toFlowEntry(entry)}`,
		flow: `[${toFlowEntry(entry, json)}]`
	};
	return { ok: true, change: addPair(text, transition, 'evidence', value, json) };
}

/** The change that adds `id` to the scenario's `sources`; `change: null` when it is there. */
export function citeSource(text: string, id: string): EditResult {
	const doc = parse(text);
	if (!doc || !isMap(doc.contents) || !doc.contents.range)
		return { ok: false, message: 'fix the errors in the text first' };
	const json = doc.contents.flow === true;
	const sources = doc.contents.get('sources', true) as Node | undefined;
	if (isSeq(sources)) {
		if (sources.items.some((item) => isScalar(item) && item.value === id))
			return { ok: true, change: null };
		return appendTo(text, sources, id, json ? JSON.stringify(id) : id);
	}
	if (sources) return { ok: false, message: '`sources` is not a list' };
	const [start, , end] = doc.contents.range;
	if (json) {
		const open = text.indexOf('{', start);
		return { ok: true, change: { from: open + 1, to: open + 1, insert: ` "sources": ["${id}"],` } };
	}
	const { at, lead } = blockEnd(text, end);
	return { ok: true, change: { from: at, to: at, insert: `${lead}sources: [${id}]\n` } };
}

/** Apply a change to a text (for tests and for a draft not shown in the editor). */
export function applyChange(text: string, change: TextChange | null): string {
	return change ? text.slice(0, change.from) + change.insert + text.slice(change.to) : text;
}

/**
 * Where the node at `path` starts in the text (for moving the cursor to a transition picked in
 * the diagram); undefined when the text does not parse or has no such node.
 */
export function offsetOf(text: string, path: Path): number | undefined {
	const node = parse(text)?.getIn(path, true) as Node | undefined;
	return node?.range?.[0];
}
