/** `npm run simulate -- <scenario> --watch` as a person uses it. */
import { describe, expect, it } from 'vitest';
import { runMain } from '../../tests/unit/runCli';

describe('simulate --watch', () => {
	it('lists the signposted events, largest effect first, with the signs, in labels', async () => {
		const result = await runMain('simulate.ts', ['regional-escalation', '--watch']);
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(
			/^1\. “[^”]+” — \d+ % likely; seeing it moves “[^”]+” \d+ % → \d+ %$/m
		);
		expect(result.stdout).toMatch(
			/^ {3}watch: .+ \((official statement|wire report|news report|satellite imagery|open-source tracking|investigative report|analysis)\)$/m
		);
		expect(result.stdout).toMatch(/^Confidence: /m);
	});

	it('takes settings, and gives JSON with ids', async () => {
		const result = await runMain('simulate.ts', [
			'regional-escalation',
			'--watch',
			'--json',
			'--set',
			'russia.response=decline'
		]);
		const report = JSON.parse(result.stdout);
		expect(report).toMatchObject({ method: 'watch', choices: { 'russia.response': 'decline' } });
		const changes = report.watches.map((w: { change: number }) => w.change);
		expect(changes).toEqual([...changes].sort((a, b) => b - a));
		// Declining, the jets can no longer come: their event is left out.
		expect(report.watches.map((w: { event: string }) => w.event)).not.toContain(
			'crisis.arms.fullPackage'
		);
	});
});
