import { describe, expect, it } from 'vitest';
import { loadScenario } from '../engine/load';
import { fixtureResolver, fixtureText, loadShippedScenario } from '../../../tests/unit/fixtures';

const ladder = fixtureText('ladder.yaml');
/** The ladder fixture with `signposts` (indented YAML lines) on its first transition. */
const withSignposts = (lines: string) =>
	ladder.replace(
		'          effects: { escalation: 1 }\n',
		`          effects: { escalation: 1 }\n          signposts:\n${lines}`
	);

describe('signposts', () => {
	it('are carried on the transition, in the order written; a transition without any has none', () => {
		const result = loadScenario(
			'ladder.yaml',
			withSignposts(
				'            - { watch: Talks suspended, kind: official statement }\n' +
					'            - { watch: Envoys leave, kind: wire report, note: a first sign only }\n'
			),
			fixtureResolver
		);
		if (!result.ok) throw new Error(result.diagnostics[0].message);
		const [fail, hold] = result.value.model.transitions;
		expect(fail.signposts).toEqual([
			{ watch: 'Talks suspended', kind: 'official statement' },
			{ watch: 'Envoys leave', kind: 'wire report', note: 'a first sign only' }
		]);
		expect(hold.signposts).toEqual([]);
	});

	it.each([
		{
			name: 'an unknown kind of report',
			lines: '            - { watch: Talks suspended, kind: rumour }\n',
			path: 'statechart.states.talks.on.0.signposts.0.kind',
			message: /"rumour" is not allowed/,
			hint: /"official statement", "wire report"/
		},
		{
			name: 'a signpost without its wording',
			lines: '            - { kind: wire report }\n',
			path: 'statechart.states.talks.on.0.signposts.0.watch',
			message: /missing required field "watch"/
		},
		{
			name: 'a misspelt field',
			lines: '            - { watch: Talks suspended, kind: wire report, nte: x }\n',
			path: 'statechart.states.talks.on.0.signposts.0.nte',
			message: /unknown field "nte"/,
			hint: /did you mean "note"\?/
		}
	])('refuses $name at its line', ({ lines, path, message, hint }) => {
		const result = loadScenario('ladder.yaml', withSignposts(lines), fixtureResolver);
		if (result.ok) throw new Error('accepted');
		const [d] = result.diagnostics;
		// The signpost stands on the line after `signposts:`, the 30th of the edited fixture.
		expect([d.line, d.path]).toEqual([30, path]);
		expect(d.message).toMatch(message);
		if (hint) expect(d.hint).toMatch(hint);
	});

	it('are written for the main steps of the shipped scenarios', () => {
		const ids = (id: string) =>
			loadShippedScenario(id)
				.model.transitions.filter((t) => t.signposts.length > 0)
				.map((t) => t.id);
		expect(ids('regional-escalation')).toEqual(
			expect.arrayContaining([
				'crisis.arms.request:russia.supplyFull',
				'crisis.arms.airDefence:israel.strike',
				'crisis.ties.strained:ties.rupture',
				'crisis.north.crossBorder:chance.intensify',
				'crisis.north.israeliOffensive:chance.attack'
			])
		);
		const jets = loadShippedScenario('russia-arms-to-iran').model.transitions.find(
			(t) => t.id === 'request:russia.supplyFull'
		);
		expect(jets?.signposts.map((s) => s.watch)).toContain('Reports of SU-35 deliveries to Iran');
	});
});
