import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../tests/unit/fixtures';
import { loadScenarioFile, scenariosDir } from '../../cli/files';
import type { Model } from '../scenario/model';
import { toMermaid, toMermaidIds, toMermaidLabel } from './mermaid';

const shipped = readdirSync(scenariosDir)
	.filter((f) => f.endsWith('.yaml'))
	.map((f) => {
		const result = loadScenarioFile(join(scenariosDir, f));
		if (!result.ok) throw new Error(`${f} does not load`);
		return { name: f, model: result.value.model };
	});

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

	it.each([
		...shipped,
		{ name: 'ladder', model: loadFixture('ladder.yaml').model },
		{ name: 'regions', model: loadFixture('regions.yaml').model }
	])('$name: every state and every transition appears once', ({ model }) => {
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
		expect(arrows).toHaveLength(model.transitions.length);
		for (const t of model.transitions) {
			expect(arrows).toContain(
				`${ids.get(t.source)} --> ${ids.get(t.target)} : ${toMermaidLabel(t.label)}`
			);
		}
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
