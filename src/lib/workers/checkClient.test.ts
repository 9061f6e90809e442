/**
 * The editor's check worker, its page side (checkClient.ts) over an in-process fake worker that
 * answers with the real check (answerDraft) on a later task, structured-cloned as a Worker would.
 * A check cancelled while it runs must terminate its worker and never answer; an idle worker is
 * kept; a broken one fails its check and is replaced.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { talksScenario } from '../../../tests/unit/talks';
import { answerDraft, type DraftAnswer, type DraftInput } from '$lib/checking/draftAnswer';
import { fakeWorkerOf, type FakeWorkerOf } from '../../../tests/unit/fakeWorker';
import { CheckWorker } from './checkClient';
import { startTimeout } from './client';
import type { FromCheckWorker, ToCheckWorker } from './protocol';

type FakeCheckWorker = FakeWorkerOf<ToCheckWorker, FromCheckWorker>;

/** A check worker in-process; `ready: false` stands for a script that never runs. */
const fakeCheckWorker = (options?: { ready?: boolean }): FakeCheckWorker =>
	fakeWorkerOf<ToCheckWorker, FromCheckWorker>(({ id, draft }, deliver) => {
		void answerDraft(draft).then((answer) => deliver({ type: 'done', id, answer }));
	}, options);

function client(options?: Parameters<typeof fakeCheckWorker>[0]) {
	const started: FakeCheckWorker[] = [];
	const worker = new CheckWorker(() => {
		const w = fakeCheckWorker(options);
		started.push(w);
		return w;
	});
	return { worker, started };
}

const draft = (title: string): DraftInput => ({
	name: title,
	format: 'yaml',
	scenario: talksScenario({ id: 'talks', title }),
	sources: {}
});

/** Check and wait: the answer, or the message as `{ failed }`. */
const answer = (worker: CheckWorker, input: DraftInput) =>
	new Promise<DraftAnswer | { failed: string }>((resolve) =>
		worker.check(input, { done: resolve, failed: (failed) => resolve({ failed }) })
	);

afterEach(() => vi.useRealTimers());

describe('the check worker', () => {
	it('answers with the check and results of the draft, keeping an idle worker for the next', async () => {
		const { worker, started } = client();
		const got = await answer(worker, draft('Talks'));
		expect(got).toEqual(await answerDraft(draft('Talks')));
		expect(got).toMatchObject({ file: 'talks.yaml', results: { title: 'Talks' } });
		await answer(worker, draft('Again'));
		expect(started).toHaveLength(1);
		expect(worker.busy).toBe(false);
	});

	it('terminates the worker of a check cancelled while it runs; that check never answers', async () => {
		const { worker, started } = client();
		const ended = vi.fn();
		const cancel = worker.check(draft('Older'), { done: ended, failed: ended });
		expect(worker.busy).toBe(true);
		cancel();
		expect(started[0].terminated).toBe(true);
		expect(worker.busy).toBe(false);
		const got = await answer(worker, draft('Newer'));
		expect(got).toMatchObject({ results: { title: 'Newer' } });
		expect(started).toHaveLength(2);
		expect(ended).not.toHaveBeenCalled();
	});

	it('starts the next worker as soon as a running check is cancelled, and checks with it', async () => {
		const { worker, started } = client();
		const cancel = worker.check(draft('Older'), { done: vi.fn(), failed: vi.fn() });
		cancel();
		expect(started).toHaveLength(2);
		expect(started[1].terminated).toBe(false);
		expect(await answer(worker, draft('Newer'))).toMatchObject({ results: { title: 'Newer' } });
		expect(started).toHaveLength(2);
		// Cancelling an answered check changes nothing.
		cancel();
		expect(started).toHaveLength(2);
	});

	it('a new check while one runs stops the one running', async () => {
		const { worker, started } = client();
		const ended = vi.fn();
		worker.check(draft('Older'), { done: ended, failed: ended });
		const got = await answer(worker, draft('Newer'));
		expect(got).toMatchObject({ results: { title: 'Newer' } });
		expect(started[0].terminated).toBe(true);
		expect(ended).not.toHaveBeenCalled();
	});

	it('fails the check of a worker that breaks, and starts a new one for the next', async () => {
		const { worker, started } = client();
		const pending = answer(worker, draft('Talks'));
		started[0].crash('Uncaught Error: injected fault');
		expect(await pending).toEqual({ failed: 'Uncaught Error: injected fault' });
		expect(started[0].terminated).toBe(true);
		expect(await answer(worker, draft('Talks'))).toMatchObject({ file: 'talks.yaml' });
		expect(started).toHaveLength(2);
	});

	it('gives up on a worker that never starts, with a message, after the start timeout', async () => {
		vi.useFakeTimers();
		const { worker, started } = client({ ready: false });
		const failed = vi.fn();
		worker.check(draft('Talks'), { done: failed, failed });
		await vi.advanceTimersByTimeAsync(startTimeout - 1);
		expect(failed).not.toHaveBeenCalled();
		await vi.advanceTimersByTimeAsync(1);
		expect(failed).toHaveBeenCalledWith(expect.stringMatching(/did not start within 15 s/));
		expect(started[0].terminated).toBe(true);
	});

	it('says so when a worker cannot be made at all', async () => {
		const worker = new CheckWorker(() => {
			throw new Error('blocked by the page’s policy');
		});
		expect(await answer(worker, draft('Talks'))).toEqual({
			failed: expect.stringMatching(/check worker could not start: Error: blocked/)
		});
	});
});
