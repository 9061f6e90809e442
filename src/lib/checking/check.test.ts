import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { limits } from '$lib/scenario/limits';
import {
	checkScenario,
	pastedName,
	readGiven,
	sortGiven,
	toSourceResolver,
	toTextLookup,
	type GivenFile
} from './check';
import { shippedSources } from './shippedSources';

const root = resolve(import.meta.dirname, '../../..');
const given = (path: string, name = path.split('/').pop()!): GivenFile => {
	const bytes = new Uint8Array(readFileSync(resolve(root, path)));
	return { name, size: bytes.byteLength, bytes };
};
const ladder = given('tests/fixtures/valid/ladder.yaml');
const memo = [
	given('tests/fixtures/valid/sources/memo.yaml'),
	given('tests/fixtures/valid/sources/memo.txt')
];

function check(file: Parameters<typeof checkScenario>[0], files: GivenFile[]) {
	return checkScenario(
		file,
		toSourceResolver(files, shippedSources),
		toTextLookup(files, shippedSources, 'text' in file ? file.text : undefined)
	);
}

describe('sortGiven', () => {
	it('tells scenarios from source metadata and texts, by name', () => {
		const sorted = sortGiven([memo[1], ladder, memo[0]]);
		expect(sorted.scenarios.map((f) => f.name)).toEqual(['ladder.yaml']);
		expect(sorted.sources.map((f) => f.name)).toEqual(['memo.yaml']);
		expect(sorted.texts.map((f) => f.name)).toEqual(['memo.txt']);
	});
	it('checks unreadable, oversize and broken files as scenarios, as the command line would', () => {
		const odd: GivenFile[] = [
			{ name: 'big.yaml', size: 10_000_000 },
			{ name: 'folder', size: 0, readError: 'NotReadableError' },
			{ name: 'x.json', size: 1, bytes: new Uint8Array([0x7b]) }
		];
		expect(sortGiven(odd).scenarios).toEqual(odd);
	});
});

describe('checkScenario', () => {
	it('loads a scenario whose sources are given, with or without the sources/ folder', () => {
		for (const files of [memo, memo.map((f) => ({ ...f, name: `sources/${f.name}` }))]) {
			const report = check(ladder, [ladder, ...files]);
			expect(report.ok).toBe(true);
			expect(report.lines.map((l) => l.kind)).toEqual(['ok']);
			expect(report.lines[0].text).toMatch(/^ladder\.yaml: ok \(4 states, 5 transitions, /);
			expect(report.summary).toMatchObject({
				title: expect.any(String),
				states: 4,
				transitions: 5
			});
		}
	});

	it('falls back to the shipped sources', () => {
		const shipped = given('scenarios/russia-arms-to-iran.yaml');
		const report = check(shipped, [shipped]);
		expect(report.lines.map((l) => l.text)).toEqual([
			expect.stringMatching(/^russia-arms-to-iran\.yaml: ok /)
		]);
	});

	it('reports a source found nowhere beside the given files, as the command line run there', () => {
		const report = check(ladder, [ladder]);
		expect(report.ok).toBe(false);
		expect(report.lines.map((l) => l.text).join('\n')).toContain('./sources/memo.yaml');
	});

	it('refuses a source text named outside the sources folder, as the command line does', () => {
		const encode = (name: string, text: string): GivenFile => {
			const bytes = new TextEncoder().encode(text);
			return { name, size: bytes.byteLength, bytes };
		};
		for (const file of ['../../../etc/passwd', '/etc/passwd']) {
			const files = [
				ladder,
				encode('memo.yaml', `id: memo\ntitle: A memo\nfile: ${file}\n`),
				encode('passwd', 'root:x:0:0:root:/root:/bin/sh\nTalks may fail.\n')
			];
			const report = check(ladder, files);
			expect(report.ok).toBe(false);
			const text = report.lines.map((l) => l.text).join('\n');
			expect(text).toMatch(
				/memo\.yaml:3:7: file: text file ".*passwd" (leads out of the sources folder|is an absolute path)/
			);
			expect(text).not.toContain('root:x');
		}
	});

	it('refuses a file over the limit without its bytes, in the loader’s words', () => {
		const report = check({ name: 'big.yaml', size: 10 * 1024 * 1024 }, []);
		expect(report.lines).toHaveLength(1);
		expect(report.lines[0].text).toMatch(
			/^big\.yaml: \(document\): .*over the limit of 1,000,000 bytes/
		);
		expect(report.lines[0].text).toContain(limits.maxFileBytes.toLocaleString('en'));
	});

	it('frames the line a diagnostic points at, in pasted text too', () => {
		const text = readFileSync(resolve(root, 'tests/fixtures/invalid/unknown-target.yaml'), 'utf8');
		const report = check({ name: pastedName, text }, []);
		const line = report.lines.find((l) => l.frame)!;
		expect(line.text.startsWith(`${pastedName}:${line.frame!.line}:`)).toBe(true);
		expect(text.split('\n')[line.frame!.line - 1]).toBe(line.frame!.text);
	});

	it('turns an unexpected exception into one line, without a stack trace', () => {
		const report = checkScenario(
			ladder,
			() => {
				throw new TypeError('boom');
			},
			() => undefined
		);
		expect(report.ok).toBe(false);
		expect(report.lines.map((l) => l.text)).toEqual([
			'internal error while checking ladder.yaml: boom — please report it with the file'
		]);
	});

	it('does not mutate the given files', () => {
		const files = [ladder, ...memo];
		const before = structuredClone(files);
		check(ladder, files);
		sortGiven(files);
		expect(files).toEqual(before);
	});
});

describe('readGiven', () => {
	it('reads files under the limit and only sizes those over it', async () => {
		const small = new File(['id: x\n'], 'small.yaml');
		const big = new File([new Uint8Array(limits.maxFileBytes + 1)], 'big.yaml');
		const [a, b] = await readGiven([small, big]);
		expect(a).toMatchObject({ name: 'small.yaml', size: 6 });
		expect(a.bytes).toBeInstanceOf(Uint8Array);
		expect(b).toEqual({ name: 'big.yaml', size: limits.maxFileBytes + 1 });
	});
});
