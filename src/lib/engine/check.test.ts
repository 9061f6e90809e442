import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureResolver } from '../../../tests/unit/fixtures';
import type { Diagnostic } from '../scenario/diagnostics';
import { limits } from '../scenario/limits';
import { parseText } from '../scenario/parse';
import { validateDocument } from '../scenario/validate';
import { choiceCombinations, traps } from './check';
import { compile, likelihoodValues, type Compiled } from './compile';
import { explore, ExploreError } from './explore';
import { loadScenario } from './load';

const dir = resolve(import.meta.dirname, '../../../tests/fixtures/valid');
const ladder = readFileSync(join(dir, 'ladder.yaml'), 'utf8');
const resolver = fixtureResolver;

/** The ladder with each `from` (which must occur exactly once) replaced by its `to`. */
function variant(...edits: [from: string, to: string][]): string {
	let text = ladder;
	for (const [from, to] of edits) {
		const at = text.indexOf(from);
		if (at < 0 || text.indexOf(from, at + 1) >= 0)
			throw new Error(`"${from}" must occur exactly once`);
		text = text.slice(0, at) + to + text.slice(at + from.length);
	}
	return text;
}

/** Compile without the state-space checks (validation only). */
function compileText(text: string): Compiled {
	const parsed = parseText('ladder.yaml', text);
	if (!parsed.ok) throw new Error(parsed.diagnostics[0].message);
	const validated = validateDocument(parsed.document, resolver);
	if (!validated.ok)
		throw new Error(validated.diagnostics.map((d) => `${d.path}: ${d.message}`).join('\n'));
	return compile(validated.value.model);
}

const beforeSettled = '    settled:\n      type: final';
const calmTarget: [string, string] = [
	'        - event: crisis.calm\n          target: settled',
	'        - event: crisis.calm\n          target: limbo'
];
const selfLoop =
	'    limbo:\n      on:\n        - { event: limbo.stay, target: limbo, by: chance, assumption: Nothing moves. }\n';
const twoStateLoop =
	'    limbo:\n      on:\n        - { event: limbo.go, target: limbo2, by: chance, assumption: Round. }\n' +
	'    limbo2:\n      on:\n        - { event: limbo2.go, target: limbo, by: chance, assumption: And round. }\n';

interface CheckCase {
	name: string;
	text: string;
	expected: { path: string | string[]; message: string | RegExp; hint?: string };
}

