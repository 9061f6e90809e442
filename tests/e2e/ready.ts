import type { Page, Response } from '@playwright/test';

/** Open a page and wait until Svelte has hydrated it (prerendered pages show before they respond). */
export async function open(page: Page, url: string): Promise<Response | null> {
	const response = await page.goto(url);
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	return response;
}
