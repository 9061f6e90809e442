import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { limits } from './limits';
import { decodeText, diagnosticAt, parseText, type ParsedDocument } from './parse';

const ladderPath = resolve(import.meta.dirname, '../../../tests/fixtures/valid/ladder.yaml');
const ladderText = readFileSync(ladderPath, 'utf8');

function parsed(text: string | Uint8Array): ParsedDocument {
	const result = parseText('test.yaml', text);
	if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
	return result.document;
}

/** 1-based line and column of the first `needle` on the line that contains `lineMarker`. */
function positionOf(text: string, lineMarker: string, needle: string) {
	const lines = text.split('\n');
	const index = lines.findIndex((l) => l.includes(lineMarker));
	if (index < 0) throw new Error(`no line contains ${lineMarker}`);
	return { line: index + 1, column: lines[index].indexOf(needle) + 1 };
}

describe('parseText: accepted input', () => {
	const expected = {
		id: 'x',
		title: 'X',
		sources: ['memo'],
		states: { a: { on: [{ event: 'go', likelihood: 0.4 }] } }
	};
	it.each([
		{
			name: 'YAML block style',
			input:
				'id: x\ntitle: X\nsources: [memo]\nstates:\n  a:\n    on:\n      - event: go\n        likelihood: 0.4\n'
		},
		{
			name: 'YAML flow style',
			input:
				'{ id: x, title: X, sources: [memo], states: { a: { on: [ { event: go, likelihood: 0.4 } ] } } }'
		},
		{ name: 'JSON', input: JSON.stringify(expected, null, 2) },
		{ name: 'JSON on one line', input: JSON.stringify(expected) },
		{ name: 'JSON with a byte-order mark', input: `\ufeff${JSON.stringify(expected)}` },
		{
			name: 'UTF-8 bytes with a byte-order mark',
			input: new Uint8Array([
				0xef,
				0xbb,
				0xbf,
				...new TextEncoder().encode(JSON.stringify(expected))
			])
		},
		{
			name: 'YAML with comments and an anchor',
			input:
				'id: x # the id\ntitle: X\nsources: &s [memo]\nstates:\n  a:\n    on:\n      - { event: go, likelihood: 0.4 }\n'
		}
	])('$name', ({ input }) => {
		expect(parsed(input).value).toEqual(expected);
	});

	it('reads the ladder fixture and its JSON translation to the same value', () => {
		const fromYaml = parsed(ladderText).value;
		const fromJson = parsed(JSON.stringify(fromYaml, null, '\t')).value;
		expect(fromJson).toEqual(fromYaml);
		expect(fromYaml).toMatchObject({ id: 'ladder', statechart: { initial: 'talks' } });
	});

	it('reads a file that declares %YAML 1.1 as YAML 1.2 core: on: stays the key "on", yes stays text', () => {
		const doc = parsed(`%YAML 1.1\n---\n${ladderText}`);
		const value = doc.value as { statechart: { states: { talks: Record<string, unknown> } } };
		expect(Object.keys(value.statechart.states.talks)).toEqual(['on']);
		expect(parsed('%YAML 1.1\n---\na: yes\nb: off\n').value).toEqual({ a: 'yes', b: 'off' });
	});

	it('keeps non-ASCII text', () => {
		expect(
			parsed(
				new TextEncoder().encode('t: \u201cZ\u00fcrich \u2013 \u041a\u0438\u0435\u0432\u201d\n')
			).value
		).toEqual({ t: '\u201cZ\u00fcrich \u2013 \u041a\u0438\u0435\u0432\u201d' });
	});
});

