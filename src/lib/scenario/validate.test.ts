import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureResolver, readFixture } from '../../../tests/unit/fixtures';
import type { Diagnostic } from './diagnostics';
import { parseText } from './parse';
import { resolverFromFiles } from './sources';
import { validateDocument, type ValidationResult } from './validate';

const dir = resolve(import.meta.dirname, '../../../tests/fixtures/valid');
const ladder = readFileSync(join(dir, 'ladder.yaml'), 'utf8');
const memo = readFileSync(join(dir, 'sources/memo.txt'), 'utf8');
const resolver = fixtureResolver;

function validate(text: string): ValidationResult {
	const parsed = parseText('ladder.yaml', text);
	if (!parsed.ok) throw new Error(`does not parse: ${parsed.diagnostics[0].message}`);
	return validateDocument(parsed.document, resolver);
}

/** The ladder with `from` (which must occur exactly once) replaced by `to`. */
function variant(from: string, to: string): string {
	const at = ladder.indexOf(from);
	if (at < 0 || ladder.indexOf(from, at + 1) >= 0)
		throw new Error(`"${from}" must occur exactly once in ladder.yaml`);
	return ladder.slice(0, at) + to + ladder.slice(at + from.length);
}

function lineOf(text: string, marker: string): number {
	return text.split('\n').findIndex((l) => l.includes(marker)) + 1;
}

describe('validateDocument on the ladder', () => {
	const result = validate(ladder);

	it('accepts it and resolves every transition', () => {
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const { model, scenario } = result.value;
		expect(scenario.id).toBe('ladder');
		expect(
			model.transitions.map((t) => `${t.source} -> ${t.target} (${t.likelihood.kind})`)
		).toEqual([
			'talks -> crisis (fixed)',
			'talks -> settled (rest)',
			'crisis -> settled (certain)',
			'crisis -> war (fixed)',
			'crisis -> settled (rest)'
		]);
		expect([...model.states.keys()]).toEqual(['', 'talks', 'crisis', 'settled', 'war']);
	});

	it('anchors each quote at the place it has in the memo', () => {
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const found = result.value.quotes.map((q) => ({
			transition: q.transition,
			text: memo.slice(q.start, q.end)
		}));
		expect(found).toEqual([
			{ transition: 0, text: 'Talks may fail.' },
			{ transition: 2, text: 'A \u201cceasefire\u201d is likely \u2013 but not certain' },
			{ transition: 3, text: 'the sides will probably fight' }
		]);
		// The suffix "If they fail" picks the first of the two "Talks may fail." in the memo.
		expect(result.value.quotes[0].start).toBe(0);
	});
});

interface BrokenCase {
	name: string;
	text: string;
	expected: { path: string; message: string | RegExp; hint?: string | RegExp };
	/** Text on the line the diagnostic must point at. */
	line?: string;
}

