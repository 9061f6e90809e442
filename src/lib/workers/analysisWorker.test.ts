/**
 * The page's analysis worker, its two sides together: the client (client.ts) talking to the real
 * host (host.ts) through an in-process fake worker. Results must equal the engine's own, the
 * scenario must travel once, a chain sent with the settings must be used, cancels must stop long
 * runs between chunks, and a broken worker must fail its runs and be replaced.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeWorker, type FakeWorker } from '../../../tests/unit/fakeWorker';
import { loadFixture } from '../../../tests/unit/fixtures';
import { analyze, intervalsFor } from '$lib/engine/analyze';
import { createMonteCarlo } from '$lib/engine/montecarlo';
import { toChainData } from '$lib/engine/explore';
import { sensitivity } from '$lib/engine/sensitivity';
import { toPayload } from '$lib/scenarios/payload';
import { AnalysisWorker, startTimeout } from './client';
import { chunkRuns, type AnalysisRequest, type ResultOf } from './protocol';

const regions = loadFixture('regions.yaml');
const ladder = loadFixture('ladder.yaml');
const payload = toPayload(regions);
const flare = 'crisis.front.quiet:front.flare';

/** A client over fake workers, and the fakes it started. */
function client(options?: Parameters<typeof fakeWorker>[0]) {
	const started: FakeWorker[] = [];
	const worker = new AnalysisWorker(() => {
		const w = fakeWorker(options);
		started.push(w);
		return w;
	});
	return { worker, started };
}

/** Run and wait for the answer: its result, or its error message as `{ failed }`. */
function answer<R extends AnalysisRequest>(
	worker: AnalysisWorker,
	request: R,
	p = payload
): Promise<ResultOf<R> | { failed: string }> {
	return new Promise((resolve) =>
		worker.run(p, request, { done: resolve, failed: (failed) => resolve({ failed }) })
	);
}

const noSettings = { choices: {}, likelihoods: {} };
const withoutClock = <T extends { milliseconds: number }>(r: T) => ({ ...r, milliseconds: 0 });

afterEach(() => vi.useRealTimers());

