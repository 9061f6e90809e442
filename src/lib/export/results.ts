/**
 * The numbers on the page as a table: one row per outcome and per dimension, with the exact
 * value, the 90 % interval where likelihoods are ranges, and the Monte Carlo estimate where a
 * run was made. The same rows become CSV (for a spreadsheet) and JSON (for a program).
 */
import type { Observation } from '../engine/observe';
import type { IntervalResult } from '../engine/interval';
import { standardError } from '../engine/montecarlo';
import type { OutcomeSummary } from '../engine/outcomes';
import type { ResultBasis } from '../scenario/confidenceWords';
import type { Model } from '../scenario/model';

export interface ResultRow {
	kind: 'outcome' | 'dimension';
	/** The region an outcome ends ('' for the whole scenario, and for dimensions). */
	region: string;
	id: string;
	label: string;
	/** An outcome's probability, or a dimension's expected score. */
	exact: number;
	low?: number;
	median?: number;
	high?: number;
	monteCarlo?: number;
	/** Standard error of the Monte Carlo estimate (outcomes only: a proportion's). */
	standardError?: number;
}

/** What a Monte Carlo run reports: the summary, and how many runs it made. */
export interface MonteCarloResults extends OutcomeSummary {
	runs: number;
	seed: number | string;
	meanSteps: number;
	unfinished: number;
}

export interface ResultsInput {
	model: Model;
	exact: OutcomeSummary & { expectedSteps: number };
	intervals?: IntervalResult;
	monteCarlo?: MonteCarloResults;
}

/**
 * Outcomes in document order, then dimensions in document order.
 *
 * `resultsTable({ model, exact })[0]` is `{ kind: 'outcome', region: '', id: 'settled', … }`.
 */
export function resultsTable({ model, exact, intervals, monteCarlo }: ResultsInput): ResultRow[] {
	const outcomes = exact.outcomes.map((o): ResultRow => {
		const mc = monteCarlo?.outcomes.find((x) => x.id === o.id);
		return {
			kind: 'outcome',
			region: o.region,
			id: o.id,
			label: o.label,
			exact: o.probability,
			...intervals?.outcomes[o.id],
			...(mc && monteCarlo
				? {
						monteCarlo: mc.probability,
						standardError: standardError(mc.probability, monteCarlo.runs)
					}
				: {})
		};
	});
	const dimensions = Object.entries(model.scenario.dimensions).map(
		([id, dimension]): ResultRow => ({
			kind: 'dimension',
			region: '',
			id,
			label: dimension.label ?? id,
			exact: exact.dimensions[id],
			...intervals?.dimensions[id],
			...(monteCarlo ? { monteCarlo: monteCarlo.dimensions[id] } : {})
		})
	);
	return [...outcomes, ...dimensions];
}

const columns = [
	'kind',
	'region',
	'id',
	'label',
	'exact',
	'low',
	'median',
	'high',
	'monteCarlo',
	'standardError'
] as const satisfies readonly (keyof ResultRow)[];

/**
 * A text cell for a spreadsheet: quoted when it holds a comma, a quote or a line break (RFC 4180),
 * and defused when a spreadsheet would read it as a formula (OWASP "CSV injection"): a cell that
 * starts with = + - @, a tab or a carriage return gets a leading apostrophe, unless it is a number.
 *
 * `csvCell('=1+1') === "'=1+1"`, `csvCell('a,"b"') === '"a,""b"""'`, `csvCell('-0.5') === '-0.5'`
 */
export function csvCell(value: string | number | undefined): string {
	if (value === undefined) return '';
	if (typeof value === 'number') return String(value);
	const plainNumber = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(value);
	const safe = !plainNumber && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
	return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * The rows as CSV: a header row, CRLF line ends (RFC 4180), numbers at full precision. `observed`:
 * what the results are conditioned on, one `observed` row each (its number as id, the words as
 * label). With a basis, two rows close the table: `confidence` (its level as id, its line as
 * label) and `note` (what the numbers are), so that the file carries them wherever it goes.
 */
export function toCsv(rows: ResultRow[], basis?: ResultBasis, observed: string[] = []): string {
	const words = (kind: string, id: string, label: string) =>
		columns.map((c) =>
			csvCell(c === 'kind' ? kind : c === 'id' ? id : c === 'label' ? label : undefined)
		);
	const lines = [
		columns.join(','),
		...rows.map((row) => columns.map((c) => csvCell(row[c])).join(',')),
		...observed.map((text, i) => words('observed', String(i + 1), text).join(',')),
		...(basis
			? [
					words('confidence', basis.confidence.level, basis.line).join(','),
					words('note', 'model', basis.note).join(',')
				]
			: [])
	];
	return `${lines.join('\r\n')}\r\n`;
}

/** The results part of an export: the rows, the endings, and what the numbers were computed with. */
export function toResults(input: ResultsInput) {
	const { exact, intervals, monteCarlo } = input;
	const rows = resultsTable(input);
	return {
		outcomes: rows.filter((r) => r.kind === 'outcome'),
		dimensions: rows.filter((r) => r.kind === 'dimension'),
		endings: exact.endings.map(({ outcomes, label, probability }) => ({
			outcomes,
			label,
			probability
		})),
		expectedSteps: exact.expectedSteps,
		...(intervals && {
			intervals: {
				samples: intervals.samples,
				seed: intervals.seed,
				uncertain: intervals.uncertain
			}
		}),
		...(monteCarlo && {
			monteCarlo: {
				runs: monteCarlo.runs,
				seed: monteCarlo.seed,
				meanSteps: monteCarlo.meanSteps,
				unfinished: monteCarlo.unfinished
			}
		})
	};
}

/**
 * The settings an export records: every choice (resolved), the likelihoods the user set, the seed,
 * the reading of the source when it is not the scenario's own, and what the results are conditioned
 * on when anything was marked as observed.
 */
export interface ExportSettings {
	choices: Record<string, string>;
	likelihoods: Record<string, number>;
	seed: number | string;
	reading?: string;
	observations?: Observation[];
}

/** Keys sorted, so that the same settings give the same JSON whatever order they were set in. */
export function sortedSettings(settings: ExportSettings): ExportSettings {
	const sorted = <T>(r: Record<string, T>) =>
		Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
	return {
		choices: sorted(settings.choices),
		likelihoods: sorted(settings.likelihoods),
		seed: settings.seed,
		...(settings.reading ? { reading: settings.reading } : {}),
		...(settings.observations?.length ? { observations: settings.observations } : {})
	};
}

/**
 * The results download: format name and version, the scenario and its content hash, the settings
 * and the results. Plain data: `JSON.stringify` it.
 */
export function toResultsJson(
	input: ResultsInput & { sha256?: string; settings: ExportSettings; basis?: ResultBasis }
) {
	const { scenario } = input.model;
	return {
		format: 'brink-results',
		version: 1,
		scenario: {
			id: scenario.id,
			title: scenario.title,
			...(input.sha256 !== undefined && { sha256: input.sha256 })
		},
		...(input.basis && { confidence: input.basis.confidence, note: input.basis.note }),
		settings: sortedSettings(input.settings),
		results: toResults(input)
	};
}
