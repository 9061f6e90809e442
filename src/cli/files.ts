/** Reading scenario files from disk for the command line. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { loadScenario, type LoadResult } from '../lib/engine/load';
import { fileDiagnostic } from '../lib/scenario/diagnostics';
import { resolverFromFiles } from '../lib/scenario/sources';

export const scenariosDir = resolve(import.meta.dirname, '../../scenarios');

const scenarioExtensions = /\.(ya?ml|json)$/i;

/** Scenario files named by the arguments: files as given, folders searched (not sources/). */
export function findScenarioFiles(args: string[]): string[] {
	const found: string[] = [];
	for (const arg of args) {
		if (!existsSync(arg)) {
			found.push(arg); // reported when read
			continue;
		}
		if (statSync(arg).isDirectory()) {
			for (const entry of readdirSync(arg).sort()) {
				const path = join(arg, entry);
				if (entry === 'sources' || entry === 'node_modules') continue;
				if (statSync(path).isDirectory()) found.push(...findScenarioFiles([path]));
				else if (scenarioExtensions.test(entry) && !entry.endsWith('.schema.json'))
					found.push(path);
			}
		} else found.push(arg);
	}
	return found;
}

/** A scenario id (from scenarios/) or a file path. */
export function toScenarioFile(idOrFile: string): string {
	if (existsSync(idOrFile) && statSync(idOrFile).isFile()) return idOrFile;
	for (const ext of ['yaml', 'yml', 'json']) {
		const path = join(scenariosDir, `${idOrFile}.${ext}`);
		if (existsSync(path)) return path;
	}
	return idOrFile;
}

export function displayPath(path: string): string {
	const rel = relative(process.cwd(), path);
	return rel.startsWith('..') ? path : rel;
}

/** Load a scenario file; its sources are looked up in the `sources/` folder beside it. */
export function loadScenarioFile(path: string): LoadResult {
	const file = displayPath(path);
	if (!existsSync(path)) {
		return {
			ok: false,
			diagnostics: [
				fileDiagnostic(
					file,
					'file not found',
					`give a scenario file, or an id from ${displayPath(scenariosDir)}/`
				)
			]
		};
	}
	if (statSync(path).isDirectory()) {
		return { ok: false, diagnostics: [fileDiagnostic(file, 'is a folder, not a scenario file')] };
	}
	const dir = dirname(path);
	const read = (rel: string) => {
		const full = join(dir, rel);
		return existsSync(full) && statSync(full).isFile()
			? new Uint8Array(readFileSync(full))
			: undefined;
	};
	const sourcesDir = join(dir, 'sources');
	const list = () => (existsSync(sourcesDir) ? readdirSync(sourcesDir) : []);
	return loadScenario(
		file,
		new Uint8Array(readFileSync(path)),
		resolverFromFiles(read, displayPath(dir) || '.', list)
	);
}

export { basename };