const broken: BrokenCase[] = [
	{
		name: 'unknown target',
		text: variant('target: crisis', 'target: crsis'),
		expected: {
			path: 'statechart.states.talks.on.0.target',
			message: 'unknown state "crsis"',
			hint: 'did you mean "crisis"?'
		},
		line: 'target: crsis'
	},
	{
		name: 'unknown actor in by',
		text: variant('by: west', 'by: wset'),
		expected: {
			path: 'statechart.states.crisis.on.0.by',
			message: 'unknown actor "wset"',
			hint: 'did you mean "west"?'
		},
		line: 'by: wset'
	},
	{
		name: 'unknown choice option in when',
		text: variant('is: press', 'is: pres'),
		expected: {
			path: 'statechart.states.crisis.on.0.when.is',
			message: '"pres" is not an option of west.posture',
			hint: 'did you mean "press"?'
		},
		line: 'is: pres }'
	},
	{
		name: 'unknown choice in when',
		text: variant(
			'when: { choice: west.posture, is: press }',
			'when: { choice: west.pose, is: press }'
		),
		expected: {
			path: 'statechart.states.crisis.on.0.when.choice',
			message: 'actor "west" has no choice "pose"'
		}
	},
	{
		name: 'likelihood above 1',
		text: variant('likelihood: 0.4', 'likelihood: 1.4'),
		expected: { path: 'statechart.states.talks.on.0.likelihood', message: /1\.4.*at most 1/ },
		line: 'likelihood: 1.4'
	},
	{
		name: 'likelihood as an unknown term',
		text: variant('likelihood: 0.75', 'likelihood: guaranteed'),
		expected: {
			path: 'statechart.states.crisis.on.1.likelihood',
			message: 'unknown estimative term "guaranteed"',
			hint: /choose one of almost no chance, .*basis: "guaranteed"/
		}
	},
	{
		name: 'likelihood range with low > high',
		text: variant('likelihood: 0.75', 'likelihood: [0.8, 0.7]'),
		expected: {
			path: 'statechart.states.crisis.on.1.likelihood',
			message: 'range [0.8, 0.7] has low > high'
		}
	},
	{
		name: 'unknown field',
		text: variant('likelihood: 0.75', 'likelihod: 0.75'),
		expected: {
			path: 'statechart.states.crisis.on.1.likelihod',
			message: 'unknown field "likelihod"',
			hint: 'did you mean "likelihood"?'
		},
		line: 'likelihod: 0.75'
	},
	{
		name: "a named level outside the indicator's range",
		text: variant(
			'escalation: { label: Escalation, initial: 0, min: 0, max: 3 }',
			'escalation:\n    label: Escalation\n    max: 3\n    levels: { 0: talks, 4: war }'
		),
		expected: {
			path: 'indicators.escalation.levels.4',
			message: 'level 4 is outside the range [-∞, 3]',
			hint: 'name only values from min to max, or widen the range'
		},
		line: 'levels:'
	},
	{
		name: 'a level that is not a whole number',
		text: variant('peace: { label: Peace }', 'peace: { label: Peace, levels: { 0.5: half } }'),
		expected: {
			path: 'dimensions.peace.levels.0.5',
			message: 'level "0.5" is not a whole number',
			hint: 'name whole-number levels, such as 0, 1 or -1'
		}
	},
	{
		name: 'an empty unit',
		text: variant('peace: { label: Peace }', "peace: { label: Peace, unit: '' }"),
		expected: { path: 'dimensions.peace.unit', message: /must not be empty/ }
	},
	{
		name: 'unknown top-level field',
		text: variant('title: Ladder', 'title: Ladder\ntitel: Ladder'),
		expected: { path: 'titel', message: 'unknown field "titel"', hint: 'did you mean "title"?' },
		line: 'titel:'
	},
	{
		name: 'missing title',
		text: variant('title: Ladder\n', ''),
		expected: { path: 'title', message: 'missing required field "title"' }
	},
	{
		name: 'empty title',
		text: variant('title: Ladder', 'title: ""'),
		expected: { path: 'title', message: /must not be empty/ }
	},
	{
		name: 'missing statechart',
		text: ladder.slice(0, ladder.indexOf('statechart:')),
		expected: { path: 'statechart', message: 'missing required field "statechart"' }
	},
	{
		name: 'quote not in the source',
		text: variant('quote: the sides will probably fight', 'quote: the sides will certainly fight'),
		expected: {
			path: 'statechart.states.crisis.on.1.evidence.0.quote',
			message: 'quote "the sides will certainly fight" is not in the source (source "memo")',
			hint: 'the first 15 characters match; then the quote has "certainly fight" where the source reads "probably fight. A "ceasefire" "'
		},
		line: 'certainly fight'
	},
	{
		name: 'ambiguous quote (the suffix removed)',
		text: variant('              suffix: If they fail\n', ''),
		expected: {
			path: 'statechart.states.talks.on.0.evidence.0.quote',
			message:
				'quote matches 2 places in the source (source "memo"): p1.s1 (line 1) and p3.s1 (line 3)',
			hint: /prefix or suffix/
		},
		line: 'quote: Talks may fail.'
	},
	{
		name: 'suffix that does not follow the quote',
		text: variant('suffix: If they fail', 'suffix: If they win'),
		expected: {
			path: 'statechart.states.talks.on.0.evidence.0.quote',
			message: /not with the given prefix\/suffix/
		}
	},
	{
		name: 'default option not in options',
		text: variant('default: wait', 'default: wiat'),
		expected: {
			path: 'actors.west.choices.posture.default',
			message: 'default "wiat" is not one of the options',
			hint: 'did you mean "wait"?'
		},
		line: 'default: wiat'
	},
	{
		name: 'duplicate event from one state',
		text: variant('event: crisis.calm', 'event: crisis.fight'),
		expected: {
			path: 'statechart.states.crisis.on.2.event',
			message: 'event "crisis.fight" already leaves this state'
		}
	},
	{
		name: 'transition with neither evidence nor assumption',
		text: variant(
			'          assumption: The memo does not say what happens when talks hold.\n',
			''
		),
		expected: {
			path: 'statechart.states.talks.on.1',
			message: 'transition has neither evidence nor an assumption'
		},
		line: 'event: talks.hold'
	},
	{
		name: 'evidence naming a source the scenario does not list',
		text: variant(
			'            - quote: the sides will probably fight\n',
			'            - quote: the sides will probably fight\n              source: mem\n'
		),
		expected: {
			path: 'statechart.states.crisis.on.1.evidence.0.source',
			message: 'source "mem" is not listed under sources',
			hint: 'did you mean "memo"?'
		},
		line: 'source: mem'
	},
	{
		name: 'unknown source id in sources',
		text: variant('sources: [memo]', 'sources: [memo, nosuch]'),
		expected: {
			path: 'sources.1',
			message: 'source "nosuch" not found',
			hint: 'create fixtures/sources/nosuch.yaml with id, title and file'
		}
	},
	{
		name: 'evidence without a source when several are listed',
		text: variant('sources: [memo]', 'sources: [memo, nosuch]'),
		expected: {
			path: 'statechart.states.talks.on.0.evidence.0',
			message: 'evidence must name its source when the scenario lists several',
			hint: 'add source: memo'
		}
	},
	{
		name: 'unknown indicator in effects',
		text: variant('effects: { escalation: 2 }', 'effects: { escalaton: 2 }'),
		expected: {
			path: 'statechart.states.crisis.on.1.effects.escalaton',
			message: 'unknown indicator "escalaton"',
			hint: 'did you mean "escalation"?'
		}
	},
	{
		name: 'unknown dimension in scores',
		text: variant('scores: { peace: -1 }', 'scores: { piece: -1 }'),
		expected: {
			path: 'statechart.states.war.outcome.scores.piece',
			message: 'unknown dimension "piece"',
			hint: 'did you mean "peace"?'
		}
	},
	{
		name: 'initial state that is not a child',
		text: variant('initial: talks', 'initial: tlaks'),
		expected: {
			path: 'statechart.initial',
			message: 'initial state "tlaks" is not a child of this state',
			hint: 'did you mean "talks"?'
		}
	},
	{
		name: 'stance that is not allowed',
		text: variant(
			'              stance: supports\n        - event: talks.hold',
			'              stance: agrees\n        - event: talks.hold'
		),
		expected: {
			path: 'statechart.states.talks.on.0.evidence.0.stance',
			message: '"agrees" is not allowed',
			hint: 'use one of: "supports", "contradicts", "context"'
		}
	},
	{
		name: 'a transition out of a final state',
		text: variant(
			'      type: final\n      outcome: { label: War',
			'      type: final\n      on: [{ event: again, target: talks, by: chance, assumption: x }]\n      outcome: { label: War'
		),
		expected: { path: 'statechart.states.war.on', message: 'a final state cannot have transitions' }
	}
];