describe('the analysis worker', () => {
	it('answers each kind of run as the engine does, sending the scenario once', async () => {
		const { worker, started } = client();
		const settings = { choices: {}, likelihoods: { [flare]: 0.6 } };
		const analysis = analyze(regions.compiled, settings);

		const simulated = await answer(worker, { kind: 'simulate', ...settings, runs: 3_000, seed: 5 });
		const mc = createMonteCarlo(analysis.chain, { seed: 5 });
		mc.run(3_000);
		const { outcomes, endings, indicators, dimensions, meanSteps } = mc.result();
		expect(simulated).toMatchObject({
			...{ outcomes, endings, indicators, dimensions, meanSteps },
			runs: 3_000,
			seed: 5
		});

		const intervals = await answer(worker, {
			kind: 'intervals',
			...noSettings,
			samples: 40,
			seed: 2
		});
		expect(intervals).toEqual(intervalsFor(analyze(regions.compiled), 40, 2) ?? null);

		const factors = await answer(worker, {
			kind: 'sensitivity',
			...settings,
			outcome: 'crisis.front.war'
		});
		expect(withoutClock(factors as ResultOf<{ kind: 'sensitivity' } & AnalysisRequest>)).toEqual(
			withoutClock(sensitivity(regions.compiled, settings, 'crisis.front.war'))
		);

		expect(started).toHaveLength(1);
		expect(started[0].sent.filter((m) => m.type === 'scenario')).toHaveLength(1);
		expect(started[0].sent.filter((m) => m.type === 'run')).toHaveLength(3);
		expect(worker.pending).toBe(0);
	});

	it('uses the chain sent with the settings instead of exploring again', async () => {
		const { worker } = client();
		// A chain explored with flare at 0.56, sent as if it were the default view's: the worker
		// trusts the page, so its simulation is the 0.56 chain's, not the default's.
		const other = analyze(regions.compiled, { likelihoods: { [flare]: 0.56 } });
		const sent = await answer(worker, {
			kind: 'simulate',
			...noSettings,
			chain: toChainData(other.chain),
			runs: 2_000,
			seed: 1
		});
		const explored = await answer(worker, {
			kind: 'simulate',
			...noSettings,
			runs: 2_000,
			seed: 1
		});
		const mc = (chain: typeof other.chain) => {
			const run = createMonteCarlo(chain, { seed: 1 });
			run.run(2_000);
			return run.result().outcomes;
		};
		expect((sent as { outcomes: unknown }).outcomes).toEqual(mc(other.chain));
		expect((explored as { outcomes: unknown }).outcomes).toEqual(
			mc(analyze(regions.compiled).chain)
		);
		expect(mc(other.chain)).not.toEqual(mc(analyze(regions.compiled).chain));
	});

	it('keeps a few scenarios by hash and sends each again only to a new worker', async () => {
		const { worker, started } = client();
		const ladderPayload = toPayload(ladder);
		await answer(worker, { kind: 'intervals', ...noSettings, samples: 5, seed: 1 });
		await answer(worker, { kind: 'intervals', ...noSettings, samples: 5, seed: 1 }, ladderPayload);
		await answer(worker, { kind: 'intervals', ...noSettings, samples: 5, seed: 1 });
		expect(started[0].sent.filter((m) => m.type === 'scenario')).toHaveLength(2);
	});

	it('runs one request at a time, in order, each answered by its own id', async () => {
		const { worker } = client();
		const order: string[] = [];
		const run = (name: string, seed: number) =>
			new Promise<void>((resolve) =>
				worker.run(
					payload,
					{ kind: 'simulate', ...noSettings, runs: 1_000, seed },
					{
						done: (r) => {
							order.push(`${name}:${r.seed}`);
							resolve();
						},
						failed: (m) => {
							order.push(`${name} failed: ${m}`);
							resolve();
						}
					}
				)
			);
		await Promise.all([run('a', 1), run('b', 2), run('c', 3)]);
		expect(order).toEqual(['a:1', 'b:2', 'c:3']);
	});

	it('stops a cancelled simulation at its next chunk and never answers it', async () => {
		let release: () => void = () => {};
		let holding = true;
		// The host waits here after each chunk until the test lets it go on (the first run only).
		const pause = () =>
			holding ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve();
		const { worker } = client({ pause });
		const progress: number[] = [];
		const ended = vi.fn();
		const cancel = worker.run(
			payload,
			{ kind: 'simulate', ...noSettings, runs: 3 * chunkRuns, seed: 1 },
			{ progress: (done) => progress.push(done), done: ended, failed: ended }
		);
		await vi.waitFor(() => expect(progress).toEqual([chunkRuns]));
		cancel();
		expect(worker.pending).toBe(0);
		// The cancel reaches the host while it pauses; then it is let go on: it stops there.
		await new Promise((resolve) => setTimeout(resolve, 0));
		holding = false;
		release();
		const next = await answer(worker, { kind: 'simulate', ...noSettings, runs: 100, seed: 1 });
		expect(next).toMatchObject({ runs: 100 });
		expect(progress).toEqual([chunkRuns]);
		expect(ended).not.toHaveBeenCalled();
	});

	it('answers bad settings with a message and goes on with the next run', async () => {
		const { worker, started } = client();
		const bad = await answer(worker, {
			kind: 'simulate',
			choices: { 'north.stance': 'flee' },
			likelihoods: {},
			runs: 10,
			seed: 1
		});
		expect(bad).toEqual({ failed: expect.stringMatching(/flee/) });
		expect(
			await answer(worker, { kind: 'simulate', ...noSettings, runs: 10, seed: 1 })
		).toMatchObject({
			runs: 10
		});
		expect(started).toHaveLength(1);
	});

	it('fails the runs of a worker that breaks, and starts a new one for the next run', async () => {
		const { worker, started } = client();
		const pending = answer(worker, { kind: 'simulate', ...noSettings, runs: 10, seed: 1 });
		started[0].crash('Uncaught Error: injected fault');
		expect(await pending).toEqual({ failed: 'Uncaught Error: injected fault' });
		expect(started[0].terminated).toBe(true);
		const next = await answer(worker, { kind: 'simulate', ...noSettings, runs: 10, seed: 1 });
		expect(next).toMatchObject({ runs: 10 });
		expect(started).toHaveLength(2);
		// The new worker was sent the scenario again.
		expect(started[1].sent[0]).toMatchObject({ type: 'scenario', hash: payload.sha256 });
	});

	it('gives up on a worker that never starts, with a message, after the start timeout', async () => {
		vi.useFakeTimers();
		const { worker, started } = client({ ready: false });
		const failed = vi.fn();
		worker.run(
			payload,
			{ kind: 'simulate', ...noSettings, runs: 10, seed: 1 },
			{
				done: failed,
				failed
			}
		);
		await vi.advanceTimersByTimeAsync(startTimeout - 1);
		expect(failed).not.toHaveBeenCalled();
		await vi.advanceTimersByTimeAsync(1);
		expect(failed).toHaveBeenCalledWith(expect.stringMatching(/did not start within 15 s/));
		expect(started[0].terminated).toBe(true);
	});

	it('says so when a worker cannot be made at all', async () => {
		const worker = new AnalysisWorker(() => {
			throw new Error('blocked by the page’s policy');
		});
		expect(await answer(worker, { kind: 'simulate', ...noSettings, runs: 10, seed: 1 })).toEqual({
			failed: expect.stringMatching(/could not start: Error: blocked/)
		});
	});
});
