import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isRefusal } from '../lib/scenario/sources';
import { isInside, readBounded } from './readFile';

let dir = '';
beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'brink-read-'));
	mkdirSync(join(dir, 'sources/texts'), { recursive: true });
	mkdirSync(join(dir, 'outside'));
	writeFileSync(join(dir, 'sources/memo.txt'), 'memo');
	writeFileSync(join(dir, 'outside/secret.txt'), 'secret');
	symlinkSync(join(dir, 'outside/secret.txt'), join(dir, 'sources/out.txt'));
	symlinkSync('memo.txt', join(dir, 'sources/alias.txt'));
	symlinkSync(join(dir, 'outside'), join(dir, 'sources/texts/away'));
	symlinkSync('/dev/zero', join(dir, 'zero.yaml'));
	execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
	writeFileSync(join(dir, 'sparse.yaml'), '');
	truncateSync(join(dir, 'sparse.yaml'), 5_000_000_000); // 5 GB that take no disk
});
afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

describe('readBounded', () => {
	it('reads a regular file whole', () => {
		const bytes = readBounded(join(dir, 'sources/memo.txt'));
		expect(isRefusal(bytes)).toBe(false);
		expect(new TextDecoder().decode(bytes as Uint8Array)).toBe('memo');
	});

	it.each([
		{ name: 'zero.yaml', kind: /is a device, not a regular file/ },
		{ name: 'pipe.yaml', kind: /is a named pipe \(FIFO\), not a regular file/ },
		{ name: 'sources', kind: /is a folder, not a regular file/ },
		{
			name: 'sparse.yaml',
			kind: /^file is 5,000,000,000 bytes, over the limit of 1,000,000 bytes$/
		}
	])('refuses $name before reading it (no hang, no growth)', ({ name, kind }) => {
		const result = readBounded(join(dir, name));
		expect(result).toEqual({ refused: expect.stringMatching(kind), hint: expect.any(String) });
	});

	it('refuses a file over a given limit, and reads one at it', () => {
		expect(readBounded(join(dir, 'sources/memo.txt'), 3)).toMatchObject({
			refused: expect.stringMatching(/over the limit of 3 bytes/)
		});
		expect(readBounded(join(dir, 'sources/memo.txt'), 4)).toHaveLength(4);
	});

	it('says a missing file cannot be read, with its code and no stack', () => {
		expect(readBounded(join(dir, 'nothing.yaml'))).toEqual({
			refused: 'cannot be read (ENOENT)',
			hint: 'check the path and its permissions'
		});
	});
});

describe('isInside', () => {
	const sources = () => join(dir, 'sources');
	it.each([
		{ path: 'sources/memo.txt', inside: true },
		{ path: 'sources/alias.txt', inside: true },
		{ path: 'sources/missing.txt', inside: true },
		{ path: 'sources/out.txt', inside: false },
		{ path: 'sources/texts/away/secret.txt', inside: false },
		{ path: 'sources/../outside/secret.txt', inside: false },
		{ path: 'sources', inside: false },
		{ path: 'outside/secret.txt', inside: false }
	])('$path: $inside', ({ path, inside }) => {
		expect(isInside(sources(), join(dir, path))).toBe(inside);
	});
});
