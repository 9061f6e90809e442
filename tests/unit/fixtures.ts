/**
 * Test helpers: the valid fixture scenarios under tests/fixtures/valid, as text, loaded as the CLI
 * loads them, and the sources they cite; and the shipped scenarios under scenarios/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadScenarioFile } from '../../src/cli/files';
import type { LoadedScenario } from '../../src/lib/engine/load';
import { resolverFromFiles } from '../../src/lib/scenario/sources';

export const fixturesDir = resolve(import.meta.dirname, '../fixtures/valid');

/** Load a fixture that must be valid; a failure names its diagnostics. */
export function loadFixture(name: string): LoadedScenario {
	const result = loadScenarioFile(resolve(fixturesDir, name));
	if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
	return result.value;
}

/** A fixture file's text: `fixtureText('ladder.yaml')`. */
export const fixtureText = (name: string): string =>
	readFileSync(resolve(fixturesDir, name), 'utf8');

/** The fixture files' bytes by path under tests/fixtures/valid, or undefined when absent. */
export const readFixture = (path: string): Uint8Array | undefined => {
	const file = resolve(fixturesDir, path);
	return existsSync(file) ? new Uint8Array(readFileSync(file)) : undefined;
};

/** The sources the fixture scenarios cite (tests/fixtures/valid/sources), named "fixtures". */
export const fixtureResolver = resolverFromFiles(readFixture, 'fixtures');

/** The ids of the scenarios the project ships (scenarios/<id>.yaml). */
export const shippedIds = [
	'russia-arms-to-iran',
	'israel-russia-ties',
	'hezbollah-escalation',
	'regional-escalation'
] as const;
export type ShippedId = (typeof shippedIds)[number];

/** Load a shipped scenario as the CLI does; a failure names its diagnostics. */
export function loadShippedScenario(id: string): LoadedScenario {
	const result = loadScenarioFile(resolve(import.meta.dirname, `../../scenarios/${id}.yaml`));
	if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
	return result.value;
}
