import { createServer, type Server } from 'node:http';
import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { expectNoAxeViolations, open, openAnalysis, watchCsp, watchErrors } from './ready';

const id = 'regional-escalation';
const dashboard = `/scenario/${id}`;

/**
 * Another site that embeds Brink: a page on its own origin (another port) holding an iframe per
 * `src` in its query, nothing else. Test-only, never in the build. A page of its own because a
 * Brink page given new content (setContent) keeps Brink's CSP, which refuses frames from another
 * origin, and a page answered by page.route counts as the public internet, whose frames Chromium's
 * local-network checks block from loading a local server.
 */
let host: Server;
let hostOrigin: string;
test.beforeAll(async () => {
	const attribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
	host = createServer((request, response) => {
		const sources = new URL(request.url ?? '/', 'http://host').searchParams.getAll('src');
		const frames = sources.map(
			(src, i) =>
				`<iframe src="${attribute(src)}" title="Embed ${i + 1}" width="100%" height="640" style="border:0"></iframe>`
		);
		response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
		response.end(
			`<!doctype html><html lang="en"><head><title>An article</title><link rel="icon" href="data:,"></head><body><h1>An article</h1>${frames.join('')}</body></html>`
		);
	});
	await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
	const address = host.address();
	if (address === null || typeof address === 'string') throw new Error('no host port');
	hostOrigin = `http://127.0.0.1:${address.port}`;
});
test.afterAll(() => new Promise<void>((resolve) => host.close(() => resolve())));

/** Open the host page with these embeds (addresses on the Brink server); their frames. */
async function embedIn(page: Page, baseURL: string, srcs: string[]): Promise<FrameLocator[]> {
	const query = new URLSearchParams(srcs.map((src) => ['src', new URL(src, baseURL).href]));
	await page.goto(`${hostOrigin}/?${query}`);
	return srcs.map((_, i) => page.frameLocator('iframe').nth(i));
}

/** The exact figure of "Russia stays out" in an embedded outcomes chart, read from its table. */
async function staysOut(frame: FrameLocator): Promise<string> {
	const chart = frame.getByRole('region', { name: 'Probability of each outcome' });
	await chart.getByRole('button', { name: 'Show as table' }).click();
	const cell = chart
		.getByRole('row', { name: /^Russia stays out/ })
		.getByRole('cell')
		.first();
	await expect(cell).toHaveText(/%/);
	return ((await cell.textContent()) ?? '').replace(/\s/g, ' ').trim();
}

test.describe('embed', () => {
	test('the Embed code holds the current settings’ query, for the view picked, and copies', async ({
		page,
		context,
		baseURL
	}) => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		const errors = watchErrors(page);
		const violations = await watchCsp(page);
		await open(page, dashboard);
		await page.locator('select[data-choice="russia.response"]').selectOption('full');
		await expect(page).toHaveURL(/c\.russia\.response=full/);
		const query = new URL(page.url()).search.slice(1);

		const panel = await openAnalysis(page, 'Export');
		const embed = panel.getByRole('region', { name: 'Embed' });
		const code = embed.getByRole('textbox', { name: 'Embed code' });
		const iframeOf = (snippet: string) =>
			page.evaluate((html) => {
				const frame = new DOMParser().parseFromString(html, 'text/html').querySelector('iframe');
				return { src: frame?.getAttribute('src'), title: frame?.getAttribute('title') };
			}, snippet);
		const outcomes = await iframeOf(await code.inputValue());
		expect(outcomes.src).toBe(new URL(`/embed/${id}?${query}&view=outcomes`, baseURL).href);
		expect(outcomes.title).toBe(
			'Brink: Regional escalation (the three paths together), probability of each outcome'
		);

		await embed.getByLabel('Show').selectOption({ label: 'Step-through' });
		await expect(code).toHaveValue(/view=steps"/);
		await embed.getByRole('button', { name: 'Copy embed code' }).click();
		await expect(embed.getByRole('status')).toHaveText(/^Embed code copied/);
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await code.inputValue());
		const steps = await iframeOf(await code.inputValue());
		expect(steps.src).toBe(new URL(`/embed/${id}?${query}&view=steps`, baseURL).href);
		expect(await violations()).toEqual([]);
		expect(errors).toEqual([]);
	});

	test('shows a chart and the step-through with a link’s settings, or the default view, in another site’s iframes', async ({
		page,
		baseURL
	}) => {
		const errors = watchErrors(page);
		const violations = await watchCsp(page);
		const query = 'c.russia.response=full';
		const [chart, stepThrough, plain] = await embedIn(page, baseURL!, [
			`/embed/${id}?${query}&view=outcomes`,
			`/embed/${id}?${query}&view=steps`,
			`/embed/${id}`
		]);
		// The chart with the choice made: under the full package Russia cannot stay out; the
		// default view (no settings, no view named: the outcomes) is the article's reading.
		expect(await staysOut(chart)).toBe('0 %');
		expect(await staysOut(plain)).not.toBe('0 %');
		const credit = chart.getByRole('link', { name: /^Brink · Regional escalation/ });
		await expect(credit).toContainText('Source: “Invading Ukraine was a major strategic blunder.');
		await expect(credit).toHaveAttribute('href', `${dashboard}?${query}`);
		await expect(credit).toHaveAttribute('target', '_blank');
		await expect(credit).toHaveAttribute('rel', 'noopener');

		// The step-through takes a step inside its frame; its link follows.
		const options = stepThrough.locator('button.option');
		await expect(options.first()).toBeVisible();
		await options.first().click();
		await expect(stepThrough.getByRole('link', { name: /^Brink · / })).toHaveAttribute(
			'href',
			/[?&]steps=/
		);
		expect(await violations()).toEqual([]);
		expect(errors).toEqual([]);
	});

	for (const view of ['outcomes', 'steps']) {
		test(`the ${view} embed page passes axe and keeps the strict CSP, with no site header`, async ({
			page
		}) => {
			const errors = watchErrors(page);
			const violations = await watchCsp(page);
			await open(page, `/embed/${id}?c.russia.response=full&view=${view}`);
			await expect(page.locator(`[data-view="${view}"]`)).toBeVisible();
			await expect(page.locator('meta[http-equiv="content-security-policy"]')).toHaveCount(1);
			// No site header: the embed is the view and its credit line.
			await expect(page.getByRole('banner')).toHaveCount(0);
			await expectNoAxeViolations(page);
			expect(await violations()).toEqual([]);
			expect(errors).toEqual([]);
		});
	}

	test('an unknown view names the views there are; compare needs a baseline', async ({ page }) => {
		const errors = watchErrors(page);
		await open(page, `/embed/${id}?view=chart`);
		const alert = page.getByRole('alert');
		await expect(alert).toContainText('“view=chart” is not a view. This embed can show:');
		await expect(alert.getByRole('listitem')).toContainText([
			'view=outcomes: Probability of each outcome',
			'view=dimensions: Expected scores',
			'view=steps: Step-through'
		]);
		await expect(alert).not.toContainText('view=compare');
		await expectNoAxeViolations(page);
		await open(page, `/embed/${id}?c.russia.response=full&view=compare`);
		await expect(page.getByRole('alert')).toContainText('“view=compare” needs a baseline pinned');
		await open(page, `/embed/${id}?base=1&c.russia.response=full&view=compare`);
		await expect(page.getByRole('region', { name: 'Baseline and now, exact' })).toBeVisible();
		expect(errors).toEqual([]);
	});
});
