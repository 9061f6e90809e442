/**
 * What the listed likely paths cover, in one sentence under the Sankey: "These 10 paths cover
 * 100 % of “Ties ruptured” (13 %)." Below 80 % it says why: the other paths found and what they
 * carry, and the runs the walk did not follow to an end.
 */
import type { MergedPaths } from '../engine/mergedPaths';
import { formatPercent } from '../format/percent';

/** Below this coverage the sentence says where the rest is. */
export const coverageFloor = 0.8;

export interface CoverageSubject {
	/** The outcome the paths lead to, when they lead to one. */
	outcome?: { label: string; probability: number };
	/** For paths keyed by one region's steps: the region's label. */
	region?: string;
}

type Covered = Pick<
	MergedPaths,
	'paths' | 'probability' | 'listed' | 'coverage' | 'found' | 'foundProbability' | 'unexplored'
>;

/**
 * `coverageSentence(mergedPaths(chain, { endingWith: 'crisis.ties.ruptured', mode: 'region' }),
 * { outcome: { label: 'Ties ruptured', probability: 0.129 } })` is
 * "These 4 paths cover 100 % of “Ties ruptured” (13 %)." (no-break spaces before each %).
 */
export function coverageSentence(merged: Covered, subject: CoverageSubject = {}): string {
	const { outcome, region } = subject;
	const n = merged.paths.length;
	if (outcome && (outcome.probability <= 0 || n === 0))
		return `No path ends in “${outcome.label}”: its probability is 0 under these settings.`;
	if (n === 0) return 'No path was found under these settings.';
	const these = n === 1 ? 'This path covers' : `These ${n} paths cover`;
	const of = outcome
		? `“${outcome.label}” (${formatPercent(outcome.probability)})`
		: `all runs${region ? `, counting only their steps in “${region}”` : ''}`;
	const sentence = `${these} ${formatPercent(share(merged.coverage))} of ${of}.`;
	if (merged.coverage >= coverageFloor) return sentence;
	const why: string[] = [];
	const others = merged.found - n;
	const total = merged.probability > 0 ? merged.probability : 1;
	if (others > 0)
		why.push(
			`${others === 1 ? 'one other path' : `${others} other paths`} found carry ${formatPercent(share((merged.foundProbability - merged.listed) / total))}`
		);
	if (merged.unexplored > 0)
		why.push(
			`${formatPercent(share(merged.unexplored / total))} is in runs not followed to an end (around loops)`
		);
	const more = others > 0 ? ' Show more paths to see more of it.' : '';
	return `${sentence} The rest: ${why.join('; ')}.${more}`;
}

/** Sums of floats can land a hair outside [0, 1]. */
function share(x: number): number {
	return Math.min(1, Math.max(0, x));
}
