/**
 * The /editor page checks in a worker: typing in a fork of regional-escalation (whose check
 * explores all 648 combinations of its choices) leaves the page answering, and the result shown
 * is that of the latest text. A draft whose check was cut short
 * by the page going opens with its check paused, says why, and checks when asked. No console
 * error, no axe violation.
 */
import { expect, test, type Page } from '@playwright/test';
import {
	editorCode,
	expectNoAxeViolations,
	newDraft,
	open,
	talksScenario,
	watchErrors
} from './ready';

const verdict = (page: Page) => page.getByRole('status').filter({ hasText: ': ok (' });
const checking = (page: Page) => page.getByRole('status').filter({ hasText: /^Checking…/ });

/**
 * Put the cursor just after `title: ` (the title's start: its end may wrap on a phone, where End
 * goes to the end of the first row).
 */
async function atTitle(page: Page) {
	await editorCode(page).click();
	await page.keyboard.press('ControlOrMeta+Home');
	for (let i = 0; i < 20; i++) {
		if (((await page.locator('.cm-activeLine').textContent()) ?? '').startsWith('title:')) break;
		await page.keyboard.press('ArrowDown');
	}
	await expect(page.locator('.cm-activeLine')).toHaveText(/^title: /);
	for (let i = 0; i < 'title: '.length; i++) await page.keyboard.press('ArrowRight');
}

test('typing in a forked regional-escalation: the page answers while it checks, and shows the latest text’s result', async ({
	page
}) => {
	// The fork is 49 KB of YAML, checked for all 648 combinations of its choices at each change.
	test.slow();
	const errors = watchErrors(page);
	await open(page, '/editor');
	await page
		.getByLabel('Fork a shipped scenario')
		.selectOption({ label: 'Regional escalation (the three paths together)' });
	await page.getByRole('button', { name: 'Fork', exact: true }).click();
	await expect(verdict(page)).toHaveText(
		/^regional-escalation-the-three-paths-together\.yaml: ok/,
		{
			timeout: 60_000
		}
	);

	await atTitle(page);
	await page.keyboard.type('Draft ');
	// The check runs in a worker: "Checking…" shows at once, then the new text's verdict. On
	// exploration's compiled tables the whole check takes a fraction of a second, so the spec does
	// not count on still catching "Checking…" after it acts (the controller's unit tests hold the
	// cancelling and the stale marks; npm run perf measures the main thread while typing).
	// Both show together once the new verdict comes before the results: either will do.
	await expect(
		checking(page)
			.or(verdict(page).filter({ hasText: /^draft-regional-escalation/ }))
			.first()
	).toBeVisible();
	// Meanwhile a button elsewhere on the page answers: the rename form opens and closes.
	await page.getByRole('button', { name: 'Rename' }).click();
	await expect(page.getByLabel('New name')).toBeVisible();
	await page.getByRole('button', { name: 'Cancel' }).click();
	await expect(page.getByLabel('New name')).toBeHidden();
	await expectNoAxeViolations(page);

	// More typed: the answer shown is the latest text’s, never an older one’s.
	await atTitle(page);
	await page.keyboard.type('Two ');
	await expect(verdict(page)).toHaveText(
		/^two-draft-regional-escalation-the-three-paths-together\.yaml: ok/,
		{ timeout: 60_000 }
	);
	await expect(checking(page)).toBeHidden();
	await expect(page.getByText(/^Out of date/)).toBeHidden();
	await expect(
		page.getByRole('region', { name: 'Results' }).getByText('Probability of each outcome').first()
	).toBeVisible();
	expect(errors).toEqual([]);
});

test('a draft whose check was cut short opens with its check paused, says why, and checks when asked', async ({
	page
}) => {
	const errors = watchErrors(page);
	await open(page, '/editor');
	await newDraft(page);
	await editorCode(page).click();
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.insertText(talksScenario({ id: 'paused', title: 'Paused' }));
	await expect(verdict(page)).toHaveText(/^paused\.yaml: ok/);
	// The verdict shows before the results: the check has ended once "Checking…" has gone.
	await expect(checking(page)).toBeHidden();
	await expect(page.getByText('Saved', { exact: true })).toBeVisible();
	// As a page that froze or crashed while the check ran leaves it: the open draft still marked
	// in the tab's sessionStorage (a reload of the tab keeps it).
	const id = await page.evaluate(() => {
		const open = localStorage.getItem('brink.editor.open')!;
		sessionStorage.setItem('brink.editor.checking', JSON.stringify([open]));
		return open;
	});

	await page.reload();
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	const paused = page.getByRole('status').filter({ hasText: /did not finish/ });
	await expect(paused).toHaveText(
		/^The last check of this draft did not finish: the page froze or crashed while it ran\. Checking is paused/
	);
	await expect(page.getByRole('heading', { level: 2, name: 'Paused' })).toBeVisible();
	await expect(verdict(page)).toHaveCount(0);
	await expectNoAxeViolations(page);

	await paused.getByRole('button', { name: 'Check it now' }).click();
	await expect(verdict(page)).toHaveText(/^paused\.yaml: ok/);
	await expect(paused).toHaveCount(0);
	// The verdict shows before the results: the mark goes when the check has ended.
	await expect(checking(page)).toBeHidden();
	expect(await page.evaluate(() => sessionStorage.getItem('brink.editor.checking'))).toBeNull();
	expect(id).not.toBe('');
	expect(errors).toEqual([]);
});