describe('validateDocument on broken ladders', () => {
	it.each(broken)('$name', ({ text, expected, line }) => {
		const result = validate(text);
		expect(result.ok).toBe(false);
		const diagnostics: Diagnostic[] = result.ok ? [] : result.diagnostics;
		const found = diagnostics.find(
			(d) =>
				d.path === expected.path &&
				(typeof expected.message === 'string'
					? d.message === expected.message
					: expected.message.test(d.message))
		);
		expect(
			found,
			`no diagnostic at ${expected.path} matching ${expected.message}; got:\n${diagnostics.map((d) => `${d.path}: ${d.message}`).join('\n')}`
		).toBeDefined();
		expect(found!.severity).toBe('error');
		if (expected.hint !== undefined) {
			if (typeof expected.hint === 'string') expect(found!.hint).toBe(expected.hint);
			else expect(found!.hint).toMatch(expected.hint);
		}
		if (line !== undefined) expect(found!.line).toBe(lineOf(text, line));
	});

	it('reports a document that is not a mapping', () => {
		for (const text of ['- a\n- b\n', '42\n', 'just text\n']) {
			const result = validate(text);
			expect(result.ok).toBe(false);
			if (!result.ok)
				expect(result.diagnostics[0]).toMatchObject({
					path: '(document)',
					message: expect.stringMatching(/^expected a mapping at the top of the file/)
				});
		}
	});

	it('reports every problem of a file with several, not only the first', () => {
		const text = variant('target: crisis', 'target: crsis')
			.replace('by: west', 'by: wset')
			.replace('default: wait', 'default: wiat');
		const result = validate(text);
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(result.diagnostics.map((d) => d.path).sort()).toEqual([
				'actors.west.choices.posture.default',
				'statechart.states.crisis.on.0.by',
				'statechart.states.talks.on.0.target'
			]);
		}
	});

	it('does not change the parsed document', () => {
		const parsed = parseText('ladder.yaml', variant('target: crisis', 'target: crsis'));
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		const before = structuredClone(parsed.document.value);
		validateDocument(parsed.document, resolver);
		expect(parsed.document.value).toEqual(before);
	});
});

