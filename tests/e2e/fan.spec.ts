import AxeBuilder from '@axe-core/playwright';
import { open, watchErrors, openAnalysis } from './ready';
import { expect, test, type Locator } from '@playwright/test';

const dashboard = '/scenario/regional-escalation';

/** The cells of a table row as trimmed text, no-break spaces made plain. */
async function cells(row: Locator): Promise<string[]> {
	const texts = await row.locator('th, td').allInnerTexts();
	return texts.map((t) => t.replace(/\u00a0/g, ' ').trim());
}

test.describe('escalation over time (fan charts)', () => {
	test('one fan per indicator, described in words, passing axe without errors', async ({
		page
	}, testInfo) => {
		const errors = watchErrors(page);
		await open(page, dashboard);
		const panel = await openAnalysis(page, 'Escalation over time');
		await expect(panel.getByText(/middle 50\s% of runs/)).toBeVisible();

		// regional-escalation declares two indicators: one chart each, side by side, no select.
		await expect(panel.locator('.fan-chart')).toHaveCount(2);
		await expect(panel.getByRole('combobox')).toHaveCount(0);
		await expect(
			panel.getByRole('region', { name: 'Russian hardware delivered' }).getByRole('img')
		).toHaveAccessibleName(
			'Russian hardware delivered: median 1 (air defence) from step 3 on; 90 % of runs between 0 (none) and 2 (air defence and SU-35 jets) at the end (step 10); mean 1.31, in levels'
		);
		await expect(
			panel.getByRole('region', { name: 'Escalation rung in the north' }).getByRole('img')
		).toHaveAccessibleName(
			'Escalation rung in the north: median 1 (intensified bombardment) from step 2 on; 90 % of runs between 0 (cross-border fire) and 4 (regional war) at the end (step 10); mean 1.19, in rungs'
		);
		await expect(panel.getByText(/Computed exactly over all runs/)).toHaveCount(2);
		// The levels are named from the scenario's indicator: in the plot beside their grid lines,
		// and in the note under it, with the unit.
		const escalation = panel.getByRole('region', { name: 'Escalation rung in the north' });
		await expect(escalation.locator('svg text.level')).toHaveText([
			'cross-border fire',
			'intensified bombardment',
			'Israeli large-scale response',
			'Iranian direct attack',
			'regional war'
		]);
		await expect(panel.locator('.fan-chart').nth(1).locator('.note')).toContainText(
			'Rungs: 0 cross-border fire, 1 intensified bombardment, 2 Israeli large-scale response, 3 Iranian direct attack, 4 regional war.'
		);
		await panel.scrollIntoViewIfNeeded();
		await panel.screenshot({ path: testInfo.outputPath('fan-panel.png') });

		await expect(page.getByRole('alert')).toHaveCount(0); // no panel failed
		const axe = await new AxeBuilder({ page }).include('section.fan').analyze();
		expect(axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
		expect(errors).toEqual([]);
	});

	test("the table's last rows are the engine's", async ({ page }, testInfo) => {
		await open(page, dashboard);
		const panel = await openAnalysis(page, 'Escalation over time');
		const hardware = panel.getByRole('region', { name: 'Russian hardware delivered' });
		const escalation = panel.getByRole('region', { name: 'Escalation rung in the north' });
		// From the engine: `npx tsx` printing capFan(indicatorFan(analyze(regional-escalation).chain))
		// under the default choices: it settles at step 10, every run ended, with
		//   package    p5 0, p25 1, median 1, p75 2, p95 2, mean 1.3125
		//   escalation p5 0, p25 0, median 1, p75 2, p95 4, mean 1.1896875
		await hardware.getByRole('button', { name: 'Show as table' }).click();
		await escalation.getByRole('button', { name: 'Show as table' }).click();
		await expect(hardware.locator('tbody tr')).toHaveCount(11);
		await hardware.screenshot({ path: testInfo.outputPath('fan-table.png') });
		expect(await cells(hardware.locator('tbody tr').last())).toEqual([
			'10',
			'0',
			'1',
			'1',
			'2',
			'2',
			'1.31',
			'0 %'
		]);
		expect(await cells(escalation.locator('tbody tr').last())).toEqual([
			'10',
			'0',
			'0',
			'1',
			'2',
			'4',
			'1.19',
			'0 %'
		]);
		// Step 3: 95.9 % of runs still moving (unabsorbed[3] = 0.9594…), written 96 %.
		await expect(hardware.locator('tbody tr').nth(3)).toContainText('96\u00a0%');
		const axe = await new AxeBuilder({ page }).include('section.fan').analyze();
		expect(axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
	});

	test("changing Russia's choice changes the fan", async ({ page }) => {
		await open(page, dashboard);
		const hardware = (await openAnalysis(page, 'Escalation over time')).getByRole('region', {
			name: 'Russian hardware delivered'
		});
		// From the engine (same script, choices { 'russia.response': 'decline' }): no hardware is ever
		// delivered, and every run has ended by step 7.
		await page.locator('select[data-choice="russia.response"]').selectOption('decline');
		await expect(hardware.getByRole('img')).toHaveAccessibleName(
			'Russian hardware delivered: median 0 (none) throughout; at least 90 % of runs at 0 (none) at the end (step 7); mean 0, in levels'
		);
		await hardware.getByRole('button', { name: 'Show as table' }).click();
		await expect(hardware.locator('tbody tr')).toHaveCount(8);
		expect(await cells(hardware.locator('tbody tr').last())).toEqual([
			'7',
			'0',
			'0',
			'0',
			'0',
			'0',
			'0',
			'0 %'
		]);
	});
});
