// Finds a Chromium for Playwright: an env variable, then Debian's, then Playwright's own cache.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

export function findChromium() {
	const fromEnv = [process.env.CHROMIUM_PATH, process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH];
	for (const path of fromEnv) if (path && existsSync(path)) return path;
	for (const path of ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium']) {
		if (existsSync(path)) return path;
	}
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
