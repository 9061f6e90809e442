/**
 * A compiled scenario: the validated model, its XState machine, and the resolved choices and
 * likelihood values an analysis runs with.
 */
import { initialTransition } from 'xstate';
import { didYouMean } from '../scenario/diagnostics';
import { bounds, defaultValue } from '../scenario/likelihood';
import type { Model } from '../scenario/model';
import type { Observation } from './observe';
import type { ReadingInfo } from '../scenario/readings';
import { toMachine, type BrinkMachine, type BrinkSnapshot } from './machine';

export interface Compiled {
	model: Model;
	machine: BrinkMachine;
	indicatorIds: string[];
	/** `actor.choice` → default option. */
	defaultChoices: Record<string, string>;
	/** Under a reading (engine/reading.ts): the scenario's own compiled form, and the reading. */
	base?: Compiled;
	reading?: ReadingInfo;
}

export function compile(model: Model): Compiled {
	const defaultChoices: Record<string, string> = {};
	for (const [actorId, actor] of Object.entries(model.scenario.actors)) {
		for (const [choiceId, choice] of Object.entries(actor.choices)) {
			defaultChoices[`${actorId}.${choiceId}`] = choice.default;
		}
	}
	return {
		model,
		machine: toMachine(model),
		indicatorIds: Object.keys(model.scenario.indicators),
		defaultChoices
	};
}

/**
 * What the user set: choices by `actor.choice`, likelihood values by transition id, and the
 * reading of the source they stand under (a reading's id; none for the scenario's own).
 */
export interface Settings {
	choices?: Record<string, string>;
	reading?: string;
	likelihoods?: Record<string, number>;
	/** What the person marked as observed: every result is then conditioned on it (engine/observe.ts). */
	observations?: Observation[];
}

/** Thrown for settings that name unknown choices, options or transitions. */
export class SettingsError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'SettingsError';
	}
}

/** Defaults overlaid with the user's choices; unknown names are refused with a hint. */
export function resolveChoices(
	compiled: Compiled,
	overrides: Record<string, string> = {}
): Record<string, string> {
	const choices = { ...compiled.defaultChoices };
	for (const [key, option] of Object.entries(overrides)) {
		if (!Object.hasOwn(choices, key)) {
			throw new SettingsError(
				`unknown choice "${key}"${hintText(didYouMean(key, Object.keys(choices)))}`
			);
		}
		const [actorId, choiceId] = key.split('.');
		const options = Object.keys(compiled.model.scenario.actors[actorId].choices[choiceId].options);
		if (!options.includes(option)) {
			throw new SettingsError(
				`"${option}" is not an option of ${key}${hintText(didYouMean(option, options))}`
			);
		}
		choices[key] = option;
	}
	return choices;
}

function hintText(hint: string | undefined): string {
	return hint ? ` (${hint})` : '';
}

/**
 * One value per transition: its likelihood (the middle of a range unless overridden; NaN for
 * `rest`). An override must stay inside the transition's range.
 */
export function likelihoodValues(
	compiled: Compiled,
	overrides: Record<string, number> = {}
): Float64Array {
	const { transitions } = compiled.model;
	const values = Float64Array.from(transitions, (t) => defaultValue(t.likelihood));
	for (const [id, value] of Object.entries(overrides)) {
		const t = transitions.find((x) => x.id === id);
		if (!t)
			throw new SettingsError(
				`unknown transition "${id}"${hintText(
					didYouMean(
						id,
						transitions.map((x) => x.id)
					)
				)}`
			);
		if (t.likelihood.kind !== 'range')
			throw new SettingsError(`transition "${id}" has no likelihood range to set`);
		const [low, high] = bounds(t.likelihood);
		if (!(value >= low && value <= high)) {
			throw new SettingsError(
				`likelihood ${value} of "${id}" is outside its range [${low}, ${high}]`
			);
		}
		values[t.index] = value;
	}
	return values;
}

/** The initial snapshot for a set of choices. */
export function initialSnapshot(
	compiled: Compiled,
	choices: Record<string, string>
): BrinkSnapshot {
	return initialTransition(compiled.machine, { choices })[0] as BrinkSnapshot;
}
