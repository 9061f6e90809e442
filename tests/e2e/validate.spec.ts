/**
 * The /validate page says what `npm run validate` says. For files of the broken corpus
 * (tests/fixtures/invalid), generated binary and oversize files, pasted text and a valid scenario,
 * the lines the page shows equal the command line's for the same file, computed here by running it.
 * No message text is written down in this file: the command line is the reference.
 *
 * Paths: the command line, run from the repository root, names a file by its path from there
 * (`tests/fixtures/invalid/empty.yaml`, a missing source `tests/fixtures/invalid/sources/x.yaml`).
 * The page knows only the names of the files it is given, and names things as the command line
 * does when run in the folder that holds them (`empty.yaml`, `./sources/x.yaml`). `asInFolder`
 * rewrites the command line's lines that way before comparing: `<folder>/sources/` becomes
 * `./sources/` and `<folder>/` is dropped; nothing else is touched.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { download, expectNoAxeViolations, open, watchCsp, watchErrors } from './ready';

const root = join(import.meta.dirname, '../..');
const invalidDir = 'tests/fixtures/invalid';
const validDir = 'tests/fixtures/valid';

interface Upload {
	name: string;
	mimeType: string;
	buffer: Buffer;
}

const upload = (dir: string, file: string, name = file.split('/').pop()!): Upload => ({
	name,
	mimeType: 'application/octet-stream',
	buffer: readFileSync(join(root, dir, file))
});

/** The sources the command line finds in the corpus's sources/ folder, given without the folder. */
const corpusSources = [
	upload(invalidDir, 'sources/memo.yaml'),
	upload(invalidDir, 'sources/memo.txt')
];
const validSources = [upload(validDir, 'sources/memo.yaml'), upload(validDir, 'sources/memo.txt')];

/**
 * What `brink validate <path>` prints: stderr (a valid file's warnings), then stdout. The built
 * command (bin/brink.mjs, as `npm run validate` runs it), not tsx: compiling the TypeScript took
 * seconds of each test on a busy machine.
 */
function cliLines(path: string): Promise<string[]> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['bin/brink.mjs', 'validate', path], { cwd: root });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		child.on('error', reject);
		child.on('close', (code) => {
			if (code !== 0 && code !== 1) return reject(new Error(`validate exited ${code}: ${stderr}`));
			const lines = (text: string) => text.split('\n').filter((line) => line !== '');
			const count = /^\d+ of \d+ file\(s\) invalid$/;
			resolve([...lines(stderr).filter((line) => !count.test(line)), ...lines(stdout)]);
		});
	});
}

/** How the command line names `dir` (relative to where it runs, or absolute outside it). */
const shownDir = (dir: string) => {
	const full = isAbsolute(dir) ? dir : join(root, dir);
	const rel = relative(root, full);
	return rel.startsWith('..') ? full : rel;
};

/** The command line's lines as if it had run in `dir` (see the header). */
const asInFolder = (lines: string[], dir: string) =>
	lines.map((line) =>
		line.replaceAll(`${shownDir(dir)}/sources/`, './sources/').replaceAll(`${shownDir(dir)}/`, '')
	);

const fileInput = (page: Page) =>
	page.getByLabel('Open scenario files, with the sources they cite');
const status = (page: Page) => page.getByRole('status');
const report = (page: Page, file: string) => page.getByRole('article', { name: file, exact: true });

async function give(page: Page, files: Upload[]): Promise<void> {
	await fileInput(page).setInputFiles(files);
	await expect(status(page)).toHaveText(/^Checked /, { timeout: 30_000 });
}

/**
 * The lines the page shows for `file`, after checking that each is labelled error, warning or ok
 * in words, and that each line with a position in `text` shows that line of it with a caret.
 */
async function shownLines(page: Page, file: string, text?: string): Promise<string[]> {
	const items = await report(page, file).locator('.lines > li').all();
	const shown: string[] = [];
	for (const item of items) {
		const line = (await item.locator('.cli').textContent()) ?? '';
		const kind = line.includes(': warning: ')
			? 'warning'
			: line.startsWith(`${file}: ok (`)
				? 'ok'
				: 'error';
		await expect(item.locator('.badge')).toHaveText(kind);
		const at = /^(.+?):(\d+):(\d+): /.exec(line);
		if (at && at[1] === file && text !== undefined) {
			const source = text.split('\n')[Number(at[2]) - 1].replace(/\r$/, '');
			await expect(item.locator('.frame')).toContainText(`${at[2]} | ${source}`);
			await expect(item.locator('.caret')).toHaveText(/^\s*\^$/);
		}
		shown.push(line);
	}
	return shown;
}

