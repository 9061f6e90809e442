import { expectNoAxeViolations, open, openAnalysis } from './ready';
import { expect, test } from '@playwright/test';

const dashboard = '/scenario/regional-escalation';

test.describe('what matters most (sensitivity)', () => {
	test('ranks the factors of an outcome, selects one by keyboard, and has a table', async ({
		page
	}, testInfo) => {
		// Axe on a whole page and many round trips: past 60 s when two cores are saturated.
		test.slow();
		await open(page, dashboard);
		const panel = await openAnalysis(page, 'What matters most');
		await panel.getByLabel('Outcome').selectOption({ label: 'Ties ruptured' });
		await expect(panel.getByRole('heading', { name: 'What moves “Ties ruptured”' })).toBeVisible();

		// From the engine: Israel's choice on the Russian systems moves it 39.4 points (a strike ruptures
		// the ties over a 20–70 % range), Russia's answer 9.0.
		const bars = panel.locator('g.row[role="button"]');
		await expect(bars.first()).toHaveAttribute(
			'aria-label',
			/^Does Israel strike Russian-supplied systems in Iran\?: 0\s%\s\(Refrains\) to 39\s%\s\(Strikes them\), 39\.4 percentage points/
		);
		await expect(bars.nth(1)).toHaveAttribute(
			'aria-label',
			/^How does Russia answer Iran's request for hardware\?: .*, 9\.0 percentage points/
		);
		await expect(
			panel.getByRole('group', { name: /the largest is Does Israel strike/ })
		).toHaveCount(1);

		// Activating a bar with the keyboard selects the first transition it acts on.
		const article = page.getByRole('complementary', { name: 'The article' });
		await bars.first().focus();
		await page.keyboard.press('Enter');
		await expect(article.locator('.selection strong')).toHaveText(/\S/);
		await page.screenshot({ path: testInfo.outputPath('sensitivity.png'), fullPage: true });
		await panel.screenshot({ path: testInfo.outputPath('sensitivity-panel.png') });

		// The table lists the same factors, largest first.
		await panel.getByRole('button', { name: 'Show as table' }).click();
		const rows = panel.locator('tbody tr');
		await expect(rows.first().getByRole('rowheader')).toHaveText(
			'Does Israel strike Russian-supplied systems in Iran?'
		);
		await expect(rows.nth(1).getByRole('rowheader')).toHaveText(
			"How does Russia answer Iran's request for hardware?"
		);
		await expect(rows.first()).toContainText('39.4 percentage points');

		// What the test opened; the dashboard is scanned whole in dashboard.spec.ts.
		await expectNoAxeViolations(page, ['section.analyses', '#workspace']);
	});
});
