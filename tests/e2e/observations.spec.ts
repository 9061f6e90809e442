import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, open, settledOutcomes, watchErrors } from './ready';

const dashboard = '/scenario/regional-escalation';
const fullPackage = 'Russian air defence and SU-35 jets in Iran';

test.describe('what has happened: observations and questions', () => {
	test(
		'mark an observation: the outcomes given it with the figures before, in the link',
		{ tag: '@phone' },
		async ({ page }) => {
			test.slow();
			const errors = watchErrors(page);
			await open(page, dashboard);
			const panel = page.getByRole('region', { name: 'What has happened' });
			await panel.getByRole('combobox', { name: 'Event' }).selectOption({
				label: `Reached: ${fullPackage}`
			});
			await panel.getByRole('button', { name: 'Add observation' }).click();
			await expect(panel).toHaveAttribute('data-observed', '1');
			await expect(page).toHaveURL(/[?&]o=crisis\.arms\.fullPackage(&|$)/);

			// npm run query -- regional-escalation "P(crisis.ties.ruptured | crisis.arms.fullPackage)":
			// 9 %, the observation 44 % likely before; "P(crisis.ties.ruptured)": 8 %.
			const outcomes = await settledOutcomes(page);
			await expect(outcomes.locator('.given')).toHaveText(
				new RegExp(
					`^Given what you marked as observed \\(1 event, 44\\s%\\slikely before\\): “${fullPackage}” happened\\.`
				)
			);
			await expect(outcomes.locator('.was-value').first()).toBeVisible();
			await outcomes.getByRole('button', { name: 'Show as table' }).first().click();
			const ruptured = outcomes
				.getByRole('row')
				.filter({ has: page.getByRole('rowheader', { name: 'Ties ruptured', exact: true }) });
			await expect(ruptured).toHaveCount(1);
			const cells = ruptured.getByRole('cell');
			await expect(cells.first()).toHaveText(/Why 9\s%\?/);
			await expect(cells.last()).toHaveText(/^8\s%$/);
			// Every analysis on the page is given it now: no part says otherwise.
			await expect(page.getByText(/not conditioned/i)).toHaveCount(0);
			// What matters most (the first analysis tab): the outcome given it, the figure before beside.
			const sensitivity = page.locator('[data-sensitivity]');
			await expect(sensitivity).toHaveAttribute('data-sensitivity', 'ready');
			await expect(sensitivity.locator('.given-note')).toHaveText(
				/^“.+”: \d+\s% \(was \d+\s%\)\. These bars are given what you marked as observed\.$/
			);
			// The claims, tested given it, each verdict's share beside the one before it.
			const claims = page.getByRole('region', { name: "The article's claims, tested" });
			await expect(claims).toHaveAttribute('data-claims', 'current');
			await expect(claims.locator('.given-note')).toHaveText(
				'The verdicts and shares are given what you marked as observed.'
			);
			// “Iran ends on the losing side” compares no choices: it is tested given the observation.
			await expect(claims.locator('[data-claim="iranLoses"] .verdict')).toHaveText(
				/^(Holds|Fails) \(was (holds|fails)\) under these settings; holds in \d+\s% \(was \d+\s%\) of 200 draws/
			);
			// The thesis compares Russia declining, which cannot have happened given the full package.
			await expect(claims.locator('[data-claim="thesis"] .verdict')).toHaveText(
				/^Not tested given what you marked as observed/
			);
			// The step-through: each next step's chance given it, the model's own beside it.
			const steps = page.getByRole('region', { name: 'Step through' });
			await expect(
				steps.getByText(/given what you marked as observed; the model's own/)
			).toBeVisible();
			await expect(steps.locator('.options .p').first()).toHaveText(/^\d+\s% \(was \d+\s%\)$/);
			await expectNoAxeViolations(page);

			// A reload opens the same view, the observation with it.
			await page.reload();
			await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
			const again = page.getByRole('region', { name: 'What has happened' });
			await expect(again).toHaveAttribute('data-observed', '1');
			const remove = again.getByRole('button', {
				name: `Remove observation: “${fullPackage}” happened`
			});
			await expect(remove).toBeVisible();
			const box = await remove.boundingBox();
			if (test.info().project.name === 'phone') expect(box!.height).toBeGreaterThanOrEqual(44);
			await remove.click();
			await expect(again).toHaveAttribute('data-observed', '0');
			await expect(page).not.toHaveURL(/[?&]o=/);
			expect(errors).toEqual([]);
		}
	);

	test('an impossible observation is refused, naming why', async ({ page }) => {
		await open(page, dashboard);
		const panel = page.getByRole('region', { name: 'What has happened' });
		await panel.getByRole('combobox', { name: 'Event' }).selectOption({
			label: `Reached: ${fullPackage}`
		});
		await panel.getByRole('spinbutton', { name: /Within/ }).fill('1');
		await panel.getByRole('button', { name: 'Add observation' }).click();
		await expect(panel.getByRole('alert')).toHaveText(
			/the earliest it can happen is step 2\. What to do: observe it within 2 steps or more/
		);
		await expect(panel).toHaveAttribute('data-observed', '0');
		await expect(panel.getByRole('list', { name: 'Marked as observed' })).toHaveCount(0);
		await expectNoAxeViolations(page, ['[data-observed]']);
	});

	test('ask a question, keyboard only; a malformed one shows its column', async ({ page }) => {
		test.slow();
		await open(page, dashboard);
		// Keyboard only: from the first analysis tab, End then ArrowLeft opens "Ask a question".
		await page.getByRole('tab', { name: 'What matters most', exact: true }).focus();
		await page.keyboard.press('End');
		await page.keyboard.press('ArrowLeft');
		const region = page.getByRole('region', { name: 'Ask a question', exact: true });
		await expect(region).toBeVisible();
		// The panel's code loads when the tab is first shown: Tab once its field is there.
		const field = region.getByRole('textbox', { name: 'Question' });
		await expect(field).toBeVisible();
		await page.keyboard.press('Tab');
		await expect(field).toBeFocused();
		await page.keyboard.type('P(crisis.ties.ruptured | crisis.arms.fullPackage)');
		const panel = region.locator('[data-question]');
		await expect(panel).toHaveAttribute('data-question', 'ready');
		// The same figures as npm run query (above).
		await expect(panel.locator('.asked')).toHaveText(
			`The chance of “Ties ruptured”, given that “${fullPackage}” happened:`
		);
		await expect(panel.locator('.value')).toHaveText(
			/^9\s%\s+\(90\s% of 200 seeded draws of the likelihood ranges: 4–16\s%\)$/
		);
		await expect(panel.locator('.observed')).toContainText('44\u00a0% likely');
		await expectNoAxeViolations(page, ['section.analyses']);

		// A misspelt state: the column and the hint, at once.
		await page.keyboard.press('Control+A');
		await page.keyboard.type('P(crisis.ties.ruptured | crisis.arms.fullPacage)');
		await expect(panel).toHaveAttribute('data-question', 'problem');
		await expect(region.getByRole('alert')).toHaveText(
			'Column 26: unknown state "crisis.arms.fullPacage" (did you mean "crisis.arms.fullPackage"?)'
		);
		// An example fills the field (Tab to it, Enter) and is answered.
		await page.keyboard.press('Tab');
		await expect(region.getByRole('button', { name: /^Example:/ }).first()).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(field).not.toHaveValue(/fullPacage/);
		await expect(panel).toHaveAttribute('data-question', 'ready');
	});
});
