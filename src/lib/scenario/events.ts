/**
 * Event logs (docs/scenario-format.md, "Event logs"): parse and check a log against the model of
 * the scenario it names. Pure: the command line and the build read the files and find the
 * scenario; this module only says what is wrong, located, or returns the typed log.
 */
import { didYouMean, type Diagnostic, type Path } from './diagnostics';
import { eventLogSchema, type EventReport } from './eventLogSchema';
import type { Model } from './model';
import { diagnosticAt, parseText, type ParsedDocument } from './parse';
import { schemaDiagnostics } from './validate';

/** What an event resolves in the model, with the line it stands on in the log. */
export type Resolution = (
	| { kind: 'taken'; transition: string }
	| { kind: 'reached'; state: string }
	| { kind: 'outcome'; state: string; occurred: boolean }
	| { kind: 'none'; reason: string }
	| { kind: 'unresolved'; reason: string }
) & { note?: string; line: number };

export interface LoggedEvent {
	id: string;
	date: string;
	until?: string;
	what: string;
	report: EventReport;
	resolves: Resolution[];
	note?: string;
	line: number;
}

export interface EventLog {
	file: string;
	scenario: string;
	asOf: string;
	note?: string;
	events: LoggedEvent[];
}

/** The model of the scenario a log names, or why there is none. */
export type ScenarioLookup = (
	id: string
) => { model: Model } | { missing: true; known: string[] } | { invalid: string };

