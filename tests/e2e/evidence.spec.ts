import AxeBuilder from '@axe-core/playwright';
import { open, openAnalysis } from './ready';
import { expect, test } from '@playwright/test';

const dashboard = '/scenario/regional-escalation';

test.describe('evidence on the dashboard', () => {
	test(
		'selecting a step highlights its quotes with their stance and scrolls them into view',
		{ tag: '@phone' },
		async ({ page }, testInfo) => {
			await open(page, dashboard);
			const article = page.getByRole('complementary', { name: 'The article' });
			const option = page.locator('button.option', {
				hasText: "Russia gives in to Tehran's appeals"
			});
			await option.focus(); // focusing a step selects it without taking it
			await expect(article.locator('.selection')).toContainText('Selected step');
			await expect(article.locator('.selection strong')).toHaveText(
				"Russia gives in to Tehran's appeals"
			);
			// Four quotes: two support it ("hard to resist", Putin's willingness to back Iran), two are
			// context (the thesis's judgement of the cost, and its advice).
			const hint = article.getByText(/^4 passages quoted below:/);
			await expect(hint).toBeVisible();
			const stances = (await hint.innerText()).match(/supports|contradicts|context/g) ?? [];
			expect(stances.sort()).toEqual(['context', 'context', 'supports', 'supports']);
			const marked = article.locator('.cited[data-stance]');
			expect(await marked.count()).toBeGreaterThanOrEqual(4);
			if (testInfo.project.name === 'phone') {
				// The article sits below the steps on a phone: selecting a step must not carry the page away.
				await expect(option).toBeInViewport();
			} else {
				await expect(marked.first()).toBeInViewport();
			}
			await expect(article.locator('.badge', { hasText: 'supports' }).first()).toBeVisible();
			await page.screenshot({ path: testInfo.outputPath('evidence-selected.png') });
		}
	);

	test('selecting a highlight lists the steps that cite it, and choosing one selects it', async ({
		page
	}) => {
		await open(page, dashboard);
		const article = page.getByRole('complementary', { name: 'The article' });
		const highlight = article
			.locator('.cited', { hasText: 'turning a blind eye when Israel attacked Iranian positions' })
			.first();
		await highlight.focus();
		await page.keyboard.press('Enter');
		const citing = article.locator('.citing');
		await expect(citing.getByRole('heading')).toHaveText(
			/^Cited in paragraph \d+, sentence \d+ by$/
		);
		const buttons = citing.getByRole('button');
		// ties.unchanged, and the rupture and its remainder from strained and from holding.
		expect(await buttons.count()).toBeGreaterThanOrEqual(2);
		const first = (await buttons.first().innerText()).trim();
		await buttons.first().click();
		await expect(article.locator('.selection strong')).toHaveText(first);
	});

	test('the coverage view lists assumption-only steps and uncited sentences', async ({ page }) => {
		await open(page, dashboard);
		const article = page.getByRole('complementary', { name: 'The article' });
		const coverage = article.locator('details.coverage');
		await coverage.locator('summary').click();
		await expect(coverage).toContainText('17 of 48 transitions rest on an assumption only');
		await expect(coverage).toContainText('The article is silent');
	});

	test('a transition chosen in the diagram with the keyboard shows its evidence or its assumption', async ({
		page
	}) => {
		await open(page, dashboard);
		const diagram = page.getByRole('region', { name: 'Statechart' });
		const edge = diagram.getByRole('button', { name: /^Russia gives in to Tehran's appeals:/ });
		await edge.focus();
		await page.keyboard.press('Enter');
		const article = page.getByRole('complementary', { name: 'The article' });
		await expect(article.locator('.selection strong')).toHaveText(
			"Russia gives in to Tehran's appeals"
		);
		// An assumption-only step says so in its accessible name and in the article panel.
		const assumed = diagram.getByRole('button', { name: /^Air defence only:.*assumption/ }).first();
		await assumed.focus();
		await page.keyboard.press('Enter');
		await expect(article.getByText("Assumption (the model's own step)")).toBeVisible();
	});

	test('the diagram zooms in and back to fit', async ({ page }) => {
		await open(page, dashboard);
		const diagram = page.getByRole('region', { name: 'Statechart' });
		const svg = diagram.locator('svg[aria-label^="Statechart"]');
		const fit = await svg.getAttribute('viewBox');
		await diagram.getByRole('button', { name: 'Zoom in' }).click();
		await expect(svg).not.toHaveAttribute('viewBox', fit!);
		await diagram.getByRole('button', { name: 'Reset view' }).click();
		await expect(svg).toHaveAttribute('viewBox', fit!);
	});

	test('the outcomes show as a table, with the Monte Carlo estimate beside the exact value', async ({
		page
	}) => {
		await open(page, dashboard);
		const outcomes = page.getByRole('region', { name: 'Outcomes' });
		await outcomes.getByLabel('Runs').selectOption('10000');
		await outcomes.getByRole('button', { name: 'Run simulation' }).click();
		await expect(outcomes.getByText(/10,000 runs with seed 1/)).toBeVisible({ timeout: 30_000 });
		await outcomes.getByRole('button', { name: 'Show as table' }).first().click();
		const table = outcomes.getByRole('table').first();
		await expect(table.getByRole('columnheader', { name: /Monte Carlo/ })).toBeVisible();
		await expect(table.getByRole('row', { name: /Ties ruptured/ })).toContainText('%');
	});

	test('stays accessible after interaction: a step selected, a highlight pressed, tables shown', async ({
		page
	}) => {
		await open(page, dashboard);
		const compare = await openAnalysis(page, 'Compare');
		await compare.getByRole('button', { name: 'Pin current as baseline' }).click();
		await page.locator('button.option').first().focus();
		const article = page.getByRole('complementary', { name: 'The article' });
		await article.locator('.cited').first().press('Enter');
		const toTable = page.getByRole('button', { name: 'Show as table' });
		while ((await toTable.count()) > 0) await toTable.first().click();
		// Outcomes, dimensions and the comparison (the open analysis tab).
		await expect(page.getByRole('button', { name: 'Show as chart' })).toHaveCount(3);
		await article.locator('details.coverage summary').click();
		const axe = await new AxeBuilder({ page }).analyze();
		expect(axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
	});
});
