import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import schemaJson from '../../../scenarios/scenario.schema.json';
import {
	hintsAt,
	hoverAt,
	localFrom,
	localProbe,
	placeAt,
	schemaAt,
	type JsonSchema
} from './schemaHints';
import { blankScenario } from './template';

const schema = schemaJson as JsonSchema;

/** Split a text at its `|` (the cursor). */
function cursor(marked: string): { text: string; at: number } {
	const at = marked.indexOf('|');
	if (at < 0) throw new Error('no | in the text');
	return { text: marked.slice(0, at) + marked.slice(at + 1), at };
}

/** The blank scenario with one line replaced. */
const blank = (from: string, to: string) => {
	if (!blankScenario.includes(from)) throw new Error(`"${from}" not in the template`);
	return blankScenario.replace(from, to);
};

const scenario = `id: s
title: S
sources: [memo, report]
actors:
  russia:
    label: Russia
    choices:
      support:
        label: Support?
        default: none
        options: { none: None, full: Full }
  israel: { label: Israel }
indicators:
  strain: { label: Strain }
dimensions:
  ties: { label: Ties }
statechart:
  initial: calm
  states:
    calm:
      on:
        - event: go
          target: front
          by: chance
          likelihood: 0.5
          assumption: x
    front:
      type: parallel
      states:
        north: { type: final, outcome: { label: N } }
    war:
      type: final
      outcome: { label: War, scores: { ties: -1 } }
`;
const inScenario = (from: string, to: string) => {
	if (!scenario.includes(from)) throw new Error(`"${from}" not in the scenario`);
	return scenario.replace(from, to);
};

const calm0 = ['statechart', 'states', 'calm', 'on', 0];

describe('placeAt', () => {
	const cases: {
		name: string;
		marked: string;
		format?: 'yaml' | 'json';
		expected: { kind: 'key' | 'value'; path: (string | number)[]; typed: string };
	}[] = [
		{
			name: 'an empty line in a transition',
			marked: blank('likelihood: 0.3\n', 'likelihood: 0.3\n          |\n'),
			expected: { kind: 'key', path: calm0, typed: '' }
		},
		{
			name: 'a half-written key',
			marked: blank('likelihood: 0.3\n', 'likelihood: 0.3\n          ev|\n'),
			expected: { kind: 'key', path: calm0, typed: 'ev' }
		},
		{
			name: 'the middle of an existing key',
			marked: blank('likelihood: 0.3', 'likel|ihood: 0.3'),
			expected: { kind: 'key', path: calm0, typed: 'likel' }
		},
		{
			name: 'an empty value',
			marked: blank('likelihood: 0.3', 'likelihood: |'),
			expected: { kind: 'value', path: [...calm0, 'likelihood'], typed: '' }
		},
		{
			name: 'a value with spaces',
			marked: blank('likelihood: 0.3', 'likelihood: roughly e|'),
			expected: { kind: 'value', path: [...calm0, 'likelihood'], typed: 'roughly e' }
		},
		{
			name: 'a new list item',
			marked: blank(
				'      on:\n        - event: crisis.start',
				'      on:\n        - |\n        - event: crisis.start'
			),
			expected: { kind: 'key', path: calm0, typed: '' }
		},
		{
			name: 'a root key',
			marked: blank('title: New', 'ti|tle: New'),
			expected: { kind: 'key', path: [], typed: 'ti' }
		},
		{
			name: 'a key in a flow map',
			marked: blank('outcome: { label: War }', 'outcome: { label: War, sc| }'),
			expected: { kind: 'key', path: ['statechart', 'states', 'war', 'outcome'], typed: 'sc' }
		},
		{
			name: 'a value in a flow map',
			marked: blank('outcome: { label: War }', 'outcome: { label: W| }'),
			expected: {
				kind: 'value',
				path: ['statechart', 'states', 'war', 'outcome', 'label'],
				typed: 'W'
			}
		},
		{
			name: 'a quoted YAML value',
			marked: blank('target: crisis', 'target: "cr|"'),
			expected: { kind: 'value', path: [...calm0, 'target'], typed: 'cr' }
		},
		{
			name: 'a JSON key being typed, its quotes closed',
			marked: '{"statechart": {"states": {"a": {"on": [{"event": "e", "li|"}]}}}}',
			format: 'json',
			expected: { kind: 'key', path: ['statechart', 'states', 'a', 'on', 0], typed: 'li' }
		},
		{
			name: 'a JSON key without its closing quote, in a broken document',
			marked: '{"statechart": {"states": {"a": {"on": [{"event": "e", "li|\n',
			format: 'json',
			expected: { kind: 'key', path: ['statechart', 'states', 'a', 'on', 0], typed: 'li' }
		},
		{
			name: 'a JSON string value',
			marked: '{"statechart": {"type": "fi|"}}',
			format: 'json',
			expected: { kind: 'value', path: ['statechart', 'type'], typed: 'fi' }
		},
		{
			name: 'a JSON value not yet begun',
			marked: '{"statechart": {"type": |}}',
			format: 'json',
			expected: { kind: 'value', path: ['statechart', 'type'], typed: '' }
		}
	];
	test.each(cases)('$name', ({ marked, format, expected }) => {
		const { text, at } = cursor(marked);
		// Read whole (a short text) and by the lines around the cursor (as a long one is).
		for (const local of [false, true]) {
			const place = placeAt(text, format ?? 'yaml', at, { local });
			expect(place).not.toBeNull();
			expect({
				kind: place!.kind,
				path: place!.path,
				typed: text.slice(place!.from, at)
			}).toEqual(expected);
		}
	});

	test('lists the keys already present in the map', () => {
		const { text, at } = cursor(blank('likelihood: 0.3\n', 'likelihood: 0.3\n          |\n'));
		expect(placeAt(text, 'yaml', at)?.present).toEqual([
			'event',
			'target',
			'by',
			'likelihood',
			'assumption'
		]);
	});

	test.each([
		{ name: 'in a comment', marked: '# A new sce|nario\nid: x\n' },
		{ name: 'in the indentation', marked: 'a:\n | b: 1\n' }
	])('nothing $name', ({ marked }) => {
		const { text, at } = cursor(marked);
		expect(placeAt(text, 'yaml', at)).toBeNull();
	});
});