/** Corpus files, each with the kind of problem it stands for. */
const corpus = [
	['syntax-unclosed-bracket.yaml', 'a YAML syntax error'],
	['json-missing-comma.json', 'a JSON syntax error'],
	['syntax-tab-indent.yaml', 'two syntax errors, with tabs in the line'],
	['type-string-for-number.yaml', 'a schema error: wrong type'],
	['missing-id.yaml', 'a schema error: missing field'],
	['unknown-target.yaml', 'an unknown target'],
	['quote-not-in-source.yaml', 'a quote that does not anchor in its source'],
	['source-missing.yaml', 'a source found nowhere'],
	['loop-no-exit.yaml', 'a loop with no exit'],
	['empty.yaml', 'the empty file'],
	['whitespace-only.yaml', 'only white space'],
	['never-fires.yaml', 'a warning: the file still loads']
] as const;

/** Too large, binary or odd to commit: written for the command line, given to the page as bytes. */
const generated: Record<string, Buffer> = {
	'binary.yaml': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0xff, 0xfe, 0x00, 0x01, 0x80, 0x81]),
	'nul-bytes.yaml': Buffer.from('id: ladder\u0000\ntitle: Ladder\n'),
	'oversize.yaml': Buffer.alloc(
		10 * 1024 * 1024,
		'x: yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy\n'
	)
};

