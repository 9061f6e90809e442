/**
 * What happened next, replayed against the model as it stood at the source's date: each logged
 * event in date order with the probability the model gave it beforehand (given the events before
 * it), the outcomes' probabilities after it, and per region the probability the model gave, at the
 * start, to the outcome that occurred, with its Brier and log scores. An event the model held
 * impossible is said so loudly and not conditioned on (the model cannot follow past it); the
 * replay goes on with the events it can follow.
 */
import { analyze } from './analyze';
import type { Compiled, Settings } from './compile';
import { checkObservations, ObserveError, Observed, type Observation } from './observe';
import type { OutcomeProbability } from './outcomes';
import { limits } from '../scenario/limits';

/** What an event resolves in the model (the event log's `resolves:`, scenario/events.ts). */
export type Resolution =
	| { kind: 'taken'; transition: string }
	| { kind: 'reached'; state: string }
	| { kind: 'outcome'; state: string; occurred: boolean }
	| { kind: 'none'; reason: string }
	| { kind: 'unresolved'; reason: string };

/** The part of a logged event the replay reads. */
export interface ReplayEvent {
	id: string;
	date: string;
	resolves: Resolution[];
}

/** Below this prior probability an event the model could follow is flagged as a surprise. */
export const surpriseBelow = 0.1;

export interface ReplayStep {
	id: string;
	date: string;
	/** What the event says in the model, as observations; [] when it has no counterpart. */
	observations: Observation[];
	/**
	 * The probability the model gave the event (all its observations together) given the events
	 * before it that it could follow; undefined when the event has no counterpart in the model.
	 */
	before?: number;
	/** `impossible`: the model held it impossible (or certain the other way); `unlikely`: below 10 %. */
	surprise?: 'impossible' | 'unlikely';
	/** Why the model held it impossible (the step, the choice or the pair that rules it out). */
	why?: { message: string; hint: string };
	/** Outcome probabilities given every event so far that the model could follow. */
	after: OutcomeProbability[];
	/** Whether it has no counterpart (`none`) or is unresolved in the record. */
	counterpart: 'model' | 'none' | 'unresolved';
}

export interface RegionScore {
	region: string;
	/** The outcome that occurred (by the log), or undefined when the record leaves it unresolved. */
	occurred?: string;
	/** The probability the model gave that outcome at the source's date. */
	probability?: number;
	/** Σ over the region's outcomes of (p − [occurred])²: 0 is perfect, 2 the worst. */
	brier?: number;
	/** ln p of the outcome that occurred: 0 is perfect; −Infinity when the model held it impossible. */
	log?: number;
}

export interface Replay {
	/** Outcome probabilities at the source's date (no event observed). */
	start: OutcomeProbability[];
	steps: ReplayStep[];
	scores: RegionScore[];
	/** The observations the model could follow, all together, and their probability at the start. */
	followed: { observations: Observation[]; probability: number };
}

/** An event's resolutions as observations (none for `none` and `unresolved`). */
export function observationsOfEvent(event: ReplayEvent): Observation[] {
	return event.resolves.flatMap((r): Observation[] => {
		switch (r.kind) {
			case 'taken':
				return [{ event: r.transition, happened: true }];
			case 'reached':
				return [{ event: r.state, happened: true }];
			case 'outcome':
				return [{ event: r.state, happened: r.occurred }];
			default:
				return [];
		}
	});
}

/** Replay `events` (in date order; ties keep the log's order) under `settings` (default: the scenario's own). */
export function replay(compiled: Compiled, events: ReplayEvent[], settings: Settings = {}): Replay {
	const { chain, exact } = analyze(compiled, settings);
	const model = compiled.model;
	const max = limits.maxReachable;
	const ordered = events
		.map((e, i) => ({ e, i }))
		.sort((a, b) => (a.e.date < b.e.date ? -1 : a.e.date > b.e.date ? 1 : a.i - b.i))
		.map(({ e }) => e);
	let followed: Observation[] = [];
	let pFollowed = 1;
	let current = exact.outcomes;
	const steps: ReplayStep[] = [];
	for (const event of ordered) {
		const observations = observationsOfEvent(event);
		const counterpart = event.resolves.some((r) => r.kind === 'unresolved')
			? 'unresolved'
			: observations.length === 0
				? 'none'
				: 'model';
		if (observations.length === 0) {
			steps.push({ id: event.id, date: event.date, observations, after: current, counterpart });
			continue;
		}
		const together = [...followed, ...observations];
		const observed = new Observed(chain, [], together, max);
		const pTogether = observed.chance(observed.weights())[0];
		const before = pFollowed > 0 ? pTogether / pFollowed : 0;
		if (pTogether <= 0) {
			let why = { message: 'the model gives it probability 0', hint: '' };
			try {
				checkObservations(chain, together, chain.edgeProbability, max);
			} catch (error) {
				if (error instanceof ObserveError) why = { message: error.message, hint: error.hint };
				else throw error;
			}
			steps.push({
				id: event.id,
				date: event.date,
				observations,
				before: 0,
				surprise: 'impossible',
				why,
				after: current,
				counterpart
			});
			continue;
		}
		followed = together;
		pFollowed = pTogether;
		current = observed.solve(observed.condition(observed.weights()).weights).outcomes;
		steps.push({
			id: event.id,
			date: event.date,
			observations,
			before,
			...(before < surpriseBelow && { surprise: 'unlikely' as const }),
			after: current,
			counterpart
		});
	}
	return {
		start: exact.outcomes,
		steps,
		scores: scoreRegions(model.regions, exact.outcomes, ordered),
		followed: { observations: followed, probability: pFollowed }
	};
}

/**
 * Per region with outcomes: the outcome that occurred (the log's last `outcome … occurred` in the
 * region, or the one left when the log rules out all the others) and its scores.
 */
function scoreRegions(
	regions: string[],
	start: OutcomeProbability[],
	events: ReplayEvent[]
): RegionScore[] {
	const resolutions = events.flatMap((e) => e.resolves);
	return regions
		.map((region) => start.filter((o) => o.region === region))
		.filter((outcomes) => outcomes.length > 0)
		.map((outcomes) => {
			const region = outcomes[0].region;
			const ids = new Set(outcomes.map((o) => o.id));
			let occurred: string | undefined;
			const ruledOut = new Set<string>();
			for (const r of resolutions)
				if (r.kind === 'outcome' && ids.has(r.state)) {
					if (r.occurred) occurred = r.state;
					else ruledOut.add(r.state);
				}
			if (!occurred) {
				const left = outcomes.filter((o) => !ruledOut.has(o.id));
				if (left.length === 1 && ruledOut.size > 0) occurred = left[0].id;
			}
			if (!occurred) return { region };
			const p = outcomes.find((o) => o.id === occurred)!.probability;
			return {
				region,
				occurred,
				probability: p,
				brier: outcomes.reduce(
					(sum, o) => sum + (o.probability - (o.id === occurred ? 1 : 0)) ** 2,
					0
				),
				log: p > 0 ? Math.log(p) : -Infinity
			};
		});
}
