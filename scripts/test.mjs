// `npm test`: the type check (`npm run check`), lint (`npm run lint`) and the unit tests
// (`npm run test:unit`) side by side, then, when all three passed, the browser tests
// (`npm run test:e2e`). Side by side because none of the three fills two cores alone, and on a busy
// machine three processes get more of it than one. Each one's output is printed whole when it ends,
// under a line saying how it went and how long it took, so the three never interleave. Exits 1
// when any part failed (the browser tests are not run then: the first failures are the ones to read).
import { spawn } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const parts = [
	{ script: 'check', what: 'type check (svelte-check)' },
	{ script: 'lint', what: 'lint (prettier, eslint)' },
	{ script: 'test:unit', what: 'unit tests (vitest)' }
];
const env = { ...process.env, ...(process.stdout.isTTY ? { FORCE_COLOR: '1' } : {}) };
const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(0)} s`;

/** Run `npm run <script>`, its output kept; resolves with its exit code and output. */
function runQuiet(script) {
	return new Promise((resolve) => {
		const started = performance.now();
		const child = spawn(npm, ['run', '--silent', script], {
			env,
			stdio: ['ignore', 'pipe', 'pipe']
		});
		const chunks = [];
		child.stdout.on('data', (chunk) => chunks.push(chunk));
		child.stderr.on('data', (chunk) => chunks.push(chunk));
		child.once('error', (error) => resolve({ code: 1, output: `${error.message}\n`, started }));
		child.once('close', (code, signal) =>
			resolve({ code: code ?? (signal ? 1 : 0), output: Buffer.concat(chunks).toString(), started })
		);
	});
}

const started = performance.now();
process.stdout.write(`npm test: ${parts.map((p) => p.what).join(', ')}, side by side…\n`);
let failed = false;
await Promise.all(
	parts.map(async (part) => {
		const run = await runQuiet(part.script);
		const verdict = run.code === 0 ? 'passed' : `FAILED (exit ${run.code})`;
		process.stdout.write(`\n── ${part.what}: ${verdict} in ${seconds(run.started)}\n${run.output}`);
		if (run.code !== 0) failed = true;
	})
);
if (failed) {
	process.stdout.write(`\nnpm test: a part failed (above); the browser tests were not run.\n`);
	process.exit(1);
}
process.stdout.write(`\n── browser tests (Playwright)\n`);
const e2e = spawn(npm, ['run', '--silent', 'test:e2e'], { env: process.env, stdio: 'inherit' });
const code = await new Promise((resolve) => e2e.once('close', (c) => resolve(c ?? 1)));
process.stdout.write(`\nnpm test: ${code === 0 ? 'passed' : 'FAILED'} in ${seconds(started)}\n`);
process.exit(code);
