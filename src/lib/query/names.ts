/**
 * An expression's names checked against a scenario: every state path, dimension, choice and
 * option must exist (an unknown one gets "did you mean …"), a choice may be set once per term,
 * and the constructs reserved for observations (`within`, `|`) are refused for now.
 */
import { didYouMean } from '../scenario/diagnostics';
import type { Model } from '../scenario/model';
import { measuresOf, type Expression, type Name } from './ast';
import { notYetSupported, QueryError } from './errors';

/** Every problem with the names of `expression` in `model`, in reading order; [] when none. */
export function checkNames(expression: Expression, model: Model): QueryError[] {
	const problems: QueryError[] = [];
	const { scenario } = model;
	const states = [...model.states.keys()].filter((p) => p !== '');
	const dimensions = Object.keys(scenario.dimensions);
	const choices = Object.entries(scenario.actors).flatMap(([a, actor]) =>
		Object.keys(actor.choices).map((c) => `${a}.${c}`)
	);
	const state = (name: Name) => {
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
	for (const m of measuresOf(expression)) {
		if (m.kind === 'probability') {
			state(m.event);
			if (m.within)
				problems.push(
					new QueryError(
						`"within" is ${notYetSupported}`,
						m.within.start,
						'leave out within k for now'
					)
				);
			if (m.given)
				problems.push(
					new QueryError(
						`a condition "|" is ${notYetSupported}`,
						m.given.start,
						'state the condition as settings for now: P(a) under actor.choice=option'
					)
				);
		} else if (!dimensions.includes(m.dimension.text)) {
			problems.push(
				new QueryError(
					`unknown dimension "${m.dimension.text}"`,
					m.dimension.start,
					didYouMean(m.dimension.text, dimensions) ?? 'declare it under dimensions'
				)
			);
		}
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
