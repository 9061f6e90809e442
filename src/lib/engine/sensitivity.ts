/**
 * One-at-a-time sensitivity of one outcome: for each actor choice, the outcome's probability under
 * every option; for each ranged likelihood that can fire, its probability at the low and the high
 * end of the range. Everything else stays at the current settings. Likelihood swings re-weight the
 * explored chain (no new exploration); only a choice swing explores again.
 */
import { withReading } from './reading';
import { didYouMean } from '../scenario/diagnostics';
import type { TransitionInfo } from '../scenario/model';
import type { Condition } from '../scenario/schema';
import { analyze, type KnownChain } from './analyze';
import { SettingsError, type Compiled, type Settings } from './compile';
import { explore, reweight } from './explore';
import { components, solveExact, type ExactResult } from './solve';

export interface SensitivityEvidence {
	transition: string;
	quote: string;
	stance: string;
}

export interface SensitivityBar {
	kind: 'choice' | 'likelihood';
	/** `actor.choice` or a transition id. */
	id: string;
	label: string;
	low: number;
	high: number;
	/** The option (choice) or likelihood value (likelihood) that gives `low` and `high`. */
	lowAt: string | number;
	highAt: string | number;
	effect: number;
	/** For a choice, the outcome's probability under each option. */
	values?: Record<string, number>;
	/** Ids of the transitions the factor acts on. */
	transitions: string[];
	evidence: SensitivityEvidence[];
}

export interface SensitivityResult {
	outcome: string;
	label: string;
	base: number;
	choices: Record<string, string>;
	bars: SensitivityBar[];
	milliseconds: number;
}

/**
 * Bars for `outcomeId`, largest effect first.
 * `sensitivity(ladder, {}, 'war').bars[0]` is `{ id: 'west.posture', low: 0, high: 0.3, … }`.
 */
export function sensitivity(
	scenario: Compiled,
	settings: Settings,
	outcomeId: string,
	known?: KnownChain
): SensitivityResult {
	const compiled = withReading(scenario, settings.reading);
	const analysis = analyze(compiled, settings, known);
	const found = analysis.exact.outcomes.find((o) => o.id === outcomeId);
	if (!found) {
		const ids = analysis.exact.outcomes.map((o) => o.id);
		const hint = didYouMean(outcomeId, ids);
		throw new SettingsError(`unknown outcome "${outcomeId}"${hint ? ` (${hint})` : ''}`);
	}
	const probabilityIn = (result: ExactResult) =>
		result.outcomes.find((o) => o.id === outcomeId)?.probability ?? 0;
	const { transitions } = compiled.model;
	const start = performance.now();
	const bars: SensitivityBar[] = [];

	for (const [actorId, actor] of Object.entries(compiled.model.scenario.actors)) {
		for (const [choiceId, choice] of Object.entries(actor.choices)) {
			const key = `${actorId}.${choiceId}`;
			const values: Record<string, number> = {};
			for (const option of Object.keys(choice.options)) {
				values[option] =
					option === analysis.choices[key]
						? found.probability
						: probabilityIn(
								solveExact(
									explore(compiled, { ...analysis.choices, [key]: option }, analysis.values)
								)
							);
			}
			const acts = transitions.filter((t) => t.when.some((c) => mentions(c, key)));
			bars.push({
				kind: 'choice',
				id: key,
				label: choice.label,
				...swing(values),
				values,
				...cited(acts)
			});
		}
	}

	const { chain } = analysis;
	const used = new Set(chain.edgeTransition);
	const order = components(chain);
	const probabilities = new Float64Array(chain.edgeTarget.length);
	for (const t of transitions) {
		if (t.likelihood.kind !== 'range' || !used.has(t.index)) continue;
		const at = (value: number) => {
			const draw = analysis.values.slice();
			draw[t.index] = value;
			return probabilityIn(solveExact(chain, reweight(chain, draw, probabilities), order));
		};
		const { low, high } = t.likelihood;
		const ends = swing({ [low]: at(low), [high]: at(high) });
		const acts = transitions.filter((x) => x.source === t.source);
		bars.push({
			kind: 'likelihood',
			id: t.id,
			label: t.label,
			...ends,
			lowAt: Number(ends.lowAt),
			highAt: Number(ends.highAt),
			...cited(acts)
		});
	}
	const milliseconds = performance.now() - start;
	bars.sort((a, b) => b.effect - a.effect || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	return {
		outcome: outcomeId,
		label: found.label,
		base: found.probability,
		choices: analysis.choices,
		bars,
		milliseconds
	};
}

/** The smallest and largest value and where each is reached (on ties, the first low, the last high). */
function swing(values: Record<string, number>) {
	const entries = Object.entries(values);
	let [lowAt, low] = entries[0];
	let [highAt, high] = entries[0];
	for (const [at, v] of entries) {
		if (v < low) [lowAt, low] = [at, v];
		if (v >= high) [highAt, high] = [at, v];
	}
	return { low, high, lowAt, highAt, effect: high - low };
}

/** Whether a condition names the choice, at any depth of all/any/not. */
export function mentions(c: Condition, choice: string): boolean {
	if ('all' in c) return c.all.some((x) => mentions(x, choice));
	if ('any' in c) return c.any.some((x) => mentions(x, choice));
	if ('not' in c) return mentions(c.not, choice);
	return 'choice' in c && c.choice === choice;
}

function cited(acts: TransitionInfo[]) {
	return {
		transitions: acts.map((t) => t.id),
		evidence: acts.flatMap((t) =>
			t.evidence.map((e) => ({ transition: t.id, quote: e.quote, stance: e.stance }))
		)
	};
}