export type EventLogResult =
	{ ok: true; value: EventLog; warnings: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

const kinds = ['taken', 'reached', 'outcome', 'none', 'unresolved'] as const;

/** Parse a log's text and check it against the scenario it names. */
export function parseEventLog(
	file: string,
	input: string | Uint8Array,
	lookup: ScenarioLookup
): EventLogResult {
	const parsed = parseText(file, input);
	return parsed.ok ? validateEventLog(parsed.document, lookup) : parsed;
}

/** The scenario id a parsed log names, if it names one. */
export function eventLogScenario(document: ParsedDocument): string | undefined {
	const value = document.value as { scenario?: unknown } | null;
	return typeof value?.scenario === 'string' ? value.scenario : undefined;
}

export function validateEventLog(document: ParsedDocument, lookup: ScenarioLookup): EventLogResult {
	const v = document.value;
	if (v === null || typeof v !== 'object' || Array.isArray(v))
		return {
			ok: false,
			diagnostics: [
				diagnosticAt(
					document,
					[],
					'expected a mapping at the top of the file',
					'an event log starts with scenario:, asOf: and events:'
				)
			]
		};
	const parsed = eventLogSchema.safeParse(v);
	if (!parsed.success)
		return {
			ok: false,
			diagnostics: schemaDiagnostics(document, parsed.error.issues, eventLogSchema)
		};
	const log = parsed.data;
	const errors: Diagnostic[] = [];
	const warnings: Diagnostic[] = [];
	const report = (path: Path, message: string, hint?: string) =>
		errors.push(diagnosticAt(document, path, message, hint));
	const line = (path: Path) => document.locate(path).line;

	const found = lookup(log.scenario);
	if ('missing' in found)
		report(
			['scenario'],
			`unknown scenario "${log.scenario}"`,
			didYouMean(log.scenario, found.known) ?? 'name a scenario by its id'
		);
	else if ('invalid' in found)
		report(['scenario'], `scenario "${log.scenario}" is not valid: ${found.invalid}`);
	const model = 'model' in found ? found.model : undefined;

	const firstLine = new Map<string, number>();
	const ended = new Map<string, { state: string; event: string; line: number }>();
	const events: LoggedEvent[] = log.events.map((e, i) => {
		const at: Path = ['events', i];
		const seen = firstLine.get(e.id);
		if (seen !== undefined)
			report(
				[...at, 'id'],
				`event id "${e.id}" is used twice: first at line ${seen}`,
				'give each event its own id'
			);
		else firstLine.set(e.id, line(at));
		checkDates(log, i, report, (path, message) =>
			warnings.push(diagnosticAt(document, path, message, undefined, 'warning'))
		);
		const resolves = e.resolves.flatMap((r, j): Resolution[] => {
			const path: Path = [...at, 'resolves', j];
			const present = kinds.filter((k) => r[k] !== undefined);
			if (present.length !== 1) {
				report(
					path,
					present.length === 0
						? 'a resolution needs one of taken, reached, outcome, none or unresolved'
						: `a resolution says one thing, not ${present.join(' and ')}`,
					present.length === 0
						? 'write taken: <transition id>, reached: <state path>, outcome: <final state>, none: <why> or unresolved: <why>'
						: 'write each as its own item in resolves:'
				);
				return [];
			}
			if (r.occurred !== undefined && r.outcome === undefined)
				report(
					[...path, 'occurred'],
					'occurred applies only to outcome',
					'remove it, or write outcome: <final state>'
				);
			const base = { note: r.note, line: line(path) };
			if (r.taken !== undefined) {
				if (model) checkTransition(model, r.taken, [...path, 'taken'], report);
				return [{ kind: 'taken', transition: r.taken, ...base }];
			}
			if (r.reached !== undefined) {
				if (model) checkState(model, r.reached, [...path, 'reached'], report);
				return [{ kind: 'reached', state: r.reached, ...base }];
			}
			if (r.outcome !== undefined) {
				const occurred = r.occurred ?? true;
				if (model && checkState(model, r.outcome, [...path, 'outcome'], report)) {
					const state = model.states.get(r.outcome);
					if (state?.kind !== 'final') {
						const endings = [...model.states.values()]
							.filter((s) => s.kind === 'final' && s.region === state?.region)
							.map((s) => s.path);
						report(
							[...path, 'outcome'],
							`"${r.outcome}" is not a final state: an outcome is an ending`,
							`write reached: for a state on the way${endings.length ? `, or name an ending: ${endings.join(', ')}` : ''}`
						);
					} else if (occurred) {
						const before = ended.get(state.region);
						if (before && before.state !== r.outcome)
							report(
								[...path, 'outcome'],
								`the region already ended in "${before.state}" (event ${before.event}, line ${before.line})`,
								'a region ends once: write occurred: false for an ending the record rules out'
							);
						else ended.set(state.region, { state: r.outcome, event: e.id, line: base.line });
					}
				}
				return [{ kind: 'outcome', state: r.outcome, occurred, ...base }];
			}
			if (r.none !== undefined) return [{ kind: 'none', reason: r.none, ...base }];
			return [{ kind: 'unresolved', reason: r.unresolved ?? '', ...base }];
		});
		return {
			id: e.id,
			date: e.date,
			until: e.until,
			what: e.what,
			report: e.report,
			resolves,
			note: e.note,
			line: line(at)
		};
	});
	if (errors.length > 0) return { ok: false, diagnostics: errors };
	return {
		ok: true,
		value: { file: document.file, scenario: log.scenario, asOf: log.asOf, note: log.note, events },
		warnings
	};
}

type Report = (path: Path, message: string, hint?: string) => void;
type Log = {
	asOf: string;
	events: { id: string; date: string; until?: string; report: { date: string } }[];
};

/** A span ends after it begins; events in date order; a report no earlier than its event. */
function checkDates(log: Log, i: number, report: Report, warn: Report): void {
	const e = log.events[i];
	const at: Path = ['events', i];
	if (e.until !== undefined && e.until < e.date)
		report(
			[...at, 'until'],
			`the span ends (${e.until}) before it begins (${e.date})`,
			'swap date and until'
		);
	const previous = log.events[i - 1];
	if (previous && e.date < previous.date)
		report(
			[...at, 'date'],
			`${e.date} is earlier than the event before it (${previous.id}, ${previous.date})`,
			'list the events in date order'
		);
	if (e.report.date < e.date)
		report(
			[...at, 'report', 'date'],
			`the report (${e.report.date}) is dated before the event (${e.date})`,
			'check both dates: a report cannot precede what it reports'
		);
	if (e.date < log.asOf)
		warn(
			[...at, 'date'],
			`${e.date} is before asOf (${log.asOf}): the source could already have known it`
		);
}

function checkTransition(model: Model, id: string, path: Path, report: Report): void {
	const ids = model.transitions.map((t) => t.id);
	if (ids.includes(id)) return;
	report(
		path,
		`unknown transition "${id}"`,
		didYouMean(id, ids) ??
			'name a transition by its id, state path:event, as in crisis.ties.strained:ties.rupture'
	);
}

/** Whether the state exists; reports it when it does not. */
function checkState(model: Model, state: string, path: Path, report: Report): boolean {
	if (state !== '' && model.states.has(state)) return true;
	const paths = [...model.states.keys()].filter(Boolean);
	const full = paths.filter((p) => p.endsWith(`.${state}`));
	report(
		path,
		`unknown state "${state}"`,
		full.length === 1
			? `name states by their full path: write "${full[0]}"`
			: (didYouMean(state, paths) ?? 'use a path from the root, such as crisis.ties.strained')
	);
	return false;
}
