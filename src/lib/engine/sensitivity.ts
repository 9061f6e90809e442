/**
 * One-at-a-time sensitivity of one outcome: for each actor choice, the outcome's probability under
 * every option; for each ranged likelihood that can fire, its probability at the low and the high
 * end of the range. Everything else stays at the current settings. Likelihood swings re-weight the
 * explored chain (no new exploration); only a choice swing explores again.
 *
 * Under observations (`settings.observations`) every point is conditioned on them as the outcomes
 * are (`analyze`, and `solverFor` for a swept likelihood); a point under which the observations
 * cannot happen is left out of its bar and named in `impossibleAt`.
 */
import { withReading } from './reading';
import { didYouMean } from '../scenario/diagnostics';
import type { TransitionInfo } from '../scenario/model';
import type { Condition } from '../scenario/schema';
import { analyze, type KnownChain } from './analyze';
import { SettingsError, type Compiled, type Settings } from './compile';
import { reweight } from './explore';
import { ObserveError } from './observe';
import type { ExactResult } from './solve';
import { solverFor } from './solveUnder';

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
	/** For a choice, the outcome's probability under each option (the possible ones). */
	values?: Record<string, number>;
	/**
	 * Under observations: the options (choice) or likelihood values (likelihood) under which the
	 * observations cannot happen, left out of the bar.
	 */
	impossibleAt?: (string | number)[];
	/** Ids of the transitions the factor acts on. */
	transitions: string[];
	evidence: SensitivityEvidence[];
}

export interface SensitivityResult {
	outcome: string;
	label: string;
	base: number;
	/** Under observations: the outcome's probability before them. */
	unconditionedBase?: number;
	choices: Record<string, string>;
	bars: SensitivityBar[];
	/** Under observations: factors under whose every point the observations cannot happen. */
	leftOut?: { kind: 'choice' | 'likelihood'; id: string; label: string }[];
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
	const leftOut: NonNullable<SensitivityResult['leftOut']> = [];
	/** The probability under each point, the impossible points apart; false when none is possible. */
	const sweep = (points: [string, number | undefined][]) => {
		const values: Record<string, number> = {};
		const impossibleAt: string[] = [];
		for (const [at, p] of points)
			if (p === undefined) impossibleAt.push(at);
			else values[at] = p;
		if (Object.keys(values).length === 0) return false;
		return { values, ...(impossibleAt.length > 0 && { impossibleAt }) };
	};

	for (const [actorId, actor] of Object.entries(compiled.model.scenario.actors)) {
		for (const [choiceId, choice] of Object.entries(actor.choices)) {
			const key = `${actorId}.${choiceId}`;
			const at = (option: string): number | undefined => {
				if (option === analysis.choices[key]) return found.probability;
				try {
					const choices = { ...analysis.choices, [key]: option };
					return probabilityIn(analyze(compiled, { ...settings, choices }).exact);
				} catch (error) {
					if (error instanceof ObserveError) return undefined;
					throw error;
				}
			};
			const swept = sweep(Object.keys(choice.options).map((o) => [o, at(o)]));
			// The current option is always possible (the analysis above stands on it).
			if (!swept) continue;
			const acts = transitions.filter((t) => t.when.some((c) => mentions(c, key)));
			bars.push({
				kind: 'choice',
				id: key,
				label: choice.label,
				...swing(swept.values),
				...swept,
				...cited(acts)
			});
		}
	}

	const chain = analysis.explored;
	const used = new Set(chain.edgeTransition);
	const solve = solverFor(chain, analysis.observed?.conditioned);
	const probabilities = new Float64Array(chain.edgeTarget.length);
	for (const t of transitions) {
		if (t.likelihood.kind !== 'range' || !used.has(t.index)) continue;
		const at = (value: number) => {
			const draw = analysis.values.slice();
			draw[t.index] = value;
			const solved = solve(reweight(chain, draw, probabilities));
			return solved && probabilityIn(solved);
		};
		const { low, high } = t.likelihood;
		const swept = sweep([
			[String(low), at(low)],
			[String(high), at(high)]
		]);
		if (!swept) {
			leftOut.push({ kind: 'likelihood', id: t.id, label: t.label });
			continue;
		}
		const ends = swing(swept.values);
		const acts = transitions.filter((x) => x.source === t.source);
		bars.push({
			kind: 'likelihood',
			id: t.id,
			label: t.label,
			...ends,
			lowAt: Number(ends.lowAt),
			highAt: Number(ends.highAt),
			...(swept.impossibleAt && { impossibleAt: swept.impossibleAt.map(Number) }),
			...cited(acts)
		});
	}
	const milliseconds = performance.now() - start;
	bars.sort((a, b) => b.effect - a.effect || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	return {
		outcome: outcomeId,
		label: found.label,
		base: found.probability,
		...(analysis.unconditioned && {
			unconditionedBase: probabilityIn(analysis.unconditioned)
		}),
		choices: analysis.choices,
		bars,
		...(leftOut.length > 0 && { leftOut }),
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