describe('schemaAt', () => {
	test.each([
		{ path: ['statechart', 'states', 'x', 'type'], expected: [['compound', 'parallel', 'final']] },
		{
			path: [...calm0, 'evidence', 3, 'stance'],
			expected: [['supports', 'contradicts', 'context']]
		},
		{ path: [...calm0, 'likelihood', 'term'], expected: [expect.arrayContaining(['likely'])] },
		{ path: ['nope'], expected: [] }
	])('enums at $path', ({ path, expected }) => {
		expect(schemaAt(schema, path).map((s) => s.enum)).toEqual(expected);
	});

	test('a union of conditions, reached through $ref and a list', () => {
		const conditions = schemaAt(schema, [...calm0, 'when', 0]);
		expect(conditions.flatMap((s) => Object.keys(s.properties ?? {}))).toEqual(
			expect.arrayContaining(['choice', 'is', 'isNot', 'in', 'notIn', 'indicator', 'all', 'not'])
		);
		// [low, high]: prefixItems, then nothing past them.
		expect(schemaAt(schema, [...calm0, 'likelihood', 1]).map((s) => s.type)).toEqual(['number']);
		expect(schemaAt(schema, [...calm0, 'likelihood', 2])).toEqual([]);
	});

	test('does not change the schema', () => {
		const before = JSON.stringify(schema);
		const { text, at } = cursor(blank('likelihood: 0.3', 'likelihood: |'));
		hintsAt(schema, text, 'yaml', at);
		hoverAt(schema, text, 'yaml', at);
		expect(JSON.stringify(schema)).toBe(before);
	});
});

