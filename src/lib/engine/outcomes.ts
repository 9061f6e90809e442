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

/**
 * What a chain's ends mean, worked out once per chain (and cached): its absorbing states, the
 * final states and the joint ending each one stands for, and each dimension's score there. Every
 * later summary (one per solve: thousands in the interval draws) is a few multiply-adds.
 */
interface EndMap {
	compiled: Chain['compiled'];
	/** The absorbing states. */
	ends: Int32Array;
	/** For each end, its final states as indices into `finals` (`finalStart` slices it). */
	finalStart: Int32Array;
	finalIndex: Int32Array;
	/** For each end, its joint ending as an index into `endings`. */
	ending: Int32Array;
	finals: ReturnType<typeof finalStates>;
	/** Each final state's label, as `finals`. */
	finalLabels: string[];
	endings: { outcomes: string[]; label: string }[];
	dimensionIds: string[];
	/** `ends.length × dimensionIds.length`: the summed scores of each end's final states. */
	scores: Float64Array;
}

const endMaps = new WeakMap<Chain, EndMap>();

function endMap(chain: Chain): EndMap {
	const known = endMaps.get(chain);
	if (known && known.compiled === chain.compiled) return known;
	const { model } = chain.compiled;
	const finals = finalStates(chain);
	const finalAt = new Map(finals.map((f, i) => [f.path, i]));
	const dimensionIds = Object.keys(model.scenario.dimensions);
	const ends: number[] = [];
	const finalStart: number[] = [0];
	const finalIndex: number[] = [];
	const ending: number[] = [];
	const endings: EndMap['endings'] = [];
	const endingAt = new Map<string, number>();
	const scores: number[] = [];
	for (let s = 0; s < chain.size; s++) {
		if (!isAbsorbing(chain, s)) continue;
		ends.push(s);
		const leaves = endingOf(chain, s);
		const row = dimensionIds.map(() => 0);
		for (const leaf of leaves) {
			finalIndex.push(finalAt.get(leaf)!);
			const leafScores = model.states.get(leaf)?.outcome?.scores ?? {};
			dimensionIds.forEach((dim, k) => (row[k] += leafScores[dim] ?? 0));
		}
		finalStart.push(finalIndex.length);
		scores.push(...row);
		const key = leaves.join(' + ');
		let e = endingAt.get(key);
		if (e === undefined) {
			e = endings.length;
			endingAt.set(key, e);
			endings.push({
				outcomes: leaves,
				label: leaves.map((leaf) => labelOf(chain, leaf)).join(' + ')
			});
		}
		ending.push(e);
	}
	const map: EndMap = {
		compiled: chain.compiled,
		ends: Int32Array.from(ends),
		finalStart: Int32Array.from(finalStart),
		finalIndex: Int32Array.from(finalIndex),
		ending: Int32Array.from(ending),
		finals,
		finalLabels: finals.map((f) => labelOf(chain, f.path)),
		endings,
		dimensionIds,
		scores: Float64Array.from(scores)
	};
	endMaps.set(chain, map);
	return map;
}

/** Summarise `weight[s]` = probability of ending in absorbing state s. */
export function summarize(chain: Chain, weight: ArrayLike<number>): OutcomeSummary {
	const { indicatorIds } = chain.compiled;
	const map = endMap(chain);
	const byFinal = new Float64Array(map.finals.length);
	const byEnding = new Float64Array(map.endings.length);
	const reached = new Uint8Array(map.endings.length);
	const dims = new Float64Array(map.dimensionIds.length);
	const inds = new Float64Array(indicatorIds.length);
	const width = indicatorIds.length;
	for (let i = 0; i < map.ends.length; i++) {
		const s = map.ends[i];
		const p = weight[s];
		if (p === 0) continue;
		for (let f = map.finalStart[i]; f < map.finalStart[i + 1]; f++) byFinal[map.finalIndex[f]] += p;
		for (let k = 0; k < dims.length; k++) dims[k] += p * map.scores[i * dims.length + k];
		byEnding[map.ending[i]] += p;
		reached[map.ending[i]] = 1;
		for (let k = 0; k < width; k++) inds[k] += p * chain.indicators[s * width + k];
	}
	// Sums of probabilities can stray past 1 by rounding; a probability is never shown outside [0, 1].
	const unit = (p: number) => Math.min(1, Math.max(0, p));
	const endings: Ending[] = [];
	map.endings.forEach((e, i) => {
		if (reached[i])
			endings.push({ outcomes: e.outcomes, label: e.label, probability: unit(byEnding[i]) });
	});
	return {
		outcomes: map.finals.map((s, i) => ({
			id: s.path,
			label: map.finalLabels[i],
			region: s.region,
			probability: unit(byFinal[i]),
			scores: s.outcome?.scores ?? {}
		})),
		endings: endings.sort((a, b) => b.probability - a.probability),
		indicators: Object.fromEntries(indicatorIds.map((id, k) => [id, inds[k]])),
		dimensions: Object.fromEntries(map.dimensionIds.map((id, k) => [id, dims[k]]))
	};
}

function labelOf(chain: Chain, path: string): string {
	const state = chain.compiled.model.states.get(path);
	return state?.outcome?.label ?? state?.label ?? path;
}
