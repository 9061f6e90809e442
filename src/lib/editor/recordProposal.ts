/**
 * The edit that records the analyst's decision on a proposal (see proposal.ts) in a transition's
 * likelihood, as insertEvidence.ts edits evidence: one change found with the `yaml` package's
 * node positions, the rest of the text left exactly as it was, for YAML in block or flow style
 * and for JSON.
 *
 * Accepting sets the likelihood to the proposed term, keeps its `basis` and `note` (a missing
 * basis becomes the wording) and records `decision: accepted`. Overriding keeps the likelihood
 * as it is and records `decision: overridden`; a short form becomes the long form that says
 * the same (`0.4` → `{ value: 0.4, proposal: … }`).
 */
import { isMap, isPair, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Path } from '../scenario/diagnostics';
import type { Proposal } from '../scenario/likelihood';
import {
	addPair,
	isJsonAt,
	transitionAt,
	type EditResult,
	type TextChange
} from './insertEvidence';

const kinds = ['term', 'value', 'range', 'rest'];

const keyOf = (k: string, json: boolean) => (json ? JSON.stringify(k) : k);

/** A plain YAML scalar where that is safe (`hard to resist`), a quoted one otherwise. */
function toYamlString(value: string, json: boolean): string {
	const plain = /^\p{L}(?:[\p{L}\p{N}’' -]*[\p{L}\p{N}])?$/u.test(value);
	return json || !plain || /^(true|false|null|yes|no|on|off)$/i.test(value)
		? JSON.stringify(value)
		: value;
}

/** `{ term: very likely, wording: hard to resist, decision: accepted }` (JSON: all quoted). */
export function toProposalText(proposal: Proposal, json = false): string {
	const key = (k: string) => keyOf(k, json);
	const term = json ? JSON.stringify(proposal.term) : proposal.term;
	const decision = json ? JSON.stringify(proposal.decision) : proposal.decision;
	return `{ ${key('term')}: ${term}, ${key('wording')}: ${toYamlString(proposal.wording, json)}, ${key('decision')}: ${decision} }`;
}

/** Where a node's value ends, white space and line breaks after it left out. */
function endOf(text: string, node: Node): number {
	let end = node.range![1];
	while (end > node.range![0] && /\s/.test(text[end - 1])) end--;
	return end;
}

/** One change made of several that do not overlap (so that one undo takes them all back). */
export function combine(text: string, changes: TextChange[]): TextChange | null {
	const sorted = [...changes].sort((a, b) => a.from - b.from);
	if (sorted.length === 0) return null;
	const from = sorted[0].from;
	const to = Math.max(...sorted.map((c) => c.to));
	let insert = '';
	let at = from;
	for (const c of sorted) {
		if (c.from < at) throw new Error('overlapping changes');
		insert += text.slice(at, c.from) + c.insert;
		at = c.to;
	}
	return { from, to, insert: insert + text.slice(at, to) };
}

/**
 * The change that records `proposal` (its `decision` says which) in the likelihood of the
 * transition at `path` (a TransitionInfo's `docPath`).
 */
export function recordProposal(text: string, path: Path, proposal: Proposal): EditResult {
	const transition = transitionAt(text, path);
	if (!isMap(transition)) return transition;
	const json = isJsonAt(text, transition);
	const key = (k: string) => keyOf(k, json);
	const str = (s: string) => toYamlString(s, json);
	const likelihood = transition.get('likelihood', true) as Node | undefined;
	if (!likelihood?.range || (isScalar(likelihood) && likelihood.value === null))
		return { ok: false, message: 'the transition has no likelihood to decide on' };
	const accepted = proposal.decision === 'accepted';
	const record = `${key('proposal')}: ${toProposalText(proposal, json)}`;
	if (!isMap(likelihood)) {
		// A short form: the whole value becomes the long form.
		const fields = accepted
			? [`${key('term')}: ${str(proposal.term)}`, `${key('basis')}: ${str(proposal.wording)}`]
			: [shortToField(text, likelihood, json)];
		const change = { from: likelihood.range[0], to: endOf(text, likelihood) };
		return { ok: true, change: { ...change, insert: `{ ${[...fields, record].join(', ')} }` } };
	}
	return { ok: true, change: combine(text, editLongForm(text, likelihood, proposal, json)) };
}

/** The long-form field that says what a short form says: `0.4` → `value: 0.4`. */
function shortToField(text: string, node: Node, json: boolean): string {
	const key = (k: string) => keyOf(k, json);
	const source = text.slice(node.range![0], endOf(text, node));
	if (isSeq(node))
		return `${key('range')}: ${node.flow ? source : JSON.stringify(node.toJSON()).replace(/,/g, ', ')}`;
	const value = isScalar(node) ? node.value : undefined;
	if (typeof value === 'number') return `${key('value')}: ${source}`;
	if (value === 'rest') return `${key('rest')}: true`;
	return `${key('term')}: ${source}`;
}

/** The changes to a likelihood already in the long form: the term (on accepting), basis, record. */
function editLongForm(text: string, map: YAMLMap, proposal: Proposal, json: boolean): TextChange[] {
	const key = (k: string) => keyOf(k, json);
	const pairs = map.items.filter(isPair) as Pair<Node, Node | null>[];
	const pairOf = (k: string) =>
		pairs.find((p) => isScalar(p.key) && p.key.value === k && p.key.range);
	const changes: TextChange[] = [];
	const added: string[] = [];
	if (proposal.decision === 'accepted') {
		const term = `${key('term')}: ${toYamlString(proposal.term, json)}`;
		const kind = pairs.find((p) => isScalar(p.key) && kinds.includes(String(p.key.value)));
		if (kind?.key.range && kind.value?.range)
			changes.push({ from: kind.key.range[0], to: endOf(text, kind.value), insert: term });
		else added.push('term');
		if (!pairOf('basis')) added.push('basis');
	}
	const existing = pairOf('proposal');
	const record = toProposalText(proposal, json);
	if (existing?.value?.range) {
		const from = text.indexOf(':', existing.key.range![1]) + 1;
		changes.push({ from, to: endOf(text, existing.value), insert: ` ${record}` });
	} else added.push('proposal');
	const values: Record<string, string> = {
		term: toYamlString(proposal.term, json),
		basis: toYamlString(proposal.wording, json),
		proposal: record
	};
	for (const k of added)
		changes.push(addPair(text, map, k, { block: ` ${values[k]}`, flow: values[k] }, json));
	return changes;
}