describe('hintsAt', () => {
	const hints = (marked: string, format: 'yaml' | 'json' = 'yaml') => {
		const { text, at } = cursor(marked);
		return hintsAt(schema, text, format, at);
	};
	const inserts = (marked: string, format: 'yaml' | 'json' = 'yaml') =>
		hints(marked, format)?.options.map((o) => o.insert);
	/** The options as CodeMirror shows them with nothing typed: by sortText. */
	const sorted = (marked: string) =>
		hints(marked)
			?.options.toSorted((a, b) => a.sortText.localeCompare(b.sortText))
			.map((o) => o.label);

	test('keys of a new transition: required first, each with its description', () => {
		const marked = blank(
			'      on:\n        - event: crisis.start',
			'      on:\n        - |\n        - event: crisis.start'
		);
		expect(sorted(marked)?.slice(0, 4)).toEqual(['event', 'target', 'by', 'label']);
		const event = hints(marked)!.options.find((o) => o.label === 'event');
		expect(event).toMatchObject({
			insert: 'event: ',
			type: 'property',
			info: 'Event name, such as russia.supply.\nType: string\nRequired.',
			detail: 'required · string'
		});
	});

	test('keys already written are not offered again', () => {
		expect(inserts(blank('likelihood: 0.3\n', 'likelihood: 0.3\n          |\n'))).toEqual([
			'label: ',
			'description: ',
			'when: ',
			'effects: ',
			'set: ',
			'evidence: ',
			'signposts: '
		]);
	});

	test('an existing key is renamed without a second colon', () => {
		const result = hints(blank('likelihood: 0.3', 'likel|ihood: 0.3'));
		expect(result?.options.find((o) => o.label === 'evidence')?.insert).toBe('evidence');
	});

	test.each([
		{
			name: 'stance',
			marked: blank(
				'likelihood: 0.3\n',
				'likelihood: 0.3\n          evidence:\n            - quote: x\n              stance: |\n'
			),
			expected: ['supports', 'contradicts', 'context']
		},
		{
			name: 'stance in a flow map',
			marked: blank(
				'likelihood: 0.3\n',
				'likelihood: 0.3\n          evidence: [{ quote: x, stance: co| }]\n'
			),
			expected: ['supports', 'contradicts', 'context']
		},
		{
			name: 'a state type',
			marked: blank(
				'type: final\n      outcome: { label: War }',
				'type: |\n      outcome: { label: War }'
			),
			expected: ['compound', 'parallel', 'final']
		},
		{
			name: 'likelihood: the ICD 203 terms and rest',
			marked: blank('likelihood: 0.3', 'likelihood: |'),
			expected: expect.arrayContaining([
				'almost no chance',
				'roughly even chance',
				'nearly certain',
				'rest'
			])
		},
		{
			name: 'likelihood right after the colon: a space first',
			marked: blank('likelihood: 0.3', 'likelihood:|'),
			expected: expect.arrayContaining([' likely', ' rest'])
		},
		{
			name: 'a boolean',
			marked: blank('likelihood: 0.3', 'likelihood: { rest: | }'),
			expected: ['true']
		}
	])('values: $name', ({ marked, expected }) => {
		expect(inserts(marked)).toEqual(expected);
	});

	test.each([
		{
			name: 'by: the actors and chance',
			marked: inScenario('by: chance', 'by: |'),
			expected: ['russia', 'israel', 'chance']
		},
		{
			name: 'target: siblings, then paths from the root',
			marked: inScenario('target: front', 'target: |'),
			expected: ['calm', 'front', 'war', 'front.north']
		},
		{
			name: 'evidence source: the cited sources',
			marked: inScenario('assumption: x', 'evidence: [{ quote: q, stance: supports, source: | }]'),
			expected: ['memo', 'report']
		},
		{
			name: 'a choice condition',
			marked: inScenario('assumption: x', 'when: { choice: | }'),
			expected: ['russia.support']
		},
		{
			name: 'the options of the chosen choice',
			marked: inScenario('assumption: x', 'when: [{ choice: russia.support, is: | }]'),
			expected: ['none', 'full']
		},
		{
			name: 'in: state paths',
			marked: inScenario('assumption: x', 'when: { in: | }'),
			expected: ['calm', 'front', 'front.north', 'war']
		},
		{
			name: 'indicator',
			marked: inScenario('assumption: x', 'when: { indicator: | }'),
			expected: ['strain']
		},
		{
			name: 'initial: child states',
			marked: inScenario('initial: calm', 'initial: |'),
			expected: ['calm', 'front', 'war']
		},
		{
			name: 'a default option',
			marked: inScenario('default: none', 'default: |'),
			expected: ['none', 'full']
		},
		{
			name: 'effects keys: indicators',
			marked: inScenario('assumption: x', 'effects: { | }'),
			expected: ['strain: ']
		},
		{
			name: 'scores keys: dimensions',
			marked: inScenario('scores: { ties: -1 }', 'scores: { | }'),
			expected: ['ties: ']
		}
	])('from the document: $name', ({ marked, expected }) => {
		expect(inserts(marked)).toEqual(expected);
		// The same from the document's sections, as a long text is read.
		const { text, at } = cursor(marked);
		const local = hintsAt(schema, text, 'yaml', at, { local: true });
		expect(local?.options.map((o) => o.insert)).toEqual(expected);
	});

	test.each([
		{
			name: 'a key in closed quotes takes the closing quote and a colon',
			marked: '{"statechart": {"states": {"a": {"on": [{"event": "e", "li|"}]}}}}',
			label: 'likelihood',
			insert: 'likelihood": ',
			range: [-2, 1]
		},
		{
			name: 'an unquoted key gets its quotes',
			marked: '{"statechart": {"states": {"a": {"on": [{"event": "e", li|}]}}}}',
			label: 'likelihood',
			insert: '"likelihood": ',
			range: [-2, 0]
		},
		{
			name: 'a value inside quotes: the word only',
			marked: '{"statechart": {"type": "fi|"}}',
			label: 'final',
			insert: 'final',
			range: [-2, 0]
		},
		{
			name: 'a value without quotes yet',
			marked: '{"statechart": {"type": |}}',
			label: 'final',
			insert: '"final"',
			range: [0, 0]
		},
		{
			name: 'a boolean stays bare',
			marked: '{"statechart": {"on": [{"likelihood": {"rest": |}}]}}',
			label: 'true',
			insert: 'true',
			range: [0, 0]
		}
	])('JSON: $name', ({ marked, label, insert, range }) => {
		const result = hints(marked, 'json');
		const { at } = cursor(marked);
		expect(result?.options.find((o) => o.label === label)?.insert).toBe(insert);
		// The range replaced, from the cursor.
		expect([result!.from - at, result!.to - at]).toEqual(range);
	});

	test('a list of plain strings offers nothing', () => {
		expect(hints(blank('sources: []', 'sources:\n  - |'))).toBeNull();
	});
});

