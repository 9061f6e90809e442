/**
 * `npm run simulate -- <scenario> --events` as a person uses it: the command run in process
 * (runMain) and its output; src/cli/brink.test.ts runs the real command line.
 */
import { describe, expect, it } from 'vitest';
import { runMain } from '../../tests/unit/runCli';

// tests/fixtures/valid/events/ladder.yaml: talks fail (0.4), war (0.75 given the crisis), then a
// calm the model holds impossible after war. At the start P(war) = 0.3, P(settled) = 0.7.
const ladder = 'tests/fixtures/valid/ladder.yaml';

describe('simulate --events', () => {
	it('replays the log: priors, the impossible event loudly and first, the scores by hand', async () => {
		const result = await runMain('simulate.ts', [ladder, '--events']);
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/record of public reports of what followed/);
		expect(result.stdout).toMatch(
			/Surprises first:\n {2}2024-11-01 calm \(The sides calm down after all\.\) — the model held it impossible: .*cannot both hold/
		);
		expect(result.stdout).toMatch(/^2024-09-01 +talks-fail +40 % +step taken/m);
		expect(result.stdout).toMatch(/^2024-10-01 +war +75 % +ended in “War”/m);
		expect(result.stdout).toMatch(/^2024-11-01 +calm +impossible/m);
		// Brier (0.3 − 1)² + (0.7 − 0)² = 0.98; log score ln 0.3 = −1.20 (a true minus sign, as on the page).
		expect(result.stdout).toMatch(/^the scenario +“War” +30 % +0\.98 +−1\.20$/m);
	});

	it('gives, per region, the outcome that occurred or "unresolved" and the probability the model gave it, as JSON', async () => {
		const events = JSON.parse(
			(await runMain('simulate.ts', ['regional-escalation', '--events', '--json'])).stdout
		);
		const exact = JSON.parse(
			(await runMain('simulate.ts', ['regional-escalation', '--exact', '--json'])).stdout
		);
		expect(events.method).toBe('events');
		expect(events.scores.length).toBe(3);
		for (const score of events.scores) {
			if (score.occurred === 'unresolved') continue;
			const outcome = exact.outcomes.find((o: { id: string }) => o.id === score.occurred);
			expect(score.probability).toBeCloseTo(outcome.probability, 12);
			expect(score.brier).toBeGreaterThanOrEqual(0);
			expect(score.brier).toBeLessThanOrEqual(2);
		}
		expect(events.scores.some((s: { occurred: string }) => s.occurred !== 'unresolved')).toBe(true);
		expect(events.confidence.level).toMatch(/low|moderate|high/);
		expect(events.steps.length).toBeGreaterThan(5);
	});

	it('says where it looked when there is no log', async () => {
		const result = await runMain('simulate.ts', ['tests/fixtures/valid/regions.yaml', '--events']);
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(
			/no event log \(looked for events\/regions\.yaml beside the scenario\)/
		);
		expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
	});
});
