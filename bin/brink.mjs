#!/usr/bin/env node
// `brink <command> [arguments]` (`npx brink …` in the project, `npm run <command>` too): runs the
// command line built to plain JavaScript in dist/cli/, building it first when it is missing or
// older than its sources (scripts/build-cli.mjs). `brink --help` lists the commands.
import { pathToFileURL } from 'node:url';
import { ensureBuilt } from '../scripts/build-cli.mjs';

let entry;
try {
	entry = await ensureBuilt();
} catch (error) {
	// esbuild has printed where the sources fail to build; this says what failed.
	process.stderr.write(
		`brink: could not build the command line: ${error.message.split('\n')[0].replace(/:$/, '')}\n` +
			'  hint: fix the error above in src/, or run npm install if a package is missing\n'
	);
	process.exit(2);
}
const { start } = await import(pathToFileURL(entry).href);
start(process.argv.slice(2));
