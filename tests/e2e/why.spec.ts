import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, open, watchErrors } from './ready';

const dashboard = '/scenario/regional-escalation';

// From the engine (analyze(regional-escalation), default choices): "Ties ruptured" is
// 0.0787899…, written 8 %; its paths per region are two, half of it each: the ties weather the
// support, or "The support strains ties with Israel" (a quoted step); then the strike ruptures
// them (the model's assumption, with the article's Syrian example quoted against it).
const control = /^Why 8\s%\? Ties ruptured$/;
const title = /^Why “Ties ruptured” is about 8\s%$/;

const outcomesOf = (page: Page) => page.getByRole('region', { name: 'Outcomes', exact: true });

test.describe('why this number', () => {
	test(
		'from a bar: the sentence, the paths and steps, the factors; copy; Esc returns focus; axe clean',
		{ tag: '@phone' },
		async ({ page, context }, testInfo) => {
			// Axe on the whole dashboard takes a while on the phone profile of a 2-core machine.
			test.setTimeout(120_000);
			await context.grantPermissions(['clipboard-read', 'clipboard-write']);
			const errors = watchErrors(page);
			await open(page, dashboard);
			const source = (await page.locator('.meta cite').first().innerText()).trim();
			const outcomes = outcomesOf(page);
			const why = outcomes.getByRole('button', { name: control });
			await expect(why).toHaveCount(1);
			// The figure the control frames is the bar's own.
			await expect(outcomes.locator('svg text.value', { hasText: '8\u00a0%' })).not.toHaveCount(0);
			const box = (await why.boundingBox())!;
			expect(box.height).toBeGreaterThanOrEqual(testInfo.project.name === 'phone' ? 44 : 24);
			expect(box.width).toBeGreaterThanOrEqual(24);

			await why.focus();
			await page.keyboard.press('Enter');
			const dialog = page.getByRole('dialog', { name: title });
			await expect(dialog).toBeVisible();
			await expect(page).toHaveURL(/[?&]why=crisis\.ties\.ruptured/);
			const sentence = dialog.locator('blockquote.sentence');
			await expect(sentence).toContainText(`“${source}”`);
			await expect(sentence).toContainText('“Ties ruptured” follows in about 8\u00a0% of runs');

			// Two paths, half each. The second: a quoted step, then the model's assumption with the
			// quote against it, each with who and how likely.
			const paths = dialog.locator('ol.paths > li');
			await expect(paths).toHaveCount(2);
			await expect(paths.first().locator('.share')).toContainText(
				/50\s% of the runs that end in it/
			);
			const steps = paths.nth(1).locator('ol.steps > li');
			await expect(steps).toHaveCount(2);
			await expect(steps.first().getByRole('button')).toHaveText(
				'The support strains ties with Israel'
			);
			await expect(steps.first()).toContainText(/Chance · roughly even chance \(45–55\s%\)/);
			await expect(steps.first().locator('.badge')).toHaveText('supports');
			await expect(steps.nth(1).locator('.badge')).toHaveText(['contradicts', 'assumption']);
			await expect(dialog.getByText(/passes through it/).first()).toBeVisible();
			// The factors come from a sensitivity run in the worker (this is not the build's outcome).
			await expect(dialog.locator('ul.factors li')).toHaveCount(3, { timeout: 30_000 });
			await expect(sentence).toContainText('the largest factor is');

			// Copy the sentence; then a browser that refuses: the status says so and selects it.
			await dialog.getByRole('button', { name: 'Copy sentence' }).click();
			await expect(dialog.getByRole('status')).toHaveText('Sentence copied.');
			expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
				(await sentence.textContent())!.trim()
			);
			await page.evaluate(() => {
				navigator.clipboard.writeText = () => Promise.reject(new Error('refused'));
			});
			await dialog.getByRole('button', { name: 'Copy sentence' }).click();
			await expect(dialog.getByRole('status')).toContainText('Copying was not allowed here');
			expect(await page.evaluate(() => getSelection()?.toString().trim())).toBe(
				(await sentence.textContent())!.trim()
			);

			await expectNoAxeViolations(page);
			await page.screenshot({ path: testInfo.outputPath('why.png') });
			await page.screenshot({ path: `/tmp/why-${testInfo.project.name}.png` });
			await dialog.screenshot({ path: `/tmp/why-${testInfo.project.name}-dialog.png` });

			await page.keyboard.press('Escape');
			await expect(dialog).toBeHidden();
			await expect(why).toBeFocused();
			await expect(page).not.toHaveURL(/why=/);
			expect(errors).toEqual([]);
		}
	);

	test('from a table row; a step in it reveals the workspace', async ({ page }) => {
		const errors = watchErrors(page);
		await open(page, dashboard);
		const outcomes = outcomesOf(page);
		await outcomes.getByRole('button', { name: 'Show as table' }).first().click();
		const why = outcomes.getByRole('table').getByRole('button', { name: control });
		await expect(why).toBeVisible();
		await why.click();
		const dialog = page.getByRole('dialog', { name: title });
		await expect(dialog).toBeVisible();
		await page.keyboard.press('Escape');
		await expect(why).toBeFocused();

		await why.click();
		await dialog
			.getByRole('button', { name: 'The support strains ties with Israel' })
			.first()
			.click();
		await expect(dialog).toBeHidden();
		await expect(page.locator('#workspace')).toBeFocused();
		await expect(page.locator('#workspace')).toBeInViewport();
		expect(errors).toEqual([]);
	});

	test("the home page's Why? opens the scenario with the explanation open", async ({ page }) => {
		const errors = watchErrors(page);
		await open(page, '/');
		const card = page
			.locator('.card')
			.filter({ has: page.getByRole('link', { name: /^Regional escalation/ }) });
		await card.getByRole('link', { name: /^Why\? Ties ruptured, 8\s%$/ }).click();
		await expect(page).toHaveURL(/\/scenario\/regional-escalation\?why=crisis\.ties\.ruptured/);
		await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		const dialog = page.getByRole('dialog', { name: title });
		await expect(dialog).toBeVisible();
		// Nothing in the link was ignored.
		await expect(page.getByText('This link opened with what could be used')).toHaveCount(0);
		await page.keyboard.press('Escape');
		await expect(dialog).toBeHidden();
		await expect(outcomesOf(page).getByRole('button', { name: control })).toBeFocused();
		expect(errors).toEqual([]);
	});
});
