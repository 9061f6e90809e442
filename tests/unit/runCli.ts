/**
 * A command run as a person runs it: a real Node process from the repository root running
 * `brink <command>` (bin/brink.mjs, the built bundle, rebuilt first when a source changed), and its
 * real exit code and output; or, as fast as a function call, `runMain`: the same command's
 * `main` in this process, its output caught, for the tests of what a command says.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { main } from '../../src/cli/brink';
import { settle } from '../../src/cli/run';

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

/**
 * `runMain('simulate.ts', [...])`: what `runCli` gives, from the command's code run in this
 * process (src/cli/brink.ts `main`, errors handled as bin/brink.mjs handles them), with its
 * output caught, not printed. No process is started: use runCli for what only a real process
 * shows (the bundle, exit on a signal, a read that hangs).
 */
export async function runMain(script: string, args: string[] = []): Promise<CliRun> {
	const started = performance.now();
	const command = script === '' ? [] : [script.replace(/\.ts$/, '')];
	const caught = { stdout: '', stderr: '' };
	const streams = { stdout: process.stdout, stderr: process.stderr } as const;
	const writes = { stdout: streams.stdout.write, stderr: streams.stderr.write };
	for (const name of ['stdout', 'stderr'] as const)
		streams[name].write = ((chunk: string | Uint8Array) => {
			caught[name] += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
			return true;
		}) as typeof process.stdout.write;
	let code: number;
	try {
		code = await settle(() => main([...command, ...args]));
	} finally {
		streams.stdout.write = writes.stdout;
		streams.stderr.write = writes.stderr;
	}
	return { code, signal: null, ...caught, seconds: (performance.now() - started) / 1000 };
}
