import AxeBuilder from '@axe-core/playwright';
import { expectNoAxeViolations, open } from './ready';
import { expect, test, type ConsoleMessage } from '@playwright/test';

test.describe('the scenario list', () => {
	test(
		'prerendered page lists the shipped scenarios with outcomes, accessibly, without console errors',
		{ tag: '@phone' },
		async ({ page }, testInfo) => {
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
		}
	);

	test("regional-escalation's outcomes are grouped by region, each region adding up to 100 %", async ({
		page
	}) => {
		await open(page, '/');
		const card = page
			.locator('.card')
			.filter({ has: page.getByRole('link', { name: /^Regional escalation/ }) });
		await expect(card.getByRole('heading', { level: 4 })).toHaveText([
			'Russian arms to Iran',
			'Israel–Russia ties',
			'The northern front'
		]);
		await expect(card).toContainText("each region's outcomes add up to 100 %");
		const tables = card.getByRole('table');
		await expect(tables).toHaveCount(3);
		// Each region's table is named by the outcomes heading and the region's name.
		await expect(tables.nth(1)).toHaveAccessibleName(
			'Outcomes under the default choices (exact) Israel–Russia ties'
		);
		for (const [i, count] of [3, 5, 6].entries()) {
			const rows = tables.nth(i).locator('tbody tr');
			await expect(rows).toHaveCount(count);
			// Every number still opens “Why this number?”.
			await expect(rows.getByRole('link', { name: /^Why\? / })).toHaveCount(count);
			const figures = await rows.locator('td.num').allInnerTexts();
			const sum = figures.reduce((total, f) => total + Number(f.replace(/[^\d.]/g, '')), 0);
			// Whole percents, rounded one by one: the sum lands within a point or two of 100.
			expect(Math.abs(sum - 100)).toBeLessThanOrEqual(2);
		}
		await expect(card.locator('a[href*="?why="]')).toHaveCount(14);
		// A scenario without parallel regions keeps one table and no region heading.
		const single = page
			.locator('.card')
			.filter({ has: page.getByRole('link', { name: 'Russian arms to Iran', exact: true }) });
		await expect(single.getByRole('table')).toHaveCount(1);
		await expect(single.getByRole('heading', { level: 4 })).toHaveCount(0);
		await expectNoAxeViolations(page);
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
