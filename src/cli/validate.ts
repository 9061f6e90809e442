/**
 * `npm run validate -- <files or dirs>`: exit 0 when every scenario and event log is valid;
 * otherwise exit 1 and one line per problem, `file:line:column: path: message (hint: …)`. A
 * folder's event logs (`<folder>/events/`) are checked after its scenarios; a file in a folder
 * named `events` is read as an event log.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { LoadResult } from '../lib/engine/load';
import { toEventLogReportLines, toReportLines, type ReportLine } from '../lib/scenario/format';
import {
	findEventLogs,
	findScenarioFiles,
	isEventLogFile,
	loadEventLogFile,
	loadScenarioFile,
	scenariosDir,
	type SkipNote
} from './files';
import { parse, runAsScript, out, err } from './run';

const usage = 'usage: npm run validate -- [files or folders…]   (default: scenarios/)';

export const options = { quiet: { type: 'boolean', short: 'q' } } as const;

export function main(argv: string[]): number {
	const { positionals, values } = parse(usage, options, argv);
	const args = positionals.length > 0 ? positionals : [scenariosDir];
	const notes: SkipNote[] = [];
	const found = findScenarioFiles(args, new Set(), notes);
	// A loop of folder links is passed over with a note; the files around it are still checked.
	for (const note of notes) err(`${note.path}: note: ${note.message}\n`);
	const logs = [
		...found.filter(isEventLogFile),
		...args.filter((a) => isFolderArg(a)).flatMap(findEventLogs)
	];
	const files = [...found.filter((f) => !isEventLogFile(f)), ...logs];
	if (files.length === 0) {
		err(`no scenario files (.yaml, .yml, .json) found in ${positionals.join(', ')}\n`);
		return 1;
	}
	// An event log is checked against the scenario it names, which is not loaded (and its
	// combinations of choices explored) again when it was checked above.
	const loaded = new Map<string, LoadResult>();
	const loadOnce = (file: string) => {
		const result = loaded.get(resolve(file)) ?? loadScenarioFile(file);
		loaded.set(resolve(file), result);
		return result;
	};
	let failed = 0;
	for (const file of files) {
		let ok: boolean;
		let lines: ReportLine[];
		if (isEventLogFile(file)) {
			const result = loadEventLogFile(file, loadOnce);
			[ok, lines] = [result.ok, toEventLogReportLines(result)];
		} else {
			const result = loadScenarioFile(file);
			loaded.set(resolve(file), result);
			[ok, lines] = [result.ok, toReportLines(result)];
		}
		if (!ok) failed++;
		// The problems of an invalid file go to stdout; a valid file's warnings go to stderr, beside
		// its `ok` line on stdout (left out with --quiet).
		for (const line of lines) {
			if (line.kind === 'ok') {
				if (!values.quiet) out(`${line.text}\n`);
			} else (ok ? err : out)(`${line.text}\n`);
		}
	}
	if (failed > 0) err(`${failed} of ${files.length} file(s) invalid\n`);
	return failed > 0 ? 1 : 0;
}

runAsScript(import.meta.url, main);

function isFolderArg(path: string): boolean {
	try {
		return statSync(path).isDirectory();
	} catch {
		return false;
	}
}