const cases: CheckCase[] = [
	{
		name: 'likelihoods adding up to 0.9',
		text: variant([
			'likelihood: rest\n          assumption: The memo does not say',
			'likelihood: 0.5\n          assumption: The memo does not say'
		]),
		expected: {
			path: 'statechart.states.talks.on.0.likelihood',
			message:
				'the likelihoods of the transitions enabled together add up to 0.9, not 1 (talks.fail 0.4, talks.hold 0.5), in talks (with the default choices)',
			hint: 'adjust them, or give one of them likelihood: rest'
		}
	},
	{
		name: 'likelihoods adding up to 1.15 (only under wait)',
		text: variant([
			'likelihood: rest\n          assumption: Calm is what is left',
			'likelihood: 0.4\n          assumption: Calm is what is left'
		]),
		expected: {
			path: 'statechart.states.crisis.on.1.likelihood',
			message:
				'the likelihoods of the transitions enabled together add up to 1.15, not 1 (crisis.fight 0.75, crisis.calm 0.4), in crisis (with the default choices)'
		}
	},
	{
		name: 'two rest branches enabled together',
		text: variant(['likelihood: 0.75', 'likelihood: rest']),
		expected: {
			path: 'statechart.states.crisis.on.1.likelihood',
			message:
				'2 "rest" branches are enabled together (crisis.fight (rest), crisis.calm (rest)), in crisis (with the default choices)'
		}
	},
	{
		name: 'a range without rest beside it',
		text: variant(
			['likelihood: 0.4', 'likelihood: [0.3, 0.5]'],
			[
				'likelihood: rest\n          assumption: The memo does not say',
				'likelihood: 0.6\n          assumption: The memo does not say'
			]
		),
		expected: {
			path: 'statechart.states.talks.on.0.likelihood',
			message:
				/^a range can only add up to 1 with a "rest" branch beside it \(talks\.fail \[0\.3, 0\.5\], talks\.hold 0\.6\)/
		}
	},
	{
		name: 'ranges beside rest whose tops add up to over 1',
		text: variant(
			['likelihood: 0.75', 'likelihood: [0.5, 0.9]'],
			[
				'        - event: crisis.calm',
				'        - event: crisis.truce\n          target: settled\n          by: chance\n          when: { choice: west.posture, is: wait }\n          likelihood: 0.2\n          assumption: A truce.\n        - event: crisis.calm'
			]
		),
		expected: {
			path: 'statechart.states.crisis.on.1.likelihood',
			message:
				'the likelihoods enabled beside "rest" can add up to 1.1, over 1 (crisis.fight [0.5, 0.9], crisis.truce 0.2, crisis.calm (rest)), in crisis (with the default choices)',
			hint: 'narrow the ranges so their upper ends add up to at most 1'
		}
	},
	{
		name: 'two ranges and no rest',
		text: variant(
			['likelihood: 0.75', 'likelihood: [0.5, 0.9]'],
			[
				'likelihood: rest\n          assumption: Calm is what is left',
				'likelihood: [0.2, 0.3]\n          assumption: Calm is what is left'
			],
			[
				'likelihood: rest\n          assumption: The memo does not say',
				'likelihood: 0.6\n          assumption: The memo does not say'
			]
		),
		expected: {
			path: 'statechart.states.crisis.on.1.likelihood',
			message: /^a range can only add up to 1 with a "rest" branch beside it/
		}
	},
	{
		name: 'a dead end under one choice',
		text: variant(['press: Press for talks', 'press: Press for talks\n          hide: Hide']),
		expected: {
			path: 'statechart.states.crisis',
			message: 'no transition can leave "crisis", and it is not final (with west.posture=hide)',
			hint: 'add a transition whose guard holds here, or mark the state type: final'
		}
	},
	{
		name: 'a dead end: an atomic state with no transitions',
		text: variant(calmTarget, [beforeSettled, `    limbo:\n      label: Limbo\n${beforeSettled}`]),
		expected: {
			path: 'statechart.states.limbo',
			message: 'no transition can leave "limbo", and it is not final (with the default choices)'
		}
	},
	{
		name: 'a self-loop with no exit',
		text: variant(calmTarget, [beforeSettled, selfLoop + beforeSettled]),
		expected: {
			path: 'statechart.states.limbo',
			message:
				'a loop with no exit: once in "limbo" the scenario can never end (with the default choices)',
			hint: 'add a transition out of the loop, such as a de-escalation or an end state'
		}
	},
	{
		name: 'a loop of two states with no exit',
		text: variant(calmTarget, [beforeSettled, twoStateLoop + beforeSettled]),
		expected: {
			path: ['statechart.states.limbo', 'statechart.states.limbo2'],
			message:
				/^a loop with no exit: once in ("limbo", "limbo2"|"limbo2", "limbo") the scenario can never end \(with the default choices\)$/
		}
	},
	...(
		[
			['an exit of likelihood 0', '0'],
			['an exit whose range reaches 0', '[0, 0.2]'],
			['an exit that is the rest of 0.9999999999', 'rest']
		] as const
	).map(([name, exit]) => ({
		name: `a loop left only by ${name}`,
		text: variant(calmTarget, [
			beforeSettled,
			'    limbo:\n      on:\n' +
				`        - { event: limbo.stay, target: limbo, by: chance, likelihood: ${exit === 'rest' ? 0.9999999999 : 'rest'}, assumption: Stays. }\n` +
				`        - { event: limbo.out, target: settled, by: chance, likelihood: ${exit === 'rest' ? 'rest' : exit}, assumption: Leaves. }\n` +
				beforeSettled
		]),
		expected: {
			path: 'statechart.states.limbo',
			message:
				'a loop whose every way out can have likelihood 0: once in "limbo", the scenario may never end for some values in the ranges (with the default choices)',
			hint: 'give a way out a likelihood above 0 (start its range above 0), or add another way out'
		}
	})),
	{
		name: 'a state never reached',
		text: variant([beforeSettled, `    limbo:\n      type: final\n${beforeSettled}`]),
		expected: {
			path: 'statechart.states.limbo',
			message: 'state "limbo" is never reached under any choices',
			hint: 'add a transition into it, or remove it'
		}
	}
];

