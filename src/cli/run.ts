/** Shared command-line plumbing: argument errors and crashes become one clear line, never a stack trace. */
import { messageOf } from '../lib/format/messageOf';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ExploreError } from '../lib/engine/chain';
import { LoopError } from '../lib/engine/solve';
import { escapeControls } from '../lib/scenario/diagnostics';

/**
 * Every message and report goes out through these two: a control character from a file (an
 * escape sequence, a carriage return) is printed as a visible `\u001b`, never acted on.
 */
// Output piped into a reader that stops early (`| head`) ends the program quietly, not in a trace.
for (const stream of [process.stdout, process.stderr])
	stream.on('error', (error: NodeJS.ErrnoException) => {
		if (error.code === 'EPIPE') process.exit(0);
		throw error;
	});

export const out = (text: string) => process.stdout.write(escapeControls(text, { lines: true }));
export const err = (text: string) => process.stderr.write(escapeControls(text, { lines: true }));

/** A figure from format/percent.ts with plain spaces for a terminal: `plain('53\u00a0%') === '53 %'`. */
export const plain = (s: string) => s.replaceAll('\u00a0', ' ');

export class UsageError extends Error {}

export function parse<T extends ParseArgsConfig['options']>(
	usage: string,
	options: T,
	args = process.argv.slice(2)
) {
	try {
		return parseArgs({ args, options, allowPositionals: true, strict: true });
	} catch (error) {
		throw new UsageError(`${(error as Error).message}\n${usage}`);
	}
}

/** Run `main` to its exit code; an error it throws is printed in one line (with a hint for a limit) and gives 2 (1 for a limit). */
export async function settle(main: () => number | Promise<number>): Promise<number> {
	try {
		return await main();
	} catch (error: unknown) {
		const message = messageOf(error);
		const limit = runtimeLimit(error);
		err(`error: ${message}\n${limit ? `  hint: ${limit.hint}\n` : ''}`);
		if (process.env.BRINK_DEBUG && error instanceof Error) err(`${error.stack}\n`);
		// A limit met while analysing is a problem with the scenario, as an invalid file is (1);
		// 2 stays for wrong arguments.
		return limit ? 1 : 2;
	}
}

/** Run `main`; exit with its code, or print the error in one line and exit 2. */
export function run(main: () => number | Promise<number>): void {
	void settle(main).then((code) => {
		process.exitCode = code;
	});
}

/**
 * What to change when the analysis stops at one of its limits while it runs (the checks of
 * `validate` catch these before, but a setting can still lead there): undefined for any other
 * error.
 */
export function runtimeLimit(error: unknown): { hint: string } | undefined {
	if (error instanceof ExploreError)
		return {
			hint: error.problem.kind === 'branches' ? error.problem.problem.hint : error.problem.hint
		};
	if (error instanceof LoopError)
		return {
			hint: 'give a way out of the loop a likelihood above 0 (with --likelihood, or in the file), or add another way out'
		};
	if (
		error instanceof RangeError &&
		/^a loop of [\d,]+ states, over the limit of/.test(error.message)
	)
		return {
			hint: 'bound the indicators that change inside the loop with min and max, or split the loop into fewer states'
		};
	return undefined;
}

/** A command's entry: its arguments (after the command's name) in, its exit code out. */
export type Main = (argv: string[]) => number | Promise<number>;

/**
 * Run `main` when this module is the script node was started with (`tsx src/cli/validate.ts …`),
 * so that importing a command (as `brink` and the tests do) runs nothing. Only a `.ts` script
 * counts: in the built bundle every command shares one file, which is never run this way.
 */
export function runAsScript(moduleUrl: string, main: Main): void {
	const script = process.argv[1];
	if (script?.endsWith('.ts') && resolve(script) === fileURLToPath(moduleUrl))
		run(() => main(process.argv.slice(2)));
}

/** `--set a.b=c` pairs to a record; refuses a malformed pair. */
export function toPairs(values: string[] | undefined, flag: string): Record<string, string> {
	const pairs: Record<string, string> = {};
	for (const value of values ?? []) {
		const at = value.indexOf('=');
		if (at <= 0 || at === value.length - 1)
			throw new UsageError(`${flag} takes name=value, got "${value}"`);
		// Defined, not assigned: `pairs['__proto__'] = v` would set the prototype and drop the pair,
		// where the name must reach the check that refuses it with the known names.
		Object.defineProperty(pairs, value.slice(0, at), {
			value: value.slice(at + 1),
			enumerable: true,
			writable: true,
			configurable: true
		});
	}
	return pairs;
}

/** A whole number from a flag, within bounds. */
export function toCount(
	value: string | undefined,
	flag: string,
	fallback: number,
	max: number
): number {
	if (value === undefined) return fallback;
	const n = Number(value.replaceAll('_', ''));
	if (!Number.isInteger(n) || n < 1 || n > max)
		throw new UsageError(
			`${flag} takes a whole number from 1 to ${max.toLocaleString('en')}, got "${value}"`
		);
	return n;
}

/**
 * Print rows under a header and a rule, columns two spaces apart. Figures (every column but the
 * first) stand right-aligned; `{ align: 'left' }` for columns of words, lines trimmed at the end.
 */
export function table(
	head: string[],
	rows: string[][],
	{ align = 'figures' }: { align?: 'figures' | 'left' } = {}
): void {
	const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
	const line = (cells: string[]) =>
		align === 'left'
			? cells
					.map((c, i) => c.padEnd(widths[i]))
					.join('  ')
					.trimEnd()
			: cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
	out(
		`${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}\n`
	);
}
