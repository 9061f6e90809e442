import { describe, expect, it } from 'vitest';
import {
	closest,
	didYouMean,
	escapeControls,
	formatDiagnostic,
	ScenarioError,
	toPathString,
	type Diagnostic
} from './diagnostics';

describe('toPathString', () => {
	it.each([
		{ input: [], expected: '(document)' },
		{ input: ['title'], expected: 'title' },
		{
			input: ['statechart', 'states', 'a', 'on', 0, 'target'],
			expected: 'statechart.states.a.on.0.target'
		}
	])('$expected', ({ input, expected }) => {
		expect(toPathString(input)).toBe(expected);
	});
});

describe('closest and didYouMean', () => {
	it.each([
		{ name: 'tlaks', known: ['talks', 'war'], expected: 'talks' },
		{ name: 'TALKS', known: ['talks', 'war'], expected: 'talks' },
		{ name: 'wr', known: ['talks', 'war'], expected: 'war' },
		{ name: 'zzzzzz', known: ['talks', 'war'], expected: undefined },
		{ name: 'anything', known: [], expected: undefined },
		// Up to a third of the name's length may differ once the name is long.
		{ name: 'escalationxxx', known: ['escalation'], expected: 'escalation' },
		{ name: 'escalationxxxxx', known: ['escalation'], expected: 'escalation' },
		{ name: 'escalationxxxxxx', known: ['escalation'], expected: undefined }
	])('closest($name)', ({ name, known, expected }) => {
		expect(closest(name, known)).toBe(expected);
	});

	it.each([
		{ name: 'crsis', known: ['crisis', 'talks'], expected: 'did you mean "crisis"?' },
		{ name: 'zzzzzz', known: ['a1', 'b1'], expected: 'known: "a1", "b1"' },
		{
			name: 'zzzzzz',
			known: ['a1', 'b1', 'c1', 'd1', 'e1', 'f1', 'g1', 'h1', 'i1'],
			expected: 'known: "a1", "b1", "c1", "d1", "e1", "f1", "g1", "h1", \u2026'
		},
		{ name: 'zzzzzz', known: [], expected: undefined }
	])('didYouMean($name, $known)', ({ name, known, expected }) => {
		expect(didYouMean(name, known)).toBe(expected);
	});
});

describe('escapeControls', () => {
	it.each([
		{ input: 'plain text, “quotes” and ü', expected: 'plain text, “quotes” and ü' },
		{ input: 'a\u001b[31mred', expected: 'a\\u001b[31mred' },
		{ input: 'cr\rlf\ntab\t', expected: 'cr\\u000dlf\\u000atab\\u0009' },
		{ input: 'c1 \u009b2K del \u007f', expected: 'c1 \\u009b2K del \\u007f' },
		{ input: 'rtl \u202egnp.exe \u2066x\u2069', expected: 'rtl \\u202egnp.exe \\u2066x\\u2069' }
	])('$expected', ({ input, expected }) => {
		expect(escapeControls(input)).toBe(expected);
	});

	it('keeps line breaks and tabs with lines: true, and nothing else', () => {
		expect(escapeControls('one\ttwo\nthree\r\u001b', { lines: true })).toBe(
			'one\ttwo\nthree\\u000d\\u001b'
		);
	});

	it('leaves JSON text valid and equal in meaning', () => {
		const value = { text: 'x\u0085y\u202ez' };
		expect(JSON.parse(escapeControls(JSON.stringify(value), { lines: true }))).toEqual(value);
	});
});

describe('formatDiagnostic', () => {
	const base: Diagnostic = {
		file: 'a.yaml',
		line: 3,
		column: 5,
		path: 'title',
		message: 'bad',
		severity: 'error'
	};
	it.each([
		{ input: base, expected: 'a.yaml:3:5: title: bad' },
		{ input: { ...base, hint: 'fix it' }, expected: 'a.yaml:3:5: title: bad (hint: fix it)' },
		{ input: { ...base, line: 0, column: 0 }, expected: 'a.yaml: title: bad' },
		{
			input: { ...base, severity: 'warning' as const },
			expected: 'a.yaml:3:5: title: warning: bad'
		}
	])('$expected', ({ input, expected }) => {
		expect(formatDiagnostic(input)).toBe(expected);
	});

	it('keeps a message quoting a file on one visible line: no escape sequence, CR or LF acts', () => {
		const hostile = '\u001b[2K\rladder.yaml: ok (4 states)\nforged: line\u202e';
		const line = formatDiagnostic({
			...base,
			message: `unknown field "${hostile}"`,
			hint: hostile
		});
		// eslint-disable-next-line no-control-regex -- no control character may be printed
		expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e]/);
		expect(line).toBe(
			'a.yaml:3:5: title: unknown field "\\u001b[2K\\u000dladder.yaml: ok (4 states)\\u000aforged: line\\u202e" (hint: \\u001b[2K\\u000dladder.yaml: ok (4 states)\\u000aforged: line\\u202e)'
		);
	});

	it('ScenarioError carries its diagnostics and formats them', () => {
		const error = new ScenarioError([base, { ...base, line: 4, message: 'worse' }]);
		expect(error.diagnostics).toHaveLength(2);
		expect(error.message).toBe('a.yaml:3:5: title: bad\na.yaml:4:5: title: worse');
		expect(error.name).toBe('ScenarioError');
	});
});
