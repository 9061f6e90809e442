/**
 * A command run as a person runs it: a real Node process from the repository root running
 * `brink <command>` (bin/brink.mjs, the built bundle, rebuilt first when a source changed), and its
 * real exit code and output. The one way every test starts the command line.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const root = join(import.meta.dirname, '../..');

export interface CliRun {
	code: number | null;
	/** Set when the process had to be killed (it ran past `timeout`). */
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
	seconds: number;
}

/**
 * `runCli('validate.ts', ['scenarios/'])`: the command of that src/cli script (`brink validate
 * scenarios/`); `runCli('', ['--help'])` is `brink --help`.
 */
export function runCli(script: string, args: string[] = [], { timeout = 240_000 } = {}): CliRun {
	const started = performance.now();
	const command = script === '' ? [] : [script.replace(/\.ts$/, '')];
	const result = spawnSync(process.execPath, [join(root, 'bin/brink.mjs'), ...command, ...args], {
		cwd: root,
		encoding: 'utf8',
		// A read that hangs or grows without end fails the test instead of stalling the suite.
		timeout,
		env: { ...process.env, BRINK_DEBUG: '' }
	});
	return {
		code: result.status,
		signal: result.signal,
		stdout: result.stdout,
		stderr: result.stderr,
		seconds: (performance.now() - started) / 1000
	};
}
