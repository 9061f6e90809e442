/**
 * What differs between two sets of settings, in words for the comparison panel: each choice set
 * otherwise ("Russia: How does Russia answer…? Declines → Full support") and each likelihood
 * (a missing likelihood setting is the middle of its range).
 */
import { likelihoodValues, type Compiled } from '$lib/engine/compile';
import { choiceLabel, optionLabel, transitionNames } from '$lib/scenario/names';
import type { RunSettings } from '$lib/workers/protocol';

export interface SettingChange {
	/** `actor.choice` or a transition id. */
	key: string;
	/** Who decides and what, or the transition's label and source state. */
	label: string;
	from: string;
	to: string;
}

const percent = (p: number) => `${(p * 100).toFixed(1)}\u00a0%`;

export function settingsDiff(
	compiled: Compiled,
	baseline: RunSettings,
	current: RunSettings
): SettingChange[] {
	const { model, defaultChoices } = compiled;
	const changes: SettingChange[] = [];
	for (const key of Object.keys(defaultChoices)) {
		const from = baseline.choices[key] ?? defaultChoices[key];
		const to = current.choices[key] ?? defaultChoices[key];
		if (from === to) continue;
		changes.push({
			key,
			label: choiceLabel(model.scenario, key) ?? key,
			from: optionLabel(model.scenario, key, from) ?? from,
			to: optionLabel(model.scenario, key, to) ?? to
		});
	}
	const before = likelihoodValues(compiled, baseline.likelihoods);
	const after = likelihoodValues(compiled, current.likelihoods);
	const names = transitionNames(model);
	for (const t of model.transitions) {
		if (t.likelihood.kind !== 'range' || before[t.index] === after[t.index]) continue;
		changes.push({
			key: t.id,
			label: `Likelihood: ${names.get(t.id)}`,
			from: percent(before[t.index]),
			to: percent(after[t.index])
		});
	}
	return changes;
}
