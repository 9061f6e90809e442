/**
 * `npm run export` as a person uses it: its exit codes and output, from the command run in process
 * (runMain); src/cli/brink.test.ts runs the real command line.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from '../../tests/unit/runCli';

const root = join(import.meta.dirname, '../..');
const ladderFile = 'tests/fixtures/valid/ladder.yaml';
const stackTrace = /\n\s+at .+:\d+:\d+/;

const exportCli = (...args: string[]) => runMain('export.ts', args);

describe('export', () => {
	it('--format csv writes a header, one row per outcome and dimension, then the confidence and the note', async () => {
		const result = await exportCli(ladderFile, '--format', 'csv', '--set', 'west.posture=press');
		expect(result.code).toBe(0);
		expect(result.stdout.split('\r\n')).toEqual([
			'kind,region,id,label,exact,low,median,high,monteCarlo,standardError',
			'outcome,,settled,Settled,1,,,,,',
			'outcome,,war,War,0,,,,,',
			'dimension,,peace,Peace,1,,,,,',
			// The memo names no genre, author or outlet; talks.hold and crisis.calm quote nothing.
			'confidence,,low,"Confidence: low — one source, a text of unstated genre by an unnamed author in an unnamed outlet; 2 of 5 steps rest on the model’s assumption only.",,,,,,',
			'note,,model,"These are the probabilities of a model of one argument (“A short memo used by the tests”), not a forecast.",,,,,,',
			''
		]);
	});

	it('--format json holds the settings, the hash and the results, with Monte Carlo on --runs', async () => {
		const result = await exportCli(ladderFile, '--format', 'json', '--runs', '2000', '--seed', '9');
		expect(result.code).toBe(0);
		const json = JSON.parse(result.stdout);
		expect(json).toMatchObject({
			format: 'brink-results',
			scenario: {
				id: 'ladder',
				sha256: createHash('sha256')
					.update(readFileSync(join(root, ladderFile)))
					.digest('hex')
			},
			settings: { choices: { 'west.posture': 'wait' }, likelihoods: {}, seed: 9 },
			results: { monteCarlo: { runs: 2000, seed: 9 } }
		});
		expect(json.results.outcomes[1].monteCarlo).toBeGreaterThan(0.2);
		expect(json.results.outcomes[1].standardError).toBeGreaterThan(0);
	});

	it('--format audit holds the transitions used with their quotes, and the tool version', async () => {
		const result = await exportCli('regional-escalation', '--format', 'audit', '--seed', '4');
		expect(result.code).toBe(0);
		const bundle = JSON.parse(result.stdout);
		const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
		expect(bundle).toMatchObject({
			format: 'brink-audit',
			version: 1,
			tool: { version: pkg.version },
			scenario: { id: 'regional-escalation' },
			settings: { seed: 4 }
		});
		expect(bundle.transitions.length).toBeGreaterThan(5);
		const source = readFileSync(join(root, 'scenarios/sources/putin-iran-2024.txt'), 'utf8');
		for (const t of bundle.transitions) {
			expect(t.expectedFlow).toBeGreaterThan(0);
			for (const e of t.evidence ?? []) expect(source).toContain(e.text);
		}
	});

	it('--format mermaid and --format xstate write the statechart', async () => {
		const mermaid = await exportCli(ladderFile, '--format', 'mermaid');
		expect(mermaid.code).toBe(0);
		expect(mermaid.stdout).toMatch(/^stateDiagram-v2\n\t\[\*\] --> talks\n/);
		const xstate = await exportCli(ladderFile, '--format', 'xstate');
		expect(xstate.code).toBe(0);
		expect(JSON.parse(xstate.stdout)).toMatchObject({ id: 'ladder', states: { talks: {} } });
	});

	it('--out writes the file instead of stdout', async () => {
		const out = join(mkdtempSync(join(tmpdir(), 'brink-export-')), 'ladder.mmd');
		const result = await exportCli(ladderFile, '--format', 'mermaid', '--out', out);
		expect(result.code).toBe(0);
		expect(result.stdout).toBe('');
		expect(readFileSync(out, 'utf8')).toMatch(/^stateDiagram-v2/);
	});

	it.each([
		{ args: [ladderFile], expected: /--format is required: give one of csv, json, audit/ },
		{ args: [ladderFile, '--format', 'xml'], expected: /unknown --format "xml"/ },
		{ args: ['--format', 'csv'], expected: /give one scenario id or file/ },
		{
			args: ['no/such.yaml', '--format', 'csv'],
			expected: /no\/such\.yaml: \(document\): file not found/
		},
		{
			args: [ladderFile, '--format', 'csv', '--set', 'west.postur=press'],
			expected: /unknown choice "west\.postur" \(did you mean "west\.posture"\?\)/
		},
		{
			args: [ladderFile, '--format', 'json', '--likelihood', 'talks:talks.fail=x'],
			expected: /--likelihood talks:talks\.fail takes a number, got "x"/
		},
		{
			args: [ladderFile, '--format', 'csv', '--runs', '0'],
			expected: /--runs takes a whole number/
		},
		{ args: [ladderFile, '--format', 'csv', '--bogus'], expected: /Unknown option '--bogus'/ },
		{
			args: [ladderFile, '--format', 'csv', '--out', join(root, 'no/such/folder/x.csv')],
			expected: /ENOENT/
		}
	])('refuses $args with one clear line and exit 1', async ({ args, expected }) => {
		const result = await exportCli(...args);
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(expected);
		expect(result.stderr).not.toMatch(stackTrace);
		expect(result.stdout).toBe('');
	});
});
