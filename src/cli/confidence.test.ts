/**
 * The confidence and what the numbers are, beside every result of the command line: simulate's
 * text and JSON (also --sensitivity), and every export of results. Real processes, as cli.test.ts.
 */
import { mkdtempSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, runCli } from '../../tests/unit/runCli';

const fixture = 'tests/fixtures/valid/two-sources.yaml';
/** Two independent sources (an opinion column, a news report); 2 of 5 steps quote nothing. */
const expected = {
	level: 'moderate',
	derived: 'moderate',
	reasons: [
		{
			factor: 'sources',
			text: '2 independent sources: an opinion piece by C. Columnist in an unnamed outlet; a news report by an unnamed author in Fixture Wire',
			limit: 'high'
		},
		{
			factor: 'assumptions',
			text: '2 of 5 steps rest on the model’s assumption only',
			limit: 'moderate'
		}
	]
};
const line =
	'Confidence: moderate — 2 independent sources: an opinion piece by C. Columnist in an unnamed outlet; a news report by an unnamed author in Fixture Wire; 2 of 5 steps rest on the model’s assumption only.';
const note =
	'These are the probabilities of a model of an argument drawn from 2 sources (“A column used by the tests”; “A wire report used by the tests”), not a forecast.';

const json = (script: string, ...args: string[]) => {
	const result = runCli(script, args);
	expect(result.stderr).toBe('');
	return JSON.parse(result.stdout);
};

describe('simulate', () => {
	it('--exact --json: confidence { level, derived, reasons } and the note', () => {
		const report = json('simulate.ts', fixture, '--exact', '--json');
		expect(report.confidence).toEqual(expected);
		expect(report.note).toBe(note);
	});

	it('Monte Carlo text: the confidence line and the note under the results', () => {
		const result = runCli('simulate.ts', [fixture, '--runs', '2000']);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain(`\n\n${line}\n${note}\n`);
	});

	it('--sensitivity, text and JSON', () => {
		const args = [fixture, '--sensitivity', '--outcome', 'war'];
		expect(runCli('simulate.ts', args).stdout).toContain(`${line}\n${note}\n`);
		expect(json('simulate.ts', ...args, '--json')).toMatchObject({ confidence: expected, note });
	});

	it('a stated level with its reason: the override beside the derived level', () => {
		const dir = mkdtempSync(join(tmpdir(), 'brink-confidence-'));
		cpSync(join(root, 'tests/fixtures/valid/sources'), join(dir, 'sources'), { recursive: true });
		const text = readFileSync(join(root, fixture), 'utf8').replace(
			'dimensions:\n  peace: { label: Peace }\n',
			'$&confidence: { level: low, reason: The column and the report may share one briefing. }\n'
		);
		writeFileSync(join(dir, 'stated.yaml'), text);
		const report = json('simulate.ts', join(dir, 'stated.yaml'), '--exact', '--json');
		expect(report.confidence).toMatchObject({
			level: 'low',
			derived: 'moderate',
			override: { level: 'low', reason: 'The column and the report may share one briefing.' }
		});
		const printed = runCli('simulate.ts', [join(dir, 'stated.yaml'), '--exact']).stdout;
		expect(printed).toContain(
			'Confidence: low (derived: moderate — overridden because the column and the report may share one briefing.) — 2 independent sources'
		);
	});
});

describe('export', () => {
	it('results JSON and the audit bundle carry the confidence and the note', () => {
		for (const format of ['json', 'audit'])
			expect(json('export.ts', fixture, '--format', format)).toMatchObject({
				confidence: expected,
				note
			});
	});

	it('results CSV closes with a confidence row and a note row', () => {
		const lines = runCli('export.ts', [fixture, '--format', 'csv']).stdout.trimEnd().split('\r\n');
		expect(lines.at(-2)).toMatch(/^confidence,,moderate,"?Confidence: moderate — 2 independent/);
		expect(lines.at(-1)).toMatch(/^note,,model,"These are the probabilities of a model/);
	});
});
