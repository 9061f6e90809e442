/**
 * The command line as a person uses it: exit codes and output, the commands run in process (runMain)
 * for speed; the cases marked `spawned`, and src/cli/brink.test.ts, run a real process.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runMain } from '../../tests/unit/runCli';

const root = join(import.meta.dirname, '../..');

/** In process (src/cli/brink.ts `main`), as fast as a function call; `spawned`, a real process. */
const cli = (script: string, ...args: string[]) => runMain(script, args);
const spawned = (script: string, ...args: string[]) => runCli(script, args);

const ladder = readFileSync(join(root, 'tests/fixtures/valid/ladder.yaml'), 'utf8');

/** A folder holding the ladder fixture's sources and the given files. */
function workspace(files: Record<string, string | Buffer>): string {
	const dir = mkdtempSync(join(tmpdir(), 'brink-cli-'));
	cpSync(join(root, 'tests/fixtures/valid/sources'), join(dir, 'sources'), { recursive: true });
	for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
	return dir;
}

const stackTrace = /\n\s+at .+:\d+:\d+/;

describe('validate', () => {
	it('accepts the shipped scenarios and the valid fixtures', async () => {
		const result = await cli('validate.ts', 'scenarios', 'tests/fixtures/valid');
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/russia-arms-to-iran\.yaml: ok/);
		expect(result.stdout).toMatch(/ladder\.yaml: ok/);
		// The folder's event logs too, each checked against its scenario.
		expect(result.stdout).toMatch(
			/^scenarios\/events\/regional-escalation\.yaml: ok \(\d+ events, \d+ resolutions, against regional-escalation\)$/m
		);
	});

	it('reads a file in an events/ folder as an event log, checked against its scenario', async () => {
		const result = await cli('validate.ts', 'tests/fixtures/events/unknown-state.yaml');
		expect(result.code).toBe(1);
		expect(result.stdout).toBe(
			'tests/fixtures/events/unknown-state.yaml:9:18: events.0.resolves.0.reached: unknown state "intensifed" (hint: did you mean "intensified"?)\n'
		);
		expect(result.stdout + result.stderr).not.toMatch(stackTrace);
	});

	it("checks a folder's events/ logs against the scenarios beside them", async () => {
		const dir = workspace({ 'ladder.yaml': ladder });
		mkdirSync(join(dir, 'events'));
		const log = (state: string) =>
			`scenario: ladder\nasOf: 2024-01-01\nevents:\n  - id: e\n    date: 2024-02-01\n    what: Talks break down.\n    report: { kind: news report, outlet: X, title: Y, date: 2024-02-01 }\n    resolves:\n      - reached: ${state}\n`;
		writeFileSync(join(dir, 'events', 'ladder.yaml'), log('crisis'));
		expect((await cli('validate.ts', dir)).stdout).toMatch(
			/events\/ladder\.yaml: ok \(1 event, 1 resolution, against ladder\)/
		);
		writeFileSync(join(dir, 'events', 'ladder.yaml'), log('crisiss'));
		const result = await cli('validate.ts', dir);
		expect(result.code).toBe(1);
		expect(result.stdout).toMatch(/ladder\.yaml: ok/);
		expect(result.stdout).toMatch(
			/events\/ladder\.yaml:9:18: events\.0\.resolves\.0\.reached: unknown state "crisiss" \(hint: did you mean "crisis"\?\)/
		);
		expect(result.stderr).toMatch(/1 of 2 file\(s\) invalid/);
	});

	it("names each file's analytic confidence on its ok line", async () => {
		const result = await cli('validate.ts', 'scenarios');
		expect(result.code).toBe(0);
		// The four scenarios (their event logs' ok lines name no confidence: they carry no numbers).
		const ok = result.stdout
			.split('\n')
			.filter((l) => l.includes(': ok (') && !l.includes('/events/'));
		expect(ok).toHaveLength(4);
		// Each shipped scenario rests on one opinion piece by an unnamed author: low.
		for (const line of ok) expect(line).toMatch(/ anchored\), confidence low$/);
	});

	const broken: { name: string; content: string | Buffer; expected: RegExp }[] = [
		{
			name: 'target.yaml',
			content: ladder.replace('target: crisis', 'target: crisiss'),
			expected:
				/^.*target\.yaml:\d+:\d+: statechart\.states\.talks\.on\.0\.target: unknown state "crisiss" \(hint: did you mean "crisis"\?\)$/m
		},
		{
			name: 'syntax.yaml',
			content: 'id: x\ntitle: [unclosed\n',
			expected: /^.*syntax\.yaml:\d+:\d+: \(syntax\): /m
		},
		{
			name: 'types.yaml',
			content: ladder.replace('title: Ladder', 'title: 42'),
			expected: /types\.yaml:\d+:\d+: title: expected string, got 42/
		},
		{
			name: 'over.yaml',
			content: ladder.replace('likelihood: 0.4', 'likelihood: 1.4'),
			expected:
				/over\.yaml:\d+:\d+: statechart\.states\.talks\.on\.0\.likelihood: 1\.4: must be at most 1/
		},
		{
			name: 'quote.yaml',
			content: ladder.replace('quote: Talks may fail.', 'quote: Talks might fail.'),
			expected:
				/quote\.yaml:\d+:\d+: statechart\.states\.talks\.on\.0\.evidence\.0\.quote: quote "Talks might fail\." is not in the source/
		},
		{
			name: 'loop.yaml',
			content:
				'id: x\ntitle: T\nactors: {}\nstatechart:\n  states:\n    a:\n      on:\n        - { event: go, target: a, by: chance, assumption: x }\n    b: { type: final }\n',
			expected: /loop\.yaml:6:\d+: statechart\.states\.a: a loop with no exit/
		},
		{ name: 'empty.yaml', content: '', expected: /empty\.yaml: \(document\): file is empty/ },
		{
			name: 'binary.yaml',
			content: Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0xff, 0xfe, 0x00, 0x01]),
			expected: /binary\.yaml: \(document\): file is not UTF-8 text/
		}
	];

	it.each(broken)(
		'refuses $name with a located message and exit 1, no stack trace',
		async ({ name, content, expected }) => {
			const dir = workspace({ [name]: content });
			const result = await cli('validate.ts', join(dir, name));
			expect(result.code).toBe(1);
			expect(result.stdout).toMatch(expected);
			expect(result.stdout + result.stderr).not.toMatch(stackTrace);
		}
	);

	it('reports every bad file in a folder and still exits 1', async () => {
		const dir = workspace({
			'good.yaml': ladder,
			'bad.yaml': ladder.replace('by: west', 'by: wset')
		});
		const result = await cli('validate.ts', dir);
		expect(result.code).toBe(1);
		expect(result.stdout).toMatch(/good\.yaml: ok/);
		expect(result.stdout).toMatch(
			/bad\.yaml:\d+:\d+: statechart\.states\.crisis\.on\.0\.by: unknown actor "wset" \(hint: did you mean "west"\?\)/
		);
		expect(result.stderr).toMatch(/1 of 2 file\(s\) invalid/);
	});

	it('says so when a file does not exist', async () => {
		const result = spawned('validate.ts', 'no/such/file.yaml');
		expect(result.code).toBe(1);
		expect(result.stdout).toMatch(/no\/such\/file\.yaml: \(document\): file not found/);
	});
});

