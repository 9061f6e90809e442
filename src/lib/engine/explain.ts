/**
 * "Why this number?": one outcome's probability taken apart for a reader, as plain data. The
 * exact figure and its 90 % interval; the paths into it (merged, see `mergedPaths`) with their
 * share, and the rest named; each step with who decides, its likelihood in ICD 203 words and the
 * quote or assumption it rests on; the assumptions weighted by how much of the outcome passes
 * through them; the factors that move it most; and one sentence to copy.
 */
import type { SourceMeta } from '../scenario/schema';
import type { Analysis } from './analyze';
import { explainSentence, toFactors, type Factor } from './explainSentence';
import { explainStep, type StepExplanation } from './explainStep';
import type { Interval, IntervalResult } from './interval';
import { mergedPaths, type MergeMode } from './mergedPaths';
import { outcomeAssumptions, type AssumptionShare } from './outcomeAssumptions';
import type { SensitivityResult } from './sensitivity';

export type { AssumptionShare, Factor, StepExplanation };

export interface ExplainOptions {
	/** `likelihoodIntervals` (or `intervalsFor`) of the same analysis: gives the 90 % interval. */
	intervals?: IntervalResult;
	/** `sensitivity` of this outcome under the same settings: gives the factors. */
	sensitivity?: SensitivityResult;
	/** The cited sources' metadata, for the quotes' titles and the sentence. */
	sources?: readonly Pick<SourceMeta, 'id' | 'title' | 'author' | 'outlet' | 'date'>[];
	/** How paths merge (default `region`: the steps of the outcome's own region). */
	mode?: MergeMode;
	/** Paths listed before the rest is summed as other paths (default 10). */
	count?: number;
}

export interface PathShare {
	kind: 'path';
	steps: StepExplanation[];
	/** The part of the outcome's probability that follows this path, and that over the whole. */
	probability: number;
	share: number;
	/** Paths through the chain merged into this one; its likeliest firing order (transition ids). */
	merged: number;
	likeliest: string[];
}

export interface OtherPaths {
	kind: 'other';
	probability: number;
	share: number;
	/** Merged paths found but not listed. */
	paths: number;
	/** Of `probability`, the part the walk did not follow to an end (around loops); 0 when exact. */
	unexplored: number;
}

export interface Explanation {
	outcome: string;
	label: string;
	/** What the ending means, as its outcome's `description` says, when it has one. */
	description?: string;
	probability: number;
	interval?: Interval;
	mode: MergeMode;
	/** The region whose steps key the paths ('' for joint). */
	region: string;
	/** Listed paths, then `other` when they do not add up to `probability` (beyond 1e-12). */
	paths: (PathShare | OtherPaths)[];
	/** Whether every path was found, so each figure is exact. */
	complete: boolean;
	assumptions: AssumptionShare[];
	/** Up to three, largest effect first. */
	factors: Factor[];
	sentence: string;
}

/**
 * `explainOutcome(analysis, 'crisis.ties.ruptured', { intervals, sensitivity, sources }).sentence`
 * is "In this model of “…” (2024-08-05 – 2024-08-11), “Ties ruptured” follows in about 13 % of
 * runs (90 % interval 8–19 %); the largest factor is …".
 * Throws a RangeError for an outcome that is not a final state, or a sensitivity of another one.
 */
export function explainOutcome(
	analysis: Pick<Analysis, 'chain' | 'exact'>,
	outcome: string,
	options: ExplainOptions = {}
): Explanation {
	const { chain, exact } = analysis;
	const { model } = chain.compiled;
	const { mode = 'region', count = 10, sources = [], sensitivity, intervals } = options;
	const found = exact.outcomes.find((o) => o.id === outcome);
	if (!found)
		throw new RangeError(
			`invalid outcome: unknown final state "${outcome}" (expected one of ${exact.outcomes.map((o) => o.id).join(', ')})`
		);
	if (sensitivity && sensitivity.outcome !== outcome)
		throw new RangeError(
			`invalid sensitivity: it is of "${sensitivity.outcome}", not "${outcome}"`
		);
	const { probability } = found;
	const merged = mergedPaths(chain, { mode, endingWith: outcome, count });
	const shareOf = (p: number) => (probability > 0 ? p / probability : 0);
	const transitionOf = new Map(model.transitions.map((t) => [t.id, t]));
	const paths: (PathShare | OtherPaths)[] = merged.paths.map((path) => {
		const { likeliest } = path;
		const positions = new Map<string, number[]>();
		likeliest.transitions.forEach((id, i) => positions.set(id, [...(positions.get(id) ?? []), i]));
		const steps = path.transitions.map((id) => {
			// Where the likeliest order takes the step (its next firing: order within a region is
			// kept), its likelihood is the edge's probability over the region's share.
			const s = likeliest.states[positions.get(id)!.shift()!];
			const t = transitionOf.get(id)!;
			let value = 1;
			for (let e = chain.rowStart[s]; e < chain.rowStart[s + 1]; e++)
				if (chain.edgeTransition[e] === t.index)
					value = chain.edgeProbability[e] / chain.edgeShare[e];
			return explainStep(t, value, model.scenario, sources);
		});
		return {
			kind: 'path',
			steps,
			probability: path.probability,
			share: shareOf(path.probability),
			merged: path.merged,
			likeliest: likeliest.transitions
		};
	});
	const rest = probability - merged.listed;
	if (rest > 1e-12)
		paths.push({
			kind: 'other',
			probability: rest,
			share: shareOf(rest),
			paths: merged.found - merged.paths.length,
			unexplored: merged.unexplored
		});
	const assumptions = outcomeAssumptions(analysis, outcome, merged.region);
	const interval = intervals?.outcomes[outcome];
	const factors = sensitivity ? toFactors(sensitivity, model.scenario) : [];
	const description = model.states.get(outcome)?.outcome?.description?.trim();
	return {
		outcome,
		label: found.label,
		...(description && { description }),
		probability,
		...(interval && { interval }),
		mode,
		region: merged.region,
		paths,
		complete: merged.complete,
		assumptions,
		factors,
		sentence: explainSentence({
			title: model.scenario.title,
			sources,
			label: found.label,
			probability,
			interval,
			factor: factors[0]
		})
	};
}
