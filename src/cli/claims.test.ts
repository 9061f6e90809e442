/**
 * `npm run claims` as a person uses it: its exit code and output, from the command run in process
 * (runMain); src/cli/brink.test.ts runs the real command line.
 */
import { describe, expect, it } from 'vitest';
import { runMain } from '../../tests/unit/runCli';

const fixture = 'tests/fixtures/valid/ladder-claims.yaml';

describe('claims', () => {
	it('prints a table with labels, verdicts, shares of draws and the built-in mark', async () => {
		const result = await runMain('claims.ts', [fixture]);
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(
			/^War is unlikely +fails +holds in \d+ % of 200 draws +tested: can fail$/m
		);
		expect(result.stdout).toMatch(
			/^Pressing for talks keeps the peace better +holds +holds in 100 % of 200 draws +built into the model, not tested by it$/m
		);
		expect(result.stdout).toMatch(/all 2 combinations of choices at 15 likelihood points/);
	});

	it('takes settings: pressing for talks, war is unlikely in every draw', async () => {
		const result = await runMain('claims.ts', [fixture, '--set', 'west.posture=press']);
		expect(result.stdout).toMatch(/^War is unlikely +holds +holds in 100 % of 200 draws/m);
	});

	it('prints JSON with ids', async () => {
		const result = await runMain('claims.ts', [fixture, '--json', '--samples', '100']);
		const report = JSON.parse(result.stdout);
		expect(report.claims.map((c: { id: string }) => c.id)).toEqual([
			'warUnlikely',
			'pressHelps',
			'warNeedsCrisis'
		]);
		expect(report.claims[0]).toMatchObject({
			verdict: 'fails',
			holds: 'P(war) < 20%',
			draws: { samples: 100 },
			builtIn: { checked: true, builtIn: false }
		});
		expect(report.claims[2].builtIn).toMatchObject({ checked: true, builtIn: true });
	});

	it('refuses an unknown option with a hint and no stack trace', async () => {
		const result = await runMain('claims.ts', [fixture, '--set', 'west.posture=pres']);
		expect(result.code).not.toBe(0);
		expect(result.stderr).toMatch(
			/"pres" is not an option of west.posture \(did you mean "press"\?\)/
		);
		expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
	});
});