describe('the position hint start', () => {
	// The memo holds "Talks may fail." twice: at 0 and at 132.
	const withStart = (start: string) =>
		variant('              suffix: If they fail\n', `              start: ${start}\n`);
	const anchoredAt = (text: string) => {
		const result = validate(text);
		if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
		return result.value.quotes[0].start;
	};

	it.each([
		{ start: '0', expected: 0 },
		{ start: '10', expected: 0 },
		{ start: '100', expected: 132 },
		{ start: '132', expected: 132 },
		{ start: '5000', expected: 132 }
	])('start: $start picks the match at $expected', ({ start, expected }) => {
		expect(anchoredAt(withStart(start))).toBe(expected);
	});

	it('only breaks ties: a quote found once anchors there whatever the hint', () => {
		const text = variant(
			'            - quote: the sides will probably fight\n',
			'            - quote: the sides will probably fight\n              start: 140\n'
		);
		const result = validate(text);
		expect(result.ok).toBe(true);
		if (result.ok) expect(memo.slice(result.value.quotes[2].start)).toMatch(/^the sides/);
	});

	it('does not override prefix or suffix', () => {
		const text = variant(
			'              suffix: If they fail\n',
			'              suffix: If they fail\n              start: 132\n'
		);
		expect(anchoredAt(text)).toBe(0);
	});

	it.each([
		{ start: '-1', message: /must be at least 0/ },
		{ start: '1.5', message: /^expected a whole number, got 1\.5$/ },
		{ start: 'early', message: /expected number, got "early"/ }
	])('refuses start: $start', ({ start, message }) => {
		const result = validate(withStart(start));
		expect(result.ok).toBe(false);
		if (!result.ok)
			expect(result.diagnostics).toContainEqual(
				expect.objectContaining({
					path: 'statechart.states.talks.on.0.evidence.0.start',
					message: expect.stringMatching(message)
				})
			);
	});
});

