/**
 * Messages between the page and the analysis worker: a simulation, a paired comparison, a
 * sensitivity sweep, or the intervals of the ranged likelihoods.
 */
import type { MonteCarloComparison } from '$lib/engine/compare';
import type { OutcomeSummary } from '$lib/engine/outcomes';
import type { ScenarioPayload } from '$lib/scenarios/payload';

/** What a person set: choices by `actor.choice`, likelihoods by transition id. */
export interface RunSettings {
	choices: Record<string, string>;
	likelihoods: Record<string, number>;
}

export interface MonteCarloRequest extends RunSettings {
	kind: 'simulate';
	payload: ScenarioPayload;
	runs: number;
	seed: number;
}

/** Baseline and variant run on common random numbers (see engine/compare.ts). */
export interface CompareRequest {
	kind: 'compare';
	payload: ScenarioPayload;
	baseline: RunSettings;
	variant: RunSettings;
	runs: number;
	seed: number;
}

/** What matters most for one outcome (engine/sensitivity.ts), off the main thread. */
export interface SensitivityRequest extends RunSettings {
	kind: 'sensitivity';
	payload: ScenarioPayload;
	outcome: string;
}

/** The 90 % intervals of the ranged likelihoods (engine/interval.ts), off the main thread. */
export interface IntervalsRequest extends RunSettings {
	kind: 'intervals';
	payload: ScenarioPayload;
	samples: number;
	seed: number;
}

export type WorkerRequest =
	MonteCarloRequest | CompareRequest | SensitivityRequest | IntervalsRequest;

export interface MonteCarloSummary extends OutcomeSummary {
	runs: number;
	seed: number;
	meanSteps: number;
	unfinished: number;
	milliseconds: number;
}

export interface ComparisonSummary extends MonteCarloComparison {
	milliseconds: number;
}

export type WorkerMessage<Result> =
	| { type: 'progress'; done: number; total: number }
	| { type: 'done'; result: Result }
	| { type: 'error'; message: string };

/** Runs per chunk: small enough for frequent progress, large enough to keep the loop hot. */
export const chunkRuns = 50_000;
