// Lighthouse scores for `npm run perf`: performance and accessibility of each page, mobile (the
// default config, simulated throttling) and desktop (the desktop preset), in the Chromium found by
// find-chromium.mjs, launched headless by chrome-launcher (Lighthouse's own launcher).
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';

const categories = ['performance', 'accessibility'];

/** The audits that cost a category most: scored below 1, heaviest weight first. */
function failing(lhr, category) {
	return (
		lhr.categories[category].auditRefs
			.map((ref) => ({ ref, audit: lhr.audits[ref.id] }))
			// Weight 0 audits (insights, experimental checks) do not count towards the score.
			.filter(
				({ ref, audit }) => ref.weight > 0 && typeof audit?.score === 'number' && audit.score < 1
			)
			.sort((a, b) => b.ref.weight - a.ref.weight || a.audit.score - b.audit.score)
			.slice(0, 5)
			.map(({ ref, audit }) => ({
				id: ref.id,
				weight: ref.weight,
				score: audit.score,
				value: audit.displayValue ?? ''
			}))
	);
}

/** What blocks the main thread: the longest tasks and the scripts that cost most CPU time. */
function mainThread(lhr) {
	const top = (id, fields) =>
		(lhr.audits[id]?.details?.items ?? [])
			.slice(0, 5)
			.map((item) =>
				Object.fromEntries(
					fields.map((f) => [
						f,
						f === 'url' ? String(item.url).replace(/^https?:\/\/[^/]+/, '') : Math.round(item[f])
					])
				)
			);
	return {
		longTasks: top('long-tasks', ['url', 'startTime', 'duration']),
		scripts: top('bootup-time', ['url', 'total', 'scripting'])
	};
}

/**
 * Scores (0 to 100) for every page under each preset, and the top failing audits of each. Each
 * page is measured `runs` times: a single Lighthouse run on a shared 2-core machine varies by
 * several points, so the run with the median performance score is reported, with all the scores.
 */
export async function measureLighthouse(
	chromePath,
	base,
	paths,
	presets = ['mobile', 'desktop'],
	runs = 3
) {
	const all = [];
	for (let i = 0; i < runs; i++) all.push(...(await measureOnce(chromePath, base, paths, presets)));
	return presets.flatMap((preset) =>
		paths.map((path) => {
			const these = all
				.filter((r) => r.preset === preset && r.path === path)
				.sort((a, b) => a.performance - b.performance);
			const median = these[Math.floor((these.length - 1) / 2)];
			return {
				...median,
				scores: these.map((r) => r.performance),
				accessibility: Math.min(...these.map((r) => r.accessibility))
			};
		})
	);
}

async function measureOnce(chromePath, base, paths, presets) {
	const chrome = await chromeLauncher.launch({
		chromePath,
		chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage']
	});
	const results = [];
	try {
		for (const preset of presets) {
			for (const path of paths) {
				const run = await lighthouse(
					base + path,
					{ port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: categories },
					preset === 'desktop' ? desktopConfig : undefined
				);
				if (!run) throw new Error(`Lighthouse returned nothing for ${path}`);
				const { lhr } = run;
				if (lhr.runtimeError) throw new Error(`${path}: ${lhr.runtimeError.message}`);
				results.push({
					preset,
					path,
					performance: Math.round((lhr.categories.performance.score ?? 0) * 100),
					accessibility: Math.round((lhr.categories.accessibility.score ?? 0) * 100),
					metrics: Object.fromEntries(
						[
							'first-contentful-paint',
							'largest-contentful-paint',
							'total-blocking-time',
							'cumulative-layout-shift',
							'speed-index'
						].map((id) => [id, lhr.audits[id]?.displayValue ?? ''])
					),
					failing: Object.fromEntries(categories.map((c) => [c, failing(lhr, c)])),
					mainThread: mainThread(lhr)
				});
			}
		}
	} finally {
		chrome.kill();
	}
	return results;
}
