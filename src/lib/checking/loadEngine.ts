/**
 * Load the scenario checker (in the check worker, which serves the editor and /draft).
 *
 * Zod compiles a fast parser for each object schema with `new Function`, deciding when the schema
 * is built (src/lib/scenario/schema.ts, at import) after probing with an eval. The site's policy
 * has no 'unsafe-eval', so the probe is refused and reported as a violation. Telling Zod first
 * (`jitless`) and only then importing the schemas keeps the page inside the policy; the parsers
 * are then interpreted, which is fast enough for one file as the person types.
 */
export async function loadEngine() {
	const { config } = await import('zod');
	config({ jitless: true });
	return import('./engine');
}
