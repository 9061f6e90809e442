/**
 * Reading a file a scenario names, safely: only a regular file (never a device, a FIFO or a
 * socket, which could hang or never end), only up to the size limit (checked before reading, and
 * the read itself stops past it), and, for a source, only inside the folder it was found in.
 */
import {
	closeSync,
	constants,
	fstatSync,
	openSync,
	readSync,
	realpathSync,
	statSync
} from 'node:fs';
import { relative, resolve, isAbsolute, sep } from 'node:path';
import { limits } from '../lib/scenario/limits';
import type { Refusal } from '../lib/scenario/sources';

const kindOf = (stats: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean }) =>
	stats.isDirectory()
		? 'a folder'
		: stats.isFIFO()
			? 'a named pipe (FIFO)'
			: stats.isSocket()
				? 'a socket'
				: 'a device';

const notRegular = (stats: Parameters<typeof kindOf>[0]): Refusal => ({
	refused: `is ${kindOf(stats)}, not a regular file: not read`,
	hint: 'give a regular file: copy its text into one'
});

const tooLarge = (size: string, limit: number): Refusal => ({
	refused: `file is ${size} bytes, over the limit of ${limit.toLocaleString('en')} bytes`,
	hint: 'split the scenario, or shorten the source text'
});

/**
 * The bytes of a regular file of at most `limit` bytes, or why not. Opens without blocking (a
 * FIFO would wait for a writer), checks what was opened, and reads at most `limit + 1` bytes, so
 * that a file that grows, or lies about its size, cannot make it read more.
 */
export function readBounded(
	path: string,
	limit: number = limits.maxFileBytes
): Uint8Array | Refusal {
	let fd: number;
	try {
		// statSync first: it answers for a FIFO without opening it.
		const stats = statSync(path);
		if (!stats.isFile()) return notRegular(stats);
		if (stats.size > limit) return tooLarge(stats.size.toLocaleString('en'), limit);
		fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
	} catch (error) {
		return {
			refused: `cannot be read (${codeOf(error)})`,
			hint: 'check the path and its permissions'
		};
	}
	try {
		const stats = fstatSync(fd);
		if (!stats.isFile()) return notRegular(stats);
		const buffer = new Uint8Array(limit + 1);
		let length = 0;
		for (let n = 1; n > 0 && length < buffer.length; length += n)
			n = readSync(fd, buffer, length, buffer.length - length, null);
		if (length > limit) return tooLarge(`over ${limit.toLocaleString('en')}`, limit);
		return buffer.slice(0, length);
	} catch (error) {
		return {
			refused: `cannot be read (${codeOf(error)})`,
			hint: 'check the path and its permissions'
		};
	} finally {
		closeSync(fd);
	}
}

/** A system error's code (`EACCES`, `ELOOP`), never its stack. */
function codeOf(error: unknown): string {
	const code = (error as { code?: unknown } | null)?.code;
	return typeof code === 'string' ? code : 'unreadable';
}

/**
 * Is `path` inside `folder` once every link is followed? A path that does not exist is judged by
 * its text alone (it is reported as missing by the caller).
 */
export function isInside(folder: string, path: string): boolean {
	const within = (root: string, target: string) => {
		const rel = relative(root, target);
		return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
	};
	if (!within(resolve(folder), resolve(path))) return false;
	let real: string;
	try {
		real = realpathSync(path);
	} catch {
		return true; // missing: nothing to follow
	}
	try {
		return within(realpathSync(folder), real);
	} catch {
		return false;
	}
}
