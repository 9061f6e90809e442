/**
 * `npm run query` as a person uses it: its exit code and output, from the command run in process
 * (runMain); src/cli/brink.test.ts runs the real command line.
 */
import { describe, expect, it } from 'vitest';
import { runMain } from '../../tests/unit/runCli';

// talks fail with x in [0.2, 0.6] (middle 0.4); waiting, the crisis turns to war with 0.75.
const fixture = 'tests/fixtures/valid/ladder-claims.yaml';

describe('query', () => {
	it('answers P(a | b) exactly, in labels, with the interval and the chance of what is observed', async () => {
		const result = await runMain('query.ts', [fixture, 'P(war | crisis)']);
		expect(result.code).toBe(0);
		// P(war | crisis) = 0.75 x / x whatever x is: the interval is one figure.
		expect(result.stdout).toMatch(
			/The chance of “War”, given that “crisis” happened:\n {2}75 % +\(90 % of 200 seeded draws of the likelihood ranges: 75 %\)/
		);
		// P(crisis) = x = 0.4 at the middle.
		expect(result.stdout).toMatch(/Observed: “crisis” happened — 40 % likely under these settings/);
		expect(result.stdout).toMatch(/Exact, computed on the chain/);
		expect(result.stdout).toMatch(/^Confidence: /m);
	});

	it('prints the curve of "within k steps"', async () => {
		const result = await runMain('query.ts', [fixture, 'P(war within 1..3)', '--json']);
		expect(result.code).toBe(0);
		const { answer } = JSON.parse(result.stdout);
		// War comes at step 2 or not at all: 0, then 0.75 × 0.4 = 0.3.
		expect(
			answer.curve.map((p: { steps: number; value: number }) => [
				p.steps,
				Number(p.value.toFixed(12))
			])
		).toEqual([
			[1, 0],
			[2, 0.3],
			[3, 0.3]
		]);
		expect(answer.curve[1].interval.low).toBeGreaterThan(0.75 * 0.2 - 1e-9);
		expect(answer.curve[1].interval.high).toBeLessThan(0.75 * 0.6 + 1e-9);
	});

	it('gives expected scores and steps as JSON with ids', async () => {
		const score = JSON.parse(
			(await runMain('query.ts', [fixture, 'E[peace | crisis]', '--json'])).stdout
		);
		expect(score).toMatchObject({
			question: 'E[peace | crisis]',
			exact: true,
			answer: { kind: 'expectation', dimension: 'peace' }
		});
		expect(score.answer.value).toBeCloseTo(-0.5, 12);
		const steps = JSON.parse(
			(await runMain('query.ts', [fixture, 'E[steps until war]', '--json'])).stdout
		);
		expect(steps.answer.value).toBeCloseTo(2, 12);
		expect(steps.confidence.level).toMatch(/low|moderate|high/);
	});

	it('locates a malformed question with a caret and a hint', async () => {
		const result = await runMain('query.ts', [fixture, 'P(war within 2.5)']);
		expect(result.code).toBe(1);
		expect(result.stderr).toBe(
			'question, column 14: "2.5" is not a whole number of steps\n  P(war within 2.5)\n               ^\n  hint: write within 6\n'
		);
	});

	it('offers did-you-mean for an unknown state', async () => {
		const result = await runMain('query.ts', [fixture, 'P(wra | crisis)']);
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/column 3: unknown state "wra"[\s\S]*did you mean "war"\?/);
	});

	it('refuses an impossible observation, naming what makes it impossible', async () => {
		const result = await runMain('query.ts', [fixture, 'P(settled | war within 1)']);
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(
			/“War” happened within 1 step is impossible: the earliest it can happen is step 2/
		);
		expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
	});

	it('tests a proposition as a claim', async () => {
		const result = await runMain('query.ts', [fixture, 'P(war | crisis) > 70%']);
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(
			/The proposition holds under these settings\.\nIt holds in 100 % of 200 seeded draws/
		);
	});

	it('asks for the question when it is missing', async () => {
		const result = await runMain('query.ts', [fixture]);
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/give a scenario id or file, then the question in quotes/);
	});
});
