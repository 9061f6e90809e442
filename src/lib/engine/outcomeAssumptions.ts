/**
 * What an outcome rests on beyond its sources: the steps on its runs that no quote supports,
 * weighted by how much of its probability passes through each (see `flowInto`).
 */
import { isAncestorOrSelf, isSupported } from '../scenario/model';
import type { Analysis } from './analyze';
import { isAbsorbing } from './explore';
import { flowInto, reachProbability } from './reach';

export interface AssumptionShare {
	transition: string;
	label: string;
	region: string;
	/**
	 * Whether the step is in the region whose steps key the paths. A step of another region is
	 * listed only when the outcome depends on it: when the share of the outcome's runs that take it
	 * differs from the share of all runs (in regions that never look at each other, they are equal).
	 */
	onPaths: boolean;
	/** The assumption's text; absent when the step has only context or contradicting quotes. */
	assumption?: string;
	/** The outcome's probability that passes through the step, and that over the whole. */
	probability: number;
	share: number;
}

/**
 * The steps without a supporting quote that carry some of the outcome's probability, most carried
 * first: `outcomeAssumptions(analysis, 'war', '')[0].share` is the share of war's runs that take
 * the likeliest-used assumption. Steps outside `region` (the region keying the paths) are kept
 * only when the outcome depends on them.
 */
export function outcomeAssumptions(
	{ chain, exact }: Pick<Analysis, 'chain' | 'exact'>,
	outcome: string,
	region: string
): AssumptionShare[] {
	const counts = (s: number) => isAbsorbing(chain, s) && chain.leaves[s].includes(outcome);
	const reach = reachProbability(chain, counts);
	const flow = flowInto(chain, reach, chain.edgeProbability, exact.visits);
	const probability = reach[0];
	const result: AssumptionShare[] = [];
	for (const t of chain.compiled.model.transitions) {
		if (flow[t.index] <= 0 || isSupported(t)) continue;
		const share = flow[t.index] / probability;
		const onPaths = isAncestorOrSelf(region, t.region);
		if (!onPaths && Math.abs(share - exact.transitionFlow[t.index]) <= 1e-9) continue;
		result.push({
			transition: t.id,
			label: t.label,
			region: t.region,
			onPaths,
			...(t.assumption !== undefined && { assumption: t.assumption }),
			probability: flow[t.index],
			share
		});
	}
	return result.sort((a, b) => b.probability - a.probability);
}
