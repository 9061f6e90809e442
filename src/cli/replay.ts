/**
 * `npm run simulate -- <scenario> --events [--log file] [--json]`: the scenario's event log
 * replayed against the model as it stood at the source's date (engine/replay.ts), printed with
 * the surprises first, the timeline, the outcomes after the record, and the scores.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Settings } from '../lib/engine/compile';
import type { LoadedScenario } from '../lib/engine/load';
import { replay } from '../lib/engine/replay';
import { formatPercent } from '../lib/format/percent';
import * as words from '../lib/format/replay';
import { formatDiagnostic } from '../lib/scenario/diagnostics';
import { loadEventLogFile, scenariosDir } from './files';
import { err, out, table, plain } from './run';

/** The log for a scenario: `--log`, else `events/<id>.yaml` beside the scenario file, else the shipped one. */
export function eventLogPath(
	loaded: LoadedScenario,
	scenarioArg: string,
	log?: string
): string | undefined {
	if (log) return log;
	const besides = existsSync(scenarioArg) ? dirname(resolve(scenarioArg)) : scenariosDir;
	return ['yaml', 'yml', 'json']
		.map((ext) => join(besides, 'events', `${loaded.scenario.id}.${ext}`))
		.find((p) => existsSync(p));
}

/** Print the replay; 1 when there is no log or it does not validate. */
export function printReplay(
	loaded: LoadedScenario,
	path: string | undefined,
	settings: Settings,
	json: boolean,
	basis: { confidence: unknown; line: string; note: string }
): number {
	if (!path) {
		err(
			`${loaded.scenario.id}: no event log (looked for events/${loaded.scenario.id}.yaml beside the scenario)\n  hint: write one (docs/scenario-format.md, "Event logs") or give --log <file>\n`
		);
		return 1;
	}
	const log = loadEventLogFile(path);
	if (!log.ok) {
		for (const d of log.diagnostics) err(`${formatDiagnostic(d)}\n`);
		return 1;
	}
	const { model } = loaded.compiled;
	const events = log.value.events;
	const result = replay(loaded.compiled, events, settings);
	const byId = new Map(events.map((e) => [e.id, e]));
	const scores = result.scores.map((s) => ({
		region: s.region,
		label: words.regionName(model, s.region),
		occurred: s.occurred ?? 'unresolved',
		...(s.occurred !== undefined && {
			probability: s.probability,
			brier: s.brier,
			log: s.log === -Infinity ? null : s.log
		})
	}));
	if (json) {
		const report = {
			scenario: loaded.scenario.id,
			method: 'events',
			log: log.value.file,
			asOf: log.value.asOf,
			steps: result.steps.map((s) => ({
				...s,
				what: byId.get(s.id)?.what,
				after: Object.fromEntries(s.after.map((o) => [o.id, o.probability]))
			})),
			start: Object.fromEntries(result.start.map((o) => [o.id, o.probability])),
			scores,
			followed: result.followed,
			...basis
		};
		out(`${JSON.stringify(report, null, 2)}\n`);
		return 0;
	}
	out(
		`${loaded.scenario.title} — what happened next, against the model as it stood on ${log.value.asOf}\n${words.replayPreamble(log.value.asOf)}\n\n`
	);
	const surprises = words.surpriseLines(model, result, byId);
	out(
		surprises.length
			? 'Surprises first:\n'
			: 'Nothing surprised the model (no event or outcome below 10 %).\n'
	);
	for (const line of surprises) out(`  ${plain(line)}\n`);
	out('\nTimeline (the probability the model gave each event, given the events before it):\n');
	table(
		['date', 'event', 'model gave it', 'in the model'],
		result.steps.map((s) => [
			s.date,
			s.id,
			plain(words.beforeText(s)),
			[
				...new Set((byId.get(s.id)?.resolves ?? []).map((r) => words.resolutionText(model, r)))
			].join('; ')
		]),
		{ align: 'left' }
	);
	const last = result.steps.at(-1)?.after ?? result.start;
	out(
		`\nOutcomes at ${log.value.asOf} and after the record the model could follow (${plain(formatPercent(result.followed.probability))} likely at the start):\n`
	);
	table(
		['outcome', 'at the start', 'after the record'],
		result.start.map((o, i) => [
			`${o.label}${o.region ? `  [${words.regionName(model, o.region)}]` : ''}`,
			plain(formatPercent(o.probability)),
			plain(formatPercent(last[i].probability))
		])
	);
	out(
		'\nScores (the outcome that occurred, and the probability the model gave it at the start):\n'
	);
	table(
		['region', 'occurred', 'model gave it', 'Brier', 'log score'],
		result.scores.map((s) => {
			const w = words.scoreWords(model, s);
			return [w.region, w.occurred, plain(w.probability), w.brier, w.log];
		}),
		{ align: 'left' }
	);
	out(`${words.scoresNote}\n\n${basis.line}\n${basis.note}\n`);
	return 0;
}
