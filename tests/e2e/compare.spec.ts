import { expectNoAxeViolations, open, watchErrors, openAnalysis, tableRow } from './ready';
import { expect, test } from '@playwright/test';

const dashboard = '/scenario/regional-escalation';

test.describe('compare a variant with a pinned baseline', () => {
	test("pin, change Russia's answer, read the differences, run paired Monte Carlo, share", async ({
		page,
		browser
	}, testInfo) => {
		// Two simulations, a second browser context and axe on the whole page: the longest test.
		test.slow();
		const errors = watchErrors(page);
		await open(page, dashboard);
		const panel = await openAnalysis(page, 'Compare');
		await panel.getByRole('button', { name: 'Pin current as baseline' }).click();
		await expect(panel.getByText('Now identical to the baseline.')).toBeVisible();
		await expect(panel.getByRole('button', { name: 'Back to the baseline' })).toBeDisabled();

		// Russia: as the article reads it → full package.
		await page.locator('select[data-choice="russia.response"]').selectOption('full');
		await expect(panel.getByText('Changed since the baseline:')).toBeVisible();
		await expect(panel.getByRole('listitem').first()).toContainText(
			"How does Russia answer Iran's request for hardware?"
		);
		await expect(panel.getByRole('listitem').first()).toContainText(
			'Full package, air defence and SU-35 jets'
		);

		// Exact, from the engine (compareExact of the defaults and russia.response=full):
		// ties ruptured 7.9 % → 9.0 % (+1.1), Russia stays out 12.5 % → 0 (−12.5), the north unchanged;
		// written as an analyst writes them (src/lib/format/percent.ts): 8 % → 9 %, 13 % → 0 %.
		const chart = panel.getByRole('region', { name: 'Baseline and now, exact' });
		await expect(
			chart.getByRole('img', { name: /largest change is Russia stays out/ })
		).toHaveCount(1);
		await panel.screenshot({ path: testInfo.outputPath('compare-chart.png') });
		await chart.getByRole('button', { name: 'Show as table' }).click();
		const table = chart.getByRole('table');
		expect(await tableRow(table, 'Ties ruptured')).toEqual([
			'Ties ruptured',
			'8 %',
			'9 %',
			'+1.1 points'
		]);
		expect(await tableRow(table, 'Russia stays out')).toEqual([
			'Russia stays out',
			'13 %',
			'0 %',
			'−12.5 points'
		]);
		expect((await tableRow(table, 'Northern front contained'))[3]).toBe('no change');

		// Paired Monte Carlo: the north does not depend on Russia's answer here, so paired runs give
		// exactly 0 ± 0 there, where independent runs would not.
		await panel.getByLabel('Runs').selectOption('10000');
		await panel.getByRole('button', { name: 'Run paired simulation' }).click();
		await expect(panel.getByText(/10,000 paired runs with seed 1/)).toBeVisible({
			timeout: 30_000
		});
		const paired = panel.getByRole('table', { name: /Paired Monte Carlo/ });
		const north = await tableRow(paired, 'Northern front contained');
		expect(north[3]).toBe('no change ± 0.00');
		expect(Number(north[4].replace('± ', ''))).toBeGreaterThan(0.5);
		const ties = await tableRow(paired, 'Ties ruptured');
		const [difference, error] = ties[3].replace(' points', '').split(' ± ');
		// Within 4.5 of its standard errors (1.96 s.e. is shown) of the exact +1.13 points.
		expect(Math.abs(Number(difference.replace('−', '-')) - 1.13)).toBeLessThan(
			(4.5 / 1.96) * Number(error) + 0.05
		);

		// The link holds the baseline: a fresh page shows the same comparison.
		await expect(page).toHaveURL(/base=1/);
		await expect(page).toHaveURL(/c\.russia\.response=full/);
		const context = await browser.newContext();
		const fresh = await context.newPage();
		await open(fresh, page.url());
		const freshPanel = await openAnalysis(fresh, 'Compare');
		const freshChart = freshPanel.getByRole('region', { name: 'Baseline and now, exact' });
		await freshChart.getByRole('button', { name: 'Show as table' }).click();
		expect(await tableRow(freshChart.getByRole('table'), 'Ties ruptured')).toEqual([
			'Ties ruptured',
			'8 %',
			'9 %',
			'+1.1 points'
		]);
		await context.close();

		// What the test opened; the dashboard is scanned whole in dashboard.spec.ts.
		await expectNoAxeViolations(page, [
			'section.analyses',
			'section[aria-labelledby="outcomes-heading"]'
		]);

		// Back to the baseline: no differences left; unpin: the invitation again.
		await panel.getByRole('button', { name: 'Back to the baseline' }).click();
		await expect(panel.getByText('Now identical to the baseline.')).toBeVisible();
		await expect(page.locator('select[data-choice="russia.response"]')).toHaveValue('article');
		await panel.getByRole('button', { name: 'Unpin' }).click();
		await expect(panel.getByRole('button', { name: 'Pin current as baseline' })).toBeVisible();
		await expect(page).not.toHaveURL(/base=1/);
		expect(errors).toEqual([]);
	});
});