describe('regressions', () => {
	it.each(['toString.posture', 'west.constructor', '__proto__.posture', 'west.hasOwnProperty'])(
		'a condition naming an inherited property (%s) is an unknown choice, not a crash',
		(choice) => {
			const result = validate(
				variant(
					'when: { choice: west.posture, is: press }',
					`when: { choice: ${choice}, is: press }`
				)
			);
			expect(result.ok).toBe(false);
			if (result.ok) return;
			expect(result.diagnostics.some((d) => /unknown choice|has no choice/.test(d.message))).toBe(
				true
			);
		}
	);

	it('a one-element when list is located at its element', () => {
		const text = variant(
			'when: { choice: west.posture, is: press }',
			'when: [{ choice: west.posture, is: pres }]'
		);
		const result = validate(text);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		const d = result.diagnostics.find((x) => x.message.includes('"pres"'));
		expect(d?.path).toBe('statechart.states.crisis.on.0.when.0.is');
		expect(d?.line).toBe(lineOf(text, 'is: pres }]'));
	});
});

describe('hints that know where they are', () => {
	const firstProblem = (text: string) => {
		const result = validate(text);
		if (result.ok) throw new Error('expected problems');
		return result.diagnostics[0];
	};

	it('an unknown field names the fields allowed at that place', () => {
		const d = firstProblem(
			variant(
				'      outcome: { label: Settled, scores: { peace: 1 } }',
				'      outcome: { label: Settled, talks held, scores: { peace: 1 } }'
			)
		);
		expect(d.message).toBe('unknown field "talks held"');
		expect(d.hint).toBe('fields allowed here: label, description, scores, rationale');
	});

	it('a field that exists elsewhere is not suggested as itself', () => {
		const d = firstProblem(
			variant('          likelihood: 0.4\n', '          likelihood: 0.4\n          note: n\n')
		);
		expect(d.path).toBe('statechart.states.talks.on.0.note');
		expect(d.hint).toMatch(/^fields allowed here: event, target, by, /);
	});

	it('a misspelt field gets the nearest field of that place', () => {
		const d = firstProblem(variant('          likelihood: 0.4\n', '          likelyhood: 0.4\n'));
		expect(d.hint).toBe('did you mean "likelihood"?');
	});

	it('an `in` condition with a bare state name suggests its full path', () => {
		const text = variant('when: { choice: west.posture, is: press }', 'when: { in: crisis }');
		const result = validate(text);
		expect(result.ok).toBe(true); // top-level states have no parent path to add
		const nested = readFileSync(join(dir, 'regions.yaml'), 'utf8').replace(
			'{ in: crisis.front.hot }, { choice: north.stance, is: push }',
			'{ in: hot }, { choice: north.stance, is: push }'
		);
		const parsed = parseText('regions.yaml', nested);
		if (!parsed.ok) throw new Error('regions must parse');
		const regions = validateDocument(parsed.document, resolver);
		expect(regions.ok).toBe(false);
		if (!regions.ok)
			expect(regions.diagnostics[0].hint).toBe(
				'conditions name states by their full path: write "crisis.front.hot"'
			);
	});

	it('an outcome score outside its dimension range is refused', () => {
		const text = variant('  peace: { label: Peace }', '  peace: { label: Peace, min: -1, max: 0 }');
		const d = firstProblem(text);
		expect(d.path).toBe('statechart.states.settled.outcome.scores.peace');
		expect(d.message).toBe("score 1 is outside the dimension's range [-1, 0]");
	});

	it('accepts the ICD 203 alternative wording "probable" as likely', () => {
		const result = validate(variant('likelihood: 0.4', 'likelihood: probable'));
		expect(result.ok).toBe(true);
		if (result.ok)
			expect(result.value.model.transitions[0].likelihood).toMatchObject({
				kind: 'range',
				low: 0.55,
				high: 0.8,
				term: 'likely'
			});
	});
});

