/**
 * The sources shipped under scenarios/sources/ (metadata and texts), as raw text, for the
 * /validate page only: a scenario checked there may cite them. Imported by that route alone, so
 * the texts land in its chunk and never in the dashboard's (the dashboard's pages are prerendered
 * from src/lib/scenarios/registry.ts, which runs at build time only).
 */
export const shippedSources = import.meta.glob('/scenarios/sources/*.{yaml,txt,md}', {
	query: '?raw',
	import: 'default',
	eager: true
}) as Record<string, string>;
