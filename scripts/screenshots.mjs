// Captures the README's screenshots of the dashboard at a laptop's and a phone's width, from the
// production build served locally. Run `npm run build` first; `npm run screenshots` does both.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { chromium, devices } from '@playwright/test';
import { findChromium } from './find-chromium.mjs';

const port = 4399;
const base = `http://127.0.0.1:${port}`;
const server = spawn(
	process.execPath,
	[
		'node_modules/.bin/vite',
		'preview',
		'--host',
		'127.0.0.1',
		'--port',
		String(port),
		'--strictPort'
	],
	{ stdio: 'ignore' }
);
const stop = () => server.kill();
process.on('exit', stop);

async function waitForServer() {
	for (let i = 0; i < 100; i++) {
		try {
			if ((await fetch(base)).ok) return;
		} catch {
			// not up yet
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`the preview server did not start on ${base}`);
}

async function capture(browser, name, options) {
	const page = await browser.newPage(options);
	await page.goto(`${base}/scenario/regional-escalation`);
	// Every panel, including those rendered just after the start (Deferred.svelte).
	await page.waitForFunction(() => document.querySelector('[data-deferred]') === null);
	// Play three seeded chance steps and select the last one, so the evidence is in view.
	for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Let chance decide' }).click();
	await page.locator('button.option').first().focus();
	const phone = name.includes('phone');
	if (phone) await page.getByRole('heading', { name: 'Step through' }).scrollIntoViewIfNeeded();
	await page.screenshot({ path: `docs/screenshots/${name}.png`, fullPage: !phone });
	console.log(`docs/screenshots/${name}.png`);
	await page.close();
}

try {
	mkdirSync('docs/screenshots', { recursive: true });
	await waitForServer();
	const browser = await chromium.launch({
		executablePath: findChromium(),
		args: ['--disable-quic', '--disable-dev-shm-usage', '--disable-gpu']
	});
	await capture(browser, 'dashboard-laptop', { viewport: { width: 1280, height: 800 } });
	await capture(browser, 'dashboard-phone', { ...devices['Pixel 7'] });
	await browser.close();
} finally {
	stop();
}
