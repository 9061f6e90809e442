/** Reading scenario files from disk for the command line. */
import { existsSync, lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { loadScenario, type LoadResult } from '../lib/engine/load';
import { fileDiagnostic } from '../lib/scenario/diagnostics';
import { parseEventLog, type EventLogResult, type ScenarioLookup } from '../lib/scenario/events';
import { isRefusal, resolverFromFiles, type Refusal } from '../lib/scenario/sources';
import { isInside, readBounded } from './readFile';

export const scenariosDir = resolve(import.meta.dirname, '../../scenarios');

const scenarioExtensions = /\.(ya?ml|json)$/i;

/** An event log is a YAML or JSON file in a folder named `events` (scenarios/events/<id>.yaml). */
export function isEventLogFile(path: string): boolean {
	return basename(dirname(resolve(path))) === 'events' && scenarioExtensions.test(path);
}

/** The event logs in `<folder>/events/`, sorted (none when there is no such folder). */
export function findEventLogs(folder: string): string[] {
	const dir = join(folder, 'events');
	if (!isFolder(dir)) return [];
	return readdirSync(dir)
		.sort()
		.filter((entry) => scenarioExtensions.test(entry) && !entry.endsWith('.schema.json'))
		.map((entry) => join(dir, entry));
}

/**
 * Scenario files named by the arguments: files as given, folders searched (not sources/). A folder
 * reached twice through links (a loop) is searched once; an entry that cannot be looked at is
 * kept, to be reported when read.
 */
export function findScenarioFiles(
	args: string[],
	seen = new Set<string>(),
	notes: SkipNote[] = []
): string[] {
	const found: string[] = [];
	for (const arg of args) {
		if (!isFolder(arg)) {
			found.push(arg); // a file, or reported when read
			continue;
		}
		const real = realPath(arg);
		if (seen.has(real)) {
			notes.push({
				path: displayPath(arg),
				message: `leads to the folder ${displayPath(real) || '.'}, searched already: skipped (a loop of folder links, or a second link to one folder)`
			});
			continue;
		}
		seen.add(real);
		for (const entry of readdirSync(arg).sort()) {
			const path = join(arg, entry);
			if (entry === 'sources' || entry === 'events' || entry === 'node_modules') continue;
			if (isFolder(path)) found.push(...findScenarioFiles([path], seen, notes));
			else if (scenarioExtensions.test(entry) && !entry.endsWith('.schema.json')) found.push(path);
			else if (linkLoop(path))
				notes.push({
					path: displayPath(path),
					message: 'a link that leads back to itself (a loop of links): skipped'
				});
		}
	}
	return found;
}

/** A folder or link `findScenarioFiles` passed over, and why: printed as a note, not an error. */
export interface SkipNote {
	path: string;
	message: string;
}

/** Whether `path` is a link whose chain of links never ends (ELOOP). */
function linkLoop(path: string): boolean {
	try {
		statSync(path);
		return false;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'ELOOP';
	}
}

const isFolder = (path: string) => {
	try {
		return statSync(path).isDirectory();
	} catch {
		return false; // missing, a broken link or a link loop: reported when read
	}
};

const isLink = (path: string) => {
	try {
		return lstatSync(path).isSymbolicLink();
	} catch {
		return false;
	}
};

const realPath = (path: string) => {
	try {
		return realpathSync(path);
	} catch {
		return resolve(path);
	}
};

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

/**
 * Load a scenario file; its sources are looked up in the `sources/` folder beside it, and only
 * there: a source file that leads out of it (by `..`, an absolute path or a link) is refused, as
 * is anything that is not a regular file or is over the size limit (see readFile.ts).
 */
export function loadScenarioFile(path: string): LoadResult {
	const file = displayPath(path);
	if (!existsSync(path)) {
		const loop = linkLoop(path);
		const link = loop || isLink(path);
		return {
			ok: false,
			diagnostics: [
				link
					? fileDiagnostic(
							file,
							loop
								? 'file is a link that leads back to itself (a loop of links)'
								: 'file is a link to a file that does not exist',
							'point the link at a scenario file, or remove it'
						)
					: fileDiagnostic(
							file,
							'file not found',
							`give a scenario file, or an id from ${displayPath(scenariosDir)}/`
						)
			]
		};
	}
	const bytes = readBounded(path);
	if (isRefusal(bytes))
		return { ok: false, diagnostics: [fileDiagnostic(file, bytes.refused, bytes.hint)] };
	const dir = dirname(path);
	const sourcesDir = join(dir, 'sources');
	const read = (rel: string): Uint8Array | Refusal | undefined => {
		const full = join(dir, rel);
		if (!existsSync(full)) return undefined;
		if (!isInside(sourcesDir, full))
			return {
				refused: `leads outside ${displayPath(sourcesDir)}/ (through a link): not read`,
				hint: `keep the source's files inside ${displayPath(sourcesDir)}/ itself, not as links to elsewhere`
			};
		return readBounded(full);
	};
	const list = () => {
		try {
			return readdirSync(sourcesDir);
		} catch {
			return [];
		}
	};
	return loadScenario(file, bytes, resolverFromFiles(read, displayPath(dir) || '.', list));
}

export { basename };

/**
 * Load an event log and check it against the scenario it names: `<id>.yaml` (or .yml, .json) in
 * the folder above the log's `events/` folder, else the shipped scenario of that id, loaded with
 * `loadScenario` (validate passes one that remembers the scenarios it has already loaded).
 */
export function loadEventLogFile(
	path: string,
	loadScenario: (path: string) => LoadResult = loadScenarioFile
): EventLogResult {
	const file = displayPath(path);
	if (!existsSync(path))
		return {
			ok: false,
			diagnostics: [fileDiagnostic(file, 'file not found', 'give an event log file')]
		};
	const bytes = readBounded(path);
	if (isRefusal(bytes))
		return { ok: false, diagnostics: [fileDiagnostic(file, bytes.refused, bytes.hint)] };
	const above = dirname(dirname(resolve(path)));
	const lookup: ScenarioLookup = (id) => {
		const candidates = [above, scenariosDir].flatMap((dir) =>
			['yaml', 'yml', 'json'].map((ext) => join(dir, `${id}.${ext}`))
		);
		const found = candidates.find((c) => existsSync(c));
		if (!found) {
			const known = [above, scenariosDir].flatMap((dir) =>
				isFolder(dir)
					? readdirSync(dir)
							.filter((e) => scenarioExtensions.test(e) && !e.endsWith('.schema.json'))
							.map((e) => e.replace(scenarioExtensions, ''))
					: []
			);
			return { missing: true, known: [...new Set(known)] };
		}
		const loaded = loadScenario(found);
		if (loaded.ok) return { model: loaded.value.model };
		return { invalid: `run npm run validate -- ${displayPath(found)}` };
	};
	return parseEventLog(file, bytes, lookup);
}
