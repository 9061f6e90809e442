// The command line built once to plain JavaScript, so that `brink` starts without compiling
// TypeScript on each call: src/cli/brink.ts and everything it imports (the packages too, but not
// prettier, which only `ingest` and `schema` load) bundled by esbuild into dist/cli/, one chunk per
// command, loaded when that command runs. dist/cli/inputs.json records each project file the
// bundle was built from with its size and time; bin/brink.mjs calls `ensureBuilt()`, which
// rebuilds when one of them (or package.json, the lock file, the installed packages' record or
// this script) differs. `node scripts/build-cli.mjs` builds by hand.
import {
	existsSync,
	mkdirSync,
	readFileSync,
	renameSync,
	rmSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '..');
// Two folders below the root, as src/cli/ is: the commands find scenarios/ and package.json at
// ../../ from their own file, in the sources and in the bundle alike.
export const outDir = join(root, 'dist', 'cli');
export const entry = join(outDir, 'brink.mjs');
const lockDir = join(root, 'dist', 'cli.lock');
/** Inputs besides the sources: what decides the packages' code, and how the bundle is made. */
const alwaysInputs = [
	'package.json',
	'package-lock.json',
	'node_modules/.package-lock.json',
	'scripts/build-cli.mjs'
];
/** A build that holds the lock longer than this was killed; its lock is taken over. */
const lockTimeout = 120_000;

/**
 * A file's time and size, the path relative to `base`.
 * @param {string} path
 * @returns {[number, number]}
 */
const stamp = (path, base = root) => {
	const { mtimeMs, size } = statSync(join(base, path));
	return [mtimeMs, size];
};

/**
 * Why the bundle in `dir` must be built, or undefined when it is up to date: every input its
 * inputs.json records (paths relative to `base`) has the time and size it had when built.
 */
export function staleReason(dir = outDir, base = root) {
	let manifest;
	try {
		manifest = JSON.parse(readFileSync(join(dir, 'inputs.json'), 'utf8'));
	} catch {
		return 'not built yet';
	}
	for (const [path, [mtime, size]] of Object.entries(manifest.inputs)) {
		let now;
		try {
			now = stamp(path, base);
		} catch {
			return `${path} is gone`;
		}
		if (now[0] !== mtime || now[1] !== size) return `${path} changed`;
	}
	return undefined;
}

/** Build the bundle into a fresh folder, then put it in place of the old one. */
export async function buildCli() {
	const { build } = await import('esbuild');
	const started = Date.now();
	const tmp = `${outDir}.tmp-${process.pid}`;
	rmSync(tmp, { recursive: true, force: true });
	const result = await build({
		absWorkingDir: root,
		entryPoints: { brink: 'src/cli/brink.ts' },
		bundle: true,
		splitting: true,
		format: 'esm',
		platform: 'node',
		target: 'node20',
		outdir: tmp,
		outExtension: { '.js': '.mjs' },
		chunkNames: '[name]-[hash]',
		// Loaded only by `ingest` and `schema`, and large: left to node to find when they run.
		external: ['prettier'],
		alias: { $lib: join(root, 'src/lib') },
		// The TypeScript settings extend .svelte-kit/tsconfig.json, which may not exist yet; the
		// bundle needs none of them.
		tsconfigRaw: {},
		// Some packages are CommonJS and call require(); an ES module has none of its own.
		banner: {
			js: "import { createRequire as __brinkRequire } from 'node:module'; const require = __brinkRequire(import.meta.url);"
		},
		metafile: true,
		logLevel: 'error'
	});
	/** @type {Record<string, [number, number]>} */
	const inputs = {};
	const own = Object.keys(result.metafile.inputs).filter((p) => !p.includes('node_modules/'));
	for (const path of [...own, ...alwaysInputs.filter((p) => existsSync(join(root, p)))]) {
		const [mtime, size] = stamp(path);
		// A file changed while it was being bundled is recorded as changed: the next call rebuilds.
		inputs[path] = [mtime > started ? -1 : mtime, size];
	}
	writeFileSync(join(tmp, 'inputs.json'), `${JSON.stringify({ inputs })}\n`);
	const old = `${outDir}.old-${process.pid}`;
	if (existsSync(outDir)) renameSync(outDir, old);
	renameSync(tmp, outDir);
	rmSync(old, { recursive: true, force: true });
}

const sleep = (/** @type {number} */ ms) => new Promise((done) => setTimeout(done, ms));

/**
 * The bundle's entry, built first when stale. Builds one at a time (a lock folder): a call that
 * finds another building waits for it and uses its bundle.
 */
export async function ensureBuilt() {
	let reason = staleReason();
	if (reason === undefined) return entry;
	mkdirSync(join(root, 'dist'), { recursive: true });
	for (;;) {
		try {
			mkdirSync(lockDir);
			break;
		} catch (error) {
			if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST') throw error;
		}
		let age;
		try {
			age = Date.now() - statSync(lockDir).mtimeMs;
		} catch {
			continue; // released just now
		}
		if (age > lockTimeout) rmSync(lockDir, { recursive: true, force: true });
		else await sleep(50);
	}
	try {
		reason = staleReason();
		if (reason !== undefined) {
			if (process.stderr.isTTY) process.stderr.write(`brink: building (${reason})…\n`);
			await buildCli();
		}
	} finally {
		rmSync(lockDir, { recursive: true, force: true });
	}
	return entry;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === import.meta.filename) {
	await buildCli();
	process.stdout.write(`built ${entry.slice(root.length + 1)}\n`);
}
