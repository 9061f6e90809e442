import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
	addEvidence,
	applyChange,
	citeSource,
	offsetOf,
	toFlowEntry,
	type EvidenceEntry
} from './insertEvidence';

const ladder = readFileSync('tests/fixtures/valid/ladder.yaml', 'utf8');
const entry: EvidenceEntry = { quote: 'Talks "may" fail.', suffix: 'If they', stance: 'supports' };
const on = (state: string, i: number) => ['statechart', 'states', state, 'on', i];

function edit(text: string, result: ReturnType<typeof addEvidence>): string {
	if (!result.ok) throw new Error(result.message);
	return applyChange(text, result.change);
}

describe('toFlowEntry', () => {
	it.each([
		{
			json: false,
			expected: '{ quote: "Talks \\"may\\" fail.", suffix: "If they", stance: supports }'
		},
		{
			json: true,
			expected: '{ "quote": "Talks \\"may\\" fail.", "suffix": "If they", "stance": "supports" }'
		}
	])('json: $json', ({ json, expected }) => expect(toFlowEntry(entry, json)).toBe(expected));
});

describe('addEvidence', () => {
	it('appends to an existing block list, at its indentation, leaving the rest as it was', () => {
		const after = edit(ladder, addEvidence(ladder, on('talks', 0), entry));
		expect(after).toContain(
			'              stance: supports\n            - { quote: "Talks \\"may\\" fail.", suffix: "If they", stance: supports }\n        - event: talks.hold'
		);
		expect(after.replace(/\n +- \{ quote: "Talks.*\n/, '\n')).toBe(ladder);
		expect(parse(after).statechart.states.talks.on[0].evidence).toHaveLength(2);
	});

	it('adds an evidence key to a transition that has none', () => {
		const after = edit(ladder, addEvidence(ladder, on('talks', 1), entry));
		const transition = parse(after).statechart.states.talks.on[1];
		expect(transition.evidence).toEqual([
			{ quote: 'Talks "may" fail.', suffix: 'If they', stance: 'supports' }
		]);
		expect(after).toContain(
			'assumption: The memo does not say what happens when talks hold.\n          evidence:\n            - {'
		);
		expect(ladder.startsWith('# A two-step ladder')).toBe(true);
	});

	it('adds to the last transition of a file without a final newline', () => {
		const text =
			'statechart:\n  states:\n    a:\n      on:\n        - event: x\n          target: a';
		const after = edit(text, addEvidence(text, on('a', 0), entry));
		expect(parse(after).statechart.states.a.on[0].evidence).toHaveLength(1);
	});

	it.each([
		{
			name: 'flow list',
			text: 'statechart: { states: { a: { on: [ { event: x, evidence: [] } ] } } }\n'
		},
		{ name: 'flow map', text: 'statechart: { states: { a: { on: [ { event: x } ] } } }\n' },
		{
			name: 'JSON',
			text: '{ "statechart": { "states": { "a": { "on": [ { "event": "x" } ] } } } }\n'
		}
	])('in a $name', ({ text }) => {
		const after = edit(text, addEvidence(text, on('a', 0), entry));
		expect(parse(after).statechart.states.a.on[0].evidence).toEqual([
			{ quote: 'Talks "may" fail.', suffix: 'If they', stance: 'supports' }
		]);
	});

	it('a flow map gets the new key after its last item', () => {
		const text = 'statechart: { states: { a: { on: [ { event: x } ] } } }\n';
		expect(edit(text, addEvidence(text, on('a', 0), entry))).toBe(
			'statechart: { states: { a: { on: [ { event: x, evidence: [{ quote: "Talks \\"may\\" fail.", suffix: "If they", stance: supports }] } ] } } }\n'
		);
	});

	it('JSON stays JSON', () => {
		const text = '{ "statechart": { "states": { "a": { "on": [ { "event": "x" } ] } } } }';
		expect(() => JSON.parse(edit(text, addEvidence(text, on('a', 0), entry)))).not.toThrow();
	});

	it.each([
		{ text: 'a: [', path: on('a', 0), message: 'fix the errors in the text first' },
		{
			text: 'statechart: {}\n',
			path: on('a', 0),
			message: 'no transition at statechart.states.a.on.0: the text has changed'
		}
	])('refuses: $message', ({ text, path, message }) => {
		expect(addEvidence(text, path, entry)).toEqual({ ok: false, message });
	});
});

describe('citeSource', () => {
	it.each([
		{ text: 'id: x\nsources: []\nactors: {}\n', expected: ['memo'] },
		{ text: 'id: x\nsources: [a]\nactors: {}\n', expected: ['a', 'memo'] },
		{ text: 'id: x\nsources:\n  - a\nactors: {}\n', expected: ['a', 'memo'] },
		{ text: 'id: x\nactors: {}\n', expected: ['memo'] },
		{ text: '{ "id": "x", "sources": [] }', expected: ['memo'] },
		{ text: '{ "id": "x" }', expected: ['memo'] }
	])('$text', ({ text, expected }) => {
		const after = edit(text, citeSource(text, 'memo'));
		expect(parse(after).sources).toEqual(expected);
		expect(parse(after).id).toBe('x');
	});

	it('leaves a cited source alone', () => {
		expect(citeSource('sources: [memo]\n', 'memo')).toEqual({ ok: true, change: null });
	});
});

describe('offsetOf', () => {
	it.each([
		{ path: on('crisis', 1), expected: '- event: crisis.fight'.slice(2) },
		{ path: ['id'], expected: 'ladder' }
	])('$path', ({ path, expected }) => {
		const at = offsetOf(ladder, path)!;
		expect(ladder.slice(at, at + expected.length)).toBe(expected);
	});

	it.each([{ text: 'a: [' }, { text: 'a: 1\n' }])('undefined for $text', ({ text }) =>
		expect(offsetOf(text, on('a', 0))).toBeUndefined()
	);
});
