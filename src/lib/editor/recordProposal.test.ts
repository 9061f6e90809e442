import { describe, expect, it } from 'vitest';
import { fixtureResolver, fixtureText } from '../../../tests/unit/fixtures';
import { parse, stringify } from 'yaml';
import { loadScenario } from '../engine/load';
import type { Proposal } from '../scenario/likelihood';
import { applyChange } from './insertEvidence';
import { listProposals } from './proposal';
import { combine, recordProposal, toProposalText } from './recordProposal';

const ladder = fixtureText('ladder.yaml');
const resolver = fixtureResolver;
const on = (state: string, i: number) => ['statechart', 'states', state, 'on', i];
const fight = on('crisis', 1);
const fail = on('talks', 0);

const proposal = (decision: Proposal['decision'], term: Proposal['term'] = 'likely') => ({
	term,
	wording: 'probably',
	decision
});

function edit(text: string, result: ReturnType<typeof recordProposal>): string {
	if (!result.ok) throw new Error(result.message);
	return applyChange(text, result.change);
}

/** The likelihood at `path` once the edit is made, read back by the `yaml` package. */
function likelihoodAfter(text: string, path: (string | number)[], p: Proposal) {
	let value = parse(edit(text, recordProposal(text, path, p)));
	for (const key of path) value = value[key];
	return value.likelihood;
}

describe('toProposalText', () => {
	it.each([
		{ json: false, expected: '{ term: likely, wording: probably, decision: accepted }' },
		{
			json: true,
			expected: '{ "term": "likely", "wording": "probably", "decision": "accepted" }'
		}
	])('json: $json', ({ json, expected }) =>
		expect(toProposalText(proposal('accepted'), json)).toBe(expected)
	);

	it.each([
		{ wording: 'hard to resist', expected: 'wording: hard to resist,' },
		{ wording: 'toss-up', expected: 'wording: toss-up,' },
		{ wording: 'odds: 1 in 3', expected: 'wording: "odds: 1 in 3",' },
		{ wording: 'no', expected: 'wording: "no",' }
	])('quotes $wording only where it must', ({ wording, expected }) =>
		expect(toProposalText({ ...proposal('accepted'), wording })).toContain(expected)
	);
});

