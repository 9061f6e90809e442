/**
 * Rival readings: a scenario may carry other likelihoods for some of its steps, each with its
 * reason ("a sceptic's reading"). A reading replaces the likelihood of the steps it names and
 * leaves the rest of the scenario as it is; the engine applies it with `withReading`
 * (engine/reading.ts). A value outside the scenario's own band is allowed and marked as a
 * departure, so a reader sees where a reading leaves what the source says.
 */
import { didYouMean } from './diagnostics';
import { bounds, likelihoodHint, toLikelihood, type Likelihood } from './likelihood';
import type { Report, TransitionInfo } from './model';
import type { Scenario } from './schema';

export interface ReadingChange {
	/** The step's index in the model's transitions. */
	transition: number;
	/** Its likelihood in this reading. */
	likelihood: Likelihood;
	reason: string;
	/** Whether the reading's values leave the scenario's own band for the step. */
	departs: boolean;
}

export interface ReadingInfo {
	id: string;
	label: string;
	description?: string;
	/** In the file's order. */
	changes: ReadingChange[];
}

/**
 * Whether `reading`'s likelihood leaves `own`'s band: some value it may take lies outside the
 * values the scenario's own likelihood may take.
 */
export function departs(own: Likelihood, reading: Likelihood): boolean {
	const [low, high] = bounds(own);
	const [rLow, rHigh] = bounds(reading);
	return rLow < low - 1e-12 || rHigh > high + 1e-12;
}

/** The scenario's readings, checked against its transitions; each problem is reported. */
export function buildReadings(
	scenario: Scenario,
	transitions: TransitionInfo[],
	report: Report
): ReadingInfo[] {
	const byId = new Map(transitions.map((t) => [t.id, t]));
	const ids = transitions.map((t) => t.id);
	return Object.entries(scenario.readings ?? {}).map(([id, spec]) => {
		const changes: ReadingChange[] = [];
		for (const [transitionId, change] of Object.entries(spec.likelihoods)) {
			const path = ['readings', id, 'likelihoods', transitionId];
			const t = byId.get(transitionId);
			if (!t) {
				report(
					path,
					`unknown step "${transitionId}"`,
					didYouMean(transitionId, ids) ??
						'name a step by its state path and event, as in crisis.ties.strained:ties.rupture'
				);
				continue;
			}
			if (t.likelihood.kind === 'certain' || t.likelihood.kind === 'rest') {
				report(
					path,
					t.likelihood.kind === 'rest'
						? `"${t.label}" takes the rest of its alternatives; a reading sets the others`
						: `"${t.label}" has no likelihood of its own (it is certain), so a reading cannot change it`,
					t.likelihood.kind === 'rest'
						? 'give the reading a likelihood for one of the steps beside it'
						: 'give the step a likelihood in the scenario first, with "rest" beside it'
				);
				continue;
			}
			const likelihood = toLikelihood(change.likelihood);
			if (typeof likelihood === 'string') {
				report([...path, 'likelihood'], likelihood, likelihoodHint(change.likelihood));
				continue;
			}
			if (likelihood.kind === 'rest' || likelihood.kind === 'certain') {
				report(
					[...path, 'likelihood'],
					'a reading gives a step a term, a value or a range',
					'write a range such as [0.05, 0.3]'
				);
				continue;
			}
			changes.push({
				transition: t.index,
				likelihood,
				reason: change.reason,
				departs: departs(t.likelihood, likelihood)
			});
		}
		return {
			id,
			label: spec.label,
			...(spec.description === undefined ? {} : { description: spec.description }),
			changes
		};
	});
}
