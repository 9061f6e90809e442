import AxeBuilder from '@axe-core/playwright';
import { open, openAnalysis } from './ready';
import { expect, test } from '@playwright/test';

const dashboard = '/scenario/regional-escalation';

// The numbers below come from the engine, printed with a tsx script running
// likelyPaths(analyze(regional-escalation).chain, options) under the default choices:
// - every outcome (perOutcome 2, maxPaths 10): 10 paths carrying 21.9 % in all, the first 5.3 %;
// - "Ties ruptured" (12.9 %), endingWith crisis.ties.ruptured, perOutcome 8, maxPaths 5:
//   0.29993 %, 0.29993 %, 0.26394 %, 0.26394 %, 0.21595 %, together 10.4 % of its probability.
//   (Pairs of equal paths are the same steps of independent regions taken in another order.)
// Path 3 takes these transitions, whose labels the step-through's history shows.
const third = [
	['crisis.north.crossBorder:chance.calm', 'The exchanges stay at their level'],
	['crisis.arms.request:chance.supply', "Russia gives in to Tehran's appeals"],
	['crisis.arms.deciding:chance.defensiveOnly', 'Air defence only'],
	['crisis.ties.working:ties.weatherDefensive', 'The ties weather the support'],
	['crisis.arms.airDefence:chance.strikeInPeace', 'Israel strikes the Russian-supplied systems'],
	['crisis.ties.holding:ties.rupture', 'The strike on Russian systems ruptures the ties']
];

test.describe('likely paths', () => {
	test('lists the paths to an outcome, selects one by keyboard, replays it, and has a table', async ({
		page
	}, testInfo) => {
		// Axe on the whole dashboard takes a while on the phone profile of a 2-core machine.
		test.setTimeout(120_000);
		const errors: string[] = [];
		page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
		page.on('pageerror', (e) => errors.push(e.message));
		await open(page, dashboard);
		const panel = await openAnalysis(page, 'Likely paths');
		const list = panel.getByRole('list', { name: 'The paths, most likely first' });

		// Every outcome at first.
		await expect(panel.getByLabel('Paths to', { exact: true })).toHaveValue('');
		await expect(list.getByRole('button')).toHaveCount(10);
		await expect(
			panel.getByText('These 10 paths carry 21.9\u00a0% of all the probability.')
		).toBeVisible();
		await expect(list.getByRole('button').first()).toContainText('5.3\u00a0%');
		await panel.screenshot({ path: testInfo.outputPath('paths-every.png') });

		await panel.getByLabel('Paths to', { exact: true }).selectOption({ label: 'Ties ruptured' });
		await panel.getByLabel('Paths shown', { exact: true }).selectOption('5');
		await expect(
			panel.getByRole('heading', { name: 'Likely paths to “Ties ruptured”' })
		).toBeVisible();
		const buttons = list.getByRole('button');
		await expect(buttons).toHaveCount(5);
		const expected = ['0.3', '0.3', '0.3', '0.3', '0.2'];
		for (const [i, p] of expected.entries())
			await expect(buttons.nth(i).locator('.p')).toHaveText(`${p}\u00a0%`);
		await expect(
			panel.getByText(
				'These 5 paths carry 10.4\u00a0% of the probability of “Ties ruptured” (12.9\u00a0%).'
			)
		).toBeVisible();
		// Every step is a band in the diagram, a button that names the step.
		await expect(
			panel.locator(
				'path.link[role="button"][aria-label^="The strike on Russian systems ruptures the ties"]'
			)
		).not.toHaveCount(0);

		// Select path 3 by keyboard: focus the first, Tab twice, Space.
		await buttons.first().focus();
		await page.keyboard.press('Tab');
		await page.keyboard.press('Tab');
		await expect(buttons.nth(2)).toBeFocused();
		await page.keyboard.press(' ');
		await expect(buttons.nth(2)).toHaveAttribute('aria-pressed', 'true');
		await expect(panel.getByRole('status').filter({ hasText: 'Path 3 of 5' })).toContainText(
			/Path 3 of 5: 0\.3\s% — Start → Exchanges stay contained → /
		);
		await expect(panel.locator('svg[role="group"] path.link.on')).toHaveCount(6);

		await page.screenshot({ path: testInfo.outputPath('paths.png'), fullPage: true });
		await panel.screenshot({ path: testInfo.outputPath('paths-panel.png') });
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow).toBeLessThanOrEqual(0);

		// Replay it: the step-through takes the six steps, its heading gets the focus, the URL shares them.
		await panel.getByRole('button', { name: 'Replay in step-through' }).focus();
		await page.keyboard.press('Enter');
		await expect(page.locator('#steps-heading')).toBeFocused();
		const history = page.locator('ol.history li');
		await expect(history).toHaveCount(third.length);
		for (const [i, [, label]] of third.entries())
			await expect(history.nth(i).getByRole('button')).toHaveText(label);
		await expect(page.getByText('Ended:')).toBeVisible();
		await expect
			.poll(() => new URL(page.url()).searchParams.get('steps'))
			.toBe(third.map(([id]) => id).join(','));

		// The table: one row per path, rank, steps as state labels, probability.
		await panel.getByRole('button', { name: 'Show as table' }).click();
		const rows = panel.locator('tbody tr');
		await expect(rows).toHaveCount(5);
		await expect(rows.first().locator('td').first()).toHaveText('1');
		await expect(rows.first().getByRole('rowheader')).toContainText(
			"Iran asks Moscow to repay the favour + Cross-border exchanges after Haniyeh's assassination"
		);
		await expect(rows.first().getByRole('rowheader')).toContainText(' → ');
		await expect(rows.nth(4).locator('td').last()).toHaveText('0.2\u00a0%');

		const axe = await new AxeBuilder({ page }).analyze();
		expect(axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
		expect(errors).toEqual([]);
	});
});