describe('simulate', () => {
	it('--exact --json gives the scenario, the method and outcomes with probabilities', async () => {
		const result = await cli(
			'simulate.ts',
			'tests/fixtures/valid/ladder.yaml',
			'--exact',
			'--json'
		);
		expect(result.code).toBe(0);
		const report = JSON.parse(result.stdout);
		expect(report).toMatchObject({ scenario: 'ladder', method: 'exact' });
		const war = report.outcomes.find((o: { id: string }) => o.id === 'war');
		expect(war.probability).toBeCloseTo(0.4 * 0.75, 12);
		expect(war.label).toBe('War');
	});

	it('--set changes the choices the analysis runs with', async () => {
		const result = await cli(
			'simulate.ts',
			'tests/fixtures/valid/ladder.yaml',
			'--exact',
			'--json',
			'--set',
			'west.posture=press'
		);
		const report = JSON.parse(result.stdout);
		expect(report.choices).toEqual({ 'west.posture': 'press' });
		expect(report.outcomes.find((o: { id: string }) => o.id === 'war').probability).toBe(0);
	});

	it('gives intervals where likelihoods are ranges', async () => {
		const report = JSON.parse(
			(await cli('simulate.ts', 'russia-arms-to-iran', '--exact', '--json')).stdout
		);
		for (const outcome of report.outcomes) {
			expect(outcome.interval[0]).toBeLessThanOrEqual(outcome.probability);
			expect(outcome.interval[1]).toBeGreaterThanOrEqual(outcome.probability);
		}
	});

	it('Monte Carlo: runs and seed reported; the same seed gives the same numbers, another seed others', async () => {
		const run = async (seed: string) =>
			JSON.parse(
				(
					await cli(
						'simulate.ts',
						'russia-arms-to-iran',
						'--runs',
						'20000',
						'--seed',
						seed,
						'--json'
					)
				).stdout
			);
		const [a, b, c] = [await run('7'), await run('7'), await run('8')];
		expect(a).toMatchObject({
			scenario: 'russia-arms-to-iran',
			method: 'monte-carlo',
			runs: 20000,
			seed: 7
		});
		expect(a.outcomes).toEqual(b.outcomes);
		expect(a.outcomes).not.toEqual(c.outcomes);
	});

	const refusals: { args: string[]; expected: RegExp }[] = [
		{
			args: ['russia-arms-to-iran', '--set', 'russia.response=jets'],
			expected: /"jets" is not an option of russia\.response/
		},
		{
			args: ['russia-arms-to-iran', '--set', 'rusia.response=full'],
			expected: /unknown choice "rusia\.response" \(did you mean "russia\.response"\?\)/
		},
		{
			args: ['russia-arms-to-iran', '--set', '__proto__=x'],
			expected: /unknown choice "__proto__" \(known: "russia\.response", /
		},
		{
			args: ['russia-arms-to-iran', '--likelihood', '__proto__=0.5'],
			expected: /unknown transition "__proto__" \(known: "favours:iran\.request", /
		},
		{ args: ['russia-arms-to-iran', '--runs', '0'], expected: /--runs takes a whole number/ },
		{ args: ['russia-arms-to-iran', '--bogus'], expected: /Unknown option '--bogus'/ },
		{ args: [], expected: /give one scenario id or file/ }
	];
	it.each(refusals)('refuses $args with one clear line and exit 2', async ({ args, expected }) => {
		const result = await cli('simulate.ts', ...args);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(expected);
		expect(result.stderr).not.toMatch(stackTrace);
	});

	it('--sensitivity --outcome --json gives one bar per factor, largest effect first', async () => {
		const result = await cli(
			'simulate.ts',
			'tests/fixtures/valid/ladder.yaml',
			'--sensitivity',
			'--outcome',
			'war',
			'--json'
		);
		expect(result.code).toBe(0);
		const report = JSON.parse(result.stdout);
		expect(report).toMatchObject({
			scenario: 'ladder',
			method: 'sensitivity',
			outcome: 'war',
			label: 'War',
			choices: { 'west.posture': 'wait' }
		});
		expect(report.base).toBeCloseTo(0.3, 12);
		expect(report.milliseconds).toBeGreaterThanOrEqual(0);
		expect(report.bars).toHaveLength(1);
		expect(report.bars[0]).toMatchObject({
			kind: 'choice',
			id: 'west.posture',
			low: 0,
			lowAt: 'press',
			highAt: 'wait'
		});
		expect(report.bars[0].high).toBeCloseTo(0.3, 12);
	});

	it('--sensitivity prints a table of factors on the shipped scenario', async () => {
		const result = await cli(
			'simulate.ts',
			'regional-escalation',
			'--sensitivity',
			'--outcome',
			'crisis.ties.ruptured'
		);
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/factor\s+low\s+high\s+effect\s+at/);
		expect(result.stdout).toMatch(/^russia\.response\s+\d/m);
	});

	const sensitivityRefusals: { args: string[]; expected: RegExp }[] = [
		{
			args: ['tests/fixtures/valid/ladder.yaml', '--sensitivity', '--outcome', 'wra'],
			expected: /^error: unknown outcome "wra" \(did you mean "war"\?\)$/m
		},
		{
			args: ['tests/fixtures/valid/ladder.yaml', '--sensitivity'],
			expected: /--sensitivity needs --outcome/
		},
		{
			args: ['tests/fixtures/valid/ladder.yaml', '--outcome', 'war'],
			expected: /--outcome goes with --sensitivity/
		}
	];
	it.each(sensitivityRefusals)('refuses $args with exit 2', async ({ args, expected }) => {
		const result = await cli('simulate.ts', ...args);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(expected);
		expect(result.stderr).not.toMatch(stackTrace);
	});

	it('--assumptions --json lists every assumption with its effect, largest first', async () => {
		const result = await cli(
			'simulate.ts',
			'tests/fixtures/valid/assumptions.yaml',
			'--assumptions',
			'--json'
		);
		expect(result.code).toBe(0);
		const report = JSON.parse(result.stdout);
		expect(report).toMatchObject({ scenario: 'assumptions', method: 'assumptions', choices: {} });
		expect(report.milliseconds).toBeGreaterThanOrEqual(0);
		// The effects are checked by hand in src/lib/engine/assumptions.test.ts.
		expect(report.assumptions.map((a: { id: string }) => a.id)).toEqual([
			'crisis.b.b0:b.hot',
			'crisis.a.a0:a.go',
			'crisis.b.hot:cost'
		]);
		expect(report.assumptions[0]).toMatchObject({
			kind: 'range',
			label: 'b.hot',
			transitions: ['crisis.b.b0:b.hot', 'crisis.b.b0:b.cool'],
			low: 0.2,
			high: 0.6,
			reached: true,
			outcome: { id: 'crisis.b.hot', label: 'Hot' },
			score: { id: 'cost', label: 'Cost' }
		});
		expect(report.assumptions[0].effect).toBeCloseTo(0.2, 9);
	});

	it('--assumptions prints a table with a header row, largest effect first', async () => {
		const result = await cli('simulate.ts', 'russia-arms-to-iran', '--assumptions');
		expect(result.code).toBe(0);
		const lines = result.stdout.split('\n');
		const head = lines.findIndex((l) =>
			/^assumption\s+kind\s+now\s+swing\s+outcome moved most/.test(l)
		);
		expect(head).toBeGreaterThan(0);
		expect(lines[head + 1]).toMatch(/^-+\s+-+/);
		const rows = lines.slice(head + 2, lines.indexOf('', head));
		expect(rows.length).toBeGreaterThan(10);
		const effects = rows.map((r) => Number(/([\d.]+) %$/.exec(r)![1]));
		expect(effects).toEqual([...effects].sort((a, b) => b - a));
		expect(effects[0]).toBeGreaterThan(0);
		// Labels, not ids.
		expect(result.stdout).not.toMatch(/chance\.\w+/);
		// What the effect measures, so that a binary score's whole flip reads for what it is.
		expect(result.stdout).toMatch(
			/expected score relative to its dimension’s range \(max − min, the width of its scale\)/
		);
	});

	it('refuses --assumptions with --sensitivity', async () => {
		const result = await cli(
			'simulate.ts',
			'russia-arms-to-iran',
			'--assumptions',
			'--sensitivity',
			'--outcome',
			'declined'
		);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/give one of --assumptions, --sensitivity, --events and --watch/);
	});

	it('--reading runs under a reading of the source and says so, in text and JSON', async () => {
		const file = 'tests/fixtures/valid/readings.yaml';
		const json = await cli('simulate.ts', file, '--exact', '--json', '--reading', 'gloomy');
		expect(json.code).toBe(0);
		const report = JSON.parse(json.stdout);
		expect(report.reading).toEqual({ id: 'gloomy', label: 'A gloomy reading' });
		// Under "wait": 0.8 × 0.75 as the gloomy reading has it (the memo's own: 0.4 × 0.75).
		const war = report.outcomes.find((o: { id: string }) => o.id === 'war');
		expect(war.probability).toBeCloseTo(0.8 * 0.75, 12);
		const text = await cli('simulate.ts', file, '--reading', 'gloomy', '--runs', '1000');
		expect(text.code).toBe(0);
		expect(text.stdout).toMatch(/\nreading: A gloomy reading \(gloomy\)\n/);
		// 0.8 lies outside the memo's own band for the step: the confidence says so, text and JSON.
		const departs = 'a gloomy reading departs from the source in 1 step';
		expect(text.stdout).toMatch(new RegExp(`^Confidence: low — .*; ${departs}\\.$`, 'm'));
		expect(report.confidence.level).toBe('low');
		expect(report.confidence.reasons.at(-1)).toEqual({
			factor: 'reading',
			text: departs,
			limit: 'low'
		});
		expect(report.confidence.reading).toEqual({
			id: 'gloomy',
			label: 'A gloomy reading',
			departures: 1
		});
		const own = JSON.parse((await cli('simulate.ts', file, '--exact', '--json')).stdout);
		expect(JSON.stringify(own.confidence)).not.toMatch(/departs/);
	});

	it('an unknown reading exits 2 naming the readings there are', async () => {
		const result = await cli(
			'simulate.ts',
			'tests/fixtures/valid/readings.yaml',
			'--reading',
			'glomy'
		);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(
			/unknown reading "glomy" \(did you mean "gloomy"\?\): its readings are gloomy/
		);
		expect(result.stderr).not.toMatch(stackTrace);
	});

	it('an invalid scenario file exits 1 with its diagnostics', async () => {
		const dir = workspace({ 'bad.yaml': ladder.replace('target: crisis', 'target: nowhere') });
		const result = spawned('simulate.ts', join(dir, 'bad.yaml'));
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/unknown state "nowhere"/);
	});
});

