/** A scenario reduced to what the scenario list shows: plain data, serialisable into the page. */
import { analyze } from '$lib/engine/analyze';
import type { LoadedScenario } from '$lib/engine/load';
import { formatDiagnostic } from '$lib/scenario/diagnostics';
import type { LoadResult } from '$lib/engine/load';
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
	outcomes: { id: string; label: string; region: string; probability: number }[];
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
		assumptionOnly: model.transitions.filter((t) => t.evidence.length === 0).length,
		outcomes: exact.outcomes.map(({ id, label, region, probability }) => ({
			id,
			label,
			region,
			probability
		}))
	};
}

export function toEntry(file: string, result: LoadResult): ScenarioEntry {
	return result.ok
		? { ok: true, summary: toSummary(result.value) }
		: { ok: false, file, problems: result.diagnostics.map(formatDiagnostic) };
}
