import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEventLogFile } from '../../cli/files';
import { loadShippedScenario, shippedIds } from '../../../tests/unit/fixtures';
import { parseEventLog, type ScenarioLookup } from './events';

const fixtures = resolve(import.meta.dirname, '../../../tests/fixtures/events');

/**
 * The bad logs of tests/fixtures/events, each refused with one diagnostic at the line and column
 * of what must change (the fixture's own text shows where: the line number is that of the key or
 * value named in `path`).
 */
const bad: { file: string; at: [number, number]; path: string; message: RegExp; hint?: RegExp }[] =
	[
		{
			file: 'syntax.yaml',
			at: [6, 11],
			path: '(syntax)',
			message: /single quote opened here is never closed/
		},
		{
			file: 'unknown-field.yaml',
			at: [9, 17],
			path: 'events.0.resolves.0.reachd',
			message: /^unknown field "reachd"$/,
			hint: /did you mean "reached"\?/
		},
		{
			file: 'unknown-transition.yaml',
			at: [9, 16],
			path: 'events.0.resolves.0.taken',
			message: /^unknown transition "crossBorder:hezbollah.intensfy"$/,
			hint: /did you mean "crossBorder:hezbollah.intensify"\?/
		},
		{
			file: 'unknown-state.yaml',
			at: [9, 18],
			path: 'events.0.resolves.0.reached',
			message: /^unknown state "intensifed"$/,
			hint: /did you mean "intensified"\?/
		},
		{
			file: 'outcome-not-final.yaml',
			at: [9, 18],
			path: 'events.0.resolves.0.outcome',
			message: /"intensified" is not a final state/,
			hint: /name an ending: contained, stalemate, proxyWar, absorbed, iranDefeated, iranHolds/
		},
		{
			file: 'bad-date.yaml',
			at: [5, 11],
			path: 'events.0.date',
			message: /"2024-09-31": is not a date on the calendar/
		},
		{
			file: 'out-of-order.yaml',
			at: [11, 11],
			path: 'events.1.date',
			message: /2024-09-22 is earlier than the event before it \(offensive, 2024-09-23\)/,
			hint: /date order/
		},
		{
			file: 'span-reversed.yaml',
			at: [6, 12],
			path: 'events.0.until',
			message: /ends \(2024-09-20\) before it begins \(2024-09-22\)/
		},
		{
			file: 'report-before-event.yaml',
			at: [7, 80],
			path: 'events.0.report.date',
			message: /report \(2024-09-21\) is dated before the event \(2024-09-22\)/
		},
		{
			file: 'two-kinds.yaml',
			at: [9, 9],
			path: 'events.0.resolves.0',
			message: /says one thing, not reached and none/
		},
		{
			file: 'duplicate-id.yaml',
			at: [10, 9],
			path: 'events.1.id',
			message: /"rockets" is used twice: first at line 4/
		},
		{
			file: 'two-endings.yaml',
			at: [16, 18],
			path: 'events.1.resolves.0.outcome',
			message: /already ended in "absorbed" \(event attack, line 9\)/,
			hint: /occurred: false/
		},
		{
			file: 'unknown-scenario.yaml',
			at: [1, 11],
			path: 'scenario',
			message: /^unknown scenario "hezbollah-escalaton"$/,
			hint: /did you mean "hezbollah-escalation"\?/
		},
		{
			file: 'occurred-without-outcome.yaml',
			at: [9, 43],
			path: 'events.0.resolves.0.occurred',
			message: /occurred applies only to outcome/
		}
	];

describe('event log validation: the bad logs', () => {
	it.each(bad)('$file: $path', ({ file, at, path, message, hint }) => {
		const result = loadEventLogFile(resolve(fixtures, file));
		if (result.ok) throw new Error(`${file} was accepted`);
		expect(result.diagnostics).toHaveLength(1);
		const [d] = result.diagnostics;
		expect(d.file).toMatch(new RegExp(`tests/fixtures/events/${file}$`));
		expect([d.line, d.column]).toEqual(at);
		expect(d.path).toBe(path);
		expect(d.message).toMatch(message);
		if (hint) expect(d.hint).toMatch(hint);
	});
});

