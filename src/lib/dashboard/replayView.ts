/**
 * "What happened next" as the page shows it: the replay (engine/replay.ts) of a scenario's event
 * log in words — the surprises first, then each event with its report, what it is in the model,
 * the probability the model gave it and the outcomes it moved, then the scores by region. Pure.
 */
import type { Replay } from '$lib/engine/replay';
import { formatPercent } from '$lib/format/percent';
import * as words from '$lib/format/replay';
import type { EventLog } from '$lib/scenario/events';
import type { Model } from '$lib/scenario/model';

/** An outcome that an event moved by a whole point or more. */
export interface Moved {
	label: string;
	from: string;
	to: string;
}

export interface EventRow {
	id: string;
	date: string;
	/** `until` for an event that spans days. */
	until?: string;
	what: string;
	report: { kind: string; outlet: string; title: string; date: string; url?: string };
	/** What it is in the model, one phrase a resolution. */
	inModel: string[];
	/** The probability the model gave it beforehand, in words ('—' without a counterpart). */
	before: string;
	surprise?: 'impossible' | 'unlikely';
	/** Why the model held it impossible. */
	why?: string;
	moved: Moved[];
}

export interface ScoreRow {
	region: string;
	occurred: string;
	probability: string;
	brier: string;
	log: string;
}

export interface ReplayView {
	preamble: string;
	surprises: string[];
	events: EventRow[];
	scores: ScoreRow[];
	scoresNote: string;
}

/** Changes of at least this much (a whole point) count as moving an outcome. */
const movedBy = 0.005;

export function replayView(model: Model, log: EventLog, replay: Replay): ReplayView {
	const byId = new Map(log.events.map((e) => [e.id, e]));
	const labelOf = (id: string, region: string) =>
		`${words.outcomeName(model, id)}${region ? ` (${words.regionName(model, region)})` : ''}`;
	const events = replay.steps.map((step, i): EventRow => {
		const event = byId.get(step.id)!;
		const previous = i === 0 ? replay.start : replay.steps[i - 1].after;
		const moved = step.after
			.map((o, k) => ({ o, from: previous[k].probability }))
			.filter(({ o, from }) => Math.abs(o.probability - from) >= movedBy)
			.map(({ o, from }) => ({
				label: labelOf(o.id, o.region),
				from: formatPercent(from),
				to: formatPercent(o.probability)
			}));
		return {
			id: step.id,
			date: step.date,
			...(event.until && { until: event.until }),
			what: event.what,
			report: event.report,
			inModel: words.inModelText(model, event),
			before: words.beforeText(step),
			...(step.surprise && { surprise: step.surprise }),
			...(step.why && { why: step.why.message }),
			moved
		};
	});
	return {
		preamble: words.replayPreamble(log.asOf),
		surprises: words.surpriseLines(model, replay, byId),
		events,
		scores: replay.scores.map((s) => words.scoreWords(model, s)),
		scoresNote: words.scoresNote
	};
}
