import { expectNoAxeViolations, open, openAnalysis } from './ready';
import { expect, test } from '@playwright/test';

const dashboard = '/scenario/regional-escalation';

// The numbers below come from the engine: mergedPaths(analyze(regional-escalation).chain, options)
// under the default choices, paths per region (the default with parallel regions):
// - every outcome, keyed by the first region (Russian arms to Iran): 9 paths, 100 % of all runs,
//   the first 34.0 %;
// - "Ties ruptured" (7.9 %), endingWith crisis.ties.ruptured: 2 paths, 3.9 % each (the ties weather
//   the support or it strains them, then the strike ruptures them), together 100 % of its
//   probability; joint instead: 24 paths found, the first 10 cover 67.5 %.
// Path 2's likeliest firing order takes these transitions, whose labels the history shows.
const second = [
	['crisis.north.crossBorder:chance.calm', 'The exchanges stay at their level'],
	['crisis.arms.request:chance.supply', "Russia gives in to Tehran's appeals"],
	['crisis.arms.deciding:chance.fullPackage', 'Air defence and SU-35 jets'],
	['crisis.arms.fullPackage:chance.strikeInPeace', 'Israel strikes the Russian-supplied systems'],
	['crisis.ties.working:ties.strain', 'The support strains ties with Israel'],
	['crisis.ties.strained:ties.rupture', 'The strike on Russian systems ruptures the ties']
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

		// Every outcome at first, per region: the regions run in parallel.
		await expect(panel.getByLabel('Paths to', { exact: true })).toHaveValue('');
		await expect(panel.getByRole('radio', { name: 'per region' })).toBeChecked();
		await expect(panel.getByLabel('Region', { exact: true })).toBeVisible();
		await expect(list.getByRole('button')).toHaveCount(9);
		await expect(panel.locator('p.coverage')).toHaveText(
			/^These 9 paths cover 100\s% of all runs, counting only their steps in “Russian arms to Iran”\.$/
		);
		await expect(list.getByRole('button').first()).toContainText('34\u00a0%');
		await panel.screenshot({ path: testInfo.outputPath('paths-every.png') });

		await panel.getByLabel('Paths to', { exact: true }).selectOption({ label: 'Ties ruptured' });
		await expect(
			panel.getByRole('heading', { name: /^Likely paths to “Ties ruptured” \(8\s%\)$/ })
		).toBeVisible();
		const buttons = list.getByRole('button');
		await expect(buttons).toHaveCount(2);
		const expected = ['4', '4'];
		for (const [i, p] of expected.entries())
			await expect(buttons.nth(i).locator('.p')).toHaveText(`${p}\u00a0%`);
		// The coverage sentence: the two merged paths are the whole of it (80 % at least).
		await expect(panel.locator('p.coverage')).toHaveText(
			'These 2 paths cover 100\u00a0% of “Ties ruptured” (8\u00a0%).'
		);
		// Every step is a band in the diagram, a button that names the step.
		await expect(
			panel.locator(
				'path.link[role="button"][aria-label^="The strike on Russian systems ruptures the ties"]'
			)
		).not.toHaveCount(0);

		// Select path 2 by keyboard: focus the first, Tab, Space.
		await buttons.first().focus();
		await page.keyboard.press('Tab');
		await expect(buttons.nth(1)).toBeFocused();
		await page.keyboard.press(' ');
		await expect(buttons.nth(1)).toHaveAttribute('aria-pressed', 'true');
		await expect(panel.getByRole('status').filter({ hasText: 'Path 2 of 2' })).toContainText(
			/Path 2 of 2: 4\s% — Start → Exchanges stay contained → /
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
		await expect(history).toHaveCount(second.length);
		for (const [i, [, label]] of second.entries())
			await expect(history.nth(i).getByRole('button')).toHaveText(label);
		await expect(page.getByText('Ended:')).toBeVisible();
		await expect
			.poll(() => new URL(page.url()).searchParams.get('steps'))
			.toBe(second.map(([id]) => id).join(','));

		// The table: one row per path, rank, steps as state labels, probability.
		await panel.getByRole('button', { name: 'Show as table' }).click();
		const rows = panel.locator('tbody tr');
		await expect(rows).toHaveCount(2);
		await expect(rows.first().locator('td').first()).toHaveText('1');
		await expect(rows.first().getByRole('rowheader')).toContainText(
			"Iran asks Moscow to repay the favour + Cross-border exchanges after Haniyeh's assassination"
		);
		await expect(rows.first().getByRole('rowheader')).toContainText(' → ');
		await expect(rows.nth(1).locator('td').last()).toHaveText('4\u00a0%');

		// Joint: every region's steps key a path, and ten no longer cover the outcome: the
		// sentence says where the rest is.
		await panel.getByRole('radio', { name: 'joint' }).check();
		await expect(panel.locator('p.coverage')).toHaveText(
			/^These 10 paths cover 68\s% of “Ties ruptured” \(8\s%\)\. The rest: 14 other paths found carry 32\s%\. Show more paths to see more of it\.$/
		);
		await expect(rows).toHaveCount(10);

		// What the test opened; the dashboard is scanned whole in dashboard.spec.ts.
		await expectNoAxeViolations(page, ['section.analyses', '#workspace']);
		expect(errors).toEqual([]);
	});
});
