import AxeBuilder from '@axe-core/playwright';
import { open } from './ready';
import { expect, test, type ConsoleMessage } from '@playwright/test';

test.describe('the scenario list', () => {
	test('prerendered page lists the shipped scenarios with outcomes, accessibly, without console errors', async ({
		page
	}, testInfo) => {
		const errors: string[] = [];
		page.on('console', (message: ConsoleMessage) => {
			if (message.type() === 'error') errors.push(message.text());
		});
		page.on('pageerror', (error) => errors.push(error.message));
		await open(page, '/');
		await expect(
			page.getByRole('heading', { level: 1, name: 'Escalation scenarios' })
		).toBeVisible();
		const cards = page.locator('.card');
		await expect(cards.first()).toBeVisible();
		// No shipped scenario may fail to load.
		await expect(page.locator('.problem')).toHaveCount(0);
		const tables = page.getByRole('table');
		expect(await tables.count()).toBeGreaterThan(0);
		// Each outcome table's probabilities are percentages as an analyst writes them: whole
		// percents, one decimal below 1 % (src/lib/format/percent.ts).
		const cells = await tables.first().locator('td.num').allInnerTexts();
		expect(cells.length).toBeGreaterThan(1);
		for (const cell of cells) expect(cell).toMatch(/^(\d{1,3}|0\.\d|<\s0\.1|>\s99\.\d)\s%$/);

		const axe = await new AxeBuilder({ page }).analyze();
		expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
		await page.screenshot({ path: testInfo.outputPath('home.png'), fullPage: true });
		expect(errors).toEqual([]);
	});

	test('keyboard: the skip link is the first stop and moves focus to the content', async ({
		page
	}) => {
		await open(page, '/');
		await page.keyboard.press('Tab');
		const skip = page.getByRole('link', { name: 'Skip to content' });
		await expect(skip).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/#main$/);
	});

	test('an unknown address gets a 404 page with a way back', async ({ page }) => {
		const response = await open(page, '/no-such-page');
		expect(response?.status()).toBe(404);
		await page.getByRole('link', { name: 'Back to the scenarios' }).click();
		await expect(
			page.getByRole('heading', { level: 1, name: 'Escalation scenarios' })
		).toBeVisible();
	});
});
