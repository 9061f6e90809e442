import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, open } from './ready';

const dashboard = '/scenario/regional-escalation';

test.describe('key assumptions check', () => {
	test('opens from #assumptions, lists the assumptions largest first, and shows a step', async ({
		page
	}, testInfo) => {
		test.slow(); // the check in the worker, and axe, on two busy cores
		await open(page, `${dashboard}#assumptions`);
		await expect(page.getByRole('tab', { name: 'Key assumptions', exact: true })).toHaveAttribute(
			'aria-selected',
			'true'
		);
		const panel = page.getByRole('region', { name: 'Key assumptions', exact: true });
		// The check runs in the analysis worker; the panel says when its table is current.
		await expect(panel.locator('[data-assumptions]')).toHaveAttribute('data-assumptions', 'ready');
		const table = panel.getByRole('table', {
			name: /The model’s assumptions, largest effect first/
		});
		const rows = table.locator('tbody tr');
		await expect(rows.first()).toBeVisible();

		// Largest effect first: the Effect column never rises down the table.
		const effects = (await rows.locator('td.effect').allTextContents()).map((t) =>
			Number(t.replace(/[^\d.]/g, '') || 0)
		);
		expect(effects.length).toBeGreaterThan(20);
		expect(effects).toEqual([...effects].sort((a, b) => b - a));
		expect(effects[0]).toBeGreaterThan(0);

		// By hand: Israel's answer in the north is a silent range of 30–70 % for a large-scale
		// response, reached when the bombardment intensifies (chance.intensify, "likely", at its
		// middle 67.5 %); across its width it moves "contained along the border" by 0.4 × 67.5 % = 27
		// points. Labels, not ids.
		const row = rows
			.filter({ hasText: 'Israel answers with a large-scale response' })
			.filter({ hasText: 'silent range' });
		await expect(row).toHaveCount(1);
		await expect(row.locator('td').first()).toHaveText('silent range');
		await expect(row).toContainText('30–70\u00a0%');
		await expect(row).toContainText('(−27 points)');
		await expect(table).not.toContainText('chance.');

		// "Show" selects the step and brings the workspace into view, the article naming it.
		await row.getByRole('button', { name: /^Show “/ }).click();
		await expect(page.locator('#workspace')).toBeFocused();
		await expect(page.locator('#workspace')).toBeInViewport();
		const article = page.getByRole('complementary', { name: 'The article' });
		await expect(article.locator('.selection strong')).toHaveText(
			'Israel answers with a large-scale response'
		);
		await panel.screenshot({ path: testInfo.outputPath('assumptions-panel.png') });
		// The panel and the workspace it showed a step in; the dashboard is scanned whole in
		// dashboard.spec.ts.
		await expectNoAxeViolations(page, ['section.analyses', '#workspace']);
	});
});
