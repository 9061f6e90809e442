/**
 * What a shared scenario file can reach through the command line: nothing outside the sources
 * folder it was found in (no `..`, no absolute path, no link out), nothing that is not a regular
 * file (a device, a FIFO), and no control character printed raw. Every command that reads a
 * source (validate, evidence, export --format audit) is run for real, and its whole output is
 * searched for the text it must not have read.
 */
import { execFileSync } from 'node:child_process';
import {
	cpSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	symlinkSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../tests/unit/runCli';

const root = join(import.meta.dirname, '../..');
const ladder = readFileSync(join(root, 'tests/fixtures/valid/ladder.yaml'), 'utf8');
/** Stands for a private file elsewhere on the machine. */
const secret = `PRIVATE-${process.pid}-do-not-print`;

function cli(script: string, ...args: string[]) {
	// A read that hangs (a FIFO) or grows without end (/dev/zero) fails here, not forever.
	const result = runCli(script, args, { timeout: 60_000 });
	return { ...result, output: `${result.stdout}\n${result.stderr}` };
}

let base = '';
let outsideFile = '';
beforeAll(() => {
	base = mkdtempSync(join(tmpdir(), 'brink-contain-'));
	mkdirSync(join(base, 'outside'));
	outsideFile = join(base, 'outside/secret.txt');
	writeFileSync(outsideFile, `${secret}\nTalks may fail.\n`);
});
afterAll(() => base && rmSync(base, { recursive: true, force: true }));

/** A folder with the ladder scenario and its memo source, the memo's `file:` set to `file`. */
function caseFolder(name: string, file: string, prepare?: (sources: string) => void): string {
	const dir = join(base, name);
	cpSync(join(root, 'tests/fixtures/valid/sources'), join(dir, 'sources'), { recursive: true });
	writeFileSync(join(dir, 'ladder.yaml'), ladder);
	writeFileSync(
		join(dir, 'sources/memo.yaml'),
		`id: memo\ntitle: A memo\nfile: ${JSON.stringify(file)}\n`
	);
	prepare?.(join(dir, 'sources'));
	return join(dir, 'ladder.yaml');
}

const reaches: { name: string; make: () => string; message: RegExp }[] = [
	{
		name: 'a relative path up and out (..)',
		make: () => caseFolder('dots', relative(join(base, 'dots/sources'), outsideFile)),
		message:
			/sources\/memo\.yaml:3:7: file: text file "\.\.\/\.\.\/outside\/secret\.txt" leads out of the sources folder with "\.\."/
	},
	{
		name: '../../../../../../../../../etc/passwd',
		make: () => caseFolder('passwd', '../../../../../../../../../etc/passwd'),
		message: /leads out of the sources folder/
	},
	{
		name: 'an absolute path',
		make: () => caseFolder('absolute', outsideFile),
		message: /sources\/memo\.yaml:3:7: file: text file ".*" is an absolute path/
	},
	{
		name: 'a link in sources/ to a file outside',
		make: () =>
			caseFolder('link', 'host.txt', (sources) =>
				symlinkSync(outsideFile, join(sources, 'host.txt'))
			),
		message:
			/sources\/memo\.yaml:3:7: file: text file "host\.txt" leads outside .*sources\/ \(through a link\): not read \(hint: keep/
	},
	{
		name: 'a linked folder in sources/ that leads outside',
		make: () =>
			caseFolder('folder-link', 'texts/secret.txt', (sources) =>
				symlinkSync(join(base, 'outside'), join(sources, 'texts'))
			),
		message: /text file "texts\/secret\.txt" leads outside .* \(through a link\)/
	},
	{
		name: 'the metadata file itself a link outside',
		make: () =>
			caseFolder('meta-link', 'memo.txt', (sources) => {
				rmSync(join(sources, 'memo.yaml'));
				symlinkSync(outsideFile, join(sources, 'memo.yaml'));
			}),
		message:
			/sources\/memo\.yaml: \(document\): leads outside .*sources\/ \(through a link\): not read/
	}
];

describe.each(reaches)('a source file named by $name', ({ make, message }) => {
	let scenario = '';
	beforeAll(() => {
		scenario = make();
	});

	it('is refused by validate at its place, and nothing of it is printed', () => {
		const result = cli('validate.ts', scenario);
		expect(result.code).toBe(1);
		expect(result.output).toMatch(message);
		expect(result.output).not.toContain(secret);
		expect(result.output).not.toMatch(/root:.*:0:0:/);
	});

	it.each([
		['evidence.ts', []],
		['evidence.ts', ['--json']],
		['export.ts', ['--format', 'audit']],
		['simulate.ts', ['--exact']]
	])('is not read by %s %s either', (script, flags) => {
		const result = cli(script, scenario, ...flags);
		expect(result.code).not.toBe(0);
		expect(result.output).toMatch(message);
		expect(result.output).not.toContain(secret);
		expect(result.output).not.toMatch(/root:.*:0:0:/);
	});
});

describe('files that are not regular files', () => {
	it('refuses /dev/zero at once, without reading it', () => {
		const result = cli('validate.ts', '/dev/zero');
		expect(result.signal).toBeNull();
		expect(result.code).toBe(1);
		expect(result.output).toMatch(
			/^\/dev\/zero: \(document\): is a device, not a regular file: not read \(hint: give a regular file/m
		);
	});

	it('checks a folder holding a link to /dev/zero, a FIFO and a folder link loop, and reports each', () => {
		const dir = join(base, 'special');
		mkdirSync(join(dir, 'loop'), { recursive: true });
		cpSync(join(root, 'tests/fixtures/valid/sources'), join(dir, 'sources'), { recursive: true });
		writeFileSync(join(dir, 'ladder.yaml'), ladder);
		symlinkSync('/dev/zero', join(dir, 'evil.yaml'));
		execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
		symlinkSync('..', join(dir, 'loop/up'));
		const result = cli('validate.ts', dir);
		expect(result.signal).toBeNull();
		expect(result.code).toBe(1);
		expect(result.output).toMatch(
			/evil\.yaml: \(document\): is a device, not a regular file: not read/
		);
		expect(result.output).toMatch(
			/pipe\.yaml: \(document\): is a named pipe \(FIFO\), not a regular file: not read/
		);
		expect(result.output).toMatch(/ladder\.yaml: ok \(/);
		// ladder.yaml once, though the loop leads back to its folder.
		expect(result.output.match(/ladder\.yaml: ok/g)).toHaveLength(1);
		expect(result.output).toMatch(/^2 of 3 file\(s\) invalid$/m);
		expect(result.output).not.toMatch(/ELOOP|\n\s+at /);
	});

	it('refuses a source text that is a FIFO inside sources/', () => {
		const scenario = caseFolder('fifo-source', 'pipe.txt', (sources) =>
			execFileSync('mkfifo', [join(sources, 'pipe.txt')])
		);
		const result = cli('validate.ts', scenario);
		expect(result.signal).toBeNull();
		expect(result.output).toMatch(
			/file: text file "pipe\.txt" is a named pipe \(FIFO\), not a regular file/
		);
	});
});

describe('control characters from a file', () => {
	it('are printed as visible escapes: no forged "ok" line, no erased line', () => {
		const dir = join(base, 'escapes');
		cpSync(join(root, 'tests/fixtures/valid/sources'), join(dir, 'sources'), { recursive: true });
		const forged =
			'"\\e[2K\\rladder.yaml: ok (4 states, 5 transitions, 3 quotes anchored)\\e[8m": 1\n';
		writeFileSync(join(dir, 'ladder.yaml'), ladder + forged);
		for (const [script, flags] of [
			['validate.ts', []],
			['evidence.ts', []],
			['simulate.ts', ['--exact']]
		] as const) {
			const result = cli(script, join(dir, 'ladder.yaml'), ...flags);
			expect(result.code, script).toBe(1);
			// eslint-disable-next-line no-control-regex -- no control character may be printed
			expect(result.output, script).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
			expect(result.output, script).toContain(
				'unknown field "\\u001b[2K\\u000dladder.yaml: ok (4 states'
			);
			expect(
				result.output.split('\n').filter((l) => /^\S*ladder\.yaml: ok/.test(l)),
				script
			).toEqual([]);
		}
	});
});
