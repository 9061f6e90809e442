/**
 * The editor's check worker, its page side (checkClient.ts) over an in-process fake worker that
 * runs the real worker side (checkHost.ts, the real check in stages) on later tasks,
 * structured-cloned as a Worker would. A newer check or a cancel must stop the one running in
 * the same worker, which stays (warm); only a check stuck past `restartAfter`, or a cancel that
 * asks for it, terminates the worker. A broken worker fails its check and is replaced.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { talksScenario } from '../../../tests/unit/talks';
import { answerDraft, type DraftAnswer, type DraftInput } from '$lib/checking/draftAnswer';
import { fakeWorkerOf, type FakeWorkerOf } from '../../../tests/unit/fakeWorker';
import { CheckWorker, openInWorker, restartAfter } from './checkClient';
import { createCheckHost } from './checkHost';
import { startTimeout } from './client';
import type { FromCheckWorker, ToCheckWorker } from './protocol';

type FakeCheckWorker = FakeWorkerOf<ToCheckWorker, FromCheckWorker> & {
	/** What the worker side sent, in order. */
	posted: FromCheckWorker[];
};

const engine = import('$lib/checking/engine');

/**
 * A check worker in-process; `ready: false` stands for a script that never runs, `stuck` for one
 * that takes every check and never answers (a step that runs for seconds).
 */
function fakeCheckWorker(options?: { ready?: boolean; stuck?: boolean }): FakeCheckWorker {
	let host: ((message: ToCheckWorker) => Promise<void>) | undefined;
	const posted: FromCheckWorker[] = [];
	const fake = fakeWorkerOf<ToCheckWorker, FromCheckWorker>((message, deliver) => {
		if (options?.stuck) return;
		host ??= createCheckHost((m) => {
			posted.push(m);
			deliver(m);
		}, engine);
		void host(message);
	}, options);
	return Object.assign(fake, { posted });
}

