/**
 * The dashboard's results holder, on the real engine and an in-process analysis worker: the exact
 * analysis follows the settings at once; intervals come from the worker, the last ones kept (not
 * current) until the new ones arrive; runs use the chain the page explored.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeWorker } from '../../../tests/unit/fakeWorker';
import { loadFixture } from '../../../tests/unit/fixtures';
import { analyze, intervalsFor, pageIntervalSamples } from '$lib/engine/analyze';
import { compareExact } from '$lib/engine/compare';
import { toChainData } from '$lib/engine/explore';
import { toPayload } from '$lib/scenarios/payload';
import { AnalysisWorker } from '$lib/workers/client';
import { Results, type ResultSettings } from './results.svelte';

const regions = loadFixture('regions.yaml');
const payload = toPayload(regions);
const { compiled } = regions;
const flare = 'crisis.front.quiet:front.flare';

// Runs after a change start after the next paint; node has no frames: the next task stands in.
beforeAll(() => {
	vi.stubGlobal('requestAnimationFrame', (f: () => void) => setTimeout(f, 0));
	vi.stubGlobal('cancelAnimationFrame', (id: ReturnType<typeof setTimeout>) => clearTimeout(id));
});
afterAll(() => vi.unstubAllGlobals());

function holder(ahead: ConstructorParameters<typeof Results>[3] = {}) {
	// Reactive settings, as the dashboard's: the holder's derived results follow them.
	const settings: ResultSettings = $state({
		choices: { ...compiled.defaultChoices },
		likelihoods: {},
		reading: '',
		seed: 1,
		baseline: null
	});
	const worker = new AnalysisWorker(() => fakeWorker());
	const results = new Results(
		payload,
		compiled,
		() => settings,
		ahead,
		() => worker
	);
	return { results, settings };
}

describe('Results', () => {
	it('computes the exact analysis of the settings it reads, afresh after a change', () => {
		const { results, settings } = holder();
		expect(results.analysis.exact).toEqual(analyze(compiled).exact);
		settings.likelihoods = { [flare]: 0.6 };
		// Plain settings object: read afresh through a new holder reading the same getter.
		const again = new Results(payload, compiled, () => settings);
		expect(again.analysis.exact).toEqual(
			analyze(compiled, { likelihoods: { [flare]: 0.6 } }).exact
		);
	});

	it('uses the chain computed ahead for the default view, not for other settings', () => {
		const ahead = analyze(compiled);
		const data = toChainData(ahead.chain);
		const { results } = holder({ chain: data });
		expect(results.analysis.chain.edgeTarget).toBe(data.edgeTarget);
		expect(results.analysis.exact).toEqual(ahead.exact);
	});

	it('starts with the intervals computed ahead as current, and computes others in the worker', async () => {
		const ahead = intervalsFor(analyze(compiled), pageIntervalSamples, 1) ?? null;
		const { results, settings } = holder({ intervals: ahead });
		expect(results.intervalsCurrent).toBe(true);
		expect(results.followIntervals()).toBeUndefined();
		expect(results.intervals).toEqual(ahead ?? undefined);

		// A new seed: a new key. The holder still shows the old intervals, marked not current.
		settings.seed = 4;
		expect(results.intervalsCurrent).toBe(false);
		expect(results.intervals).toEqual(ahead ?? undefined);
		const ready = results.intervalsReady();
		const stop = results.followIntervals();
		expect(stop).toBeTypeOf('function');
		const expected = intervalsFor(analyze(compiled), pageIntervalSamples, 4);
		expect(await ready).toEqual(expected);
		expect(results.intervalsCurrent).toBe(true);
		expect(results.intervals).toEqual(expected);
	});

	it('runs a simulation and a paired one in the worker, and clears them', async () => {
		const { results, settings } = holder();
		results.runMonteCarlo(2_000);
		expect(results.monteCarlo.status).toBe('running');
		await vi.waitFor(() => expect(results.monteCarlo.status).toBe('done'));
		expect(results.monteCarlo.result).toMatchObject({ runs: 2_000, seed: 1 });

		expect(results.exactComparison).toBeUndefined();
		settings.baseline = { choices: { ...compiled.defaultChoices }, likelihoods: { [flare]: 0.6 } };
		expect(results.exactComparison).toBeDefined();
		results.runComparison(1_000);
		await vi.waitFor(() => expect(results.comparison.status).toBe('done'));
		expect(results.comparison.result?.runs).toBe(1_000);

		results.clearRuns();
		expect(results.comparison.status).toBe('idle');
		expect(results.monteCarlo.status).toBe('idle');
		expect(results.monteCarlo.result).toBeUndefined();
	});

	it('conditions the analysis and the worker intervals on the observations', async () => {
		const observations = [{ event: 'crisis.front.hot', happened: true }];
		const { results, settings } = holder();
		settings.observations = observations;
		const expected = analyze(compiled, { observations });
		expect(results.observationProblem).toBeUndefined();
		expect(results.analysis.exact).toEqual(expected.exact);
		expect(results.analysis.unconditioned).toEqual(analyze(compiled).exact);
		const ready = results.intervalsReady();
		results.followIntervals();
		expect(await ready).toEqual(intervalsFor(expected, pageIntervalSamples, 1));
		// The worker is sent the explored chain, not the product chain.
		expect(results.runSettings().chain?.size).toBe(expected.explored.size);
		// Every run in the worker (sensitivity, assumptions, Why) is given the observations.
		expect(results.runSettings().observations).toEqual(observations);
	});

	it('compares baseline and now both given the observations, exactly and in paired runs', async () => {
		// Seen: the front ran hot. P(front war | hot) = 1/(2 − p) (engine/sensitivity.test.ts):
		// 1/1.325 now (p = 0.675), 1/1.4 under the baseline's p = 0.6.
		const observations = [{ event: 'crisis.front.hot', happened: true }];
		const { results, settings } = holder();
		settings.observations = observations;
		settings.baseline = { choices: { ...compiled.defaultChoices }, likelihoods: { [flare]: 0.6 } };
		expect(results.comparedGiven).toBe(true);
		expect(results.baselineObservationProblem).toBeUndefined();
		const war = results.exactComparison!.outcomes['crisis.front.war'];
		expect(war.baseline).toBeCloseTo(1 / 1.4, 12);
		expect(war.variant).toBeCloseTo(1 / 1.325, 12);
		results.runComparison(2_000);
		await vi.waitFor(() => expect(results.comparison.status).toBe('done'));
		// Given hot, the front calms with (1 − p)/(2 − p): 0.29 and 0.25 (0.57 and 0.49 before the
		// observation); 2,000 paired runs land within 0.05 of it.
		const calm = results.comparison.result!.outcomes['crisis.front.calm'];
		expect(calm.baseline).toBeCloseTo(0.4 / 1.4, 1);
		expect(calm.variant).toBeCloseTo(0.325 / 1.325, 1);
	});

	it('observations impossible under the baseline: said on that side, and neither side is given them', () => {
		// Talks collapse only when the north pushes: under the baseline's hold they cannot.
		const collapse = 'crisis.talks.open:talks.collapse';
		const { results, settings } = holder();
		settings.choices = { ...compiled.defaultChoices, 'north.stance': 'push' };
		settings.observations = [{ event: collapse, happened: true }];
		settings.baseline = { choices: { ...compiled.defaultChoices }, likelihoods: {} };
		expect(results.observationProblem).toBeUndefined();
		expect(results.baselineObservationProblem?.message).toMatch(/impossible/);
		expect(results.comparedGiven).toBe(false);
		const plainNow = analyze(compiled, { choices: settings.choices }).exact;
		expect(results.exactComparison).toEqual(compareExact(analyze(compiled).exact, plainNow));
	});

	it('an observation the settings make impossible: unconditioned results and why', () => {
		const { results, settings } = holder();
		settings.observations = [{ event: 'crisis.front.war', within: 1, happened: true }];
		expect(results.observationProblem?.message).toMatch(/earliest it can happen is step 2/);
		expect(results.analysis.exact).toEqual(analyze(compiled).exact);
		expect(results.appliedObservations).toEqual([]);
	});
});