const hezbollah = loadShippedScenario('hezbollah-escalation').model;
const lookup: ScenarioLookup = (id) =>
	id === 'hezbollah-escalation' ? { model: hezbollah } : { missing: true, known: [] };

const good = `scenario: hezbollah-escalation
asOf: 2024-08-05
events:
  - id: rockets
    date: 2024-09-22
    what: Hezbollah fires rockets deeper into northern Israel.
    report: { kind: wire report, outlet: AP, title: Rockets reach Haifa, date: 2024-09-22 }
    resolves:
      - taken: crossBorder:chance.intensify
        note: under the article's reading
      - reached: intensified
  - id: attack
    date: 2024-10-01
    what: Iran fires ballistic missiles at Israel.
    report: { kind: wire report, outlet: AP, title: Iran fires missiles, date: 2024-10-02 }
    resolves:
      - outcome: absorbed
      - { outcome: iranDefeated, occurred: false }
      - none: no ceasefire state
      - unresolved: the record is disputed
`;

describe('event log validation: a good log', () => {
	it('returns the typed log, each resolution with its kind and line; occurred defaults to true', () => {
		const result = parseEventLog('log.yaml', good, lookup);
		if (!result.ok) throw new Error(result.diagnostics[0].message);
		expect(result.warnings).toEqual([]);
		const { scenario, asOf, events } = result.value;
		expect([scenario, asOf, events.map((e) => [e.id, e.line])]).toEqual([
			'hezbollah-escalation',
			'2024-08-05',
			[
				['rockets', 4],
				['attack', 12]
			]
		]);
		expect(events[0].resolves).toEqual([
			{
				kind: 'taken',
				transition: 'crossBorder:chance.intensify',
				note: "under the article's reading",
				line: 9
			},
			{ kind: 'reached', state: 'intensified', note: undefined, line: 11 }
		]);
		expect(events[1].resolves.map((r) => ({ ...r, note: undefined }))).toEqual([
			{ kind: 'outcome', state: 'absorbed', occurred: true, line: 17 },
			{ kind: 'outcome', state: 'iranDefeated', occurred: false, line: 18 },
			{ kind: 'none', reason: 'no ceasefire state', line: 19 },
			{ kind: 'unresolved', reason: 'the record is disputed', line: 20 }
		]);
	});

	it('warns, without refusing, about an event dated before the source', () => {
		const result = parseEventLog(
			'log.yaml',
			good.replace('date: 2024-09-22\n', 'date: 2024-08-01\n'),
			lookup
		);
		if (!result.ok) throw new Error(result.diagnostics[0].message);
		expect(result.warnings.map((w) => [w.line, w.path, w.severity, w.message])).toEqual([
			[
				5,
				'events.0.date',
				'warning',
				expect.stringMatching(/2024-08-01 is before asOf \(2024-08-05\)/)
			]
		]);
	});

	it('refuses a log whose scenario does not load, saying how to see why', () => {
		const result = parseEventLog('log.yaml', good, () => ({
			invalid: 'run npm run validate -- x.yaml'
		}));
		expect(result.ok ? [] : result.diagnostics.map((d) => [d.line, d.message])).toEqual([
			[1, 'scenario "hezbollah-escalation" is not valid: run npm run validate -- x.yaml']
		]);
	});

	it('does not mutate its input', () => {
		const bytes = new TextEncoder().encode(good);
		const copy = bytes.slice();
		parseEventLog('log.yaml', bytes, lookup);
		expect(bytes).toEqual(copy);
	});
});

describe('the shipped event logs', () => {
	it.each(shippedIds)(
		'scenarios/events/%s.yaml validates against its scenario, without warnings',
		(id) => {
			const path = resolve(import.meta.dirname, `../../../scenarios/events/${id}.yaml`);
			const result = loadEventLogFile(path);
			if (!result.ok)
				throw new Error(result.diagnostics.map((d) => `${d.line}: ${d.message}`).join('\n'));
			expect(result.warnings).toEqual([]);
			expect(result.value.scenario).toBe(id);
			// Every event rests on a dated report, and the file is the one the text says.
			expect(readFileSync(path, 'utf8')).toMatch(new RegExp(`^scenario: ${id}$`, 'm'));
		}
	);
});
