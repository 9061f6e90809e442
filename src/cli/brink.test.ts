/**
 * `brink`, the one command: the built bin/brink.mjs as a person runs it (help, version, a valid
 * and an invalid file, an unknown command), its help beside the flags each command parses, the
 * bundle's freshness check, and validate loading each scenario once.
 */
import {
	cpSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	utimesSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { root, runCli } from '../../tests/unit/runCli';
import { staleReason } from '../../scripts/build-cli.mjs';
import { load } from './brink';
import { commandHelp, commandNames, commands, type Flag } from './help';

const brink = (...args: string[]) => runCli('', args);
const stackTrace = /\n\s+at .+:\d+:\d+/;

vi.mock('../lib/engine/load', { spy: true });

describe('brink', () => {
	it('--help lists every command and how to get help on one', () => {
		const result = brink('--help');
		expect(result.code).toBe(0);
		const lines = result.stdout.split('\n').map((line) => line.trim().split(/ {2,}/));
		for (const name of commandNames) expect(lines).toContainEqual([name, commands[name].summary]);
		expect(result.stdout).toContain('brink <command> --help');
	});

	it('<command> --help gives the usage, every flag, an example and the exit codes', () => {
		const result = brink('validate', '--help');
		expect(result.code).toBe(0);
		expect(result.stdout).toBe(commandHelp('validate'));
		expect(result.stdout).toMatch(/^usage:\n {2}brink validate \[files or folders…\]/m);
		expect(result.stdout).toMatch(/^ {2}-q, --quiet +leave out/m);
		expect(result.stdout).toMatch(/^examples?:\n {2}brink validate scenarios\//m);
		expect(result.stdout).toMatch(/^exit codes:\n {2}0 {2}.+\n {2}1 {2}.+\n {2}2 {2}/m);
	});

	it('--version prints the version in package.json', () => {
		const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
		expect(brink('--version')).toMatchObject({ code: 0, stdout: `${version}\n` });
	});

	it('validate: a valid file exits 0, an invalid one 1 with file:line:column', () => {
		const valid = brink('validate', 'tests/fixtures/valid/ladder.yaml');
		expect(valid.code).toBe(0);
		expect(valid.stdout).toMatch(/^tests\/fixtures\/valid\/ladder\.yaml: ok /);
		const invalid = brink('validate', 'tests/fixtures/invalid/guard-unknown-choice.yaml');
		expect(invalid.code).toBe(1);
		// Line and column of the guard's `choice:` in the fixture.
		expect(invalid.stdout).toBe(
			'tests/fixtures/invalid/guard-unknown-choice.yaml:43:27: statechart.states.crisis.on.0.when.choice: actor "west" has no choice "stance" (hint: known: "posture")\n'
		);
		expect(invalid.stderr).toBe('1 of 1 file(s) invalid\n');
		expect(invalid.stdout + invalid.stderr).not.toMatch(stackTrace);
	});

	it('an unknown command gets a did-you-mean and exit 2', () => {
		const result = brink('valdiate', 'scenarios/');
		expect(result.code).toBe(2);
		expect(result.stdout).toBe('');
		expect(result.stderr).toMatch(
			/^error: unknown command "valdiate" \(hint: did you mean "validate"\?\)\n/
		);
		expect(result.stderr).not.toMatch(stackTrace);
	});

	it('no command prints the list of commands to stderr and exits 2', () => {
		const result = brink();
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/^commands:$/m);
	});
});

describe('help', () => {
	const flagNames = (flags: Flag[]) =>
		flags.map((f) => `--${f.name}${f.short ? ` -${f.short}` : ''}`).sort();

	it.each(commandNames)('%s --help lists exactly the flags the command parses', async (name) => {
		const { options } = await load[name]();
		const parsed = Object.entries(options ?? {}).map(
			([flag, o]) => `--${flag}${o.short ? ` -${o.short}` : ''}`
		);
		expect(flagNames(commands[name].flags)).toEqual(parsed.sort());
	});
});

describe('the bundle is rebuilt when a file it was built from changes', () => {
	let dir: string | undefined;
	afterEach(() => {
		if (dir) rmSync(dir, { recursive: true, force: true });
	});

	it('up to date, changed in size or time, gone, never built', () => {
		dir = mkdtempSync(join(tmpdir(), 'brink-bundle-'));
		const source = join(dir, 'a.ts');
		writeFileSync(source, 'export const a = 1;\n');
		const { mtimeMs, size } = { mtimeMs: 1_700_000_000_000, size: 20 };
		utimesSync(source, mtimeMs / 1000, mtimeMs / 1000);
		writeFileSync(
			join(dir, 'inputs.json'),
			JSON.stringify({ inputs: { 'a.ts': [mtimeMs, size] } })
		);
		expect(staleReason(dir, dir)).toBeUndefined();
		utimesSync(source, mtimeMs / 1000 + 1, mtimeMs / 1000 + 1);
		expect(staleReason(dir, dir)).toBe('a.ts changed');
		writeFileSync(source, 'export const a = 22;\n');
		utimesSync(source, mtimeMs / 1000, mtimeMs / 1000);
		expect(staleReason(dir, dir)).toBe('a.ts changed');
		rmSync(source);
		expect(staleReason(dir, dir)).toBe('a.ts is gone');
		rmSync(join(dir, 'inputs.json'));
		expect(staleReason(dir, dir)).toBe('not built yet');
	});
});

describe('validate', () => {
	afterEach(() => vi.restoreAllMocks());

	it('loads a scenario once, also when an event log beside it names it', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'brink-once-'));
		cpSync(join(root, 'tests/fixtures/valid/sources'), join(dir, 'sources'), { recursive: true });
		cpSync(join(root, 'tests/fixtures/valid/ladder.yaml'), join(dir, 'ladder.yaml'));
		mkdirSync(join(dir, 'events'));
		writeFileSync(
			join(dir, 'events', 'ladder.yaml'),
			'scenario: ladder\nasOf: 2024-01-01\nevents:\n  - id: e\n    date: 2024-02-01\n    what: Talks break down.\n    report: { kind: news report, outlet: X, title: Y, date: 2024-02-01 }\n    resolves:\n      - reached: crisis\n'
		);
		const stdout = vi.spyOn(process.stdout, 'write').mockReturnValue(true);
		const { loadScenario } = await import('../lib/engine/load');
		vi.mocked(loadScenario).mockClear();
		const { main } = await import('./validate');
		try {
			expect(main([dir])).toBe(0);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
		expect(stdout.mock.calls.map((c) => String(c[0])).join('')).toMatch(
			/events\/ladder\.yaml: ok \(1 event, 1 resolution, against ladder\)/
		);
		expect(loadScenario).toHaveBeenCalledTimes(1);
	});
});
