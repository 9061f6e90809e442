/**
 * `npm run export -- <scenario id or file> --format csv|json|audit|mermaid|xstate
 *  [--set actor.choice=option]… [--likelihood transition=value]… [--seed S] [--samples N]
 *  [--runs N] [--out file]`
 *
 * Writes the results (CSV or JSON), the audit bundle, or the statechart (Mermaid or XState
 * JSON) to stdout or a file. Bad input exits 1 with one clear line.
 */
import { writeFileSync } from 'node:fs';
import { analyze, intervalsFor } from '../lib/engine/analyze';
import { SettingsError } from '../lib/engine/compile';
import { monteCarlo } from '../lib/engine/montecarlo';
import { auditBundle } from '../lib/export/audit';
import { toMermaid } from '../lib/export/mermaid';
import { resultsTable, toCsv, toResultsJson } from '../lib/export/results';
import { toXStateJson } from '../lib/export/xstate';
import { resultBasis } from '../lib/scenario/confidenceWords';
import { limits } from '../lib/scenario/limits';
import { toPayload } from '../lib/scenarios/payload';
import { displayPath } from './files';
import { parse, runAsScript, toCount, UsageError, err } from './run';
import { toolVersion } from './version';
import { withReading } from '../lib/engine/reading';
import { loadNamedScenario, settingsOptions, toSettings } from './scenarioArgs';

const formats = ['csv', 'json', 'audit', 'mermaid', 'xstate'] as const;
type Format = (typeof formats)[number];

const usage = `usage: npm run export -- <scenario id or file> --format ${formats.join('|')}
         [--set actor.choice=option]… [--likelihood transition-id=value]… [--seed S]
         [--samples N] [--runs N] [--out file]`;

const isFormat = (value: string | undefined): value is Format =>
	(formats as readonly string[]).includes(value ?? '');

export const options = {
	...settingsOptions,
	format: { type: 'string' },
	samples: { type: 'string' },
	runs: { type: 'string' },
	out: { type: 'string' }
} as const;

function exportResults(argv: string[]): number {
	const { positionals, values: flags } = parse(usage, options, argv);
	if (!isFormat(flags.format)) {
		throw new UsageError(
			`${flags.format === undefined ? '--format is required' : `unknown --format "${flags.format}"`}: give one of ${formats.join(', ')}\n${usage}`
		);
	}
	const loaded = loadNamedScenario(positionals, usage);
	if (!loaded) return 1;
	const { settings, seed } = toSettings(flags);
	const samples = toCount(flags.samples, '--samples', 1000, 100_000);
	const runs = flags.runs === undefined ? 0 : toCount(flags.runs, '--runs', 0, limits.maxRuns);

	let text: string;
	if (flags.format === 'mermaid') text = toMermaid(loaded.model);
	else if (flags.format === 'xstate') text = toXStateJson(loaded.model);
	else {
		const analysis = analyze(loaded.compiled, settings);
		const intervals = intervalsFor(analysis, samples, seed);
		const mc = runs > 0 ? { ...monteCarlo(analysis.chain, runs, { seed }), seed } : undefined;
		// Under a reading, the model the results and the audit describe is the reading's.
		const { model, reading } = withReading(loaded.compiled, settings.reading);
		const results = { model, exact: analysis.exact, intervals, monteCarlo: mc };
		const exportSettings = { ...settings, choices: analysis.choices, seed };
		const basis = resultBasis(loaded, reading);
		if (flags.format === 'csv') text = toCsv(resultsTable(results), basis);
		else if (flags.format === 'json') {
			const json = toResultsJson({
				...results,
				sha256: loaded.sha256,
				settings: exportSettings,
				basis
			});
			text = `${JSON.stringify(json, null, 2)}\n`;
		} else {
			const bundle = auditBundle({
				...results,
				payload: toPayload(loaded),
				settings: exportSettings,
				values: analysis.values,
				steps: [],
				toolVersion: toolVersion()
			});
			text = `${JSON.stringify(bundle, null, 2)}\n`;
		}
	}
	if (flags.out === undefined)
		process.stdout.write(text); // data, as exported: byte for byte
	else {
		writeFileSync(flags.out, text);
		err(`saved ${displayPath(flags.out)}\n`);
	}
	return 0;
}

export function main(argv: string[]): number {
	try {
		return exportResults(argv);
	} catch (error) {
		// Bad input (arguments, settings, an unwritable --out) is the person's to fix: one line,
		// exit 1. Anything else is a bug and goes to run(), which exits 2.
		const bad =
			error instanceof UsageError ||
			error instanceof SettingsError ||
			(error instanceof Error && 'code' in error && typeof error.code === 'string');
		if (!bad) throw error;
		err(`error: ${error.message}\n`);
		return 1;
	}
}

runAsScript(import.meta.url, main);
