/**
 * Reproducibility and resilience: the same scenario, choices and seed give the same numbers on the
 * command line, in the Web Worker and after a reload; a worker that fails leaves the page usable
 * with a message, and the next run works.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, test, type Page, type Route } from '@playwright/test';
import { download, open, watchErrors, openAnalysis } from './ready';

const root = join(import.meta.dirname, '../..');
const view = '/scenario/regional-escalation?c.russia.response=full&seed=7';

interface Row {
	id: string;
	exact: number;
	low?: number;
	median?: number;
	high?: number;
	monteCarlo?: number;
}

/** The command line's JSON for these settings (`brink simulate`, built: no TypeScript compiled). */
function cli(...args: string[]) {
	const out = execFileSync(
		process.execPath,
		[
			join(root, 'bin/brink.mjs'),
			'simulate',
			'regional-escalation',
			'--set',
			'russia.response=full',
			'--seed',
			'7',
			'--json',
			...args
		],
		{ cwd: root, encoding: 'utf8' }
	);
	return JSON.parse(out) as {
		outcomes: { id: string; probability: number; interval?: [number, number]; median?: number }[];
	};
}

/** Run the Monte Carlo panel's simulation and save the results as JSON. */
async function simulateAndExport(page: Page, runs: string): Promise<Row[]> {
	const outcomes = page.getByRole('region', { name: 'Outcomes' });
	await outcomes.getByLabel('Runs').selectOption(runs);
	await outcomes.getByRole('button', { name: 'Run simulation' }).click();
	await expect(outcomes.getByText(/runs with seed 7 in \d+ ms/)).toBeVisible({ timeout: 60_000 });
	const panel = await openAnalysis(page, 'Export');
	const file = await download(page, panel.getByRole('button', { name: 'Results (JSON)' }));
	return (JSON.parse(file.bytes.toString('utf8')) as { results: { outcomes: Row[] } }).results
		.outcomes;
}

test.describe('the same seed gives the same numbers everywhere', () => {
	test('command line, worker and reload agree', async ({ page }) => {
		test.setTimeout(180_000);
		const errors = watchErrors(page);
		const simulated = cli('--runs', '100000');
		const exact = cli('--exact', '--samples', '200');

		await open(page, view);
		const first = await simulateAndExport(page, '100000');
		expect(first.map((r) => r.id)).toEqual(simulated.outcomes.map((o) => o.id));
		// The worker's Monte Carlo is the command line's, run for run: equal, not merely close.
		expect(first.map((r) => r.monteCarlo)).toEqual(simulated.outcomes.map((o) => o.probability));
		// The exact analysis and its intervals (200 seeded draws of the ranged likelihoods) too.
		for (const [i, o] of exact.outcomes.entries()) {
			expect(first[i].exact).toBeCloseTo(o.probability, 12);
			if (o.interval) {
				expect(first[i].low).toBeCloseTo(o.interval[0], 12);
				expect(first[i].high).toBeCloseTo(o.interval[1], 12);
				expect(first[i].median).toBeCloseTo(o.median!, 12);
			}
		}

		await page.reload();
		await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		expect(await simulateAndExport(page, '100000')).toEqual(first);
		expect(errors).toEqual([]);
	});
});

test.describe('worker faults leave the page usable', () => {
	// The page starts one analysis worker on its first run and keeps it; a worker that fails is
	// replaced at the next run. So each fault is set up before the worker it breaks is started.
	const workerScript = '**/*analysis.worker*';
	const throwing = (route: Route) =>
		route.fulfill({
			contentType: 'text/javascript',
			body: "self.onmessage = () => { throw new Error('injected fault'); };"
		});

	test('a worker that throws, and one that cannot load, give a message; the next run works', async ({
		page
	}) => {
		// 1. The worker throws on the request.
		await page.route(workerScript, throwing);
		await open(page, view);
		const outcomes = page.getByRole('region', { name: 'Outcomes' });
		await outcomes.getByLabel('Runs').selectOption('10000');
		const run = outcomes.getByRole('button', { name: 'Run simulation' });
		await run.click();
		await expect(outcomes.getByText(/The simulation failed: .*injected fault/)).toBeVisible();
		await expect(run).toBeEnabled();

		// 2. The worker's script is missing.
		await page.unroute(workerScript);
		await page.route(workerScript, (route) => route.fulfill({ status: 404, body: 'gone' }));
		await run.click();
		await expect(outcomes.getByText(/The simulation failed:/)).toBeVisible();

		// The rest of the page still answers: a choice still moves the exact outcomes.
		await page.locator('select[data-choice="russia.response"]').selectOption('decline');
		const table = outcomes.getByRole('region', { name: 'Probability of each outcome' });
		await table.getByRole('button', { name: 'Show as table' }).click();
		await expect(table.getByRole('row', { name: /Russia stays out/ })).toContainText(/100\s%/);

		// 3. With the worker back, the next run completes.
		await page.unroute(workerScript);
		await run.click();
		await expect(outcomes.getByText(/10,000 runs with seed 7 in \d+ ms/)).toBeVisible({
			timeout: 30_000
		});
	});

	test('the paired comparison fails the same way and recovers', async ({ page }) => {
		await page.route(workerScript, throwing);
		await open(page, view);
		const compare = await openAnalysis(page, 'Compare');
		await compare.getByRole('button', { name: 'Pin current as baseline' }).click();
		await compare.getByLabel('Runs').selectOption('10000');
		await compare.getByRole('button', { name: 'Run paired simulation' }).click();
		await expect(compare.getByText(/The paired simulation failed: .*injected fault/)).toBeVisible();
		await page.unroute(workerScript);
		await compare.getByRole('button', { name: 'Run paired simulation' }).click();
		await expect(compare.getByText(/10,000 paired runs with seed 7/)).toBeVisible({
			timeout: 30_000
		});
	});
});
