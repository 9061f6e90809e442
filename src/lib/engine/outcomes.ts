/**
 * From a distribution over a chain's absorbing states to what a person reads: each outcome's
 * probability, the joint endings, expected indicator values and expected dimension scores.
 * Exact analysis and Monte Carlo share this, so they report the same things the same way.
 */
import { endingOf, isAbsorbing, type Chain } from './explore';

export interface OutcomeProbability {
	/** The final state's path, such as `ties.ruptured`. */
	id: string;
	label: string;
	/** The region the outcome ends ('' for a scenario without parallel regions). */
	region: string;
	probability: number;
	scores: Record<string, number>;
}

export interface Ending {
	/** The final states reached together, one per region. */
	outcomes: string[];
	label: string;
	probability: number;
}

export interface OutcomeSummary {
	outcomes: OutcomeProbability[];
	endings: Ending[];
	/** Expected indicator values at the end. */
	indicators: Record<string, number>;
	/** Expected score on each dimension (outcomes' scores add up across regions). */
	dimensions: Record<string, number>;
}

/** Every final state of the model, in document order. */
export function finalStates(chain: Chain) {
	return [...chain.compiled.model.states.values()].filter((s) => s.kind === 'final');
}

/** Summarise `weight[s]` = probability of ending in absorbing state s. */
export function summarize(chain: Chain, weight: ArrayLike<number>): OutcomeSummary {
	const { model, indicatorIds } = chain.compiled;
	const finals = finalStates(chain);
	const byFinal = new Map(finals.map((s) => [s.path, 0]));
	const endings = new Map<string, Ending>();
	const indicators = Object.fromEntries(indicatorIds.map((id) => [id, 0]));
	const dimensions = Object.fromEntries(
		Object.keys(model.scenario.dimensions).map((id) => [id, 0])
	);
	for (let s = 0; s < chain.size; s++) {
		const p = weight[s];
		if (!isAbsorbing(chain, s) || p === 0) continue;
		const ending = endingOf(chain, s);
		for (const leaf of ending) {
			byFinal.set(leaf, (byFinal.get(leaf) ?? 0) + p);
			for (const [dim, score] of Object.entries(model.states.get(leaf)?.outcome?.scores ?? {})) {
				dimensions[dim] += p * score;
			}
		}
		const key = ending.join(' + ');
		const entry = endings.get(key) ?? {
			outcomes: ending,
			label: ending.map((leaf) => labelOf(chain, leaf)).join(' + '),
			probability: 0
		};
		entry.probability += p;
		endings.set(key, entry);
		indicatorIds.forEach(
			(id, k) => (indicators[id] += p * chain.indicators[s * indicatorIds.length + k])
		);
	}
	return {
		outcomes: finals.map((s) => ({
			id: s.path,
			label: labelOf(chain, s.path),
			region: s.region,
			probability: byFinal.get(s.path) ?? 0,
			scores: s.outcome?.scores ?? {}
		})),
		endings: [...endings.values()].sort((a, b) => b.probability - a.probability),
		indicators,
		dimensions
	};
}

function labelOf(chain: Chain, path: string): string {
	const state = chain.compiled.model.states.get(path);
	return state?.outcome?.label ?? state?.label ?? path;
}
