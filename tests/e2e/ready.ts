import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Download, type Locator, type Page, type Response } from '@playwright/test';

/** Collect console errors and uncaught exceptions of a page, for an `expect(errors).toEqual([])`. */
export function watchErrors(page: Page): string[] {
	const errors: string[] = [];
	page.on('console', (m) => {
		if (m.type() === 'error') errors.push(m.text());
	});
	page.on('pageerror', (e) => errors.push(e.message));
	return errors;
}

/**
 * Open a page and wait until Svelte has hydrated it (prerendered pages show before they respond)
 * and the panels it renders just after starting (Deferred.svelte) are there.
 */
export async function open(page: Page, url: string): Promise<Response | null> {
	const response = await page.goto(url);
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	await expect(page.locator('[data-deferred]')).toHaveCount(0);
	return response;
}

/**
 * The Outcomes section once its 90 % intervals are those of the current settings (they come from
 * the analysis worker after each change; until then the last ones show, marked "updating").
 */
export async function settledOutcomes(page: Page): Promise<Locator> {
	const outcomes = page.getByRole('region', { name: 'Outcomes' });
	await expect(outcomes).toHaveAttribute('data-intervals', 'current');
	return outcomes;
}

/** Click and wait for the download the click starts; its name and bytes. */
export async function download(
	page: Page,
	button: Locator
): Promise<{ name: string; bytes: Buffer }> {
	const [file]: [Download, void] = await Promise.all([
		page.waitForEvent('download'),
		button.click()
	]);
	return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

/**
 * Record Content Security Policy violations: `securitypolicyviolation` events (kept on window by an
 * init script, so that they are caught from the first byte of each page, in every frame) and the
 * console messages Chromium prints for them. Returns a function that reads both, from the page
 * and from the frames in it (an embed in an iframe).
 */
export async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
	const logged: string[] = [];
	page.on('console', (m) => {
		if (/Content[ -]Security[ -]Policy/i.test(m.text())) logged.push(m.text());
	});
	await page.addInitScript(() => {
		const w = window as unknown as { __cspViolations: string[] };
		w.__cspViolations = [];
		window.addEventListener('securitypolicyviolation', (e) =>
			w.__cspViolations.push(
				`${e.effectiveDirective}: ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`
			)
		);
	});
	const read = () => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [];
	return async () => [
		...logged,
		...(await Promise.all(page.frames().map((frame) => frame.evaluate(read)))).flat()
	];
}

/**
 * Run axe on the page as it is now and expect no violation (each listed with its elements). With
 * `within` (CSS selectors), only those parts are scanned: a test that opened a panel scans what it
 * changed, and the page's own state is scanned whole once elsewhere (a whole dashboard is seconds
 * of CPU on a busy machine). Tests tagged @phone scan whole pages.
 */
export async function expectNoAxeViolations(page: Page, within: string[] = []): Promise<void> {
	// A part being recomputed says so (aria-busy) and shows faded until its figures arrive: axe
	// would measure the contrast of the fade. Scan once nothing in the scanned parts is busy.
	const scopes = within.length ? within : ['body'];
	for (const scope of scopes)
		await expect(page.locator(`${scope} [aria-busy="true"]`)).toHaveCount(0);
	let builder = new AxeBuilder({ page });
	for (const selector of within) builder = builder.include(selector);
	const axe = await builder.analyze();
	expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual(
		[]
	);
}

/** The /editor page's CodeMirror content (the editable element). */
export const editorCode = (page: Page): Locator => page.locator('.cm-content');

/** On /editor: start a new draft from the template and wait for its editor. */
export async function newDraft(page: Page): Promise<void> {
	await page.getByRole('button', { name: 'New draft' }).click();
	await expect(editorCode(page)).toBeVisible();
}

/** The /editor page's CodeMirror text, line by line as shown. */
export const editorText = (page: Page): Promise<string> =>
	editorCode(page).evaluate((el) =>
		[...el.querySelectorAll('.cm-line')].map((line) => line.textContent).join('\n')
	);

/**
 * Open one of the dashboard's analyses (What matters most, Compare, Likely paths, Escalation over
 * time, Export): they sit in tabs below the workspace. Returns the analysis's region.
 */
export async function openAnalysis(page: Page, name: string): Promise<Locator> {
	await page.getByRole('tab', { name, exact: true }).click();
	const region = page.getByRole('region', { name, exact: true });
	await expect(region).toBeVisible();
	return region;
}

/** A small valid scenario for the editor's specs: tests/unit/talks.ts (shared with unit tests). */
export { talksScenario } from '../unit/talks';

/** The cells of an outcome's row in a table, by its row header: [label, baseline, now, …]. */
export async function tableRow(table: Locator, label: string): Promise<string[]> {
	const cells = table
		.getByRole('row')
		.filter({ has: table.page().getByRole('rowheader', { name: label, exact: true }) });
	await expect(cells).toHaveCount(1);
	return (await cells.locator('th, td').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
}
