import { expect, test } from '@playwright/test';
import { open, settledOutcomes } from './ready';

const dashboard = '/scenario/regional-escalation';

test.describe('sharing a view by its link', () => {
	test('a link opened in a fresh page reproduces the choices, seed, steps and numbers', async ({
		page,
		browser
	}) => {
		await open(page, dashboard);
		await page.locator('select[data-choice="russia.response"]').selectOption('full');
		const outcomes = page.getByRole('region', { name: 'Outcomes' });
		await outcomes.getByLabel('Seed').fill('7');
		await outcomes.getByLabel('Seed').press('Tab');
		const steps = page.getByRole('region', { name: 'Step through' });
		for (let i = 0; i < 3; i++)
			await steps.getByRole('button', { name: 'Let chance decide' }).click();
		await expect(steps.locator('ol.history li')).toHaveCount(3);
		await expect(page).toHaveURL(/c\.russia\.response=full/);
		await expect(page).toHaveURL(/seed=7/);
		// The address follows each step a moment later: read it once it holds all three.
		const stepsInUrl = () => new URL(page.url()).searchParams.get('steps')?.split(',').length;
		await expect.poll(stepsInUrl).toBe(3);
		const url = page.url();
		const history = await steps.locator('ol.history li').allInnerTexts();
		const numbers = await (await settledOutcomes(page)).innerText();

		const fresh = await browser.newPage();
		await open(fresh, url);
		const freshSteps = fresh.getByRole('region', { name: 'Step through' });
		expect(await freshSteps.locator('ol.history li').allInnerTexts()).toEqual(history);
		await expect(fresh.locator('select[data-choice="russia.response"]')).toHaveValue('full');
		expect(await (await settledOutcomes(fresh)).innerText()).toBe(numbers);
		// Letting chance go on from the shared view continues as it would have in the original.
		await steps.getByRole('button', { name: 'Let chance decide' }).click();
		await freshSteps.getByRole('button', { name: 'Let chance decide' }).click();
		await expect(steps.locator('ol.history li')).toHaveCount(4);
		await expect(freshSteps.locator('ol.history li')).toHaveCount(4);
		expect(await freshSteps.locator('ol.history li').allInnerTexts()).toEqual(
			await steps.locator('ol.history li').allInnerTexts()
		);
		await expect(fresh.getByRole('status').filter({ hasText: 'Ignored' })).toHaveCount(0);
		await fresh.close();
	});

	test('a tampered link opens with what it could use and says what it ignored', async ({
		page
	}) => {
		await open(
			page,
			`${dashboard}?c.russia.response=decline&c.iran.posture=nuclear&seed=abc&steps=nowhere:go&evil=%3Cscript%3E`
		);
		await expect(page.locator('select[data-choice="russia.response"]')).toHaveValue('decline');
		const notice = page.getByRole('status').filter({ hasText: 'Ignored' });
		await expect(notice).toContainText(
			'"nuclear" is not an option of “Iran: Does Iran join a widening war directly?”'
		);
		await expect(notice).toContainText('seed "abc" is not a whole number');
		await expect(notice).toContainText('1 of 1 steps could not be taken');
		await expect(notice).toContainText('unknown part "evil"');
		await notice.getByRole('button', { name: 'Dismiss' }).click();
		await expect(notice).toHaveCount(0);
		// The address bar now holds only what was used.
		await expect(page).toHaveURL(/\?c\.russia\.response=decline$/);
	});

	test('the copy-link button copies the address of this view', async ({
		page,
		context,
		browserName
	}) => {
		test.skip(browserName !== 'chromium', 'clipboard permissions are Chromium-specific');
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		await open(page, dashboard);
		await page.locator('select[data-choice="iran.posture"]').selectOption('direct');
		await page.getByRole('button', { name: 'Copy link to this view' }).click();
		await expect(page.getByText('Link copied')).toBeVisible();
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
	});
});
