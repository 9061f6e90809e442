/**
 * What differs between two sets of settings, in words for the comparison panel: each choice set
 * otherwise ("Russia: How does Russia answer…? Declines → Full support") and each likelihood
 * (a missing likelihood setting is the middle of its range), and the reading of the source.
 */
import { likelihoodValues, type Compiled } from '$lib/engine/compile';
import { formatPercent as percent } from '$lib/format/percent';
import { withReading } from '$lib/engine/reading';
import { choiceLabel, optionLabel, transitionNames } from '$lib/scenario/names';
import type { RunSettings } from '$lib/workers/protocol';

export interface SettingChange {
	/** `actor.choice`, a transition id, or `reading`. */
	key: string;
	/** Who decides and what, or the transition's label and source state. */
	label: string;
	from: string;
	to: string;
}

export function settingsDiff(
	compiled: Compiled,
	baseline: RunSettings,
	current: RunSettings
): SettingChange[] {
	const { model, defaultChoices } = compiled;
	const changes: SettingChange[] = [];
	const readingName = (id: string | undefined) =>
		(id && model.readings.find((r) => r.id === id)?.label) || "The scenario's own";
	const readingChanged = (baseline.reading ?? '') !== (current.reading ?? '');
	if (readingChanged) {
		changes.push({
			key: 'reading',
			label: 'Reading of the source',
			from: readingName(baseline.reading),
			to: readingName(current.reading)
		});
	}
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
	const before = likelihoodValues(withReading(compiled, baseline.reading), baseline.likelihoods);
	const after = likelihoodValues(withReading(compiled, current.reading), current.likelihoods);
	const names = transitionNames(model);
	for (const t of model.transitions) {
		if (!(before[t.index] >= 0) || !(after[t.index] >= 0) || before[t.index] === after[t.index])
			continue; // rest (NaN) or unchanged
		// Under another reading, the reading's own values are said by its line above.
		const setByHand =
			Object.hasOwn(baseline.likelihoods, t.id) || Object.hasOwn(current.likelihoods, t.id);
		if (readingChanged && !setByHand) continue;
		changes.push({
			key: t.id,
			label: `Likelihood: ${names.get(t.id)}`,
			from: percent(before[t.index]),
			to: percent(after[t.index])
		});
	}
	return changes;
}
