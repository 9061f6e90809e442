/** The options of `mergedPaths`, and their check. */
import type { Chain } from './explore';

export type MergeMode = 'joint' | 'region';

export interface MergeOptions {
	/** `joint` (default): every region's steps; `region`: one region's steps. */
	mode?: MergeMode;
	/** For `region`: the region (`crisis.ties`); by default the region `endingWith` ends. */
	region?: string;
	/** A final-state leaf path: only runs that end there count (default: every run). */
	endingWith?: string;
	/** Paths listed (default 10). */
	count?: number;
	/** Most expansions of the walk; what is left is reported as `unexplored` (default 200,000). */
	maxExpansions?: number;
}

/**
 * The keyed region for the options ('' for `joint`), after checking them:
 * `checkMergeOptions(chain, { mode: 'region', endingWith: 'crisis.ties.ruptured' }) === 'crisis.ties'`.
 * Throws a RangeError naming the bad option and what it may be.
 */
export function checkMergeOptions(chain: Chain, options: MergeOptions): string {
	const { mode = 'joint', region, endingWith, count = 10, maxExpansions = 200_000 } = options;
	const { model } = chain.compiled;
	for (const [name, value] of Object.entries({ count, maxExpansions })) {
		if (!Number.isInteger(value) || value < 1)
			throw new RangeError(`invalid ${name}: ${value} (expected a positive integer)`);
	}
	if (endingWith !== undefined && model.states.get(endingWith)?.kind !== 'final') {
		const finals = [...model.states.values()].filter((s) => s.kind === 'final').map((s) => s.path);
		throw new RangeError(
			`invalid endingWith: unknown final state "${endingWith}" (expected one of ${finals.join(', ')})`
		);
	}
	if (mode === 'joint') {
		if (region !== undefined)
			throw new RangeError(`invalid region: "${region}" (a region applies to mode 'region')`);
		return '';
	}
	if (mode !== 'region')
		throw new RangeError(`invalid mode: "${String(mode)}" (expected 'joint' or 'region')`);
	const chosen =
		region ?? (endingWith === undefined ? undefined : model.states.get(endingWith)?.region);
	if (chosen === undefined)
		throw new RangeError("invalid region: mode 'region' needs a region or an endingWith");
	if (!model.regions.includes(chosen))
		throw new RangeError(
			`invalid region: unknown region "${chosen}" (expected one of ${model.regions.map((r) => `"${r}"`).join(', ')})`
		);
	return chosen;
}