function errorsOf(text: string): Diagnostic[] {
	const result = loadScenario('ladder.yaml', text, resolver);
	return result.ok ? [] : result.diagnostics;
}

describe('analysisDiagnostics through loadScenario', () => {
	it('passes both fixtures with no warning', () => {
		for (const name of ['ladder.yaml', 'regions.yaml']) {
			const result = loadScenario(name, readFileSync(join(dir, name)), resolver);
			expect(result.ok).toBe(true);
			if (result.ok) expect(result.value.warnings).toEqual([]);
		}
	});

	it.each(cases)('refuses $name', ({ text, expected }) => {
		const diagnostics = errorsOf(text);
		const paths = Array.isArray(expected.path) ? expected.path : [expected.path];
		const found = diagnostics.find(
			(d) =>
				paths.includes(d.path) &&
				(typeof expected.message === 'string'
					? d.message === expected.message
					: expected.message.test(d.message))
		);
		expect(
			found,
			`got:\n${diagnostics.map((d) => `${d.path}: ${d.message}`).join('\n')}`
		).toBeDefined();
		expect(found!.severity).toBe('error');
		if (expected.hint) expect(found!.hint).toBe(expected.hint);
	});

	it('reports a problem found under both choices once, naming the first', () => {
		const diagnostics = errorsOf(cases[0].text);
		expect(
			diagnostics.filter((d) => d.path === 'statechart.states.talks.on.0.likelihood')
		).toHaveLength(1);
	});

	it('does not call states unreached when an exploration stopped early', () => {
		// The bunker is reached only under hide, and is a dead end there: that exploration stops, so
		// the bunker must not be reported as never reached as well.
		const text = variant(
			['press: Press for talks', 'press: Press for talks\n          hide: Hide'],
			[
				'        - event: crisis.calm',
				'        - { event: crisis.hide, target: bunker, by: west, when: { choice: west.posture, is: hide }, assumption: Hiding. }\n        - event: crisis.calm'
			],
			[beforeSettled, `    bunker:\n      label: Bunker\n${beforeSettled}`]
		);
		const messages = errorsOf(text).map((d) => `${d.path}: ${d.message}`);
		expect(messages).toEqual([
			'statechart.states.bunker: no transition can leave "bunker", and it is not final (with west.posture=hide)'
		]);
	});

	it('warns about a transition whose guard never holds, and still loads', () => {
		const text = variant([
			'        - event: crisis.fight',
			'        - event: crisis.odd\n          target: war\n          by: chance\n          when: { indicator: escalation, atLeast: 3 }\n          assumption: Never here.\n        - event: crisis.fight'
		]);
		const result = loadScenario('ladder.yaml', text, resolver);
		expect(result.ok).toBe(true);
		if (result.ok) {
			expect(result.value.warnings).toEqual([
				expect.objectContaining({
					path: 'statechart.states.crisis.on.1',
					severity: 'warning',
					message: expect.stringContaining('transition "crisis:crisis.odd" can never fire')
				})
			]);
		}
	});
});

describe('choiceCombinations', () => {
	it('lists every combination when there are few', () => {
		expect(choiceCombinations(compileText(ladder))).toEqual({
			combinations: [{ 'west.posture': 'wait' }, { 'west.posture': 'press' }],
			complete: true
		});
	});

	it('falls back to the defaults and one change at a time beyond maxChoiceCombinations', () => {
		// n choices of 2 options beside the ladder's own: 2^(n+1) combinations, over the limit.
		const n = Math.ceil(Math.log2(limits.maxChoiceCombinations));
		const choices = Array.from(
			{ length: n },
			(_, i) => `      c${i}: { label: C${i}, default: a, options: { a: A, b: B } }`
		).join('\n');
		const compiled = compileText(variant(['      posture:', `${choices}\n      posture:`]));
		const { combinations, complete } = choiceCombinations(compiled);
		expect(complete).toBe(false);
		expect(2 ** (n + 1)).toBeGreaterThan(limits.maxChoiceCombinations);
		expect(combinations).toHaveLength(1 + n + 1);
		expect(combinations[0]).toEqual(compiled.defaultChoices);
		for (const c of combinations.slice(1)) {
			const changed = Object.keys(c).filter((k) => c[k] !== compiled.defaultChoices[k]);
			expect(changed).toHaveLength(1);
		}
	});
});

