import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../tests/unit/fixtures';
import { loadScenarioFile, scenariosDir } from '../../cli/files';
import { loadScenario } from '../engine/load';
import type { Model } from '../scenario/model';
import { toMermaid, toMermaidIds, toMermaidLabel } from './mermaid';

const shipped = readdirSync(scenariosDir)
	.filter((f) => f.endsWith('.yaml'))
	.map((f) => {
		const result = loadScenarioFile(join(scenariosDir, f));
		if (!result.ok) throw new Error(`${f} does not load`);
		return { name: f, model: result.value.model };
	});

/**
 * One step written twice under guards (Israel strikes by its choice, or by chance when the choice
 * is left open), another written twice by chance alone (two postures, two likelihoods), and two
 * distinct steps between the same states.
 */
function guarded(): Model {
	const step = (event: string, label: string, target: string, rest: string) =>
		`        - { event: ${event}, label: ${label}, target: ${target}, ${rest}, assumption: A. }`;
	const text = [
		'id: guarded',
		'title: Guarded',
		'sources: []',
		'actors:',
		'  israel:',
		'    label: Israel',
		'    choices:',
		'      strike:',
		'        label: Does Israel strike?',
		'        default: open',
		'        options: { open: Left open, strike: Strike, refrain: Refrain }',
		'  russia:',
		'    label: Russia',
		'    choices:',
		'      restraint:',
		'        label: Does Russia urge restraint?',
		'        default: urge',
		'        options: { urge: Urges it, silent: Stays silent }',
		'statechart:',
		'  initial: tense',
		'  states:',
		'    tense:',
		'      on:',
		step(
			'israel.strike',
			'Israel strikes',
			'struck',
			'by: israel, when: { choice: israel.strike, is: strike }'
		),
		step(
			'israel.refrain',
			'Israel holds back',
			'calm',
			'by: israel, when: { choice: israel.strike, is: refrain }'
		),
		step(
			'chance.strikeUrged',
			'Israel strikes',
			'struck',
			'by: chance, when: [{ choice: israel.strike, is: open }, { choice: russia.restraint, is: urge }], likelihood: 0.2'
		),
		step(
			'chance.holdUrged',
			'Israel holds back',
			'calm',
			'by: chance, when: [{ choice: israel.strike, is: open }, { choice: russia.restraint, is: urge }], likelihood: 0.7'
		),
		step(
			'chance.talksUrged',
			'Talks resume',
			'calm',
			'by: chance, when: [{ choice: israel.strike, is: open }, { choice: russia.restraint, is: urge }], likelihood: rest'
		),
		step(
			'chance.strikeSilent',
			'Israel strikes',
			'struck',
			'by: chance, when: [{ choice: israel.strike, is: open }, { choice: russia.restraint, is: silent }], likelihood: 0.4'
		),
		step(
			'chance.holdSilent',
			'Israel holds back',
			'calm',
			'by: chance, when: [{ choice: israel.strike, is: open }, { choice: russia.restraint, is: silent }], likelihood: rest'
		),
		'    struck:',
		'      on:',
		step('chance.ceasefire', 'A ceasefire', 'calm', 'by: chance, likelihood: 0.5'),
		step('chance.ceasefireLater', 'A ceasefire', 'calm', 'by: chance, likelihood: rest'),
		'    calm: { type: final, outcome: { label: Calm } }',
		''
	].join('\n');
	const result = loadScenario('guarded.yaml', text, () => ({ missing: 'x', known: [] }));
	if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
	return result.value.model;
}

describe('toMermaidLabel', () => {
	it.each([
		{ input: 'Plain words', expected: 'Plain words' },
		{ input: 'Say "no": {now}; #1', expected: 'Say no - (now), no. 1' },
		{ input: "Tehran's appeal", expected: 'Tehran’s appeal' },
		{ input: 'two\nlines\r\n and  tabs\t', expected: 'two lines and tabs' },
		{ input: 'a --> b <c>', expected: 'a → b c' },
		{ input: '"";', expected: ',' }
	])('$input → $expected', ({ input, expected }) => {
		expect(toMermaidLabel(input)).toBe(expected);
	});
});

describe('toMermaidIds', () => {
	it('turns dots and other marks into underscores and keeps ids unique', () => {
		expect([...toMermaidIds(['a', 'a.b', 'a_b', 'a-b', 'end', '1st', 'state']).values()]).toEqual([
			'a',
			'a_b',
			'a_b_2',
			'a_b_3',
			's_end',
			's_1st',
			's_state'
		]);
	});
});