describe('hoverAt', () => {
	const hover = (marked: string, format: 'yaml' | 'json' = 'yaml') => {
		const { text, at } = cursor(marked);
		return hoverAt(schema, text, format, at);
	};

	test.each([
		{
			marked: blank('assumption: What is left when no', 'assump|tion: What is left when no'),
			expected: {
				title: 'assumption',
				text: 'Why the model needs a step its sources do not state.\nType: string'
			}
		},
		{
			marked: blank('type: final', 'ty|pe: final'),
			expected: {
				title: 'type',
				text: 'Type: "compound" | "parallel" | "final"\nValues: compound, parallel, final'
			}
		},
		{
			marked: '{\n  "statechart": {"on": [{"ev|ent": "e"}]}\n}',
			format: 'json' as const,
			expected: {
				title: 'event',
				text: 'Event name, such as russia.supply.\nType: string\nRequired.'
			}
		}
	])('the note on $expected.title', ({ marked, format, expected }) => {
		expect(hover(marked, format)).toMatchObject(expected);
	});

	test('a union lists its alternatives with their descriptions', () => {
		const note = hover(blank('likelihood: 0.3', 'likeli|hood: 0.3'));
		const { at } = cursor(blank('likelihood: 0.3', 'likeli|hood: 0.3'));
		expect(note).toMatchObject({ title: 'likelihood', from: at - 6, to: at + 4 });
		expect(note?.text.split('\n')).toEqual([
			'One of:',
			expect.stringMatching(/^• term: almost no chance, .* \(An ICD 203 estimative term; /),
			'• number (A fixed probability.)',
			'• [number, number] ([low, high])',
			'• "rest" (One minus the other enabled branches of the same region.)',
			'• object'
		]);
	});

	test.each([
		{ name: 'a value', marked: blank('likelihood: 0.3', 'likelihood: 0.|3') },
		{ name: 'an unknown key', marked: blank('likelihood: 0.3', 'likeli|hoot: 0.3') }
	])('no note on $name', ({ marked }) => {
		expect(hover(marked)).toBeNull();
	});
});

describe('a long document: the lines around the cursor', () => {
	const shipped = readdirSync('scenarios')
		.filter((f) => f.endsWith('.yaml'))
		.map((f) => ({ file: f, text: readFileSync(`scenarios/${f}`, 'utf8') }));
	const regional = shipped.find((s) => s.file === 'regional-escalation.yaml')!.text;

	/** Offsets on every `stride`-th line: its end, just after its first `: `, inside its first word. */
	function offsets(text: string, stride: number): number[] {
		const found: number[] = [];
		let start = 0;
		for (const [i, line] of text.split('\n').entries()) {
			if (i % stride === 0) {
				const colon = line.indexOf(': ');
				const word = line.search(/\w/);
				found.push(start + line.length);
				if (colon >= 0) found.push(start + colon + 2);
				if (word >= 0) found.push(start + word + 1);
			}
			start += line.length + 1;
		}
		return found;
	}
	const withoutData = (place: ReturnType<typeof placeAt>) => place && { ...place, data: 0 };

	test.each(shipped.map((s) => [s.file, s.text]))(
		'%s: the place and the offers the whole text gives',
		(_, text) => {
			const stride = Math.max(1, Math.round(text.split('\n').length / 25));
			for (const at of offsets(text, stride)) {
				const local = placeAt(text, 'yaml', at, { local: true });
				const whole = placeAt(text, 'yaml', at, { local: false });
				expect(withoutData(local), `offset ${at}`).toEqual(withoutData(whole));
				if (local?.kind === 'value')
					expect(hintsAt(schema, text, 'yaml', at, { local: true }), `offset ${at}`).toEqual(
						hintsAt(schema, text, 'yaml', at, { local: false })
					);
			}
		}
	);

	test('the same document data, read by sections', () => {
		const at = regional.indexOf('target: israeliOffensive') + 'target: '.length;
		const local = placeAt(regional, 'yaml', at, { local: true })!;
		const whole = placeAt(regional, 'yaml', at, { local: false })!;
		expect(local.data()).toEqual(whole.data());
	});

	test('reads a small part of the text deep in the statechart', () => {
		const at = regional.indexOf('stance: context') + 'stance: con'.length;
		const lineStart = regional.lastIndexOf('\n', at) + 1;
		const probe = localProbe(regional, lineStart);
		expect(probe).not.toBeNull();
		expect(probe!.text.length).toBeLessThan(regional.length / 5);
		// By default, a text this long is read by its lines around the cursor.
		expect(regional.length).toBeGreaterThanOrEqual(localFrom);
	});

	test.each([
		{
			name: 'a target deep in the statechart offers its states',
			find: 'target: israeliOffensive',
			typed: 'target: isr',
			expected: ['israeliOffensive']
		},
		{
			name: 'a `by:` offers the actors',
			find: '                  by: israel\n                  when: { choice: israel.north, is: contain }',
			typed: '                  by: ',
			expected: ['israel', 'iran', 'chance']
		}
	])('$name', ({ find, typed, expected }) => {
		const at = regional.indexOf(find);
		expect(at).toBeGreaterThan(0);
		const hints = hintsAt(schema, regional, 'yaml', at + typed.length);
		expect(hints?.kind).toBe('value');
		const labels = hints!.options.map((o) => o.label);
		for (const label of expected) expect(labels).toContain(label);
	});

	test('an empty line in an evidence entry: its keys, the ones present left out', () => {
		const find =
			'                    - quote: Iran launched its first direct assault on Israel\n                      stance: context\n';
		const at = regional.indexOf(find) + find.length;
		const text = regional.slice(0, at) + '                      \n' + regional.slice(at);
		const place = placeAt(text, 'yaml', at + 22)!;
		expect(place.kind).toBe('key');
		expect(place.path.slice(-2)).toEqual(['evidence', 0]);
		expect(place.present).toEqual(['quote', 'stance']);
		const labels = hintsAt(schema, text, 'yaml', at + 22, {})!.options.map((o) => o.label);
		expect(labels).not.toContain('quote');
		expect(labels).toContain('prefix');
	});
});
