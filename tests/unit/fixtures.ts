/** Test helper: the valid fixture scenarios under tests/fixtures/valid, loaded as the CLI loads them. */
import { resolve } from 'node:path';
import { loadScenarioFile } from '../../src/cli/files';
import type { LoadedScenario } from '../../src/lib/engine/load';

export const fixturesDir = resolve(import.meta.dirname, '../fixtures/valid');

/** Load a fixture that must be valid; a failure names its diagnostics. */
export function loadFixture(name: string): LoadedScenario {
	const result = loadScenarioFile(resolve(fixturesDir, name));
	if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
	return result.value;
}