describe('toMermaid', () => {
	it('writes the ladder by hand-checkable lines', () => {
		expect(toMermaid(loadFixture('ladder.yaml').model)).toBe(
			[
				'stateDiagram-v2',
				'\t[*] --> talks',
				'\tstate "talks" as talks',
				'\tstate "crisis" as crisis',
				'\tstate "settled" as settled',
				'\tstate "war" as war',
				'\ttalks --> crisis : talks.fail',
				'\ttalks --> settled : talks.hold',
				'\tcrisis --> settled : west.press',
				'\tcrisis --> war : crisis.fight',
				'\tcrisis --> settled : crisis.calm',
				'\tsettled --> [*]',
				'\twar --> [*]',
				''
			].join('\n')
		);
	});

	it('nests regions inside their parallel state, separated by --', () => {
		const text = toMermaid(loadFixture('regions.yaml').model);
		const lines = text.split('\n').map((l) => l.trim());
		const open = lines.indexOf('state "crisis" as crisis {');
		const front = lines.indexOf('state "front" as crisis_front {');
		const talks = lines.indexOf('state "talks" as crisis_talks {');
		expect(open).toBeGreaterThan(0);
		expect(front).toBeGreaterThan(open);
		expect(lines.slice(front, talks)).toContain('--');
		expect(lines).toContain('[*] --> crisis_front_quiet');
		expect(lines).toContain('crisis_front_quiet --> crisis_front_hot : front.flare');
		// Each transition sits inside its region's braces: between the region's opening and the --.
		expect(lines.indexOf('crisis_front_quiet --> crisis_front_hot : front.flare')).toBeLessThan(
			lines.indexOf('--')
		);
		expect(text.split('{').length).toBe(text.split('}').length);
	});

	const structure = (model: Model) => {
		const text = toMermaid(model);
		const ids = toMermaidIds([...model.states.keys()].filter((p) => p !== ''));
		return { text, lines: text.split('\n').map((l) => l.trim()), ids };
	};

	it('writes one arrow for one step guarded several ways, saying who takes it where that differs', () => {
		const lines = toMermaid(guarded())
			.split('\n')
			.map((l) => l.trim());
		expect(lines.filter((l) => / --> (?!\[\*\])/.test(l) && !l.startsWith('[*]'))).toEqual([
			'tense --> struck : Israel strikes (by Israel or by chance)',
			'tense --> calm : Israel holds back (by Israel or by chance)',
			'tense --> calm : Talks resume',
			'struck --> calm : A ceasefire'
		]);
	});

	it.each([
		...shipped,
		{ name: 'ladder', model: loadFixture('ladder.yaml').model },
		{ name: 'regions', model: loadFixture('regions.yaml').model },
		{ name: 'guarded', model: guarded() }
	])('$name: every state appears once, every step once, no two arrows alike', ({ model }) => {
		const { text, lines, ids } = structure(model);
		expect(lines[0]).toBe('stateDiagram-v2');
		const declared = lines.filter((l) => l.startsWith('state "'));
		expect(declared).toHaveLength(model.states.size - 1);
		for (const [path, id] of ids) {
			expect(
				declared.filter((l) => l.endsWith(` as ${id}`) || l.endsWith(` as ${id} {`))
			).toHaveLength(1);
			expect(id).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
			if (model.states.get(path)!.kind === 'final') expect(lines).toContain(`${id} --> [*]`);
		}
		const arrows = lines.filter((l) => / --> (?!\[\*\])/.test(l) && !l.startsWith('[*]'));
		expect(new Set(arrows).size).toBe(arrows.length);
		// Each transition is drawn by the one arrow of its move: its ends, its label first.
		const moves = new Set<string>();
		for (const t of model.transitions) {
			const head = `${ids.get(t.source)} --> ${ids.get(t.target)} : ${toMermaidLabel(t.label)}`;
			expect(arrows.filter((a) => a === head || a.startsWith(`${head} (by `))).toHaveLength(1);
			moves.add(head);
		}
		expect(arrows).toHaveLength(moves.size);
		expect(text.split('{').length).toBe(text.split('}').length);
		expect(text).not.toMatch(/undefined|;|#/);
	});

	it('does not change the model', () => {
		const model = loadFixture('ladder.yaml').model;
		const before = structuredClone([...model.states.values()]);
		toMermaid(model);
		expect([...model.states.values()]).toEqual(before);
	});
});
