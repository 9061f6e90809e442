/**
 * What a reader can mark as observed, for the "What has happened" picker: per region (by its
 * label), the states one can be in (by label) and the steps one can see taken (by their unique
 * name), with the id each stands for. Regions and the scenario's root are left out: a run is
 * always in them.
 */
import { regionLabelsOf, type Model } from '$lib/scenario/model';
import { stateLabel, transitionNames } from '$lib/scenario/names';

export interface EventOption {
	/** A state path or a transition id (what an observation names). */
	value: string;
	label: string;
}

export interface EventGroup {
	region: string;
	label: string;
	options: EventOption[];
}

export function eventGroups(model: Model): EventGroup[] {
	const labels = regionLabelsOf(model);
	const names = transitionNames(model);
	const groups = new Map<string, EventGroup>(
		model.regions.map((r) => [r, { region: r, label: labels[r] || 'The scenario', options: [] }])
	);
	const regions = new Set(model.regions);
	for (const state of model.states.values()) {
		if (regions.has(state.path) || state.kind === 'parallel') continue;
		groups.get(state.region)?.options.push({
			value: state.path,
			label: `Reached: ${stateLabel(model, state.path)}`
		});
	}
	for (const t of model.transitions)
		groups.get(t.region)?.options.push({ value: t.id, label: `Step: ${names.get(t.id)}` });
	return [...groups.values()].filter((g) => g.options.length > 0);
}
