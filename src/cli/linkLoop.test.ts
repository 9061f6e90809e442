/**
 * A folder holding a loop of links (issue 17 §3): `validate` passes over the loop with a note
 * naming where it is, checks every other file, and exits by those files alone; a file that is a
 * link to itself or to nothing is named as such, not as "file not found" or a raw ELOOP.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root, runCli } from '../../tests/unit/runCli';

let base = '';
beforeAll(() => {
	base = mkdtempSync(join(tmpdir(), 'brink-loop-'));
	for (const dir of ['a', 'b']) {
		mkdirSync(join(base, dir));
		cpSync(join(root, 'tests/fixtures/valid/sources'), join(base, dir, 'sources'), {
			recursive: true
		});
		cpSync(join(root, 'tests/fixtures/valid/ladder.yaml'), join(base, dir, 'ladder.yaml'));
	}
	symlinkSync('..', join(base, 'a/up')); // a/up/a/up/… : a loop through the folder above
	symlinkSync('../a', join(base, 'b/to-a')); // a second way into a
	symlinkSync('self', join(base, 'self')); // a link to itself
});
afterAll(() => {
	if (base) rmSync(base, { recursive: true, force: true });
});

describe('validate over a folder with a loop of links', () => {
	it('checks every scenario once, notes each loop where it is, and exits 0', () => {
		const result = runCli('validate.ts', [base], { timeout: 60_000 });
		expect(result.stderr).not.toMatch(/ELOOP|\n\s+at /);
		expect(result.stdout.match(/ladder\.yaml: ok/g)).toHaveLength(2);
		expect(result.stdout).toContain(`${join(base, 'a/ladder.yaml')}: ok`);
		expect(result.stdout).toContain(`${join(base, 'b/ladder.yaml')}: ok`);
		expect(result.stderr).toContain(
			`${join(base, 'a/up')}: note: leads to the folder ${base}, searched already: skipped`
		);
		expect(result.stderr).toContain(
			`${join(base, 'b/to-a')}: note: leads to the folder ${join(base, 'a')}, searched already`
		);
		expect(result.stderr).toContain(
			`${join(base, 'self')}: note: a link that leads back to itself (a loop of links): skipped`
		);
		expect(result.code).toBe(0);
	});

	it('names a scenario file that is a link to itself, with a hint, and exits 1', () => {
		symlinkSync('loop.yaml', join(base, 'loop.yaml'));
		try {
			const result = runCli('validate.ts', [join(base, 'loop.yaml')], { timeout: 60_000 });
			expect(result.stdout).toBe(
				`${join(base, 'loop.yaml')}: (document): file is a link that leads back to itself (a loop of links) (hint: point the link at a scenario file, or remove it)\n`
			);
			expect(result.code).toBe(1);
		} finally {
			rmSync(join(base, 'loop.yaml'));
		}
	});
});
