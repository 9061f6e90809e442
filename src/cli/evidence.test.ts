/**
 * `npm run evidence` as a person uses it: its exit codes and output, from the command run in
 * process (runMain); src/cli/brink.test.ts runs the real command line.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { EvidenceReport } from '../lib/scenario/coverage';
import { runMain, type CliRun } from '../../tests/unit/runCli';

const root = join(import.meta.dirname, '../..');

const evidence = (...args: string[]) => runMain('evidence.ts', args);

/** Typography folded and white space collapsed, independently of the anchoring code. */
const fold = (text: string) =>
	text
		.replace(/[\u2018\u2019]/g, "'")
		.replace(/[\u201c\u201d]/g, '"')
		.replace(/[\u2013\u2014]/g, '-')
		.replace(/\s+/g, ' ')
		.trim();

/** A source's text as stored under scenarios/sources/, through its metadata's `file`. */
function storedText(source: string): string {
	const dir = join(root, 'scenarios/sources');
	const meta = parseYaml(readFileSync(join(dir, `${source}.yaml`), 'utf8')) as { file: string };
	return readFileSync(join(dir, meta.file), 'utf8');
}

describe('evidence --json on russia-arms-to-iran', () => {
	let result: CliRun;
	let report: EvidenceReport;
	beforeAll(async () => {
		result = await evidence('russia-arms-to-iran', '--json');
		report = JSON.parse(result.stdout) as EvidenceReport;
	});

	it('exits 0, with every quote anchored', async () => {
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		expect(report.scenario).toBe('russia-arms-to-iran');
		expect(report.unanchored).toEqual([]);
		expect(report.quotes.length).toBeGreaterThan(0);
	});

	it('gives offsets into the stored text where each quote stands', async () => {
		for (const q of report.quotes) {
			const passage = storedText(q.source).slice(q.start, q.end);
			expect(fold(passage), `${q.transition}: ${q.quote}`).toBe(fold(q.quote));
		}
	});

	it('adds up: evidenced and assumption-only transitions, stances, cited and uncited sentences', async () => {
		expect(report.evidenced + report.assumptionOnly).toBe(report.transitions);
		const { supports, contradicts, context } = report.stances;
		expect(supports + contradicts + context).toBe(report.quotes.length);
		const cited = new Set(
			report.quotes.flatMap((q) => q.sentences.map((id) => `${q.source}:${id}`))
		);
		for (const s of report.uncitedSentences) expect(cited.has(`${s.source}:${s.id}`)).toBe(false);
		const total = Object.values(report.sentenceCounts).reduce((a, b) => a + b, 0);
		expect(cited.size + report.uncitedSentences.length).toBe(total);
		for (const q of report.quotes) expect(q.sentences.length).toBeGreaterThan(0);
	});

	it('lists the likelihoods with their basis', async () => {
		for (const l of report.likelihoods) {
			expect(l.transition).toMatch(/:/);
			if (l.kind === 'range') expect(l.low).toBeLessThan(l.high!);
			if (l.basis === null) expect(['rest', 'certain', 'fixed', 'range']).toContain(l.kind);
		}
		expect(report.withoutBasis).toEqual(
			report.likelihoods
				.filter((l) => (l.kind === 'fixed' || l.kind === 'range') && l.basis === null)
				.map((l) => l.transition)
		);
	});
});

describe('evidence as text', () => {
	it('prints the counts, the likelihoods with a warning, the quotes and the uncited sentences', async () => {
		const result = await evidence('tests/fixtures/valid/ladder.yaml');
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/^Ladder \(tests\/fixtures\/valid\/ladder\.yaml\) — evidence$/m);
		expect(result.stdout).toMatch(/^transitions: +5$/m);
		expect(result.stdout).toMatch(/^ {2}with evidence: +3$/m);
		expect(result.stdout).toMatch(/^ {2}assumption only: +2$/m);
		expect(result.stdout).toMatch(/^quotes: +3 anchored, 0 not anchored$/m);
		expect(result.stdout).toMatch(/^stances: +supports 3, contradicts 0, context 0$/m);
		expect(result.stdout).toMatch(/^talks:talks\.fail +40 % +\(none\)$/m);
		expect(result.stdout).toMatch(
			/^warning: chance transitions whose likelihood has no basis: talks:talks\.fail, crisis:crisis\.fight$/m
		);
		expect(result.stdout).toMatch(
			/^crisis:west\.press +memo +supports +p2\.s1 +A "ceasefire" is likely/m
		);
		expect(result.stdout).toMatch(
			/^sentences of memo no transition cites \(1 of 4\)\np3\.s1 +Talks may fail\.$/m
		);
	});

	it('names the source of each quote, so sentence ids from two sources are told apart', async () => {
		const result = await evidence('tests/fixtures/valid/two-sources.yaml');
		expect(result.code).toBe(0);
		const lines = result.stdout.split('\n');
		const head = lines.findIndex((l) => /^transition +source +stance +sentences +quote$/.test(l));
		expect(head).toBeGreaterThan(0);
		const rows = lines.slice(head + 2, lines.indexOf('', head));
		expect(rows).toHaveLength(3);
		const sources = rows.map((row) => row.split(/ {2,}/)[1]);
		expect(new Set(sources).size).toBe(2);
	});

	it('trims long sentences to about 100 characters', async () => {
		const result = await evidence('russia-arms-to-iran');
		const lines = result.stdout.split('\n');
		const uncited = lines.slice(lines.findIndex((l) => l.startsWith('sentences of')) + 1);
		expect(uncited.length).toBeGreaterThan(1);
		for (const line of uncited) expect(line.length).toBeLessThanOrEqual(110);
	});
});

describe('evidence refusals', () => {
	it('an invalid scenario prints its diagnostics and exits 1', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'brink-evidence-'));
		cpSync(join(root, 'tests/fixtures/valid/sources'), join(dir, 'sources'), { recursive: true });
		const ladder = readFileSync(join(root, 'tests/fixtures/valid/ladder.yaml'), 'utf8');
		writeFileSync(join(dir, 'bad.yaml'), ladder.replace('probably fight', 'certainly fight'));
		const result = await evidence(join(dir, 'bad.yaml'), '--json');
		expect(result.code).toBe(1);
		expect(result.stdout).toBe('');
		expect(result.stderr).toMatch(
			/bad\.yaml:\d+:\d+: .*quote "the sides will certainly fight" is not in the source/
		);
	});

	it.each([
		{ args: [], expected: /give one scenario id or file/ },
		{ args: ['russia-arms-to-iran', '--bogus'], expected: /Unknown option '--bogus'/ }
	])('refuses $args with one line and exit 2', async ({ args, expected }) => {
		const result = await evidence(...args);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(expected);
	});
});
