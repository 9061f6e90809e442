import { expect, test, type Locator, type Page } from '@playwright/test';
import {
	expectNoAxeViolations,
	open,
	openAnalysis,
	settledOutcomes,
	tableRow,
	watchErrors
} from './ready';

const dashboard = '/scenario/regional-escalation';

/** Press Tab until `target` has the focus, at most `most` times; fails naming what has it then. */
async function tabTo(page: Page, target: Locator, most = 60): Promise<void> {
	const focused = () => target.evaluate((e) => e === document.activeElement).catch(() => false);
	for (let i = 0; i < most && !(await focused()); i++) await page.keyboard.press('Tab');
	expect(
		await focused(),
		await page.evaluate(() => `focus on ${document.activeElement?.outerHTML.slice(0, 120)}`)
	).toBe(true);
}

test.describe('rival readings of the source', () => {
	test("the sceptic's reading: what it changes and why, the numbers it gives, in the link", async ({
		page
	}) => {
		test.slow(); // two pages and axe on the whole dashboard
		const errors = watchErrors(page);
		await open(page, dashboard);
		// As the scenario reads the article, the thesis holds.
		const thesisNow = page.locator('section.claims li[data-claim="thesis"]');
		await expect(page.locator('section.claims')).toHaveAttribute('data-claims', 'current');
		await expect(thesisNow).toHaveAttribute('data-verdict', 'holds');
		const menu = page.getByRole('combobox', { name: /Reading of the source/ });
		await expect(menu).toHaveValue('');
		await menu.selectOption({ label: "A sceptic's reading" });
		await expect(page).toHaveURL(/[?&]r=sceptic/);

		// What the reading changes, each step with the scenario's band, the reading's, and the reason.
		const changes = page.locator('details.reading-changes');
		const summary = changes.locator('summary');
		await expect(summary).toHaveText(/What “A sceptic's reading” changes \(6 steps\)/);
		await summary.click();
		const items = changes.getByRole('listitem');
		await expect(items).toHaveCount(6);
		await expect(items.first()).toContainText('The support strains ties with Israel');
		await expect(items.first()).toContainText(
			'the scenario: roughly even chance (45–55 %); this reading: 15–45 %'
		);
		await expect(items.first()).toContainText('departs from the scenario');
		// The sentences a reason leans on are named in words and open in the article.
		await expect(items.first()).toContainText('(paragraph 4, sentence 3)');
		await items.first().getByRole('link', { name: 'paragraph 15, sentence 1' }).click();
		await expect(page.locator('[data-sentence="p15.s1"]')).toHaveClass(/\bselected\b/);
		await expect(page.locator('[data-sentence="p15.s1"]')).toBeInViewport();

		// From the engine (analyze with reading: 'sceptic'): Ties ruptured 7.9 % → 2.4 %.
		const outcomes = await settledOutcomes(page);
		await outcomes.getByRole('button', { name: 'Show as table' }).first().click();
		await expect(
			outcomes
				.getByRole('row')
				.filter({ hasText: /^Ties ruptured/ })
				.first()
		).toContainText('2 %');

		// The article's thesis, which holds as the scenario reads the article, fails under the
		// sceptic's reading (npm run claims -- regional-escalation --reading sceptic: holds in 9 % of
		// draws).
		const claims = page.getByRole('region', { name: "The article's claims, tested" });
		await expect(claims).toHaveAttribute('data-claims', 'current');
		const thesis = claims.locator('li[data-claim="thesis"]');
		await expect(thesis).toHaveAttribute('data-verdict', 'fails');
		await expect(thesis.locator('.verdict')).toContainText('Fails');

		// The link keeps the reading: a fresh page opens under it.
		await page.reload();
		await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		await expect(page.getByRole('combobox', { name: /Reading of the source/ })).toHaveValue(
			'sceptic'
		);

		// The confidence shown with the reading says that it departs from the source (all six of
		// its steps leave the scenario's band), beside the outcomes and in Why this number?.
		const departs = "a sceptic's reading departs from the source in 6 steps";
		const confidence = page
			.getByRole('region', { name: 'Outcomes', exact: true })
			.locator('.confidence');
		await expect(confidence.locator('summary')).toHaveText(/^Confidence: low — why\?$/);
		await expect(confidence.locator('li').last()).toHaveText(`${departs} — confidence low at most`);
		await open(page, `${dashboard}?r=sceptic&why=crisis.ties.ruptured`);
		await expect(page.getByRole('dialog').locator('p.confidence')).toHaveText(
			new RegExp(`^Confidence: low — .*; ${departs}\\.$`)
		);
		await expectNoAxeViolations(page);
		expect(errors).toEqual([]);
	});

	test("keyboard alone: the reading menu, the sceptic's reading, what it changes, a sentence of the article", async ({
		page
	}) => {
		test.slow(); // axe on the whole dashboard
		const errors = watchErrors(page);
		await open(page, dashboard);
		// From the top of the page, by Tab alone.
		await page.locator('body').focus();
		const menu = page.getByRole('combobox', { name: /Reading of the source/ });
		await tabTo(page, menu);
		// Space opens the menu (Chromium on Linux does not change a closed menu with the arrows);
		// it lists the scenario's own reading first, then the sceptic's: one down, and Enter.
		await page.keyboard.press('Space');
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('Enter');
		await expect(menu).toHaveValue('sceptic');
		await expect(page).toHaveURL(/[?&]r=sceptic/);

		const changes = page.locator('details.reading-changes');
		const summary = changes.locator('summary');
		await tabTo(page, summary, 10);
		await page.keyboard.press('Enter');
		await expect(changes).toHaveAttribute('open', '');

		// The first sentence a reason names, reached by Tab, opened with Enter.
		const link = changes.locator('a.sentence').first();
		await tabTo(page, link, 10);
		const sentence = (await link.getAttribute('href'))!.slice(1);
		expect(sentence).toMatch(/^p\d+\.s\d+$/);
		await page.keyboard.press('Enter');
		const shown = page.locator(`[data-sentence="${sentence}"]`);
		await expect(shown).toHaveClass(/\bselected\b/);
		await expect(shown).toBeInViewport();
		// The article says which sentence is selected, in words, where a screen reader hears it.
		await expect(
			page.getByRole('complementary', { name: 'The article' }).locator('.citing')
		).toContainText(`Cited in ${(await link.textContent())!.trim()}`);
		await expectNoAxeViolations(page);
		expect(errors).toEqual([]);
	});

	test("Compare sets the sceptic's reading against the scenario's own in one step", async ({
		page
	}) => {
		test.slow(); // axe on the whole dashboard with the comparison open
		const errors = watchErrors(page);
		await open(page, dashboard);
		const panel = await openAnalysis(page, 'Compare');
		const button = panel.getByRole('button', {
			name: "The scenario's own reading against “A sceptic's reading”"
		});
		await button.click();
		await expect(button).toHaveAttribute('aria-pressed', 'true');
		await expect(panel.getByText('Changed since the baseline:')).toBeVisible();
		// One line for the reading, not one per step it changes.
		await expect(panel.locator('.changes li')).toHaveCount(1);
		await expect(panel.locator('.changes li')).toContainText(
			"Reading of the source The scenario's own"
		);
		await expect(panel.locator('.changes li')).toContainText("A sceptic's reading");
		await expect(page.getByRole('combobox', { name: /Reading of the source/ })).toHaveValue(
			'sceptic'
		);

		// From the engine (compareExact of the two readings): ties ruptured 7.9 % → 2.4 % (−5.5),
		// ties weathered 35.0 % → 50.0 % (+15.0).
		const chart = panel.getByRole('region', { name: 'Baseline and now, exact' });
		await chart.getByRole('button', { name: 'Show as table' }).click();
		const table = chart.getByRole('table');
		expect(await tableRow(table, 'Ties ruptured')).toEqual([
			'Ties ruptured',
			'8 %',
			'2 %',
			'−5.5 points'
		]);
		expect(await tableRow(table, "Ties weather Russia's support for Iran")).toEqual([
			"Ties weather Russia's support for Iran",
			'35 %',
			'50 %',
			'+15.0 points'
		]);
		await expect(page).toHaveURL(/[?&]base=1(&|#|$)/);
		await expect(page).toHaveURL(/[?&]r=sceptic(&|#|$)/);
		await expect(page).not.toHaveURL(/b\.r=/); // the baseline is the scenario's own
		await expectNoAxeViolations(page);
		expect(errors).toEqual([]);
	});
});
