import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../cli/files';
import { buildModel } from './model';
import {
	choiceLabel,
	describeCondition,
	optionLabel,
	sentenceName,
	transitionNames,
	whence
} from './names';
import { scenarioSchema, type ScenarioInput } from './schema';

const step = (event: string, target: string, extra: object = {}) => ({
	event,
	target,
	by: 'chance',
	label: 'Israel strikes',
	assumption: 'a test',
	likelihood: 0.5,
	...extra
});

/**
 * Two regions. The strike leaves "Systems in place" by Israel and twice by chance (after a war,
 * after none); from "Systems moved" three times alike but for the target.
 */
const input: ScenarioInput = {
	id: 'names',
	title: 'Names',
	actors: {
		israel: {
			label: 'Israel',
			choices: {
				systems: {
					label: 'Strike the systems?',
					default: 'open',
					options: { open: 'Left open', strike: { label: 'Strike' } }
				}
			}
		}
	},
	indicators: { heat: { label: 'Heat', initial: 0, levels: { 2: 'hot' } } },
	statechart: {
		type: 'parallel',
		states: {
			arms: {
				label: 'Arms',
				states: {
					inPlace: {
						label: 'Systems in place',
						on: [
							step('israel.strike', 'struck', {
								by: 'israel',
								likelihood: undefined,
								when: { choice: 'israel.systems', is: 'strike' }
							}),
							step('chance.strikeInWar', 'struck', {
								when: [
									{ any: [{ in: 'north.won' }, { in: 'north.lost' }] },
									{ choice: 'israel.systems', is: 'open' }
								]
							}),
							step('chance.strikeInPeace', 'struck', {
								when: [{ in: 'north.calm' }, { choice: 'israel.systems', is: 'open' }]
							})
						]
					},
					moved: {
						label: 'Systems moved',
						on: [
							step('chance.twinA', 'struck'),
							step('chance.twinB', 'struck'),
							step('chance.twinC', 'spared')
						]
					},
					struck: { type: 'final', outcome: { label: 'Struck' } },
					spared: { type: 'final', outcome: { label: 'Spared' } }
				}
			},
			north: {
				label: 'The north',
				states: {
					calm: { type: 'final', label: 'Calm' },
					won: { type: 'final', label: 'Won' },
					lost: { type: 'final', label: 'Lost' }
				}
			}
		}
	}
};
const model = buildModel(scenarioSchema.parse(input), () => {});
const byEvent = (event: string) => model.transitions.find((t) => t.event === event)!;

describe('transitionNames', () => {
	const names = transitionNames(model);

	it.each([
		{ event: 'israel.strike', expected: 'Israel strikes, from “Systems in place”, by Israel' },
		{
			event: 'chance.strikeInWar',
			expected:
				'Israel strikes, from “Systems in place”, by chance, when “Won” or “Lost” (The north)'
		},
		{
			event: 'chance.strikeInPeace',
			expected: 'Israel strikes, from “Systems in place”, by chance, when “Calm” (The north)'
		},
		{
			event: 'chance.twinA',
			expected: 'Israel strikes, from “Systems moved”, by chance, to “Struck” (1 of 2)'
		},
		{
			event: 'chance.twinB',
			expected: 'Israel strikes, from “Systems moved”, by chance, to “Struck” (2 of 2)'
		},
		{
			event: 'chance.twinC',
			expected: 'Israel strikes, from “Systems moved”, by chance, to “Spared”'
		}
	])('$event: $expected', ({ event, expected }) => {
		expect(names.get(byEvent(event).id)).toBe(expected);
	});

	it('leaves the model as it was', () => {
		const before = JSON.stringify(model.transitions);
		transitionNames(model);
		expect(JSON.stringify(model.transitions)).toBe(before);
	});

	const scenariosDir = resolve(import.meta.dirname, '../../../scenarios');
	it.each(readdirSync(scenariosDir).filter((f) => f.endsWith('.yaml')))(
		'gives every transition of %s its own name, with no id in it',
		(file) => {
			const loaded = loadScenarioFile(resolve(scenariosDir, file));
			if (!loaded.ok) throw new Error(loaded.diagnostics[0].message);
			const { model } = loaded.value;
			const shipped = [...transitionNames(model).values()];
			expect(new Set(shipped).size).toBe(model.transitions.length);
			for (const t of model.transitions) {
				for (const name of shipped) {
					expect(name).not.toContain(t.id);
					expect(name).not.toContain(`“${t.source}”`);
				}
			}
		}
	);
});

describe('words for the model', () => {
	it.each([
		{ condition: { in: 'north.won' }, expected: '“Won” (The north)' },
		{ condition: { notIn: 'north.won' }, expected: 'not “Won” (The north)' },
		{ condition: { choice: 'israel.systems', is: 'strike' }, expected: 'Israel chooses “Strike”' },
		{
			condition: { choice: 'israel.systems', isNot: ['strike', 'open'] },
			expected: 'Israel does not choose “Strike” or “Left open”'
		},
		{ condition: { indicator: 'heat', atLeast: 2 }, expected: 'Heat at least 2 (hot)' },
		{ condition: { indicator: 'heat', atMost: 1 }, expected: 'Heat at most 1' },
		{ condition: { indicator: 'heat', atLeast: 1, atMost: 2 }, expected: 'Heat from 1 to 2 (hot)' },
		{
			condition: { all: [{ in: 'north.won' }, { not: { in: 'north.lost' } }] },
			expected: '“Won” (The north) and not (“Lost” (The north))'
		},
		{
			condition: { any: [{ in: 'north.won' }, { choice: 'israel.systems', is: 'open' }] },
			expected: '“Won” (The north) or Israel chooses “Left open”'
		}
	])('describeCondition: $expected', ({ condition, expected }) => {
		expect(describeCondition(model, condition)).toBe(expected);
	});

	it('names choices, options and where a step leaves from by their labels', () => {
		expect(choiceLabel(model.scenario, 'israel.systems')).toBe('Israel: Strike the systems?');
		expect(choiceLabel(model.scenario, 'israel.nothing')).toBeUndefined();
		expect(optionLabel(model.scenario, 'israel.systems', 'open')).toBe('Left open');
		expect(optionLabel(model.scenario, 'israel.systems', 'strike')).toBe('Strike');
		expect(optionLabel(model.scenario, 'israel.systems', 'toString')).toBeUndefined();
		expect(whence(model, byEvent('israel.strike'))).toBe('from “Systems in place”, by Israel');
	});

	it.each([
		{ id: 'p12.s1', expected: 'paragraph 12, sentence 1' },
		{ id: 'p1.s20', expected: 'paragraph 1, sentence 20' },
		{ id: 'other', expected: 'other' }
	])('sentenceName($id) is $expected', ({ id, expected }) => {
		expect(sentenceName(id)).toBe(expected);
	});
});
