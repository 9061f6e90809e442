/**
 * An expression's names checked against a scenario: every state path, transition id, dimension,
 * choice and option must exist (an unknown one gets "did you mean …"), a choice may be set once
 * per term, a step bound stays within the engine's limit, and a curve (`within 1..8`) is asked
 * only where a question allows it.
 */
import { didYouMean } from '../scenario/diagnostics';
import type { Model } from '../scenario/model';
import { maxMonitors, maxWithin } from '../engine/observe';
import { measuresOf, type Expression, type Measure, type Name, type Within } from './ast';
import { QueryError } from './errors';

export interface CheckOptions {
	/** Whether `within a..b` (a curve) may be asked: in a question, not in a claim. */
	curves?: boolean;
}

/** Every problem with the names of `expression` in `model`, in reading order; [] when none. */
export function checkNames(
	expression: Expression,
	model: Model,
	{ curves = false }: CheckOptions = {}
): QueryError[] {
	return checkMeasures(measuresOf(expression), model, { curves });
}

/** The same check for a list of measures (a question is one measure). */
export function checkMeasures(
	measures: Measure[],
	model: Model,
	{ curves = false }: CheckOptions = {}
): QueryError[] {
	const problems: QueryError[] = [];
	const { scenario } = model;
	const states = [...model.states.keys()].filter((p) => p !== '');
	const transitions = model.transitions.map((t) => t.id);
	const dimensions = Object.keys(scenario.dimensions);
	const choices = Object.entries(scenario.actors).flatMap(([a, actor]) =>
		Object.keys(actor.choices).map((c) => `${a}.${c}`)
	);
	const event = (name: Name) => {
		if (name.text.includes(':')) {
			if (transitions.includes(name.text)) return;
			problems.push(
				new QueryError(
					`unknown transition "${name.text}"`,
					name.start,
					didYouMean(name.text, transitions) ??
						'name a transition by its id, source:event, as `npm run evidence` lists them'
				)
			);
			return;
		}
		if (states.includes(name.text)) return;
		const full = states.filter((p) => p.endsWith(`.${name.text}`));
		problems.push(
			new QueryError(
				`unknown state "${name.text}"`,
				name.start,
				full.length === 1
					? `name states by their full path: ${full[0]}`
					: (didYouMean(name.text, states) ?? 'name a state by its path from the root')
			)
		);
	};
	const within = (w: Within | undefined) => {
		if (!w) return;
		if (w.upTo !== undefined && !curves)
			problems.push(
				new QueryError(
					'a range of steps (a curve) is for a question, not a claim',
					w.start,
					'compare one number of steps, as in within 6'
				)
			);
		const last = w.upTo ?? w.steps;
		if (last > maxWithin)
			problems.push(
				new QueryError(
					`within ${last} steps, over the limit of ${maxWithin}`,
					w.start,
					`ask within at most ${maxWithin} steps`
				)
			);
	};
	for (const m of measures) {
		if (m.kind === 'expectation') {
			if (!dimensions.includes(m.dimension.text))
				problems.push(
					new QueryError(
						`unknown dimension "${m.dimension.text}"`,
						m.dimension.start,
						didYouMean(m.dimension.text, dimensions) ?? 'declare it under dimensions'
					)
				);
		} else {
			event(m.event);
			if (m.kind === 'probability') within(m.within);
		}
		for (const o of m.given) {
			event(o.event);
			within(o.within);
		}
		if (1 + m.given.length > maxMonitors)
			problems.push(
				new QueryError(
					`${m.given.length} observations in one term, over the limit of ${maxMonitors - 1}`,
					m.given[0].start,
					'observe fewer events at once'
				)
			);
		const seen = new Set<string>();
		for (const s of m.under) {
			const key = s.choice.text;
			if (!choices.includes(key)) {
				problems.push(
					new QueryError(
						`unknown choice "${key}"`,
						s.choice.start,
						didYouMean(key, choices) ?? 'write actor.choice, as in russia.response'
					)
				);
				continue;
			}
			if (seen.has(key))
				problems.push(
					new QueryError(`${key} is set twice in one term`, s.choice.start, 'set each choice once')
				);
			seen.add(key);
			const [actor, choice] = key.split('.');
			const options = Object.keys(scenario.actors[actor].choices[choice].options);
			if (!options.includes(s.option.text))
				problems.push(
					new QueryError(
						`"${s.option.text}" is not an option of ${key}`,
						s.option.start,
						didYouMean(s.option.text, options)
					)
				);
		}
	}
	return problems.sort((a, b) => a.offset - b.offset);
}
