/**
 * The first command a person runs, `npm start` (README.md: `npm install && npm start`), run for
 * real: it serves the dashboard, prints where, and nothing else goes wrong on the way. It used to
 * be `vite dev --open=false`, which opened "false" as a path: a 404 for `GET /false`, and on a
 * machine without xdg-open `Error: spawn xdg-open ENOENT` with a stack trace.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { root } from './runCli';

/** A port nothing listens on now. */
function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

const opened = 'FAKE BROWSER OPENED';
const dir = mkdtempSync(join(tmpdir(), 'brink-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm start', () => {
	it('serves the dashboard and prints where, with no error, no stack trace and no browser opened', async () => {
		// Vite opens a browser by running $BROWSER when it names a .js file: this one only says so,
		// so that an `--open` (of any path) shows in the output on every machine.
		const browser = join(dir, 'browser.js');
		writeFileSync(
			browser,
			`console.log(${JSON.stringify(opened)}, process.argv.slice(2).join(' '));\n`
		);
		// The test runner's own variables (VITEST, NODE_ENV=test) change how SvelteKit serves.
		const env = Object.fromEntries(
			Object.entries(process.env).filter(([key]) => !/^(VITEST|NODE_ENV$|TEST$)/.test(key))
		);
		const port = await freePort();
		const child = spawn('npm', ['start', '--', '--port', String(port), '--strictPort'], {
			cwd: root,
			env: { ...env, BROWSER: browser, NO_COLOR: '1' },
			// Its own process group, so that npm, the shell and vite stop together.
			detached: true
		});
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => (output += chunk));
		child.stderr.on('data', (chunk: Buffer) => (output += chunk));
		const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
		try {
			// It says where the dashboard is …
			const local = await new Promise<string>((resolve, reject) => {
				const look = () => {
					const match = stripVTControlCharacters(output).match(/Local:\s+(http:\S+)/);
					if (match) resolve(match[1]);
				};
				child.stdout.on('data', look);
				child.on('exit', (code) => reject(new Error(`npm start exited (${code}):\n${output}`)));
			});
			expect(local).toBe(`http://localhost:${port}/`);
			// … and serves it there.
			const response = await fetch(local);
			expect(response.status).toBe(200);
			expect(await response.text()).toContain('Brink');
		} finally {
			process.kill(-child.pid!, 'SIGTERM');
			await exited;
		}
		const text = stripVTControlCharacters(output);
		expect(text).not.toContain(opened);
		expect(text).not.toMatch(/error/i);
		expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);
		expect(text).not.toMatch(/\b404\b/);
	});
});