describe('explore limits and traps', () => {
	const compiled = compileText(ladder);
	const values = likelihoodValues(compiled);

	// Under wait the ladder reaches talks|0, crisis|1, settled|0, settled|1 and war|3: five states.
	it.each([
		{ posture: 'wait', maxReachable: 5, size: 5 },
		{ posture: 'press', maxReachable: 4, size: 4 }
	])(
		'explores the $size states of $posture within maxReachable = $maxReachable',
		({ posture, maxReachable, size }) => {
			expect(explore(compiled, { 'west.posture': posture }, values, maxReachable).size).toBe(size);
		}
	);

	it.each([
		{ posture: 'wait', maxReachable: 4 },
		{ posture: 'press', maxReachable: 3 },
		{ posture: 'wait', maxReachable: 1 }
	])('refuses $posture with maxReachable = $maxReachable', ({ posture, maxReachable }) => {
		let error: unknown;
		try {
			explore(compiled, { 'west.posture': posture }, values, maxReachable);
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(ExploreError);
		expect((error as ExploreError).problem).toMatchObject({
			kind: 'limit',
			message: `more than ${maxReachable} reachable states, the most the exact analysis explores`
		});
	});

	it('finds the trap of a self-loop, and none in the ladder', () => {
		expect(traps(explore(compiled, { 'west.posture': 'wait' }, values))).toEqual([]);
		const trapped = compileText(variant(calmTarget, [beforeSettled, selfLoop + beforeSettled]));
		const chain = explore(trapped, trapped.defaultChoices, likelihoodValues(trapped));
		const found = traps(chain);
		expect(found.map((component) => component.map((s) => chain.leaves[s].join('+')))).toEqual([
			['limbo']
		]);
	});
});

describe('final states that are never an end', () => {
	it('warns when a transition on an enclosing state always leaves a final child', () => {
		const text = `id: final-left
title: Final left
actors: {}
statechart:
  states:
    phase:
      on:
        - { event: phase.leave, target: after, by: chance, when: { in: phase.done }, assumption: x }
      states:
        a:
          on:
            - { event: a.end, target: done, by: chance, likelihood: 0.5, assumption: x }
            - { event: a.other, target: other, by: chance, likelihood: rest, assumption: x }
        done: { type: final }
        other: { type: final }
    after: { type: final }
`;
		const result = loadScenario('final-left.yaml', text, resolver);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const warning = result.value.warnings.find(
			(w) => w.path === 'statechart.states.phase.states.done'
		);
		expect(warning?.severity).toBe('warning');
		expect(warning?.message).toMatch(
			/final state "phase\.done" is reached, but a transition on an enclosing state always leaves it/
		);
		expect(result.value.warnings.some((w) => w.path.includes('states.other'))).toBe(false);
	});

	it('reports problems in reading order', () => {
		const text = variant(['target: crisis', 'target: nowhere'], ['by: west', 'by: nobody']);
		const result = loadScenario('ladder.yaml', text, resolver);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		const lines = result.diagnostics.map((d) => d.line);
		expect(lines).toEqual([...lines].sort((a, b) => a - b));
		expect(lines.length).toBeGreaterThan(1);
	});
});

describe('a loop whose way out stays above 0', () => {
	it('is accepted with an exit range from 0.05', () => {
		const text = variant(calmTarget, [
			beforeSettled,
			'    limbo:\n      on:\n' +
				'        - { event: limbo.stay, target: limbo, by: chance, likelihood: rest, assumption: Stays. }\n' +
				'        - { event: limbo.out, target: settled, by: chance, likelihood: [0.05, 0.2], assumption: Leaves. }\n' +
				beforeSettled
		]);
		expect(errorsOf(text)).toEqual([]);
	});
});
