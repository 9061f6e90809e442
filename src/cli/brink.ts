/**
 * `brink <command> [arguments]`: the one entry point of the command line. `brink --help` lists the
 * commands, `brink <command> --help` explains one, `brink --version` prints the version; an
 * unknown command gets a did-you-mean and exit 2. Each command's code is loaded only when it runs
 * (in the built bundle each is its own chunk), so help and the small commands start quickly.
 * bin/brink.mjs runs the built bundle of this file (dist/cli/brink.mjs), building it when stale.
 */
import { didYouMean } from '../lib/scenario/diagnostics';
import { commandHelp, commandNames, isCommand, overview, type CommandName } from './help';
import type { ParseArgsConfig } from 'node:util';
import { err, out, run, runAsScript, type Main } from './run';
import { toolVersion } from './version';

/** Each command's module: its entry and the flags it parses (help.ts describes the same flags). */
export const load: Record<
	CommandName,
	() => Promise<{ main: Main; options: ParseArgsConfig['options'] }>
> = {
	validate: () => import('./validate'),
	simulate: () => import('./simulate'),
	query: () => import('./query'),
	claims: () => import('./claims'),
	export: () => import('./export'),
	evidence: () => import('./evidence'),
	ingest: () => import('./ingest'),
	schema: () => import('./schema'),
	bench: () => import('./bench')
};

/** `--help` or `-h` among a command's arguments (before a `--` that ends the flags). */
function asksForHelp(argv: string[]): boolean {
	const end = argv.indexOf('--');
	return (end === -1 ? argv : argv.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

export async function main(argv: string[]): Promise<number> {
	const [name, ...rest] = argv;
	if (name === undefined) {
		err(overview(toolVersion()));
		return 2;
	}
	if (name === '--help' || name === '-h' || name === 'help') {
		const about = rest[0];
		out(about !== undefined && isCommand(about) ? commandHelp(about) : overview(toolVersion()));
		return 0;
	}
	if (name === '--version' || name === '-v') {
		out(`${toolVersion() ?? 'unknown'}\n`);
		return 0;
	}
	if (!isCommand(name)) {
		const hint = didYouMean(name, commandNames);
		err(
			`error: unknown command "${name}"${hint ? ` (hint: ${hint})` : ''}\n` +
				'usage: brink <command> [arguments]; brink --help lists the commands\n'
		);
		return 2;
	}
	if (asksForHelp(rest)) {
		out(commandHelp(name));
		return 0;
	}
	const command = await load[name]();
	return command.main(rest);
}

/** Run the command line on these arguments and set the exit code: what bin/brink.mjs calls. */
export function start(argv: string[] = process.argv.slice(2)): void {
	run(() => main(argv));
}

runAsScript(import.meta.url, main);