describe('parseText: refused input', () => {
	const over = limits.maxFileBytes + 1;
	const overText = `file is ${over.toLocaleString('en')} bytes, over the limit of ${limits.maxFileBytes.toLocaleString('en')} bytes`;
	it.each([
		{
			name: 'an empty string',
			input: '',
			expected: { line: 0, column: 0, path: '(document)', message: 'file is empty' }
		},
		{
			name: 'white space only',
			input: '  \n\n\t\n',
			expected: { line: 0, path: '(document)', message: 'file has only white space' }
		},
		{ name: 'no bytes', input: new Uint8Array(0), expected: { line: 0, message: 'file is empty' } },
		{
			name: 'a byte-order mark only',
			input: '\ufeff',
			expected: { line: 0, message: 'file is empty' }
		},
		{
			name: 'bytes that are not UTF-8',
			input: new Uint8Array([0x61, 0x3a, 0x20, 0xff, 0xfe, 0xfd]),
			expected: { line: 0, path: '(document)', message: 'file is not UTF-8 text (binary?)' }
		},
		{
			name: 'a truncated UTF-8 sequence',
			input: new Uint8Array([0x61, 0x3a, 0x20, 0xe2, 0x80]),
			expected: { message: 'file is not UTF-8 text (binary?)' }
		},
		{
			name: 'NUL bytes',
			input: new Uint8Array([0x61, 0x3a, 0x20, 0x00, 0x01]),
			expected: { line: 0, message: 'file contains NUL bytes: it looks binary' }
		},
		{
			name: 'a NUL character in a string',
			input: 'a: 1\u0000',
			expected: { message: 'file contains NUL bytes: it looks binary' }
		},
		{
			name: 'a string over maxFileBytes',
			input: `#${'a'.repeat(limits.maxFileBytes)}`,
			expected: { line: 0, path: '(document)', message: overText }
		},
		{
			name: 'bytes over maxFileBytes',
			input: new Uint8Array(over).fill(0x23),
			expected: { line: 0, message: overText }
		}
	])('$name', ({ input, expected }) => {
		const result = parseText('bad.yaml', input);
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(result.diagnostics).toHaveLength(1);
			expect(result.diagnostics[0]).toMatchObject({
				file: 'bad.yaml',
				severity: 'error',
				...expected
			});
		}
	});

	it('accepts a file of exactly maxFileBytes', () => {
		const result = parseText('big.yaml', `#${'a'.repeat(limits.maxFileBytes - 1)}`);
		expect(result.ok).toBe(true);
	});

	it.each([
		{
			name: 'a duplicate key',
			input: 'a: 1\nb: 2\na: 3\n',
			expected: {
				line: 3,
				column: 1,
				message: 'key "a" appears twice in this mapping: first at line 1',
				hint: 'keep one "a": rename this one, or merge the two'
			}
		},
		{
			name: 'a tab used as indentation',
			input: 'a:\n\t- b\n',
			expected: { line: 2, column: 1, hint: 'indent YAML with spaces, not tabs' }
		},
		{
			name: 'an unclosed JSON object',
			input: '{\n  "a": 1,\n  "b": 2\n',
			expected: { line: 4, column: 1 }
		},
		{ name: 'a nested mapping on one line', input: 'ok: 1\na: b: c\n', expected: { line: 2 } },
		{ name: 'two documents', input: 'a: 1\n---\nb: 2\n', expected: { line: 2 } }
	])('reports $name with its line and column', ({ input, expected }) => {
		const result = parseText('bad.yaml', input);
		expect(result.ok).toBe(false);
		if (!result.ok)
			expect(result.diagnostics[0]).toMatchObject({
				file: 'bad.yaml',
				path: '(syntax)',
				severity: 'error',
				...expected
			});
	});

	it('does not change the bytes it is given', () => {
		const bytes = new TextEncoder().encode('\ufeffa: 1\n');
		const copy = bytes.slice();
		parseText('a.yaml', bytes);
		expect(bytes).toEqual(copy);
	});
});

describe('decodeText', () => {
	it.each([
		{ input: 'plain', expected: 'plain' },
		{ input: '\ufeffwith BOM', expected: 'with BOM' },
		{ input: new TextEncoder().encode('bytes \u2013 dash'), expected: 'bytes \u2013 dash' },
		{ input: '', expected: '' }
	])('decodes $expected', ({ input, expected }) => {
		expect(decodeText('f', input)).toBe(expected);
	});
});

describe('locate', () => {
	const document = parsed(ladderText);

	it.each([
		{ path: ['id'], at: positionOf(ladderText, 'id: ladder', 'ladder') },
		{
			path: ['actors', 'west', 'choices', 'posture', 'default'],
			at: positionOf(ladderText, 'default: wait', 'wait')
		},
		{
			path: ['statechart', 'states', 'talks', 'on', 0, 'likelihood'],
			at: positionOf(ladderText, 'likelihood: 0.4', '0.4')
		},
		{
			path: ['statechart', 'states', 'crisis', 'on', 1, 'likelihood'],
			at: positionOf(ladderText, 'likelihood: 0.75', '0.75')
		},
		{
			path: ['statechart', 'states', 'crisis', 'on', 2, 'event'],
			at: positionOf(ladderText, 'event: crisis.calm', 'crisis.calm')
		},
		// A list item (a mapping) starts at its first key.
		{
			path: ['statechart', 'states', 'talks', 'on', 1],
			at: positionOf(ladderText, 'event: talks.hold', 'event')
		},
		{
			path: ['statechart', 'states', 'crisis', 'on', 0, 'when', 'is'],
			at: positionOf(ladderText, 'is: press', 'press')
		},
		{
			path: ['statechart', 'states', 'talks', 'on', 0, 'evidence', 0, 'suffix'],
			at: positionOf(ladderText, 'suffix: If they fail', 'If')
		},
		// A mapping or a list is pointed at by its key.
		{
			path: ['statechart', 'states', 'crisis'],
			at: positionOf(ladderText, '    crisis:', 'crisis')
		},
		{
			path: ['statechart', 'states', 'war', 'outcome'],
			at: positionOf(ladderText, 'outcome: { label: War', 'outcome')
		},
		{
			path: ['actors', 'west', 'choices', 'posture', 'options'],
			at: positionOf(ladderText, 'options:', 'options')
		},
		// Missing keys and indices fall back to the nearest node that exists.
		{
			path: ['statechart', 'states', 'war', 'outcome', 'nope'],
			at: positionOf(ladderText, 'outcome: { label: War', 'outcome')
		},
		{
			path: ['statechart', 'states', 'talks', 'on', 9, 'target'],
			at: { line: positionOf(ladderText, '    talks:', 'talks').line + 1, column: 7 }
		},
		{ path: ['nope'], at: { line: 2, column: 1 } },
		{ path: [], at: { line: 2, column: 1 } }
	])('$path', ({ path, at }) => {
		expect(document.locate(path)).toEqual(at);
	});

	it('places a diagnostic at the path, with the path dotted', () => {
		const d = diagnosticAt(
			document,
			['statechart', 'states', 'crisis', 'on', 1, 'likelihood'],
			'too high',
			'lower it'
		);
		expect(d).toEqual({
			file: 'test.yaml',
			...positionOf(ladderText, 'likelihood: 0.75', '0.75'),
			path: 'statechart.states.crisis.on.1.likelihood',
			message: 'too high',
			hint: 'lower it',
			severity: 'error'
		});
		expect(diagnosticAt(document, [], 'whole file', undefined, 'warning')).toMatchObject({
			path: '(document)',
			severity: 'warning'
		});
	});
});

