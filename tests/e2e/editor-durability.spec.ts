/**
 * The /editor page's promise: once it says "Saved", the draft is on disk. A reload is tested in
 * editor.spec.ts; here the two harder cases the drafts must survive (see src/lib/editor/drafts.ts):
 * the tab's renderer crashing (no pagehide, no visibilitychange, nothing flushed on the way out),
 * and the whole browser closed and started again on the same profile. Each time the draft comes
 * back open, with its text exactly as typed. No console error.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type BrowserContext, type Page } from '@playwright/test';
import { editorCode, editorText, newDraft, open, watchErrors, talksScenario } from './ready';

/** The title of the scenario typed in a test run: the draft is named after it. */
const titleOf = (mark: string) => `Durable ${mark}`;

/** A small valid scenario whose title and assumption are unique to one test run. */
const scenarioText = (mark: string) =>
	talksScenario({
		id: 'durable',
		title: titleOf(mark),
		assumption: `Typed just before the ${mark}; «kept» — ✓.`
	});

/** A mark no earlier run or other test can have left in a draft. */
const uniqueMark = (what: string) =>
	`${what} ${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

const saved = (page: Page) => page.getByText('Saved', { exact: true });

/**
 * A new draft with `text` typed into it, and the page's "Saved" for that text: the text is in the
 * editor first (so the status shown is the one that followed the typing, "Saving…" then "Saved",
 * not the "Saved" of the draft's creation).
 */
async function typeNewDraft(page: Page, text: string) {
	await open(page, '/editor');
	await newDraft(page);
	await expect(saved(page)).toBeVisible();
	await editorCode(page).click();
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.insertText(text);
	await expect.poll(() => editorText(page)).toBe(text);
	await expect(saved(page)).toBeVisible();
}

/**
 * The editor, opened afresh, shows the draft (open and listed, under the name its title gave it)
 * with exactly `text`.
 */
async function expectDraftBack(page: Page, name: string, text: string) {
	await open(page, '/editor');
	await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
	await expect(page.getByRole('button', { name, exact: true })).toHaveAttribute(
		'aria-current',
		'true'
	);
	await expect(editorCode(page)).toBeVisible();
	expect(await editorText(page)).toBe(text);
	await expect(page.getByRole('status').filter({ hasText: ': ok (' })).toHaveText(
		/ok \(3 states, 2 transitions, 0 quotes anchored\)/
	);
}

test('a draft reported saved survives a crash of its tab', async ({ context, page }) => {
	const errors = watchErrors(page);
	const mark = uniqueMark('crash');
	const text = scenarioText(mark);
	await typeNewDraft(page, text);

	// Kill the renderer: no pagehide, no visibilitychange, no flush on the way out. What is on
	// disk is what the page had written when it said "Saved". (chrome://crash crashes the tab's
	// renderer; its navigation never completes. CDP's Page.crash works too, but its answer never
	// comes.)
	await Promise.all([
		page.waitForEvent('crash'),
		page.goto('chrome://crash').then(
			() => {
				throw new Error('chrome://crash loaded instead of crashing the tab');
			},
			() => undefined
		)
	]);

	const again = await context.newPage();
	const errorsAfter = watchErrors(again);
	await expectDraftBack(again, titleOf(mark), text);
	expect(errors).toEqual([]);
	expect(errorsAfter).toEqual([]);
});

test('a draft reported saved survives closing the browser', async ({
	baseURL,
	launchOptions,
	viewport,
	userAgent,
	deviceScaleFactor,
	isMobile,
	hasTouch
}) => {
	// A browser of its own, on a profile kept on disk, with the project's device and the
	// config's browser and arguments.
	const profile = mkdtempSync(join(tmpdir(), 'brink-durability-'));
	// Closed at the end whatever happens, so that a failure leaves no browser running.
	const browsers: BrowserContext[] = [];
	const launch = async () => {
		const browser = await chromium.launchPersistentContext(profile, {
			...launchOptions,
			baseURL,
			viewport,
			userAgent,
			deviceScaleFactor,
			isMobile,
			hasTouch
		});
		browsers.push(browser);
		return browser;
	};
	try {
		const mark = uniqueMark('browser closed');
		const text = scenarioText(mark);
		const first = await launch();
		const page = first.pages()[0] ?? (await first.newPage());
		const errors = watchErrors(page);
		await typeNewDraft(page, text);
		expect(errors).toEqual([]);
		// The whole browser goes: its process ends.
		await first.close();

		const second = await launch();
		const again = second.pages()[0] ?? (await second.newPage());
		const errorsAfter = watchErrors(again);
		await expectDraftBack(again, titleOf(mark), text);
		expect(errorsAfter).toEqual([]);
	} finally {
		for (const browser of browsers) await browser.close();
		rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
	}
});
