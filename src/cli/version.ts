/** Brink's version, read from package.json when asked (the built command line reads the same file). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Brink's version from package.json, or nothing if it cannot be read. */
export function toolVersion(): string | undefined {
	try {
		const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8'));
		return typeof pkg.version === 'string' ? pkg.version : undefined;
	} catch {
		return undefined;
	}
}
