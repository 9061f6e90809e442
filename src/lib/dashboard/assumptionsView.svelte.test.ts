/**
 * The key assumptions panel's controller on the real engine and an in-process analysis worker:
 * it checks the settings it reads, keeps the last register while a new one is worked out, and
 * gives rows in words, largest effect first.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeWorker } from '../../../tests/unit/fakeWorker';
import { loadFixture } from '../../../tests/unit/fixtures';
import { assumptionsCheck } from '$lib/engine/assumptions';
import { toPayload } from '$lib/scenarios/payload';
import { AnalysisWorker } from '$lib/workers/client';
import type { RunSettings } from '$lib/workers/protocol';
import { AssumptionsView } from './assumptionsView.svelte';

const loaded = loadFixture('assumptions.yaml');
const payload = toPayload(loaded);
const hot = 'crisis.b.b0:b.hot';

beforeAll(() => {
	vi.stubGlobal('requestAnimationFrame', (f: () => void) => setTimeout(f, 0));
	vi.stubGlobal('cancelAnimationFrame', (id: ReturnType<typeof setTimeout>) => clearTimeout(id));
});
afterAll(() => vi.unstubAllGlobals());

describe('AssumptionsView', () => {
	it('checks the current settings in the worker and gives rows in words, largest first', async () => {
		let settings: RunSettings = { choices: {}, likelihoods: {} };
		const worker = new AnalysisWorker(() => fakeWorker());
		const view = new AssumptionsView(
			() => ({ payload, settings }),
			() => worker
		);
		expect(view.state).toBe('updating');
		expect(view.rows).toEqual([]);
		let stop = view.follow();
		await vi.waitFor(() => expect(view.state).toBe('ready'));
		expect(view.result?.assumptions.map((a) => a.id)).toEqual(
			assumptionsCheck(loaded.compiled, {}).assumptions.map((a) => a.id)
		);
		// The figures are checked by hand in engine/assumptions.test.ts; here, their words.
		expect(view.rows[0]).toMatchObject({
			label: 'b.hot',
			from: 'b0',
			kind: 'silent range',
			now: '40\u00a0%',
			swing: '20–60\u00a0%',
			outcome: 'Hot: 10\u00a0% → 30\u00a0% (+20 points)',
			score: 'Cost: 0.3 → 0.9 (20\u00a0% of its scale)',
			effect: '20\u00a0%',
			transition: hot,
			reached: true
		});
		expect(view.rows[1]).toMatchObject({ kind: 'certain step', swing: '50–100\u00a0%' });
		expect(view.rows[2]).toMatchObject({
			label: 'Hot: Cost',
			kind: 'outcome score',
			swing: '2 to 3',
			outcome: 'no outcome moves',
			transition: hot
		});

		// New settings: the last register stays on show, marked as updating, until the new one.
		stop();
		settings = { choices: {}, likelihoods: { [hot]: 0.6 } };
		stop = view.follow();
		expect(view.state).toBe('updating');
		expect(view.rows).toHaveLength(3);
		await vi.waitFor(() => expect(view.state).toBe('ready'));
		// a.go under p = 0.6: E[cost] = 3·0.6/(1+v), 1.2 → 0.9.
		expect(view.rows.find((r) => r.id === 'crisis.a.a0:a.go')?.score).toBe(
			'Cost: 1.2 → 0.9 (10\u00a0% of its scale)'
		);
		stop();
	});
});

describe('AssumptionsView under observations', () => {
	it('runs the check given them in the worker: the certain step no longer moves anything', async () => {
		// engine/assumptions.test.ts by hand: given b did not end late, a.go moves nothing.
		const observations = [{ event: 'crisis.b.late', happened: false }];
		const worker = new AnalysisWorker(() => fakeWorker());
		const view = new AssumptionsView(
			() => ({ payload, settings: { choices: {}, likelihoods: {}, observations } }),
			() => worker
		);
		const stop = view.follow();
		await vi.waitFor(() => expect(view.state).toBe('ready'));
		expect(view.result?.assumptions.find((a) => a.id === 'crisis.a.a0:a.go')?.effect).toBeCloseTo(
			0,
			9
		);
		stop?.();
	});
});
