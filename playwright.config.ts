import { defineConfig, devices } from '@playwright/test';
// @ts-expect-error: a plain .mjs helper shared with scripts/ensure-chromium.mjs
import { findTestChromium } from './scripts/find-chromium.mjs';

// E2E_PORT lets a second checkout run its tests beside this one.
const port = Number(process.env.E2E_PORT ?? 4173);
// Debian's headless shell when there is one (scripts/find-chromium.mjs says why).
const executablePath = (findTestChromium as () => string | undefined)();

export default defineConfig({
	testDir: 'tests/e2e',
	outputDir: 'test-results',
	fullyParallel: true,
	// The longer tests (a comparison with two simulations and a fresh page, axe on the whole
	// dashboard) take 15–25 s on a busy 2-core machine: leave them room.
	timeout: 60_000,
	// What a test waits for on the page (a number, a ready state) may take several seconds to come
	// when the machine is busy: the default 5 s is not enough on two loaded cores.
	expect: { timeout: 15_000 },
	workers: 2,
	retries: process.env.CI ? 1 : 0,
	reporter: process.env.CI ? [['list']] : [['list']],
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		// A trace (a snapshot of the page and a screenshot at every action) cost about 30 % of the
		// suite's CPU when recorded for every test and thrown away when it passed: it is recorded
		// for a test's retry only (CI retries once). Locally: `npx playwright test <spec> --trace on`.
		trace: 'on-first-retry',
		launchOptions: {
			executablePath,
			args: [
				'--disable-quic',
				'--disable-dev-shm-usage',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--no-first-run'
			]
		}
	},
	projects: [
		{
			name: 'laptop',
			use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } }
		},
		// The phone runs only the tests tagged @phone (`test('…', { tag: '@phone' }, …)`): those
		// that check something of a phone (44 px targets, touch, what the narrow layout shows or
		// scrolls) and one axe scan of each page at phone width. Everything else runs once, on the
		// laptop: the same code behind a narrower viewport proves nothing more, and running every
		// test twice doubled the suite. Tag a new test that checks the phone layout.
		{
			name: 'phone',
			grep: /@phone\b/,
			use: { ...devices['Pixel 7'], browserName: 'chromium' }
		}
	],
	webServer: {
		command: `npm run build && node node_modules/.bin/vite preview --host 127.0.0.1 --port ${port} --strictPort`,
		url: `http://127.0.0.1:${port}`,
		reuseExistingServer: !process.env.CI,
		// The build checks every claim for being built in (seconds of CPU): on a busy machine it takes minutes.
		timeout: 600_000,
		// The test build also carries the hostile-text fixture (tests/fixtures/hostile, see
		// src/lib/scenarios/registry.ts and tests/e2e/hardening.spec.ts); real builds never do.
		env: { BRINK_EXTRA_SCENARIOS: 'tests/fixtures/hostile' },
		stdout: 'ignore',
		stderr: 'pipe'
	}
});