describe('hints for the wrong type, a missing field and a bad id', () => {
	it.each([
		{
			name: 'a number where text is expected',
			text: variant('title: Ladder', 'title: 42'),
			expected: { path: 'title', hint: "write text, quoted if it looks like a number: title: '42'" }
		},
		{
			name: 'a quoted numeral where a number is expected',
			text: variant('min: 0, max: 3 }', "min: 0, max: '3' }"),
			expected: { path: 'indicators.escalation.max', hint: 'write it without quotes: max: 3' }
		},
		{
			name: 'a number word where a number is expected',
			text: variant('min: 0, max: 3 }', 'min: 0, max: five }'),
			expected: { path: 'indicators.escalation.max', hint: 'write a number, such as max: 5' }
		},
		{
			name: 'text where a list is expected',
			text: variant('sources: [memo]', 'sources: memo'),
			expected: {
				path: 'sources',
				message: 'expected a list, got "memo"',
				hint: 'write a list: sources: [memo]'
			}
		},
		{
			name: 'an id that is not a slug',
			text: variant('id: ladder', "id: '2 Ladders: Up!'"),
			expected: {
				path: 'id',
				message: 'invalid id "2 Ladders: Up!"',
				hint: 'use lower-case letters, digits and hyphens: scenario-2-ladders-up'
			}
		},
		{
			name: 'a missing id, named after the file',
			text: variant('id: ladder\n', ''),
			expected: { path: 'id', hint: 'add id: ladder, in lower-case letters, digits and hyphens' }
		},
		{
			name: 'a missing title',
			text: variant('title: Ladder\n', ''),
			expected: { path: 'title', hint: 'add title: and a short name' }
		},
		{
			name: 'an unknown term in the long form, as in the short form',
			text: variant('likelihood: 0.75', 'likelihood: { term: guaranteed }'),
			expected: {
				path: 'statechart.states.crisis.on.1.likelihood.term',
				message: 'unknown estimative term "guaranteed"',
				hint: expect.stringMatching(/keep the source's word as basis/)
			}
		}
	])('$name', ({ text, expected }) => {
		const result = validate(text);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.diagnostics).toContainEqual(expect.objectContaining(expected));
	});
});

describe('size limits name themselves and their values', () => {
	/** A scenario of `n` states in a row, each with `k` chance transitions to the next. */
	function chain(n: number, k: number): string {
		const states = Array.from({ length: n }, (_, i) => {
			const next = i + 1 < n ? `s${i + 1}` : 'end';
			const on = Array.from(
				{ length: k },
				(_, j) =>
					`        - { event: e${i}.${j}, target: ${next}, by: chance, likelihood: ${j === k - 1 ? 'rest' : 0}, assumption: a }`
			);
			return `    s${i}:\n      on:\n${on.join('\n')}`;
		});
		return `id: big\ntitle: Big\nactors: {}\nstatechart:\n  initial: s0\n  states:\n${states.join('\n')}\n    end: { type: final }\n`;
	}

	it('more than maxStates = 500 states', () => {
		const result = validate(chain(501, 1));
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.diagnostics.map((d) => d.message)).toContain(
			'more than 500 states, the most a scenario may have'
		);
	});

	it('more than maxTransitions = 2,000 transitions', () => {
		const result = validate(chain(300, 7));
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.diagnostics.map((d) => d.message)).toContain(
			'2,100 transitions, over the limit of 2,000'
		);
	});
});

describe('bounded anchoring', () => {
	// The memo padded to just under the file limit with "a a a …": each quote searches it all.
	const padded = `${memo}\n${'a '.repeat(495_000)}`;
	const padResolver = resolverFromFiles(
		(path) => (path === 'sources/memo.txt' ? padded : readFixture(path)),
		'fixtures'
	);
	const validatePadded = (text: string) => {
		const parsed = parseText('ladder.yaml', text);
		if (!parsed.ok) throw new Error(parsed.diagnostics[0].message);
		return validateDocument(parsed.document, padResolver);
	};
	const quote =
		'            - quote: Talks may fail.\n              suffix: If they fail\n              stance: supports\n';

	it('refuses a quote that matches more than 1,000 places, without listing them all', () => {
		const result = validatePadded(variant('quote: Talks may fail.', 'quote: a a'));
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.diagnostics[0].message).toBe(
			'quote matches more than 1,000 places in the source, the most a quote is told apart in (source "memo")'
		);
		expect(result.diagnostics[0].hint).toBe('quote a longer passage');
	});

	it('stops at the quote past the budget for the whole file, naming it and the limit', () => {
		// 210 quotes of a 990,148-character source: 201 fit in 200,000,000 characters; the 202nd is
		// refused, with 8 more in its list and the ladder's 2 other quotes after it.
		const text = variant(quote, quote.repeat(210));
		const result = validatePadded(text);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.diagnostics).toHaveLength(1);
		const [d] = result.diagnostics;
		expect(d.message).toBe(
			"anchoring this quote and the 10 after it would search more than 200,000,000 characters of source text, the most one file's quotes may search"
		);
		expect(d.path).toBe('statechart.states.talks.on.0.evidence.201.quote');
		expect(d.hint).toMatch(/quote fewer passages/);
	});

	it('anchors as before within the budget', () => {
		expect(validatePadded(variant(quote, quote.repeat(3))).ok).toBe(true);
	});
});

