/** Messages between the page and the Monte Carlo worker. */
import type { OutcomeSummary } from '$lib/engine/outcomes';
import type { ScenarioPayload } from '$lib/scenarios/payload';

export interface MonteCarloRequest {
	payload: ScenarioPayload;
	choices: Record<string, string>;
	likelihoods: Record<string, number>;
	runs: number;
	seed: number;
}

export interface MonteCarloSummary extends OutcomeSummary {
	runs: number;
	seed: number;
	meanSteps: number;
	unfinished: number;
	milliseconds: number;
}

export type MonteCarloMessage =
	| { type: 'progress'; done: number; total: number }
	| { type: 'done'; result: MonteCarloSummary }
	| { type: 'error'; message: string };

/** Runs per chunk: small enough for frequent progress, large enough to keep the loop hot. */
export const chunkRuns = 50_000;
