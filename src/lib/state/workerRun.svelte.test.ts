/**
 * What a run sends the analysis worker: plain copies of the page's reactive settings (a state
 * proxy cannot be cloned into a worker), and each explored chain as it is, not copied on the main
 * thread before `postMessage` copies it (issue 16 §6).
 */
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../tests/unit/fixtures';
import { analyze } from '$lib/engine/analyze';
import { toChainData } from '$lib/engine/explore';
import { toPayload } from '$lib/scenarios/payload';
import type { AnalysisWorker } from '$lib/workers/client';
import type { AnalysisRequest } from '$lib/workers/protocol';
import { ComparisonRun, forWorker, IntervalsRun } from './workerRun.svelte';

const regions = loadFixture('regions.yaml');
const payload = toPayload(regions);
const chain = toChainData(analyze(regions.compiled).explored);

/** A worker that keeps the requests it is given and never answers. */
function keeping() {
	const sent: AnalysisRequest[] = [];
	const worker = {
		run: (_payload: unknown, request: AnalysisRequest) => {
			sent.push(request);
			return () => {};
		}
	} as unknown as AnalysisWorker;
	return { sent, worker: () => worker };
}

describe('forWorker', () => {
	it('copies state proxies into plain data, which later changes do not reach', () => {
		const choices = $state({ 'a.b': 'c' });
		const request = forWorker({ kind: 'intervals', choices, likelihoods: {} });
		choices['a.b'] = 'd';
		expect(request.choices).toEqual({ 'a.b': 'c' });
		expect(request.choices).not.toBe(choices);
	});
});

describe('WorkerRun', () => {
	it('sends the explored chain as it is, and plain copies of the settings', () => {
		const { sent, worker } = keeping();
		const choices = $state({ ...regions.compiled.defaultChoices });
		new IntervalsRun({}, worker).start({
			kind: 'intervals',
			payload,
			choices,
			likelihoods: {},
			chain,
			seed: 1,
			samples: 10
		});
		const [request] = sent as Extract<AnalysisRequest, { kind: 'intervals' }>[];
		expect(request.chain).toBe(chain);
		expect(request.choices).toEqual(regions.compiled.defaultChoices);
		expect(() => structuredClone(request)).not.toThrow();
	});

	it('sends each compared side’s chain as it is', () => {
		const { sent, worker } = keeping();
		const likelihoods = $state({});
		const side = { choices: { ...regions.compiled.defaultChoices }, likelihoods, chain };
		new ComparisonRun({}, worker).start({
			kind: 'compare',
			payload,
			baseline: side,
			variant: side,
			runs: 100,
			seed: 1
		});
		const [request] = sent as Extract<AnalysisRequest, { kind: 'compare' }>[];
		expect(request.baseline.chain).toBe(chain);
		expect(request.variant.chain).toBe(chain);
		expect(() => structuredClone(request)).not.toThrow();
	});
});