describe('recordProposal in block YAML (ladder.yaml)', () => {
	it('accepting a number writes the long form with the term, the wording as basis, the record', () => {
		const after = edit(ladder, recordProposal(ladder, fight, proposal('accepted')));
		expect(after).toContain(
			'          likelihood: { term: likely, basis: probably, proposal: { term: likely, wording: probably, decision: accepted } }\n          effects: { escalation: 2 }'
		);
		expect(after.replace(/likelihood: \{ term: likely.*\n/, 'likelihood: 0.75\n')).toBe(ladder);
	});

	it('overriding keeps the number: 0.75 → { value: 0.75, proposal }', () => {
		expect(likelihoodAfter(ladder, fight, proposal('overridden'))).toEqual({
			value: 0.75,
			proposal: proposal('overridden')
		});
	});

	it.each([
		{ given: 'likely', expected: { term: 'likely' } },
		{ given: "'probable'", expected: { term: 'probable' } },
		{ given: '[0.3, 0.6]', expected: { range: [0.3, 0.6] } },
		{ given: '\n            - 0.3\n            - 0.6', expected: { range: [0.3, 0.6] } },
		{ given: 'rest', expected: { rest: true } }
	])('overriding $given keeps it in the long form', ({ given, expected }) => {
		const text = ladder.replace('likelihood: 0.75', `likelihood: ${given}`.replace(': \n', ':\n'));
		expect(likelihoodAfter(text, fight, proposal('overridden', 'very likely'))).toEqual({
			...expected,
			proposal: proposal('overridden', 'very likely')
		});
	});

	const longForm = ladder.replace(
		'likelihood: 0.75\n',
		'likelihood:\n            range: [0.6, 0.9] # wide\n            basis: will probably fight\n            note: kept\n'
	);

	it('accepting in a block long form replaces the kind, keeps basis, note and comment', () => {
		const after = edit(longForm, recordProposal(longForm, fight, proposal('accepted')));
		expect(after).toContain(
			'          likelihood:\n            term: likely # wide\n            basis: will probably fight\n            note: kept\n            proposal: { term: likely, wording: probably, decision: accepted }\n          effects:'
		);
	});

	it('overriding in a block long form only adds the record', () => {
		expect(likelihoodAfter(longForm, fight, proposal('overridden', 'very likely'))).toEqual({
			range: [0.6, 0.9],
			basis: 'will probably fight',
			note: 'kept',
			proposal: proposal('overridden', 'very likely')
		});
	});

	it('a new decision replaces the record, in block and in flow style', () => {
		const block = edit(
			longForm,
			recordProposal(longForm, fight, proposal('overridden', 'unlikely'))
		);
		const again = edit(block, recordProposal(block, fight, proposal('accepted')));
		expect(again).toBe(edit(longForm, recordProposal(longForm, fight, proposal('accepted'))));
		const nested = longForm.replace(
			'            note: kept\n',
			'            proposal:\n              term: unlikely\n              wording: may\n              decision: overridden\n            note: kept\n'
		);
		expect(likelihoodAfter(nested, fight, proposal('accepted'))).toEqual({
			term: 'likely',
			basis: 'will probably fight',
			proposal: proposal('accepted'),
			note: 'kept'
		});
	});

	it.each([
		{ p: proposal('accepted'), path: fight, expected: 'accepted' },
		{ p: proposal('overridden'), path: fight, expected: 'overridden' },
		{
			p: { ...proposal('accepted'), term: 'roughly even chance' as const, wording: 'may' },
			path: fail,
			expected: 'accepted'
		},
		{
			p: { ...proposal('overridden'), term: 'roughly even chance' as const, wording: 'may' },
			path: fail,
			expected: 'overridden'
		}
	])('the edited text validates, and lists as $expected', ({ p, path, expected }) => {
		const after = edit(ladder, recordProposal(ladder, path, p));
		const result = loadScenario('ladder.yaml', after, resolver);
		if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
		const listed = listProposals(result.value.model.transitions);
		const entry = listed.find((l) => l.transition.docPath.join('.') === path.join('.'));
		expect(entry?.state).toBe(expected);
		expect(entry?.recorded).toEqual(p);
	});
});

describe('recordProposal in flow YAML and JSON', () => {
	const flow =
		'statechart: { states: { a: { on: [ { event: x, likelihood: { range: [0.3, 0.6], basis: risks damaging } } ] } } }\n';

	it('flow long form: the record goes after the last field', () => {
		const after = edit(flow, recordProposal(flow, on('a', 0), proposal('overridden')));
		expect(after).toBe(
			'statechart: { states: { a: { on: [ { event: x, likelihood: { range: [0.3, 0.6], basis: risks damaging, proposal: { term: likely, wording: probably, decision: overridden } } } ] } } }\n'
		);
	});

	it('flow long form: accepting replaces the range by the term', () => {
		expect(likelihoodAfter(flow, on('a', 0), proposal('accepted'))).toEqual({
			term: 'likely',
			basis: 'risks damaging',
			proposal: proposal('accepted')
		});
	});

	const json = JSON.stringify(
		{
			statechart: {
				states: {
					a: {
						on: [
							{ event: 'x', likelihood: 0.4 },
							{ event: 'y', likelihood: { range: [0.3, 0.6] } }
						]
					}
				}
			}
		},
		null,
		2
	);

	it.each([
		{
			i: 0,
			p: proposal('accepted'),
			expected: { term: 'likely', basis: 'probably', proposal: proposal('accepted') }
		},
		{ i: 0, p: proposal('overridden'), expected: { value: 0.4, proposal: proposal('overridden') } },
		{
			i: 1,
			p: proposal('accepted'),
			expected: { term: 'likely', basis: 'probably', proposal: proposal('accepted') }
		},
		{
			i: 1,
			p: proposal('overridden'),
			expected: { range: [0.3, 0.6], proposal: proposal('overridden') }
		}
	])('JSON stays JSON: transition $i, $p.decision', ({ i, p, expected }) => {
		const after = edit(json, recordProposal(json, on('a', i), p));
		expect(JSON.parse(after).statechart.states.a.on[i].likelihood).toEqual(expected);
	});

	it('pretty-printed JSON gets each new field on a line of its own', () => {
		const after = edit(json, recordProposal(json, on('a', 1), proposal('accepted')));
		expect(after).toMatch(
			/\{\n {14}"term": "likely",\n {14}"basis": "probably",\n {14}"proposal": \{ "term": "likely", "wording": "probably", "decision": "accepted" \}\n {12}\}/
		);
	});

	it('the whole ladder as JSON validates after each decision', () => {
		const text = JSON.stringify(parse(ladder), null, 2);
		for (const p of [proposal('accepted'), proposal('overridden')]) {
			const result = loadScenario(
				'ladder.json',
				edit(text, recordProposal(text, fight, p)),
				resolver
			);
			expect(result.ok, JSON.stringify(!result.ok && result.diagnostics)).toBe(true);
		}
	});

	it('block YAML written by the yaml package (another layout) validates too', () => {
		const text = stringify(parse(ladder));
		const after = edit(text, recordProposal(text, fight, proposal('overridden')));
		expect(loadScenario('ladder.yaml', after, resolver).ok).toBe(true);
	});
});

describe('recordProposal refuses', () => {
	it.each([
		{ text: 'a: [', path: fight, message: 'fix the errors in the text first' },
		{
			text: 'statechart: {}\n',
			path: fight,
			message: 'no transition at statechart.states.crisis.on.1: the text has changed'
		},
		{
			text: ladder,
			path: on('crisis', 0),
			message: 'the transition has no likelihood to decide on'
		}
	])('$message', ({ text, path, message }) => {
		expect(recordProposal(text, path, proposal('accepted'))).toEqual({ ok: false, message });
	});
});

describe('combine', () => {
	it('makes one change of several, in any order', () => {
		const text = 'abcdef';
		const change = combine(text, [
			{ from: 4, to: 5, insert: 'E' },
			{ from: 1, to: 1, insert: '+' },
			{ from: 1, to: 1, insert: '!' }
		]);
		expect(change).toEqual({ from: 1, to: 5, insert: '+!bcdE' });
		expect(applyChange(text, change)).toBe('a+!bcdEf');
		expect(combine(text, [])).toBeNull();
		expect(() =>
			combine(text, [
				{ from: 1, to: 3, insert: '' },
				{ from: 2, to: 4, insert: '' }
			])
		).toThrow();
	});
});