describe('paces', () => {
	const parallel = (pace: string) =>
		readFileSync(join(dir, 'regions.yaml'), 'utf8').replace(
			'        front:\n          initial: quiet',
			`        front:\n          pace: ${pace}\n          initial: quiet`
		);
	const check = (text: string) => {
		const parsed = parseText('regions.yaml', text);
		if (!parsed.ok) throw new Error(parsed.diagnostics[0].message);
		return validateDocument(parsed.document, resolver);
	};

	it.each(['1e308', '0.0001', '5000'])('refuses pace %s, outside 0.001 to 1,000', (pace) => {
		const result = check(parallel(pace));
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.diagnostics[0].message).toBe(
			`pace ${Number(pace)} is outside 0.001 to 1,000, the paces Brink keeps exact`
		);
		expect(result.diagnostics[0].path).toBe('statechart.states.crisis.states.front.pace');
	});

	it.each(['0.001', '2', '1000'])('accepts pace %s', (pace) => {
		expect(check(parallel(pace)).ok).toBe(true);
	});
});

describe('a name that is not an id points at the character', () => {
	const errorsOf = (text: string) => {
		const r = validate(text);
		return r.ok ? [] : r.diagnostics;
	};

	it('a right-to-left mark in an option name: its code point, name and column, on the key', () => {
		const [d] = errorsOf(variant('press: Press for talks', 'pre\u200fss: Press for talks'));
		expect(d.message).toBe('name "pre\\u200fss" has U+200F RIGHT-TO-LEFT MARK at column 14');
		expect([d.line, d.column]).toEqual([lineOf(ladder, 'press: Press'), 14]);
		expect(d.hint).toMatch(/^delete it \(the name then reads "press"\)/);
	});

	it('an accented letter and a Greek letter are named as letters to retype', () => {
		expect(errorsOf(variant('    settled:', '    séttled:'))[0].message).toBe(
			'name "séttled" has U+00E9, the accented Latin letter "é" at column 6'
		);
		expect(errorsOf(variant('    war:', '    wαr:'))[0].message).toBe(
			'name "wαr" has U+03B1, the Greek letter "α" at column 6'
		);
	});
});

describe('a basis that quotes the source is checked against it', () => {
	const withBasis = (basis: string) =>
		validate(variant('likelihood: 0.75', `likelihood: { value: 0.75, basis: '${basis}' }`));

	it('accepts words in quotation marks (straight or curly) that the source has, and a basis without any', () => {
		expect(withBasis('the memo: "will probably fight"').ok).toBe(true);
		expect(withBasis('the memo: \u201cwill probably fight\u201d').ok).toBe(true);
		expect(withBasis('surely fight, in other words').ok).toBe(true);
	});

	it('refuses words in quotation marks that the source does not have, at the basis', () => {
		const result = withBasis('the memo: \u201cwill surely fight\u201d');
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.diagnostics).toHaveLength(1);
		expect(result.diagnostics[0]).toMatchObject({
			path: 'statechart.states.crisis.on.1.likelihood.basis',
			message: 'basis quotes "will surely fight", which is not in the source "memo"'
		});
	});
});
