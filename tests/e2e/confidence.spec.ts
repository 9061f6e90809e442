import { expect, test } from '@playwright/test';
import { download, expectNoAxeViolations, open, watchErrors } from './ready';

const dashboard = '/scenario/regional-escalation';

// scenarios/sources/putin-iran-2024.yaml: genre opinion, author null, outlet null. One opinion
// piece by an unnamed author in an unnamed outlet holds the confidence at low whatever the rest
// (docs/scenario-format.md, "Confidence").
const sourceReason = 'one source, an opinion piece by an unnamed author in an unnamed outlet';
const notForecast =
	/^These are the probabilities of a model of one argument \(“.+”\), not a forecast\.$/;

test.describe('confidence apart from likelihood', () => {
	test(
		'beside the outcomes: the level, its reasons opened by keyboard, what the numbers are; axe clean',
		{ tag: '@phone' },
		async ({ page }, testInfo) => {
			// Axe on the whole dashboard takes a while on the phone profile of a 2-core machine.
			test.setTimeout(120_000);
			const errors = watchErrors(page);
			await open(page, dashboard);
			const outcomes = page.getByRole('region', { name: 'Outcomes', exact: true });
			const summary = outcomes.locator('.confidence summary');
			await expect(summary).toHaveText(/^Confidence: low — why\?$/);
			await expect(outcomes.locator('.confidence .note')).toHaveText(notForecast);
			const reasons = outcomes.locator('.confidence li');
			await expect(reasons.first()).toBeHidden();
			const box = (await summary.boundingBox())!;
			if (testInfo.project.name === 'phone') expect(box.height).toBeGreaterThanOrEqual(44);

			await summary.focus();
			await page.keyboard.press('Enter');
			await expect(reasons).toHaveCount(2);
			await expect(reasons.first()).toHaveText(`${sourceReason} — confidence low at most`);
			// The count of assumption-only steps agrees with the header's count of quoted ones.
			const meta = await page.locator('header.intro p.meta').innerText();
			const [, quoted, total] = meta.match(/(\d+) of (\d+) transitions quote the source/)!;
			await expect(reasons.nth(1)).toContainText(
				`${Number(total) - Number(quoted)} of ${total} steps rest on the model’s assumption only`
			);
			await page.keyboard.press('Enter');
			await expect(reasons.first()).toBeHidden();
			await page.keyboard.press('Space');
			await expect(reasons.first()).toBeVisible();

			await expectNoAxeViolations(page);
			await page.screenshot({ path: testInfo.outputPath('confidence.png') });
			expect(errors).toEqual([]);
		}
	);

	test('Why this number? states the confidence and its sentence ends with it', async ({ page }) => {
		const errors = watchErrors(page);
		await open(page, `${dashboard}?why=crisis.ties.ruptured`);
		const dialog = page.getByRole('dialog');
		await expect(dialog).toBeVisible();
		await expect(dialog.locator('p.confidence')).toHaveText(
			new RegExp(
				`^Confidence: low — ${sourceReason}; \\d+ of \\d+ steps rest on the model’s assumption only\\.$`
			)
		);
		await expect(dialog.locator('blockquote.sentence')).toHaveText(
			new RegExp(
				`\\(low confidence: ${sourceReason}; \\d+ of \\d+ steps rest on the model’s assumption only\\)\\.$`
			)
		);
		await expectNoAxeViolations(page, ['dialog.why']);
		expect(errors).toEqual([]);
	});

	test('a saved chart carries the confidence and what the numbers are', async ({ page }) => {
		const errors = watchErrors(page);
		await open(page, dashboard);
		const frame = page.getByRole('region', { name: 'Probability of each outcome' });
		const group = frame.getByRole('group', { name: 'Export Probability of each outcome' });
		const svg = await download(page, group.getByRole('button', { name: 'SVG' }));
		const caption = await page.evaluate((source) => {
			const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
			// The caption's lines are wrapped into several text elements: join them back.
			return [...doc.querySelectorAll('[data-part] text')].map((t) => t.textContent).join(' ');
		}, svg.bytes.toString('utf8'));
		expect(caption).toContain(`Confidence: low — ${sourceReason};`);
		expect(caption).toMatch(
			/These are the probabilities of a model of one argument .* not a forecast\./
		);
		expect(errors).toEqual([]);
	});

	test('the home page tags each scenario with its confidence', async ({ page }) => {
		await open(page, '/');
		// Every shipped scenario cites the one anonymous opinion piece.
		for (const id of [
			'russia-arms-to-iran',
			'israel-russia-ties',
			'hezbollah-escalation',
			'regional-escalation'
		]) {
			const card = page.locator('.card', { has: page.locator(`h2 a[href$="/scenario/${id}"]`) });
			await expect(card.locator('.tag')).toHaveText('low confidence');
		}
	});

	test('the embed carries the confidence and what the numbers are', async ({ page }) => {
		await open(page, '/embed/regional-escalation?view=outcomes');
		await expect(page.locator('.basis')).toContainText(`Confidence: low — ${sourceReason};`);
		await expect(page.locator('.basis')).toContainText('not a forecast.');
	});
});
