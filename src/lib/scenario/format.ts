/**
 * What `npm run validate` says about one file, as lines: the command line prints them and the
 * /validate page shows them, so both say the same thing in the same order.
 */
import type { LoadResult } from '../engine/load';
import { plural } from '../format/plural';
import { confidenceOf, type Confidence } from './confidence';
import { formatDiagnostic, type Diagnostic } from './diagnostics';
import type { EventLogResult } from './events';

export interface ReportLine {
	/** `ok` is the one-line verdict of a file that loads. */
	kind: 'error' | 'warning' | 'ok';
	text: string;
	/** The diagnostic behind the line; none for the `ok` line. */
	diagnostic?: Diagnostic;
}

/**
 * The lines for one file, in the order the command line writes them: for a file that loads, its
 * warnings and then `file: ok (…), confidence <level>`; for one that does not, every diagnostic in
 * reading order. The confidence is the scenario's analytic confidence (confidence.ts), so that a
 * reader sees how much weight the numbers can bear before running them.
 *
 * `toReportLines(result).map((l) => l.text)` →
 * `['ladder.yaml: ok (4 states, 5 transitions, 3 quotes anchored), confidence low']`
 */
const toLine = (d: Diagnostic): ReportLine => ({
	kind: d.severity,
	text: formatDiagnostic(d),
	diagnostic: d
});

export function toReportLines(result: LoadResult): ReportLine[] {
	if (!result.ok) return result.diagnostics.map(toLine);
	const { file, model, quotes, warnings } = result.value;
	return [
		...warnings.map(toLine),
		{
			kind: 'ok',
			text: `${file}: ok (${plural(model.states.size - 1, 'state')}, ${plural(model.transitions.length, 'transition')}, ${plural(quotes.length, 'quote')} anchored), ${confidenceWords(confidenceOf(result.value))}`
		}
	];
}

/**
 * The lines for one event log, as for a scenario: its warnings and then
 * `events/x.yaml: ok (9 events, 12 resolutions, against regional-escalation)`, or its problems.
 */
export function toEventLogReportLines(result: EventLogResult): ReportLine[] {
	if (!result.ok) return result.diagnostics.map(toLine);
	const { file, events, scenario } = result.value;
	const resolutions = events.reduce((n, e) => n + e.resolves.length, 0);
	return [
		...result.warnings.map(toLine),
		{
			kind: 'ok',
			text: `${file}: ok (${plural(events.length, 'event')}, ${plural(resolutions, 'resolution')}, against ${scenario})`
		}
	];
}

/** `confidence low`, or `confidence moderate (stated; derived: low)` when the file states another. */
function confidenceWords(c: Confidence): string {
	const stated =
		c.override && c.override.level !== c.derived ? ` (stated; derived: ${c.derived})` : '';
	return `confidence ${c.level}${stated}`;
}
