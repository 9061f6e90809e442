import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, open, watchErrors } from './ready';

const dashboard = '/scenario/regional-escalation';

test.describe('what happened next', () => {
	test('the replay: the first surprise, an event with its report and prior, the scores; axe clean', async ({
		page
	}, testInfo) => {
		test.slow(); // axe on the whole dashboard, as in claims.spec.ts
		const errors = watchErrors(page);
		await open(page, `${dashboard}#events`);
		const region = page.getByRole('region', { name: 'What happened next', exact: true });
		const panel = region.locator('[data-replay="ready"]');
		await expect(panel).toBeVisible();
		await expect(panel).toContainText('record of public reports');
		// What the numbers are, with the scenario's own confidence, stands in the replay too.
		await expect(panel).toContainText(/Confidence: low/);
		await expect(panel).toContainText('not a forecast');
		// The first surprise: the northern front ended where the model gave it little at the start
		// (the figure is the engine's, as `npm run simulate -- regional-escalation --events` prints it).
		const first = panel.locator('.surprises li').first();
		await expect(first).toContainText(
			/ended in “Iran's attack intercepted”, which the model gave \d+\s% at the start/
		);
		// An event with its report and the probability the model gave it beforehand.
		const missiles = panel.locator('li[data-event="iran-missiles"]');
		await expect(missiles).toContainText('2024-10-01');
		await expect(missiles).toContainText(/In the model: reached “Iran attacks Israel directly”\./);
		await expect(missiles).toContainText(/The model gave it: \d+\s%/);
		// An event the model has no counterpart for says so.
		const pagers = panel.locator('li[data-event="pagers"]');
		await expect(pagers).toContainText('no counterpart in the model');
		await expect(pagers).not.toContainText('The model gave it');
		// The scores by region.
		const scores = panel.getByRole('table');
		await expect(scores.getByRole('row', { name: /The northern front/ })).toContainText(
			/“Iran's attack intercepted”\s*\d+\s%\s*\d\.\d\d/
		);
		await expect(scores.getByRole('row', { name: /Israel–Russia ties/ })).toContainText(
			'unresolved'
		);
		await panel.scrollIntoViewIfNeeded();
		await page.screenshot({ path: testInfo.outputPath('what-happened.png') });
		await expectNoAxeViolations(page);
		expect(errors).toEqual([]);
	});

	test('reached by keyboard alone: the tab, then an event’s outcomes', async ({ page }) => {
		await open(page, dashboard);
		const tab = page.getByRole('tab', { name: 'What matters most', exact: true });
		await tab.focus();
		// Arrow keys move along the tab list (WAI-ARIA tabs): End, then back past Export and
		// "Ask a question".
		await page.keyboard.press('End');
		await page.keyboard.press('ArrowLeft');
		await page.keyboard.press('ArrowLeft');
		const events = page.getByRole('tab', { name: 'What happened next', exact: true });
		await expect(events).toBeFocused();
		await expect(events).toHaveAttribute('aria-selected', 'true');
		const panel = page.locator('[data-replay="ready"]');
		await expect(panel).toBeVisible();
		// Tab into the panel's first control: a report's link or an event's details.
		const details = panel.locator('li[data-event="air-campaign"] summary');
		await details.focus();
		await page.keyboard.press('Enter');
		await expect(panel.locator('li[data-event="air-campaign"] details')).toHaveAttribute(
			'open',
			''
		);
		await expect(panel.locator('li[data-event="air-campaign"] details li').first()).toContainText(
			'→'
		);
	});
});

test.describe('what to watch next', () => {
	test('the signs, largest effect first; "It happened" marks one observed; axe clean', async ({
		page
	}) => {
		test.slow(); // axe on the whole dashboard
		const errors = watchErrors(page);
		await open(page, dashboard);
		const section = page.getByRole('region', { name: 'What has happened' });
		const summary = section.getByText('What to watch next', { exact: true });
		await summary.focus();
		await page.keyboard.press('Enter');
		const list = section.locator('[data-watch="ready"]');
		await expect(list).toBeVisible();
		const first = list.locator(':scope > li').first();
		await expect(first).toContainText(
			/— \d+\s% likely; seeing it would move “[^”]+” [\d.<> ]+\s% → [\d.<> ]+\s%\./
		);
		await expect(first).toContainText('Watch for:');
		const event = await first.getAttribute('data-watch-event');
		await first.getByRole('button', { name: /^It happened: / }).click();
		await expect(section).toHaveAttribute('data-observed', '1');
		await expect(section.getByRole('list', { name: 'Marked as observed' })).toContainText(
			'happened'
		);
		await expect(list.locator(`li[data-watch-event="${event}"]`)).toHaveCount(0);
		await expect(page).toHaveURL(/o=/);
		await expectNoAxeViolations(page);
		expect(errors).toEqual([]);
	});
});
