/**
 * The outcome the sensitivity panel starts on: the first outcome of the last region (for a
 * scenario without regions, the first outcome). A fixed default, so that the chart does not jump
 * to another outcome while the person changes choices, as "the most likely outcome" would. Shared
 * by the panel and the page's server load, which computes the default view's sensitivity at build
 * time so that the page does not redo it while it loads.
 */
import { outcomeGroups, type OutcomeInput } from '$lib/charts/outcomeBars';
import { regionLabelsOf, type Model } from '$lib/scenario/model';

export function defaultSensitivityOutcome(outcomes: readonly OutcomeInput[], model: Model): string {
	const regions = outcomeGroups(outcomes, {
		regionLabels: regionLabelsOf(model)
	});
	return regions.at(-1)?.rows[0]?.id ?? '';
}
