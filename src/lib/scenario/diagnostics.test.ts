import { describe, expect, it } from 'vitest';
import {
	closest,
	didYouMean,
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

	it('ScenarioError carries its diagnostics and formats them', () => {
		const error = new ScenarioError([base, { ...base, line: 4, message: 'worse' }]);
		expect(error.diagnostics).toHaveLength(2);
		expect(error.message).toBe('a.yaml:3:5: title: bad\na.yaml:4:5: title: worse');
		expect(error.name).toBe('ScenarioError');
	});
});