describe('regressions: aliases never throw', () => {
	const ten = (x: string) => Array(10).fill(x).join(',');
	it.each([
		{ name: 'unknown alias', text: 'a: *nope\n', message: /^alias \*nope names no anchor/ },
		{
			name: 'alias bomb',
			text: `a: &a [${ten('x')}]\nb: &b [${ten('*a')}]\nc: &c [${ten('*b')}]\nd: &d [${ten('*c')}]\ne: [${ten('*d')}]\n`,
			message: /alias/i
		}
	])('$name comes back as a diagnostic', ({ text, message }) => {
		const result = parseText('x.yaml', text);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.diagnostics[0].message).toMatch(message);
	});

	it('measures a string in UTF-8 bytes against the size limit', () => {
		const text = 'é'.repeat(Math.ceil(limits.maxFileBytes / 2) + 10);
		const result = decodeText('f.yaml', text);
		expect(typeof result).not.toBe('string');
		if (typeof result !== 'string' && !result.ok)
			expect(result.diagnostics[0].message).toMatch(/bytes, over the limit/);
	});
});

describe('regressions: deep nesting never crashes', () => {
	const deep = 2000;
	const block = (indent: string) =>
		Array.from({ length: 1000 }, (_, i) => `${indent.repeat(i)}a:`).join('\n');
	// Each of these overflowed the parser's stack; two in one process could abort Node.
	it.each([
		{ name: 'flow lists', text: `a: ${'['.repeat(deep)}${']'.repeat(deep)}\n` },
		{ name: 'flow maps', text: `a: ${'{a: '.repeat(deep)}1${'}'.repeat(deep)}\n` },
		{ name: 'block maps', text: block(' ') },
		{
			name: 'block lists',
			text: Array.from({ length: 500 }, (_, i) => `${'  '.repeat(i)}-`).join('\n')
		},
		{ name: 'JSON arrays', text: `${'['.repeat(deep)}${']'.repeat(deep)}` },
		{ name: 'flow lists again', text: `b: ${'['.repeat(deep)}${']'.repeat(deep)}\n` }
	])('refuses $name at the first level over maxNestingDepth', ({ text }) => {
		const result = parseText('deep.yaml', text);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.diagnostics).toHaveLength(1);
		expect(result.diagnostics[0]).toMatchObject({
			path: '(syntax)',
			message: `nesting deeper than the limit of ${limits.maxNestingDepth} levels`,
			hint: expect.stringMatching(/^flatten the structure/)
		});
		expect(result.diagnostics[0].line).toBeGreaterThan(0);
	});

	it('accepts nesting up to the limit', () => {
		const depth = limits.maxNestingDepth - 1; // the mapping holding a: is one level
		const result = parseText('ok.yaml', `a: ${'['.repeat(depth)}${']'.repeat(depth)}\n`);
		expect(result.ok).toBe(true);
	});

	it('refuses an alias inside its own anchor, which would make the value endless', () => {
		const result = parseText('loop.yaml', 'a: &x [1, *x]\n');
		expect(result.ok).toBe(false);
		if (!result.ok)
			expect(result.diagnostics[0].message).toMatch(/^nesting deeper than the limit of 64 levels/);
	});
});

describe('aliases are located', () => {
	const ten = (x: string) => Array(10).fill(x).join(', ');
	it.each([
		{
			name: 'an alias to no anchor',
			text: 'a: 1\nb: [2, *nope]\n',
			expected: {
				line: 2,
				column: 8,
				message: 'alias *nope names no anchor before it',
				hint: 'put &nope on the node to repeat, above this alias, or fix the name'
			}
		},
		{
			name: 'an alias bomb',
			text: `a: &a [${ten('x')}]\nb: &b [${ten('*a')}]\nc: &c [${ten('*b')}]\nd: [${ten('*c')}]\n`,
			expected: {
				line: 3,
				message: `aliases expand to too many nodes: over the limit of ${limits.maxAliasCount}`,
				hint: expect.not.stringMatching(/anchor/)
			}
		}
	])('$name', ({ text, expected }) => {
		const result = parseText('x.yaml', text);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.diagnostics[0]).toMatchObject({ path: '(syntax)', ...expected });
	});
});
