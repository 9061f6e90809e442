import { readFileSync } from 'node:fs';
import type { Download, Locator, Page, Response } from '@playwright/test';

/** Collect console errors and uncaught exceptions of a page, for an `expect(errors).toEqual([])`. */
export function watchErrors(page: Page): string[] {
	const errors: string[] = [];
	page.on('console', (m) => {
		if (m.type() === 'error') errors.push(m.text());
	});
	page.on('pageerror', (e) => errors.push(e.message));
	return errors;
}

/** Open a page and wait until Svelte has hydrated it (prerendered pages show before they respond). */
export async function open(page: Page, url: string): Promise<Response | null> {
	const response = await page.goto(url);
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	return response;
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
