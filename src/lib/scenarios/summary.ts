/** A scenario reduced to what the scenario list shows: plain data, serialisable into the page. */
import { outcomeGroups, type OutcomeInput } from '$lib/charts/outcomeBars';
import { analyze } from '$lib/engine/analyze';
import type { LoadedScenario } from '$lib/engine/load';
import { confidenceOf, restsOnAssumptionOnly } from '$lib/scenario/confidence';
import { confidenceTag } from '$lib/scenario/confidenceWords';
import { formatDiagnostic } from '$lib/scenario/diagnostics';
import type { LoadResult } from '$lib/engine/load';
import { regionLabelsOf } from '$lib/scenario/model';
import type { SourceMeta } from '$lib/scenario/schema';

export interface ScenarioSummary {
	id: string;
	file: string;
	title: string;
	summary?: string;
	sources: { id: string; title: string; date?: string }[];
	actors: string[];
	states: number;
	transitions: number;
	evidenced: number;
	assumptionOnly: number;
	/** The scenario's confidence, as a short tag: `low confidence`. */
	confidence: string;
	/**
	 * The outcomes by region, regions in the statechart's order. Each region ends in exactly one of
	 * its outcomes, so each group adds up to 1; a scenario without parallel regions has one group.
	 */
	regions: RegionOutcomes[];
}

export interface RegionOutcomes {
	/** The region's path ('' for a scenario without parallel regions). */
	region: string;
	/** Its heading, the region state's label. */
	label: string;
	outcomes: { id: string; label: string; probability: number }[];
}

export type ScenarioEntry =
	{ ok: true; summary: ScenarioSummary } | { ok: false; file: string; problems: string[] };

function toDate(date: SourceMeta['date']): string | undefined {
	if (date === undefined) return undefined;
	return typeof date === 'string' ? date : `${date.from} – ${date.to}`;
}

export function toSummary(loaded: LoadedScenario): ScenarioSummary {
	const { scenario, model } = loaded;
	const { exact } = analyze(loaded.compiled);
	return {
		id: scenario.id,
		file: loaded.file,
		title: scenario.title,
		summary: scenario.summary,
		sources: [...loaded.sources.values()].map((s) => ({
			id: s.meta.id,
			title: s.meta.title,
			date: toDate(s.meta.date)
		})),
		actors: Object.values(scenario.actors).map((a) => a.label),
		states: model.states.size - 1,
		transitions: model.transitions.length,
		evidenced: model.transitions.filter((t) => t.evidence.length > 0).length,
		assumptionOnly: model.transitions.filter(restsOnAssumptionOnly).length,
		confidence: confidenceTag(confidenceOf(loaded)),
		regions: toRegionOutcomes(exact.outcomes, regionLabelsOf(model))
	};
}

/**
 * Outcomes grouped by region, each with its region's label:
 * `toRegionOutcomes([{ id: 'n.calm', label: 'Calm', region: 'n', probability: 1 }], { n: 'North' })`
 * is `[{ region: 'n', label: 'North', outcomes: [{ id: 'n.calm', label: 'Calm', probability: 1 }] }]`.
 */
export function toRegionOutcomes(
	outcomes: readonly OutcomeInput[],
	regionLabels: Record<string, string>
): RegionOutcomes[] {
	return outcomeGroups(outcomes, { regionLabels }).map(({ region, label, rows }) => ({
		region,
		label,
		outcomes: rows.map(({ id, label, p }) => ({ id, label, probability: p }))
	}));
}

export function toEntry(file: string, result: LoadResult): ScenarioEntry {
	return result.ok
		? { ok: true, summary: toSummary(result.value) }
		: { ok: false, file, problems: result.diagnostics.map(formatDiagnostic) };
}
