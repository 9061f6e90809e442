import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FileCheckHandlers } from '$lib/workers/filesClient';
import type { ToFilesWorker } from '$lib/workers/protocol';
import { checkScenario, toSourceResolver, toTextLookup, type GivenFile } from './check';
import { FileChecker, type FileRunner } from './fileChecker.svelte';
import { shippedSources } from './shippedSources';

const root = resolve(import.meta.dirname, '../../..');
const given = (path: string): GivenFile => {
	const bytes = new Uint8Array(readFileSync(resolve(root, path)));
	return { name: path.split('/').pop()!, size: bytes.byteLength, bytes };
};
const files = [
	given('tests/fixtures/valid/ladder.yaml'),
	given('tests/fixtures/valid/sources/memo.yaml'),
	given('tests/fixtures/valid/sources/memo.txt')
];
const ladder = files[0];
const broken = given('tests/fixtures/invalid/unknown-target.yaml');

/** What the worker does, in process: each report on the next turn, in order. */
const inProcess: FileRunner = ({ scenarios, given, pasted }, handlers) => {
	let stopped = false;
	void (async () => {
		const resolveSource = toSourceResolver(given, shippedSources);
		const textOf = toTextLookup(given, shippedSources, pasted);
		for (const [index, file] of scenarios.entries()) {
			await Promise.resolve();
			if (stopped) return;
			handlers.report(index, checkScenario(file, resolveSource, textOf));
		}
		if (!stopped) handlers.done();
	})();
	return () => (stopped = true);
};

/** A runner that reports the first file, then waits for ever (a file too large to finish). */
function stuckAfterFirst() {
	const calls: { request: ToFilesWorker; handlers: FileCheckHandlers; stopped: boolean }[] = [];
	const run: FileRunner = (request, handlers) => {
		const call = { request, handlers, stopped: false };
		calls.push(call);
		const file = request.scenarios[0];
		queueMicrotask(() => {
			if (!call.stopped) handlers.report(0, { file: file.name, ok: true, lines: [] });
		});
		return () => (call.stopped = true);
	};
	return { run, calls };
}

afterEach(() => vi.useRealTimers());

describe('FileChecker', () => {
	it('shows each report in order and the count when all are in', async () => {
		const checker = new FileChecker(inProcess);
		const done = checker.check([ladder, broken], files, '');
		expect(checker.checking).toBe(true);
		expect(checker.status).toBe('Checking 2 files…');
		await done;
		expect(checker.checking).toBe(false);
		expect(checker.reports.map((r) => [r.file, r.ok])).toEqual([
			['ladder.yaml', true],
			['unknown-target.yaml', false]
		]);
		expect(checker.status).toBe('Checked 2 files: 1 not valid, 1 valid.');
	});

	it('a newer check stops the one running, whose reports are never shown', async () => {
		const { run, calls } = stuckAfterFirst();
		const checker = new FileChecker(run);
		const first = checker.check([broken, ladder], files, '');
		const second = checker.check([ladder], files, '');
		await first;
		expect(calls[0].stopped).toBe(true);
		await Promise.resolve();
		expect(checker.reports.map((r) => r.file)).toEqual(['ladder.yaml']);
		expect(checker.checking).toBe(true);
		checker.cancel();
		await second;
		expect(calls[1].stopped).toBe(true);
	});

	it('Stop keeps the reports done and says where it stopped', async () => {
		const { run, calls } = stuckAfterFirst();
		const checker = new FileChecker(run);
		const done = checker.check([ladder, broken], files, '');
		await Promise.resolve();
		await Promise.resolve();
		checker.cancel();
		await done;
		expect(calls[0].stopped).toBe(true);
		expect(checker.checking).toBe(false);
		expect(checker.reports.map((r) => r.file)).toEqual(['ladder.yaml', 'unknown-target.yaml']);
		expect(checker.reports[1].lines[0].text).toMatch(
			/^unknown-target\.yaml: checking was stopped before it finished \(hint: /
		);
		expect(checker.status).toBe(
			'Stopped at unknown-target.yaml, 1 of 2 checked (of the 1 file checked before it: 0 not valid, 1 valid).'
		);
	});

	it('a check past the time limit is stopped, naming the file and what to do', async () => {
		vi.useFakeTimers();
		const { run, calls } = stuckAfterFirst();
		const checker = new FileChecker(run, 60_000);
		const done = checker.check([ladder, broken], files, '');
		await vi.advanceTimersByTimeAsync(59_999);
		expect(checker.checking).toBe(true);
		await vi.advanceTimersByTimeAsync(1);
		await done;
		expect(calls[0].stopped).toBe(true);
		expect(checker.reports[1].lines[0].text).toMatch(
			/^unknown-target\.yaml: checking was stopped after 60 s \(hint: .*npm run validate/
		);
	});

	it('a worker that fails gives a line for the file, not an exception', async () => {
		const checker = new FileChecker((_request, handlers) => {
			queueMicrotask(() => handlers.failed('the file check worker failed'));
			return () => {};
		});
		await checker.check([ladder], files, '');
		expect(checker.reports).toHaveLength(1);
		expect(checker.reports[0].lines[0].text).toMatch(
			/^ladder\.yaml: could not be checked: the file check worker failed \(hint: reload/
		);
		expect(checker.status).toBe('Stopped at ladder.yaml, 0 of 1 checked.');
	});

	it('a worker that cannot start ends the check at once, and no time limit fires after', async () => {
		vi.useFakeTimers();
		const checker = new FileChecker((_request, handlers) => {
			handlers.failed('the file check worker could not start: blocked');
			return () => {};
		}, 1_000);
		await checker.check([ladder], files, '');
		await vi.advanceTimersByTimeAsync(5_000);
		expect(checker.reports).toHaveLength(1);
		expect(checker.reports[0].lines[0].text).toMatch(/could not be checked: the file check worker/);
		expect(checker.checking).toBe(false);
	});

	it('clear stops the check running and shows nothing', async () => {
		const { run, calls } = stuckAfterFirst();
		const checker = new FileChecker(run);
		const done = checker.check([ladder, broken], files, '');
		checker.clear();
		await done;
		expect(calls[0].stopped).toBe(true);
		expect(checker.reports).toEqual([]);
		expect(checker.status).toBe('');
		expect(checker.checking).toBe(false);
	});
});
