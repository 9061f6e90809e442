// The in-browser half of `npm run perf`: choice changes, the Monte Carlo run and the first visit's
// JavaScript, measured in Chromium against the served production build. docs/performance.md
// explains each method.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

export const scenarioPath = '/scenario/regional-escalation';

/** Chromium as the tests launch it (TOOLCHAIN.md). */
export function launch(executablePath) {
	return chromium.launch({
		executablePath,
		args: ['--disable-quic', '--disable-dev-shm-usage', '--disable-gpu']
	});
}

/** Median, 90th percentile and maximum of `samples`. */
export function summary(samples) {
	const sorted = [...samples].sort((a, b) => a - b);
	const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
	return { median: at(0.5), p90: at(0.9), max: sorted.at(-1), runs: samples.length };
}

/** A page of the scenario with the dashboard's performance marks switched on, hydrated. */
async function openScenario(browser, base) {
	const context = await browser.newContext();
	await context.addInitScript(() => {
		globalThis.brinkPerf = true;
		// The page load's long tasks (hydration), observed from the first script on.
		const tasks = (globalThis.perfLoadTasks = []);
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) tasks.push(e.duration);
		}).observe({ type: 'longtask' });
	});
	const page = await context.newPage();
	await page.goto(base + scenarioPath, { waitUntil: 'load' });
	// The page's effect marks `brink:dom` once it has hydrated and rendered the analysis.
	await page.waitForFunction(() => performance.getEntriesByName('brink:dom').length > 0);
	// And the panels rendered just after the start (Deferred.svelte): the changes measured below
	// update every panel, as a person's would.
	await page.waitForFunction(() => document.querySelector('[data-deferred]') === null);
	return { context, page };
}

/**
 * Change choices one at a time (`changes` of them after two warm-ups), cycling through every
 * select's options, and read the page's marks: see docs/performance.md for what each span covers.
 * `view`: 'top' leaves the page scrolled to its top (the choices and the workspace on screen);
 * 'outcomes' scrolls the outcome charts into view first.
 */
export async function measureChoices(browser, base, changes = 20, rate = 1, view = 'top') {
	const { context, page } = await openScenario(browser, base);
	try {
		if (view === 'outcomes')
			await page.evaluate(() => document.querySelector('.outcomes')?.scrollIntoView());
		await throttle(context, page, rate);
		const selects = await page.$$eval('select[data-choice]', (all) =>
			all.map((s) => ({
				key: s.dataset.choice,
				value: s.value,
				options: [...s.options].map((o) => o.value)
			}))
		);
		// The first render (prerendered HTML hydrated) leaves the same marks once.
		const load = await page.evaluate(() => {
			const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
			return {
				longestTask: Math.max(0, ...globalThis.perfLoadTasks),
				analysis: at('brink:analysis:end') - at('brink:analysis:start'),
				sensitivity: at('brink:after-sensitivity') - at('brink:before-sensitivity')
			};
		});
		const spans = [];
		for (let i = 0; i < changes + 2; i++) {
			const select = selects[i % selects.length];
			const next =
				select.options[(select.options.indexOf(select.value) + 1) % select.options.length];
			select.value = next;
			const span = await page.evaluate(changeOnce, { key: select.key, value: next });
			if (i >= 2) spans.push(span);
		}
		const of = (name) => summary(spans.map((s) => s[name]));
		return {
			rate,
			view,
			choices: selects.length,
			changes: spans.length,
			load,
			analysis: of('analysis'),
			exactFirst: of('exactFirst'),
			sensitivity: of('sensitivity'),
			afterSensitivity: of('afterSensitivity'),
			exactCharts: of('exactCharts'),
			total: of('total'),
			frame: of('frame'),
			settled: of('settled')
		};
	} finally {
		await context.close();
	}
}

/**
 * In the page: change one select as a person would, wait for the DOM and the frame painted after
 * it (`frame`), then one frame more (`settled`: what the change queued after its paint, such as
 * the worker runs' start and the address, ran before it).
 */
async function changeOnce({ key, value }) {
	performance.clearMarks();
	const select = document.querySelector(`select[data-choice="${key}"]`);
	select.value = value;
	const start = performance.now();
	select.dispatchEvent(new Event('change', { bubbles: true }));
	const inDom = () => performance.getEntriesByName('brink:dom').length > 0;
	// A frame's requestAnimationFrame callbacks run before its style, layout and paint; a task
	// queued there runs after them. Resolves with whether the DOM had been updated by that frame.
	const frame = () =>
		new Promise((done) =>
			requestAnimationFrame(() => {
				const updated = inDom();
				setTimeout(() => done(updated), 0);
			})
		);
	let painted = false;
	for (let i = 0; i < 500 && !painted; i++) painted = await frame();
	const end = performance.now();
	await frame();
	const settled = performance.now();
	const at = (name) => performance.getEntriesByName(name).at(-1)?.startTime ?? NaN;
	const choice = at('brink:choice');
	const before = at('brink:before-sensitivity');
	const after = at('brink:after-sensitivity');
	const dom = at('brink:dom');
	return {
		analysis: at('brink:analysis:end') - at('brink:analysis:start'),
		exactFirst: before - choice,
		sensitivity: after - before,
		afterSensitivity: dom - after,
		exactCharts: before - choice + (dom - after),
		total: dom - choice,
		frame: end - start,
		settled: settled - start
	};
}

