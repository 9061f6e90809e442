// Finds a Chromium: an env variable, then Debian's, then Playwright's own cache.
//
// Two kinds. The browser tests want Chromium's old headless shell (`findTestChromium`): it draws
// the same pages with the same engine, without the full browser's window machinery, and the suite
// spends about a third less CPU in it (measured in docs/performance.md). The speed budget and the
// screenshots want the full browser a reader runs (`findChromium`).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const fromEnv = () =>
	[process.env.CHROMIUM_PATH, process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH].find(
		(path) => path && existsSync(path)
	);

/** Playwright's own download of Chromium, if there is one. */
function fromPlaywright() {
	try {
		const require = createRequire(import.meta.url);
		const { chromium } = require('playwright-core');
		const path = chromium.executablePath();
		if (path && existsSync(path)) return path;
	} catch {
		// playwright-core missing or no browser downloaded: nothing found here.
	}
	return undefined;
}

export const headlessShell = '/usr/bin/chromium-headless-shell';
const fullBrowsers = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium'];

/** The full Chromium a reader runs. */
export function findChromium() {
	return fromEnv() ?? fullBrowsers.find((path) => existsSync(path)) ?? fromPlaywright();
}

/** The headless shell when there is one (Debian's `chromium-headless-shell`), else the full browser. */
export function findTestChromium() {
	return fromEnv() ?? (existsSync(headlessShell) ? headlessShell : undefined) ?? findChromium();
}