describe('bench', () => {
	it('prints both rates, their ratio, and identical tallies', async () => {
		const result = await cli(
			'bench.ts',
			'tests/fixtures/valid/ladder.yaml',
			'--runs',
			'20000',
			'--actor-runs',
			'300',
			'--quick',
			'--json'
		);
		expect(result.code).toBe(0);
		const report = JSON.parse(result.stdout);
		// Exploration: both ways on regional-escalation and on 4 ladders of 4 states (4^4 states).
		const { exploration } = report;
		expect(exploration.regional.tables.states).toBe(exploration.regional.machine.states);
		expect(exploration.ladders.states).toBe(4 ** 4);
		expect(exploration.ladders.machine.states).toBe(4 ** 4);
		expect(exploration.million.states).toBe(5 ** 5);
		expect(exploration.refusal.message).toMatch(/more than 1,000 reachable states/);
		expect(exploration.regional.ratio).toBeCloseTo(
			exploration.regional.tables.edgesPerSecond / exploration.regional.machine.edgesPerSecond,
			6
		);
		expect(report.identicalTallies).toBe(true);
		expect(report.actor.runsPerSecond).toBeGreaterThan(0);
		expect(report.engine.runsPerSecond).toBeGreaterThan(0);
		expect(report.ratio).toBeCloseTo(report.engine.runsPerSecond / report.actor.runsPerSecond, 6);
	});
});
