/**
 * Messages between the page and its one analysis worker (see client.ts and host.ts): the page
 * sends a scenario once (the worker keeps it by its hash), then runs on it: a simulation, a paired
 * comparison, a sensitivity sweep, or the intervals of the ranged likelihoods. With a run's
 * settings may come the chain the page explored for them, so that the worker does not explore it
 * again.
 */
import type { CheckedFile, FileReport, GivenFile } from '$lib/checking/check';
import type { DraftAnswer, DraftInput } from '$lib/checking/draftAnswer';
import type { DraftOpened } from '$lib/checking/draftOpen';
import type { AssumptionsResult } from '$lib/engine/assumptions';
import type { ClaimVerdict } from '$lib/engine/claims';
import type { MonteCarloComparison } from '$lib/engine/compare';
import type { ChainData } from '$lib/engine/explore';
import type { IntervalResult } from '$lib/engine/interval';
import type { Observation } from '$lib/engine/observe';
import type { OutcomeSummary } from '$lib/engine/outcomes';
import type { Answer } from '$lib/engine/query';
import type { SensitivityResult } from '$lib/engine/sensitivity';
import type { ScenarioPayload } from '$lib/scenarios/payload';

/** What a person set: choices by `actor.choice`, likelihoods by transition id. */
export interface RunSettings {
	choices: Record<string, string>;
	likelihoods: Record<string, number>;
	/** The reading of the source (a reading's id), or none for the scenario's own. */
	reading?: string;
	/** What the person marked as observed: the run is conditioned on it (none: unconditioned). */
	observations?: Observation[];
	/** The chain explored for exactly these settings (before any observation), if the page has it. */
	chain?: ChainData;
}

export interface MonteCarloRequest extends RunSettings {
	kind: 'simulate';
	runs: number;
	seed: number;
}

/** Baseline and variant run on common random numbers (see engine/compare.ts). */
export interface CompareRequest {
	kind: 'compare';
	baseline: RunSettings;
	variant: RunSettings;
	runs: number;
	seed: number;
}

/** What matters most for one outcome (engine/sensitivity.ts). */
export interface SensitivityRequest extends RunSettings {
	kind: 'sensitivity';
	outcome: string;
}

/** The 90 % intervals of the ranged likelihoods (engine/interval.ts). */
export interface IntervalsRequest extends RunSettings {
	kind: 'intervals';
	samples: number;
	seed: number;
}

/** The key assumptions check (engine/assumptions.ts). */
export interface AssumptionsRequest extends RunSettings {
	kind: 'assumptions';
}

/** The scenario's claims under the settings and across likelihood draws (engine/claims.ts). */
export interface ClaimsRequest extends RunSettings {
	kind: 'claims';
	samples: number;
	seed: number;
}

/**
 * A question in the query language (engine/query.ts), asked under the settings with their
 * observations joined to its `|`.
 */
export interface QuestionRequest extends RunSettings {
	kind: 'question';
	text: string;
	samples: number;
	seed: number;
}

export type AnalysisRequest =
	| MonteCarloRequest
	| CompareRequest
	| SensitivityRequest
	| IntervalsRequest
	| AssumptionsRequest
	| ClaimsRequest
	| QuestionRequest;

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

/** What each kind of request answers. */
export interface AnalysisResults {
	simulate: MonteCarloSummary;
	compare: ComparisonSummary;
	sensitivity: SensitivityResult;
	/** null: no likelihood is a range. */
	intervals: IntervalResult | null;
	assumptions: AssumptionsResult;
	claims: ClaimVerdict[];
	question: Answer;
}
export type ResultOf<Request extends AnalysisRequest> = AnalysisResults[Request['kind']];

/** Page → worker. */
export type ToWorker =
	| { type: 'scenario'; hash: string; payload: ScenarioPayload }
	| { type: 'run'; id: number; hash: string; request: AnalysisRequest }
	| { type: 'cancel'; id: number };

/** Worker → page. `ready`: the worker's script runs (sent once, first). */
export type FromWorker =
	| { type: 'ready' }
	| { type: 'progress'; id: number; done: number; total: number }
	| { type: 'done'; id: number; result: AnalysisResults[keyof AnalysisResults] }
	| { type: 'error'; id: number; message: string };

/** Runs per chunk: small enough for frequent progress and a prompt cancel, large enough to keep the loop hot. */
export const chunkRuns = 50_000;

/** Compiled scenarios the worker keeps (a page shows one; the editor switches among a few drafts). */
export const keptScenarios = 4;

/**
 * The editor's check worker (check.worker.ts, checkHost.ts, checkClient.ts): a draft in, its check
 * and results out. A second worker, not a request kind of this one: a step of a check (the check
 * of every combination of choices) cannot stop half-way, and a check that runs too long is stopped
 * by terminating its worker, which must not take the page's analysis runs with it. A newer check,
 * or `cancel`, stops the one running at its next pause between steps.
 */
export type ToCheckWorker =
	| { type: 'check'; id: number; draft: DraftInput }
	| { type: 'cancel'; id: number }
	/** Open a draft for the dashboard (/draft): its payload and layout, or its lines. */
	| { type: 'open'; id: number; draft: DraftInput };

/**
 * Check worker → page. `ready`: its script runs (sent once, first). `checked`: the lines of a
 * valid text, before its results; `done`: the whole answer; `dropped`: a check stopped by a newer
 * one or a cancel (no answer).
 */
export type FromCheckWorker =
	| { type: 'ready' }
	| { type: 'checked'; id: number; answer: DraftAnswer }
	| { type: 'done'; id: number; answer: DraftAnswer }
	| { type: 'dropped'; id: number }
	| { type: 'opened'; id: number; opened: DraftOpened }
	| { type: 'error'; id: number; message: string };

/**
 * The /validate page's file worker (files.worker.ts, filesClient.ts): the files a person gave in,
 * one report per scenario out, each as soon as it is checked. Started for one request and
 * terminated after it, or when the person starts another.
 */
export type ToFilesWorker = {
	type: 'check';
	scenarios: CheckedFile[];
	given: GivenFile[];
	pasted: string;
};

/** Files worker → page. `ready`: its script runs (sent once, first). */
export type FromFilesWorker =
	{ type: 'ready' } | { type: 'report'; index: number; report: FileReport } | { type: 'done' };