test.describe('check a scenario file', () => {
	let generatedDir = '';
	test.beforeAll(() => {
		generatedDir = mkdtempSync(join(tmpdir(), 'brink-validate-'));
		for (const [name, bytes] of Object.entries(generated))
			writeFileSync(join(generatedDir, name), bytes);
	});
	test.afterAll(() => {
		if (generatedDir) rmSync(generatedDir, { recursive: true, force: true });
	});

	for (const [file, problem] of corpus) {
		test(`${file} (${problem}): the page's lines are the command line's`, async ({ page }) => {
			const errors = watchErrors(page);
			const expected = asInFolder(await cliLines(`${invalidDir}/${file}`), invalidDir);
			expect(expected.length).toBeGreaterThan(0);
			await open(page, '/validate');
			const given = upload(invalidDir, file);
			await give(page, [given, ...corpusSources]);
			await expect(page.getByRole('article')).toHaveCount(1);
			expect(await shownLines(page, file, given.buffer.toString('utf8'))).toEqual(expected);
			expect(errors).toEqual([]);
		});
	}

	for (const name of Object.keys(generated)) {
		test(`${name} (generated): the page's lines are the command line's`, async ({ page }) => {
			const errors = watchErrors(page);
			const expected = asInFolder(await cliLines(join(generatedDir, name)), generatedDir);
			expect(expected).toHaveLength(1);
			await open(page, '/validate');
			await give(page, [{ name, mimeType: 'application/octet-stream', buffer: generated[name] }]);
			expect(await shownLines(page, name)).toEqual(expected);
			// Refused unread: the page never holds the oversize text in a text box.
			await expect(page.getByLabel('Or paste a scenario')).toHaveValue('');
			expect(errors).toEqual([]);
		});
	}

	test('a valid scenario shows its summary and the ok line', async ({ page }) => {
		const errors = watchErrors(page);
		const expected = asInFolder(await cliLines(`${validDir}/ladder.yaml`), validDir);
		const [, states, transitions, quotes] =
			/: ok \((\d+) states, (\d+) transitions, (\d+) quotes? anchored\), confidence \w+$/.exec(
				expected.at(-1)!
			)!;
		const ladder = upload(validDir, 'ladder.yaml');
		const title = /^title: (.+)$/m.exec(ladder.buffer.toString('utf8'))![1];
		await open(page, '/validate');
		await give(page, [ladder, ...validSources]);
		expect(await shownLines(page, 'ladder.yaml')).toEqual(expected);
		const summary = report(page, 'ladder.yaml').locator('dl');
		const value = (term: string) => summary.locator(`dt:text-is("${term}") + dd`);
		await expect(value('Title')).toHaveText(title);
		await expect(value('States')).toHaveText(states);
		await expect(value('Transitions')).toHaveText(transitions);
		await expect(value('Evidence')).toContainText(`${quotes} quotes anchored`);
		await expect(value('Outcomes').locator('li').first()).toHaveText(
			/: (\d{1,3}|0\.\d|<\s0\.1)\s%$/
		);
		await expect(value('Warnings')).toHaveText('none');
		expect(errors).toEqual([]);
	});

	test('pasted text is checked with the sources opened, and stays in the box', async ({ page }) => {
		const errors = watchErrors(page);
		// The checker runs in the page under the site's Content Security Policy (no eval).
		const violations = await watchCsp(page);
		const file = 'unknown-target.yaml';
		const expected = asInFolder(await cliLines(`${invalidDir}/${file}`), invalidDir).map((line) =>
			line.replaceAll(file, 'pasted text')
		);
		const text = readFileSync(join(root, invalidDir, file), 'utf8');
		await open(page, '/validate');
		// Only sources: nothing to check yet, and the page says so.
		await fileInput(page).setInputFiles(corpusSources);
		await expect(status(page)).toContainText('memo.yaml');
		await expect(page.getByRole('article')).toHaveCount(0);
		const box = page.getByLabel('Or paste a scenario');
		await box.fill(text);
		await box.press('Tab');
		await expect(page.getByRole('button', { name: 'Check pasted text' })).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(status(page)).toHaveText(/^Checked /);
		expect(await shownLines(page, 'pasted text', text)).toEqual(expected);
		await expect(box).toHaveValue(text);
		expect(errors).toEqual([]);
		expect(await violations()).toEqual([]);
	});

	test('the check runs off the page: while it runs the page answers, and Stop stops it', async ({
		page
	}) => {
		const errors = watchErrors(page);
		// Hold the file worker's script: the check is then running for as long as the test needs.
		let release: () => void = () => {};
		const held = new Promise<void>((r) => (release = r));
		await page.route('**/files.worker*', async (route) => {
			await held;
			// A worker stopped while its script was held has dropped the request.
			await route.continue().catch(() => {});
		});
		await open(page, '/validate');
		const box = page.getByLabel('Or paste a scenario');
		await box.fill('id: held\n');
		await page.getByRole('button', { name: 'Check pasted text' }).click();
		await expect(status(page)).toHaveText('Checking 1 file…');
		// The page still takes input while the check runs.
		await box.fill('id: typed meanwhile\n');
		await expect(box).toHaveValue('id: typed meanwhile\n');
		const stop = page.getByRole('button', { name: 'Stop checking' });
		// With the keyboard: focus stays on the button that takes the Stop's place.
		await stop.focus();
		await page.keyboard.press('Enter');
		await expect(status(page)).toHaveText('Stopped at pasted text, 0 of 1 checked.');
		await expect(page.getByRole('article')).toContainText(
			'pasted text: checking was stopped before it finished'
		);
		await expect(stop).toHaveCount(0);
		await expect(page.getByRole('button', { name: 'Download the messages (.txt)' })).toBeFocused();
		release();
		await page.unroute('**/files.worker*');
		// Checked again, it runs to the end.
		await page.getByRole('button', { name: 'Check pasted text' }).click();
		await expect(status(page)).toHaveText('Checked 1 file: 1 not valid, 0 valid.');
		expect(errors).toEqual([]);
	});

	test('files dropped on the page are checked like files opened', async ({ page }) => {
		const errors = watchErrors(page);
		const file = 'unknown-target.yaml';
		const expected = asInFolder(await cliLines(`${invalidDir}/${file}`), invalidDir);
		await open(page, '/validate');
		const dropped = [upload(invalidDir, file), ...corpusSources].map(({ name, buffer }) => ({
			name,
			text: buffer.toString('utf8')
		}));
		const dataTransfer = await page.evaluateHandle((files) => {
			const transfer = new DataTransfer();
			for (const { name, text } of files) transfer.items.add(new File([text], name));
			return transfer;
		}, dropped);
		await page.dispatchEvent('main', 'dragover', { dataTransfer });
		await page.dispatchEvent('main', 'drop', { dataTransfer });
		await expect(status(page)).toHaveText(/^Checked /);
		expect(await shownLines(page, file)).toEqual(expected);
		// The file input names what was dropped, so the page says what it checked.
		expect(await fileInput(page).evaluate((input: HTMLInputElement) => input.files?.length)).toBe(
			3
		);
		expect(errors).toEqual([]);
	});

	test(
		'several files: one report each, in order, saved as text; axe-clean',
		{ tag: '@phone' },
		async ({ page }, testInfo) => {
			// Axe on a whole page and many round trips: past 60 s when two cores are saturated.
			test.slow();
			const errors = watchErrors(page);
			await open(page, '/validate');
			await expectNoAxeViolations(page);
			const files = [
				'quote-not-in-source.yaml',
				'syntax-tab-indent.yaml',
				'never-fires.yaml',
				'empty.yaml'
			];
			await give(page, [...files.map((f) => upload(invalidDir, f)), ...corpusSources]);
			const names = await page.getByRole('article').locator('h3').allTextContents();
			expect(names).toEqual([...files].sort());
			const all: string[] = [];
			for (const name of names) {
				const expected = asInFolder(await cliLines(`${invalidDir}/${name}`), invalidDir);
				const shown = await shownLines(page, name);
				expect(shown).toEqual(expected);
				all.push(...shown);
			}
			const saved = await download(
				page,
				page.getByRole('button', { name: /Download the messages/ })
			);
			expect(saved.name).toBe('brink-check.txt');
			expect(saved.bytes.toString('utf8')).toBe(all.map((line) => `${line}\n`).join(''));
			await expectNoAxeViolations(page);
			await page.screenshot({ path: testInfo.outputPath('validate-results.png'), fullPage: true });
			expect(errors).toEqual([]);
		}
	);

	test('the home page and the site navigation link to it', async ({ page }) => {
		const errors = watchErrors(page);
		await open(page, '/');
		await page.getByRole('link', { name: 'Check a scenario file of your own' }).click();
		await expect(page).toHaveTitle('Check a scenario file — Brink');
		await open(page, '/about');
		await page
			.getByRole('navigation', { name: 'Site' })
			.getByRole('link', { name: 'Check a scenario file' })
			.click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check a scenario file');
		expect(errors).toEqual([]);
	});
});
