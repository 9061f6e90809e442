import { readdirSync, readFileSync } from 'node:fs';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

const testFiles = ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'];
/**
 * Test files that replace a module or a global (vi.mock, vi.stubGlobal, fake timers, a fake
 * IndexedDB) run each in a fresh worker; every other file shares its worker's loaded modules with
 * the files before it (isolate: false), which saves importing the engine, zod, yaml and d3 again
 * for each of ~140 files: most of the unit suite's time went there. The rule reads the files, so a
 * new test that mocks is isolated without being listed.
 */
const needsIsolation = /\bvi\.(mock|doMock|stubGlobal|stubEnv|useFakeTimers)\(|fake-indexeddb/;
const isolated = ['src', 'tests/unit'].flatMap((dir) =>
	readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.map((file) => `${dir}/${file}`)
		.filter((file) => file.endsWith('.test.ts') && needsIsolation.test(readFileSync(file, 'utf8')))
);

export default defineConfig({
	plugins: [sveltekit()],
	build: {
		rolldownOptions: { checks: { bundlerTimings: false } }
	},
	// Module workers (both are started with type: 'module'), split into chunks: the check worker
	// tells Zod not to compile its parsers before it imports them (src/lib/checking/loadEngine.ts),
	// which needs the schemas in a chunk of their own, imported after, not inlined ahead of it.
	worker: { format: 'es' },
	test: {
		environment: 'node',
		expect: { requireAssertions: true },
		testTimeout: 60_000,
		setupFiles: ['tests/unit/setup.ts'],
		// Worker threads start faster than processes; nothing here needs a process of its own
		// (no process.chdir; the command line's tests spawn their own).
		pool: 'threads',
		projects: [
			{
				extends: true,
				test: { name: 'unit', include: testFiles, exclude: isolated, isolate: false }
			},
			{ extends: true, test: { name: 'isolated', include: isolated, isolate: true } }
		]
	}
});
