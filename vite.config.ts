import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

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
		include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
		environment: 'node',
		expect: { requireAssertions: true },
		testTimeout: 60_000
	}
});
