import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../tests/unit/fixtures';
import { loadScenarioFile, scenariosDir } from '../../cli/files';
import { toXStateJson } from './xstate';

interface NodeJson {
	id: string;
	states: Record<string, NodeJson>;
	on: Record<string, { guard?: unknown; actions: { type: string }[]; meta: { id: string } }[]>;
}

/** Every state node of the JSON, depth first. */
function nodes(node: NodeJson): NodeJson[] {
	return [node, ...Object.values(node.states).flatMap(nodes)];
}

describe('toXStateJson', () => {
	const ladder = loadFixture('ladder.yaml');
	const json = JSON.parse(toXStateJson(ladder.model)) as NodeJson;

	it('parses, with the scenario id as the machine id and every state id', () => {
		expect(json.id).toBe('ladder');
		expect(nodes(json).map((n) => n.id)).toEqual([
			'ladder',
			'ladder.talks',
			'ladder.crisis',
			'ladder.settled',
			'ladder.war'
		]);
	});

	it('names guards and actions as the setup names them, with their parameters', () => {
		const crisis = json.states.crisis.on;
		expect(crisis['west.press'][0].guard).toEqual({
			type: 'choiceIs',
			params: { choice: 'west.posture', options: ['press'] }
		});
		expect(json.states.talks.on['talks.fail'][0].actions).toEqual([
			{ type: 'applyEffects', params: { effects: { escalation: 1 }, set: {} } }
		]);
		expect(crisis['crisis.fight'][0].meta.id).toBe('crisis:crisis.fight');
	});

	it('keeps XState guard combinators that JSON.stringify alone would drop', () => {
		// regional-escalation's strikes on Russian systems wait for the north to settle (`any`).
		const regional = loadScenarioFile(`${scenariosDir}/regional-escalation.yaml`);
		if (!regional.ok) throw new Error('regional-escalation does not load');
		const text = toXStateJson(regional.value.model);
		const combined = regional.value.model.transitions.filter((t) =>
			t.when.some((c) => 'any' in c || 'all' in c || 'not' in c)
		);
		expect(combined.length).toBeGreaterThan(0);
		const all = nodes(JSON.parse(text) as NodeJson).flatMap((n) => Object.values(n.on).flat());
		for (const t of combined) {
			const guard = all.find((x) => x.meta.id === t.id)!.guard as {
				type: string;
				guards: unknown[];
			};
			expect(guard.type).toMatch(/^xstate\.(and|or|not)$/);
			expect(guard.guards.length).toBeGreaterThan(0);
		}
	});

	it('writes a stateIn guard with its state value', () => {
		const model = structuredClone(ladder.model);
		model.transitions[0].when = [{ not: { in: 'crisis' } }];
		const parsed = JSON.parse(toXStateJson(model)) as NodeJson;
		expect(parsed.states.talks.on['talks.fail'][0].guard).toEqual({
			type: 'xstate.not',
			guards: [{ type: 'xstate.stateIn', params: { stateValue: 'crisis' } }]
		});
	});

	it('gives the same text for the same model', () => {
		expect(toXStateJson(ladder.model)).toBe(toXStateJson(ladder.model));
	});
});
