import AxeBuilder from '@axe-core/playwright';
import { open, watchErrors } from './ready';
import { expect, test } from '@playwright/test';

const dashboard = '/scenario/regional-escalation';

test.describe('the dashboard', () => {
	test(
		'opens with every panel, passes axe, and logs no errors',
		{ tag: '@phone' },
		async ({ page }, testInfo) => {
			// Axe on the whole dashboard and full-page screenshots: near a minute on a busy machine.
			test.slow();
			const errors = watchErrors(page);
			await open(page, dashboard);
			await expect(
				page.getByRole('heading', { level: 1, name: /Regional escalation/ })
			).toBeVisible();
			for (const name of [
				"Actors' choices",
				'Outcomes',
				'Statechart',
				'Step through',
				'The article',
				"The article's claims, tested"
			]) {
				await expect(page.getByRole('heading', { level: 2, name, exact: true })).toBeVisible();
			}
			await expect(page.getByRole('alert')).toHaveCount(0); // no panel failed
			const axe = await new AxeBuilder({ page }).analyze();
			expect(axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
			await page.screenshot({ path: testInfo.outputPath('dashboard.png'), fullPage: true });
			expect(errors).toEqual([]);
		}
	);

	test('comes with its statechart laid out, without the layout library (ELK) in its scripts', async ({
		page
	}) => {
		// elkjs is 1.4 MB of script: the layout is made at build time and the page draws it.
		const scripts: Promise<string>[] = [];
		page.on('response', (r) => {
			if (r.request().resourceType() === 'script') scripts.push(r.text());
		});
		await open(page, dashboard);
		await expect(
			page.getByRole('region', { name: 'Statechart' }).locator('svg [data-path]').first()
		).toBeAttached();
		const texts = await Promise.all(scripts);
		expect(texts.length).toBeGreaterThan(0);
		expect(texts.filter((t) => t.includes('org.eclipse.elk')).length).toBe(0);
	});

	test('plays from start to an outcome with the keyboard alone, keeping a history', async ({
		page
	}) => {
		await open(page, dashboard);
		const steps = page.getByRole('region', { name: 'Step through' });
		for (let i = 0; i < 20; i++) {
			if (await steps.getByText('Ended:').isVisible()) break;
			const option = steps.locator('button.option').first();
			await option.focus();
			await page.keyboard.press('Enter');
		}
		await expect(steps.getByText('Ended:')).toBeVisible();
		const history = steps.getByRole('list').last();
		expect(await history.getByRole('listitem').count()).toBeGreaterThanOrEqual(3);
		// Undo goes back one step; restart goes back to the start.
		await steps.getByRole('button', { name: 'Undo' }).press('Enter');
		await expect(steps.getByText('Ended:')).toBeHidden();
		await steps.getByRole('button', { name: 'Restart' }).click();
		await expect(steps.getByText('No steps taken yet.')).toBeVisible();
	});

	test('letting chance decide is seeded: the same seed replays the same steps', async ({
		page
	}) => {
		await open(page, dashboard);
		const steps = page.getByRole('region', { name: 'Step through' });
		const play = async () => {
			for (let i = 0; i < 20; i++) {
				const chance = steps.getByRole('button', { name: 'Let chance decide' });
				if (await chance.isDisabled()) break;
				await chance.click();
			}
			return steps.locator('ol.history li').allInnerTexts();
		};
		const first = await play();
		expect(first.length).toBeGreaterThan(0);
		await page.reload();
		await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		expect(await play()).toEqual(first);
	});

	test("changing Russia's choice moves the outcome probabilities", async ({ page }) => {
		await open(page, dashboard);
		const outcomes = page.getByRole('region', { name: 'Outcomes' });
		const before = await outcomes.innerText();
		await page.locator('select[data-choice="russia.response"]').selectOption('decline');
		await expect.poll(() => outcomes.innerText()).not.toBe(before);
		await page.getByRole('button', { name: 'Reset to defaults' }).click();
		await expect.poll(() => outcomes.innerText()).toBe(before);
	});

	test('Monte Carlo runs in a worker with progress, and can be cancelled and run again', async ({
		page
	}) => {
		await open(page, dashboard);
		const panel = page.getByRole('region', { name: 'Outcomes' });
		// Ten million runs take seconds even on a fast machine: long enough to cancel.
		await panel.getByLabel('Runs').selectOption('10000000');
		await panel.getByRole('button', { name: 'Run simulation' }).click();
		await expect(panel.getByRole('progressbar', { name: 'Simulation progress' })).toBeVisible();
		await panel.getByRole('button', { name: 'Cancel' }).click();
		await expect(panel.getByText('Cancelled.')).toBeVisible();
		await panel.getByLabel('Runs').selectOption('100000');
		await panel.getByRole('button', { name: 'Run simulation' }).click();
		await expect(panel.getByText(/100,000 runs with seed 1 in \d+ ms/)).toBeVisible({
			timeout: 30_000
		});
	});

	test('an unknown scenario gets a 404 page with a way back', async ({ page }) => {
		await open(page, '/scenario/no-such-scenario');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
		const axe = await new AxeBuilder({ page }).analyze();
		expect(axe.violations.map((v) => v.id)).toEqual([]);
		await page.getByRole('link', { name: 'Back to the scenarios' }).click();
		await expect(
			page.getByRole('heading', { level: 1, name: 'Escalation scenarios' })
		).toBeVisible();
	});

	test(
		'the about page explains the method and passes axe',
		{ tag: '@phone' },
		async ({ page }, testInfo) => {
			await open(page, '/about');
			await page.screenshot({ path: testInfo.outputPath('about.png'), fullPage: true });
			await expect(
				page.getByRole('heading', { level: 1, name: 'How to read Brink' })
			).toBeVisible();
			const axe = await new AxeBuilder({ page }).analyze();
			expect(axe.violations.map((v) => v.id)).toEqual([]);
		}
	);
});
