/**
 * The /validate page's file worker, its page side (filesClient.ts), over an in-process fake that
 * answers as the worker does (files.worker.ts's loop), structured-cloned as a Worker would: every
 * report in order, then done and terminated; a stop terminates it at once and nothing follows; a
 * broken worker fails the request with a message.
 */
import { describe, expect, it } from 'vitest';
import { checkScenario, toSourceResolver, toTextLookup } from '$lib/checking/check';
import { shippedSources } from '$lib/checking/shippedSources';
import type { FileReport } from '$lib/checking/check';
import { fakeWorkerOf, type FakeWorkerOf } from '../../../tests/unit/fakeWorker';
import { checkFiles } from './filesClient';
import type { FromFilesWorker, ToFilesWorker } from './protocol';

type Fake = FakeWorkerOf<ToFilesWorker, FromFilesWorker>;

/** The worker's loop (files.worker.ts), in process. */
const fakeFilesWorker = (): Fake =>
	fakeWorkerOf<ToFilesWorker, FromFilesWorker>(({ scenarios, given, pasted }, deliver) => {
		const resolveSource = toSourceResolver(given, shippedSources);
		const textOf = toTextLookup(given, shippedSources, pasted);
		scenarios.forEach((file, index) =>
			deliver({ type: 'report', index, report: checkScenario(file, resolveSource, textOf) })
		);
		deliver({ type: 'done' });
	});

const request: ToFilesWorker = {
	type: 'check',
	scenarios: [
		{ name: 'a.yaml', text: 'id: a\n' },
		{ name: 'pasted text', text: 'not: [closed\n' }
	],
	given: [],
	pasted: 'not: [closed\n'
};

function run(fake = fakeFilesWorker()) {
	const seen: { reports: [number, FileReport][]; done: number; failed: string[] } = {
		reports: [],
		done: 0,
		failed: []
	};
	let settle: () => void;
	const ended = new Promise<void>((r) => (settle = r));
	const stop = checkFiles(() => fake, request, {
		report: (index, report) => seen.reports.push([index, report]),
		done: () => {
			seen.done++;
			settle();
		},
		failed: (message) => {
			seen.failed.push(message);
			settle();
		}
	});
	return { fake, seen, stop, ended };
}

describe('checkFiles', () => {
	it('passes on every report in order, then done, and terminates the worker', async () => {
		const { fake, seen, ended } = run();
		await ended;
		expect(seen.reports.map(([i, r]) => [i, r.file, r.ok])).toEqual([
			[0, 'a.yaml', false],
			[1, 'pasted text', false]
		]);
		expect(seen.reports[1][1].lines[0].text).toMatch(/^pasted text:\d+:\d+: \(syntax\)/);
		expect(seen.done).toBe(1);
		expect(fake.terminated).toBe(true);
	});

	it('stopped, it terminates the worker and calls nothing after', async () => {
		const { fake, seen, stop } = run();
		stop();
		expect(fake.terminated).toBe(true);
		await new Promise((r) => setTimeout(r, 10));
		expect(seen).toEqual({ reports: [], done: 0, failed: [] });
	});

	it('a worker that breaks fails the request with its message', async () => {
		const fake = fakeFilesWorker();
		fake.postMessage = () => {};
		const { seen, ended } = run(fake);
		fake.crash('the script did not load');
		await ended;
		expect(seen.failed).toEqual(['the script did not load']);
		expect(fake.terminated).toBe(true);
	});
});