/** Slow the page's CPU down `rate` times (DevTools' "4× slowdown"); 1 leaves it as it is. */
async function throttle(context, page, rate) {
	if (rate === 1) return;
	const cdp = await context.newCDPSession(page);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}

/**
 * The editor after forking regional-escalation: a few words typed at the end of its title line
 * (the draft's name, and so the file name in the verdict, follows the title), at CPU slowdown
 * `rate`. Measures the longest main-thread task from the first keystroke until the result is
 * shown (a PerformanceObserver on long tasks, read 1 s after), and the time from the last
 * keystroke to the frame painted after the verdict names the new file with no check running
 * (the verdict and the results come from one check).
 */
export async function measureEditor(browser, base, rate = 1) {
	const context = await browser.newContext();
	await context.addInitScript(() => {
		const tasks = (globalThis.perfTasks = []);
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) tasks.push(e.duration);
		}).observe({ type: 'longtask' });
	});
	const page = await context.newPage();
	try {
		await page.goto(`${base}/editor`, { waitUntil: 'load' });
		// Hydrated first: a choice made before it is reset to the first scenario.
		await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		await page
			.getByLabel('Fork a shipped scenario')
			.selectOption({ label: 'Regional escalation (the three paths together)' });
		await page.getByRole('button', { name: 'Fork', exact: true }).click();
		const verdict = page.locator('.verdict');
		await verdict.filter({ hasText: /: ok \(/ }).waitFor({ timeout: 120_000 });
		await page.locator('.result-panels').waitFor({ timeout: 120_000 });
		await page.locator('.checking').waitFor({ state: 'detached', timeout: 120_000 });
		await page.waitForTimeout(1000);
		const before = (await verdict.textContent()) ?? '';
		if (!before.startsWith('regional-escalation'))
			throw new Error(`the fork is not regional-escalation: ${before}`);
		await throttle(context, page, rate);
		// The cursor at the end of the title line.
		await page.locator('.cm-content').click();
		await page.keyboard.press('Control+Home');
		for (let i = 0; i < 10; i++) {
			const line = (await page.locator('.cm-activeLine').textContent()) ?? '';
			if (line.startsWith('title:')) break;
			await page.keyboard.press('ArrowDown');
		}
		await page.keyboard.press('End');
		await page.evaluate((old) => {
			const w = /** @type {any} */ (globalThis);
			w.perfTasks.length = 0;
			w.perfKey = NaN;
			w.perfShown = undefined;
			document.addEventListener('keydown', () => (w.perfKey = performance.now()), {
				capture: true
			});
			const seen = () => {
				if (w.perfChecking === undefined && document.querySelector('.checking'))
					w.perfChecking = performance.now();
				const text = document.querySelector('.verdict')?.textContent ?? '';
				if (w.perfShown !== undefined || text === old || !/: ok \(/.test(text)) return;
				if (document.querySelector('.checking')) return;
				w.perfShown = null;
				requestAnimationFrame(() => setTimeout(() => (w.perfShown = performance.now()), 0));
			};
			new MutationObserver(seen).observe(document.body, {
				subtree: true,
				childList: true,
				characterData: true
			});
		}, before);
		await page.keyboard.type(' draft');
		await page.waitForFunction(() => typeof globalThis.perfShown === 'number', undefined, {
			timeout: 240_000,
			polling: 100
		});
		// Long tasks are reported a little late.
		await page.waitForTimeout(1000);
		const seen = await page.evaluate(() => {
			const w = /** @type {any} */ (globalThis);
			return {
				tasks: w.perfTasks,
				shown: w.perfShown - w.perfKey,
				// When "Checking…" first showed, after the last keystroke (none: the page has no such line).
				checking: w.perfChecking === undefined ? null : w.perfChecking - w.perfKey
			};
		});
		return {
			rate,
			shown: seen.shown,
			checking: seen.checking,
			longTasks: seen.tasks.length,
			longest: seen.tasks.length > 0 ? Math.max(...seen.tasks) : 0
		};
	} finally {
		await context.close();
	}
}

/**
 * Run a Monte Carlo of `runs` in the worker through the panel, watching the main thread's long
 * tasks (an observer registered before the click) and the progress bar.
 */
export async function measureMonteCarlo(browser, base, runs = 1_000_000) {
	const { context, page } = await openScenario(browser, base);
	try {
		await page.locator('.mc').getByLabel('Runs').selectOption(String(runs));
		await page.evaluate(() => {
			const w = /** @type {any} */ (window);
			w.perfLongTasks = [];
			w.perfProgress = new Set();
			new PerformanceObserver((list) => {
				for (const e of list.getEntries())
					w.perfLongTasks.push({ start: e.startTime, duration: e.duration });
			}).observe({ type: 'longtask', buffered: false });
			const status = document.querySelector('.mc .status');
			new MutationObserver(() => {
				const bar = status.querySelector('progress');
				if (bar) w.perfProgress.add(bar.value);
				if (w.perfDone === undefined && /runs with seed/.test(status.textContent))
					w.perfDone = performance.now();
			}).observe(status, { subtree: true, childList: true, characterData: true, attributes: true });
			document.addEventListener('click', () => (w.perfClick = performance.now()), {
				capture: true,
				once: true
			});
		});
		await page.locator('.mc').getByRole('button', { name: 'Run simulation' }).click();
		const status = page.locator('.mc .status');
		await status
			.filter({ hasText: /runs with seed \d+ in [\d,]+ ms/ })
			.waitFor({ timeout: 120_000 });
		// Long tasks are reported a little late; the result's own rendering counts too.
		await page.waitForTimeout(1000);
		const text = (await status.textContent()) ?? '';
		const seen = await page.evaluate(() => {
			const w = /** @type {any} */ (window);
			return {
				wall: w.perfDone - w.perfClick,
				longTasks: w.perfLongTasks,
				progressValues: w.perfProgress.size
			};
		});
		const reported = Number(/in ([\d,]+) ms/.exec(text)?.[1].replace(/,/g, ''));
		const durations = seen.longTasks.map((t) => t.duration);
		return {
			runs,
			reported,
			wall: seen.wall,
			longTasks: durations.length,
			longest: durations.length > 0 ? Math.max(...durations) : 0,
			progressValues: seen.progressValues,
			status: text.trim()
		};
	} finally {
		await context.close();
	}
}

/** Files of the client build that hold ELK or the chart exporters (found by their contents). */
function lazyChunks(clientDir) {
	const found = { elk: [], exporters: [] };
	const walk = (dir) => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) walk(path);
			else if (entry.name.endsWith('.js')) {
				const text = readFileSync(path, 'utf8');
				const file = `/${relative(clientDir, path)}`;
				if (text.includes('org.eclipse.elk')) found.elk.push(file);
				// 'alignment-baseline' is one of the styles src/lib/export/svgFile.ts copies; no other module has it.
				if (text.includes('alignment-baseline')) found.exporters.push(file);
			}
		}
	};
	walk(clientDir);
	return found;
}