function client(options?: Parameters<typeof fakeCheckWorker>[0], now?: () => number) {
	const started: FakeCheckWorker[] = [];
	const worker = new CheckWorker(() => {
		const w = fakeCheckWorker(options);
		started.push(w);
		return w;
	}, now);
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

/** Until the worker side has posted a message of `type` for check `id`. */
const posted = (w: FakeCheckWorker, type: FromCheckWorker['type'], id: number) =>
	vi.waitFor(() => expect(w.posted).toContainEqual(expect.objectContaining({ type, id })));

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

	it('sends the lines of a valid text first, then the same lines with the results', async () => {
		const { worker } = client();
		const checked = vi.fn();
		const done = await new Promise<DraftAnswer>((resolve) =>
			worker.check(draft('Talks'), { checked, done: resolve, failed: vi.fn() })
		);
		expect(checked).toHaveBeenCalledTimes(1);
		const [lines] = checked.mock.calls[0] as [DraftAnswer];
		expect(lines.results).toBeUndefined();
		expect(done.lines).toEqual(lines.lines);
		expect(done.results).toMatchObject({ title: 'Talks' });
	});

	it('stops a cancelled check in the same worker, which stays; that check never answers', async () => {
		const { worker, started } = client();
		const ended = vi.fn();
		const cancel = worker.check(draft('Older'), { checked: ended, done: ended, failed: ended });
		expect(worker.busy).toBe(true);
		cancel();
		expect(worker.busy).toBe(false);
		expect(started[0].sent.at(-1)).toEqual({ type: 'cancel', id: 1 });
		await posted(started[0], 'dropped', 1);
		const got = await answer(worker, draft('Newer'));
		expect(got).toMatchObject({ results: { title: 'Newer' } });
		expect(started).toHaveLength(1);
		expect(started[0].terminated).toBe(false);
		expect(ended).not.toHaveBeenCalled();
	});

	it('a new check while one runs stops the one running, in the same worker', async () => {
		const { worker, started } = client();
		const ended = vi.fn();
		worker.check(draft('Older'), { checked: ended, done: ended, failed: ended });
		const got = await answer(worker, draft('Newer'));
		expect(got).toMatchObject({ results: { title: 'Newer' } });
		expect(started[0].posted).toContainEqual({ type: 'dropped', id: 1 });
		expect(started).toHaveLength(1);
		expect(ended).not.toHaveBeenCalled();
	});

	it('terminates the worker when asked to, and starts the next one at once', async () => {
		const { worker, started } = client();
		const ended = vi.fn();
		const cancel = worker.check(draft('Older'), { done: ended, failed: ended });
		cancel(true);
		expect(started[0].terminated).toBe(true);
		expect(started).toHaveLength(2);
		expect(started[1].terminated).toBe(false);
		expect(await answer(worker, draft('Newer'))).toMatchObject({ results: { title: 'Newer' } });
		expect(started).toHaveLength(2);
		// Cancelling an answered check changes nothing.
		cancel(true);
		expect(started).toHaveLength(2);
		expect(ended).not.toHaveBeenCalled();
	});

	it('terminates a started worker silent with a check for restartAfter when a newer one comes', async () => {
		let now = 0;
		const { worker, started } = client({ stuck: true }, () => now);
		worker.check(draft('Sent while it loads'), { done: vi.fn(), failed: vi.fn() });
		// Still loading (not ready): never terminated for its silence, however long.
		now = 10 * restartAfter;
		worker.check(draft('Stuck'), { done: vi.fn(), failed: vi.fn() });
		expect(started).toHaveLength(1);
		await vi.waitFor(() => expect(started[0].onmessage).not.toBeNull());
		await new Promise((resolve) => setTimeout(resolve, 10)); // its `ready` delivered
		now += restartAfter - 1;
		worker.check(draft('Soon after'), { done: vi.fn(), failed: vi.fn() });
		expect(started).toHaveLength(1);
		now += 1;
		worker.check(draft('Later'), { done: vi.fn(), failed: vi.fn() });
		expect(started[0].terminated).toBe(true);
		expect(started).toHaveLength(2);
		expect(started[1].sent).toEqual([expect.objectContaining({ type: 'check', id: 4 })]);
	});

	it('counts an idle worker’s silence from the check it is sent, not from its last answer', async () => {
		let now = 0;
		const { worker, started } = client(undefined, () => now);
		await answer(worker, draft('First'));
		now += 10 * restartAfter;
		worker.check(draft('After a long pause'), { done: vi.fn(), failed: vi.fn() });
		const got = await answer(worker, draft('Typed on'));
		expect(got).toMatchObject({ results: { title: 'Typed on' } });
		expect(started).toHaveLength(1);
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

describe('opening a draft for the dashboard in a worker of its own (/draft)', () => {
	it('answers a valid draft with the payload and layout the dashboard draws, then ends the worker', async () => {
		const started: FakeCheckWorker[] = [];
		const opened = await openInWorker(draft('Talks in the worker'), () => {
			const w = fakeCheckWorker();
			started.push(w);
			return w;
		});
		expect(opened.kind).toBe('ready');
		if (opened.kind !== 'ready') return;
		expect(opened.payload.scenario.title).toBe('Talks in the worker');
		expect(opened.layout.nodes.map((n) => n.path)).toEqual(
			expect.arrayContaining(['talks', 'peace', 'war'])
		);
		expect(started).toHaveLength(1);
		expect(started[0].terminated).toBe(true);
	});

	it('answers a draft that does not load with the command line’s lines', async () => {
		const broken = { ...draft('Talks'), scenario: 'id: talks\ntitle: [oops\n' };
		const opened = await openInWorker(broken, () => fakeCheckWorker());
		expect(opened).toMatchObject({
			kind: 'invalid',
			lines: [expect.objectContaining({ kind: 'error' })]
		});
	});

	it('rejects with the message of a worker that breaks or cannot be made', async () => {
		const crashing = fakeCheckWorker({ stuck: true });
		const pending = openInWorker(draft('Talks'), () => crashing);
		crashing.crash('Uncaught Error: injected fault');
		await expect(pending).rejects.toThrow('Uncaught Error: injected fault');
		expect(crashing.terminated).toBe(true);
		await expect(
			openInWorker(draft('Talks'), () => {
				throw new Error('blocked by the page’s policy');
			})
		).rejects.toThrow(/check worker could not start: Error: blocked/);
	});
});
