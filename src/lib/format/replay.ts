/**
 * The words of a replay (engine/replay.ts), the same on the page and on the command line: what an
 * event resolves in the model, the probability the model gave it, the surprises first, and the
 * scores with what they mean.
 */
import { surpriseBelow, type RegionScore, type Replay, type ReplayStep } from '../engine/replay';
import type { LoggedEvent, Resolution } from '../scenario/events';
import type { Model } from '../scenario/model';
import { regionLabelsOf } from '../scenario/model';
import { stateLabel } from '../scenario/names';
import { formatPercent } from './percent';

/** What the page and the command line say first: what the log is and what it is not. */
export function replayPreamble(asOf: string): string {
	return `The model is replayed as it stood on ${asOf}, the date of its source, with the scenario's own likelihoods; the event log is a record of public reports of what followed, written in the project's own words, not Brink's own judgment.`;
}

/** `reached “Hezbollah escalates”`, `no counterpart in the model`, `unresolved in the record`. */
export function resolutionText(model: Model, r: Resolution): string {
	switch (r.kind) {
		case 'taken': {
			const t = model.transitions.find((t) => t.id === r.transition);
			return `step taken: “${t?.label ?? r.transition}”`;
		}
		case 'reached':
			return `reached “${stateLabel(model, r.state)}”`;
		case 'outcome':
			return `${r.occurred ? 'ended in' : 'ruled out'} “${stateLabel(model, r.state)}”`;
		case 'none':
			return 'no counterpart in the model';
		case 'unresolved':
			return 'unresolved in the record';
	}
}

/** What an event is in the model, one phrase a resolution, each said once. */
export function inModelText(
	model: Model,
	event: Pick<LoggedEvent, 'resolves'> | undefined
): string[] {
	return [...new Set((event?.resolves ?? []).map((r) => resolutionText(model, r)))];
}

/** The probability the model gave an event beforehand, in words. */
export function beforeText(step: ReplayStep): string {
	if (step.before === undefined) return '—';
	if (step.surprise === 'impossible') return 'impossible';
	return formatPercent(step.before);
}

/** The surprises, most surprising first (impossible, then by probability), each with its reason. */
export function surprises(replay: Replay): ReplayStep[] {
	return replay.steps
		.filter((s) => s.surprise)
		.sort((a, b) => (a.before ?? 0) - (b.before ?? 0) || a.date.localeCompare(b.date));
}

/** Regions whose outcome occurred though the model gave it less than `surpriseBelow` at the start. */
export function outcomeSurprises(replay: Replay): RegionScore[] {
	return replay.scores.filter((s) => s.probability !== undefined && s.probability < surpriseBelow);
}

/** `The northern front ended in “Iran's attack intercepted”, which the model gave 6 % at the start.` */
export function outcomeSurpriseText(model: Model, score: RegionScore): string {
	const region = regionName(model, score.region);
	const given =
		score.probability === 0 ? 'held impossible' : `gave ${formatPercent(score.probability ?? 0)}`;
	return `${region.charAt(0).toUpperCase()}${region.slice(1)} ended in ${outcomeName(model, score.occurred ?? '')}, which the model ${given} at the start.`;
}

/** Every surprise in words, the events held impossible or unlikely first, then the outcomes. */
export function surpriseLines(
	model: Model,
	replay: Replay,
	byId: ReadonlyMap<string, LoggedEvent>
): string[] {
	return [
		...surprises(replay).map((s) => surpriseText(s, byId.get(s.id))),
		...outcomeSurprises(replay).map((s) => outcomeSurpriseText(model, s))
	];
}

/** A region's score in words: the outcome that occurred, the probability given it, the scores. */
export function scoreWords(model: Model, s: RegionScore) {
	return {
		region: regionName(model, s.region),
		occurred: s.occurred ? outcomeName(model, s.occurred) : 'unresolved',
		probability: s.probability === undefined ? '—' : formatPercent(s.probability),
		brier: s.brier === undefined ? '—' : s.brier.toFixed(2),
		log:
			s.log === undefined
				? '—'
				: s.log === -Infinity
					? '−∞ (held impossible)'
					: s.log.toFixed(2).replace('-', '−')
	};
}

/** One line for a surprise: `2025-06-13 ties-hold — the model held it impossible: …`. */
export function surpriseText(step: ReplayStep, event: LoggedEvent | undefined): string {
	const what = event?.what ? ` (${event.what})` : '';
	if (step.surprise === 'impossible')
		return `${step.date} ${step.id}${what} — the model held it impossible: ${step.why?.message ?? 'probability 0'}`;
	return `${step.date} ${step.id}${what} — the model gave it ${formatPercent(step.before ?? 0)}, given the events before it`;
}

/** Region labels with the root's as the scenario's. */
export function regionName(model: Model, region: string): string {
	return region === '' ? 'the scenario' : (regionLabelsOf(model)[region] ?? region);
}

/** An outcome's label: `“Ties ruptured”`. */
export function outcomeName(model: Model, state: string): string {
	return `“${stateLabel(model, state)}”`;
}

/** What the scores mean, one sentence. */
export const scoresNote =
	'Brier score: the sum over a region’s outcomes of (probability − 1 if it occurred, else 0)², from 0 (all on what occurred) to 2 (all on something else). Log score: the natural log of the probability given to what occurred, 0 at best; −∞ when the model held it impossible.';
