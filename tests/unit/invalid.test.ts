/**
 * The corpus of broken scenarios (tests/fixtures/invalid, manifest in cases.ts): each is refused
 * with a located diagnostic whose message and hint match the manifest, in process and through
 * `npm run validate`, and nothing leaks a stack trace or a JavaScript value.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findScenarioFiles, loadScenarioFile } from '../../src/cli/files';
import type { Diagnostic } from '../../src/lib/scenario/diagnostics';
import { cases, type InvalidCase } from '../fixtures/invalid/cases';
import { runCli } from './runCli';

const root = resolve(import.meta.dirname, '../..');
const invalidDir = join(root, 'tests/fixtures/invalid');
const committed = cases.filter((c) => !c.generated);
const generated = cases.filter((c) => c.generated);

/** The generated files: too large, binary or pathological to commit. */
const generate: Record<string, () => Buffer | string> = {
	'binary.yaml': () => Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0xff, 0xfe, 0x00, 0x01, 0x80, 0x81]),
	'nul-bytes.yaml': () => 'id: ladder\u0000\ntitle: Ladder\n',
	'oversize.yaml': () => {
		const line = `x: ${'y'.repeat(60)}\n`; // 64 bytes
		return line.repeat((10 * 1024 * 1024) / line.length);
	},
	// 2,000 levels deep: refused before the YAML parser runs (nesting.ts), however many such files.
	'deep-nesting.yaml': () => `a: ${'['.repeat(2000)}${']'.repeat(2000)}\n`
};

let generatedDir = '';
beforeAll(() => {
	generatedDir = mkdtempSync(join(tmpdir(), 'brink-invalid-'));
	for (const c of generated) writeFileSync(join(generatedDir, c.file), generate[c.file]());
});
afterAll(() => {
	if (generatedDir) rmSync(generatedDir, { recursive: true, force: true });
});

const dirOf = (c: InvalidCase) => (c.generated ? generatedDir : invalidDir);

/** Stack traces, JavaScript error names and values that mean an internal failure leaked out. */
const leaks = [
	/\n\s+at /,
	/^\w*Error: /m,
	/\b(TypeError|ReferenceError|RangeError)\b/,
	/\[object Object\]/,
	/\bundefined\b/,
	/\bNaN\b/
];

function expectNoLeak(text: string): void {
	for (const leak of leaks) expect(text).not.toMatch(leak);
}

function matches(c: InvalidCase, d: Diagnostic): boolean {
	const file = (c.reportedFile ?? c.file).replaceAll('\\', '/');
	return (
		d.file.replaceAll('\\', '/').endsWith(`/${file}`) &&
		d.line === (c.line ?? 0) &&
		(c.column === undefined ? c.line !== undefined || d.column === 0 : d.column === c.column) &&
		d.path === c.path &&
		c.message.test(d.message) &&
		(c.hint === undefined ? d.hint === undefined : c.hint.test(d.hint ?? '')) &&
		d.severity === (c.warning ? 'warning' : 'error')
	);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A regex source without its ^ and $ anchors, to embed in an output line. */
const inner = (re: RegExp) => re.source.replace(/^\^/, '').replace(/\$$/, '');

/** The line `npm run validate` prints for a case: `file:line:column: path: message (hint: …)`. */
function outputLine(c: InvalidCase, displayDir: string): RegExp {
	const file = escape(`${displayDir}/${c.reportedFile ?? c.file}`);
	const where = c.line === undefined ? file : `${file}:${c.line}:${c.column ?? '\\d+'}`;
	const hint = c.hint ? ` \\(hint: .*?${inner(c.hint)}.*\\)` : '';
	const level = c.warning ? 'warning: ' : '';
	return new RegExp(`^${where}: ${escape(c.path)}: ${level}${inner(c.message)}${hint}$`, 'm');
}

const validate = (...args: string[]) => runCli('validate.ts', args);

describe('the corpus', () => {
	it('has at least 30 committed files, each with exactly one case, and no case without its file', () => {
		const files = findScenarioFiles([invalidDir]).map((f) => f.slice(invalidDir.length + 1));
		expect(files.length).toBeGreaterThanOrEqual(30);
		expect(committed.length).toBeGreaterThanOrEqual(30);
		expect(files.sort()).toEqual(committed.map((c) => c.file).sort());
		expect(new Set(cases.map((c) => c.file)).size).toBe(cases.length);
		expect(Object.keys(generate).sort()).toEqual(generated.map((c) => c.file).sort());
	});

	it('keeps the sources the cases cite beside them, and nothing else in sources/', () => {
		expect(readdirSync(join(invalidDir, 'sources')).sort()).toEqual([
			'absolute.yaml',
			'memo.txt',
			'memo.yaml',
			'traversal.yaml'
		]);
	});
});

describe.each(cases)('$file: $problem', (c) => {
	it(`is ${c.warning ? 'loaded with a warning' : 'refused'}, at ${c.path}, with the manifest's message and hint`, () => {
		const result = loadScenarioFile(join(dirOf(c), c.file));
		const diagnostics = result.ok ? result.value.warnings : result.diagnostics;
		expect(result.ok).toBe(Boolean(c.warning));
		const expected = diagnostics.filter((d) => matches(c, d));
		expect(expected, JSON.stringify(diagnostics, null, 1)).toHaveLength(1);
		// One problem per file: anything else reported is listed as its follow-on noise.
		const others = diagnostics.filter((d) => !matches(c, d));
		for (const d of others)
			expect(
				c.also?.some((re) => re.test(d.message)),
				JSON.stringify(d)
			).toBe(true);
		for (const d of diagnostics) {
			expectNoLeak(d.message);
			expectNoLeak(d.hint ?? '');
		}
		if (!c.gap)
			expect(expected[0].hint, 'every case without a recorded gap has a hint').toBeTruthy();
	});
});

describe('npm run validate', () => {
	const check = (dir: string, displayDir: string, list: InvalidCase[]) => {
		const result = validate(dir);
		expect(result.signal).toBeNull();
		expect(result.code).toBe(1);
		const output = `${result.stdout}\n${result.stderr}`;
		for (const c of list) expect(output, c.file).toMatch(outputLine(c, displayDir));
		const invalid = list.filter((c) => !c.warning).length;
		expect(result.stderr).toMatch(
			new RegExp(`^${invalid} of ${list.length} file\\(s\\) invalid$`, 'm')
		);
		expect(output).not.toMatch(/\n\s+at /);
		// Nothing but Brink's own lines: no warning from Node or a library (complex-key.yaml).
		expect(result.stderr).not.toMatch(/\(node:\d+\)|Warning:/);
		expect(output).not.toMatch(
			/\b(TypeError|ReferenceError|RangeError|undefined)\b|\[object Object\]/
		);
		return result.seconds;
	};

	it('reports every committed case over the whole folder, and exits 1', () => {
		const seconds = check('tests/fixtures/invalid', 'tests/fixtures/invalid', committed);
		expect(seconds).toBeLessThan(120);
	}, 240_000);

	it('reports every generated case (binary, NUL bytes, 10 MB, deep nesting), and exits 1', () => {
		const seconds = check(generatedDir, generatedDir, generated);
		expect(seconds).toBeLessThan(60);
	}, 240_000);
});