/**
 * Every script a first visit downloads (fresh context), each gzipped at level 9, and whether ELK
 * or the exporters are among them.
 */
export async function measureFirstLoad(browser, base, clientDir) {
	const context = await browser.newContext();
	const scripts = new Map();
	context.on('response', (response) => {
		const request = response.request();
		const url = new URL(response.url());
		if (request.resourceType() !== 'script' && !url.pathname.endsWith('.js')) return;
		scripts.set(
			url.pathname,
			Promise.all([response.body(), request.sizes()])
				.then(([body, sizes]) => ({
					path: url.pathname,
					raw: body.length,
					gzip: gzipSync(body, { level: 9 }).length,
					// As served: vite preview gzips on the fly (level 6), the body above is decoded.
					served: sizes.responseBodySize,
					encoding: response.headers()['content-encoding'] ?? 'none',
					text: body.toString('utf8')
				}))
				.catch(() => undefined)
		);
	});
	try {
		const page = await context.newPage();
		await page.goto(base + scenarioPath, { waitUntil: 'networkidle' });
		await page.waitForTimeout(1000);
		const files = (await Promise.all(scripts.values())).filter((f) => f !== undefined);
		const lazy = lazyChunks(clientDir);
		const paths = new Set(files.map((f) => f.path));
		// Downloaded: a built chunk that holds it, or any downloaded file with its marker text.
		const inFirst = (chunks, marker) => [
			...new Set([
				...chunks.filter((p) => paths.has(p)),
				...files.filter((f) => f.text.includes(marker)).map((f) => f.path)
			])
		];
		return {
			files: files.length,
			gzip: files.reduce((sum, f) => sum + f.gzip, 0),
			raw: files.reduce((sum, f) => sum + f.raw, 0),
			served: files.reduce((sum, f) => sum + f.served, 0),
			encodings: [...new Set(files.map((f) => f.encoding))],
			largest: files
				.sort((a, b) => b.gzip - a.gzip)
				// PERF_LARGEST=n lists n scripts instead of five (to see what the first visit carries).
				.slice(0, Number(process.env.PERF_LARGEST ?? 5))
				.map(({ path, raw, gzip }) => ({ path, raw, gzip })),
			worker: files.some((f) => f.path.includes('/workers/')),
			elk: { built: lazy.elk, downloaded: inFirst(lazy.elk, 'org.eclipse.elk') },
			exporters: {
				built: lazy.exporters,
				downloaded: inFirst(lazy.exporters, 'alignment-baseline')
			}
		};
	} finally {
		await context.close();
	}
}
