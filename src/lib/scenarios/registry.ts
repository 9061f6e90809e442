/**
 * The shipped scenarios, bundled at build time: every file under scenarios/ as raw text, loaded
 * with the same engine code the command line uses.
 */
import { loadScenario, type LoadResult } from '$lib/engine/load';
import { formatDiagnostic } from '$lib/scenario/diagnostics';
import { parseEventLog, type EventLog } from '$lib/scenario/events';
import { resolverFromFiles } from '$lib/scenario/sources';

const shipped = import.meta.glob('/scenarios/**/*.{yaml,yml,json,txt,md}', {
	query: '?raw',
	import: 'default',
	eager: true
}) as Record<string, string>;

/**
 * Test-only: building with `BRINK_EXTRA_SCENARIOS=tests/fixtures/hostile` adds the hostile-text
 * fixture (tests/e2e/hardening.spec.ts) as if it were shipped: its files are read as if they stood
 * under scenarios/. A glob needs a literal pattern, so that one folder is the only one allowed.
 * Unset (every real build), `files` is exactly the glob of scenarios/ above. This module runs only
 * at build time (prerendering) and in Node, so the fixture text never reaches build/ unless asked.
 */
const fixtures = import.meta.glob('/tests/fixtures/hostile/**/*.{yaml,txt}', {
	query: '?raw',
	import: 'default',
	eager: true
}) as Record<string, string>;
const extra = process.env.BRINK_EXTRA_SCENARIOS?.replace(/^\.?\/+|\/+$/g, '');
const files: Record<string, string> =
	extra === 'tests/fixtures/hostile'
		? {
				...shipped,
				...Object.fromEntries(
					Object.entries(fixtures).map(([path, text]) => [
						path.replace('/tests/fixtures/hostile/', '/scenarios/'),
						text
					])
				)
			}
		: shipped;

const resolveSource = resolverFromFiles((rel) => files[`/scenarios/${rel}`], 'scenarios');

/** Paths of the scenario files (not sources, not schemas), sorted. */
export const scenarioFiles = Object.keys(files)
	.filter(
		(path) => /^\/scenarios\/[^/]+\.(ya?ml|json)$/.test(path) && !path.endsWith('.schema.json')
	)
	.sort();

const cache = new Map<string, LoadResult>();

export function loadShipped(path: string): LoadResult {
	let result = cache.get(path);
	if (!result) {
		result = loadScenario(path.slice(1), files[path], resolveSource);
		cache.set(path, result);
	}
	return result;
}

/** The shipped scenarios that load, by id. */
export function shippedById(): Map<string, Extract<LoadResult, { ok: true }>['value']> {
	const byId = new Map<string, Extract<LoadResult, { ok: true }>['value']>();
	for (const file of scenarioFiles) {
		const result = loadShipped(file);
		if (result.ok) byId.set(result.value.scenario.id, result.value);
	}
	return byId;
}

const logs = new Map<string, EventLog | undefined>();

/**
 * The shipped event log of scenario `id` (scenarios/events/<id>.yaml), checked against the shipped
 * scenario as `npm run validate` checks it; undefined when the scenario has none. A shipped log
 * that does not validate stops the build with its diagnostics.
 */
export function shippedEventLog(id: string): EventLog | undefined {
	if (logs.has(id)) return logs.get(id);
	const path = `/scenarios/events/${id}.yaml`;
	let log: EventLog | undefined;
	if (files[path] !== undefined) {
		const byId = shippedById();
		const result = parseEventLog(path.slice(1), files[path], (name) => {
			const loaded = byId.get(name);
			return loaded ? { model: loaded.model } : { missing: true, known: [...byId.keys()] };
		});
		if (!result.ok) throw new Error(result.diagnostics.map(formatDiagnostic).join('\n'));
		log = result.value;
	}
	logs.set(id, log);
	return log;
}
