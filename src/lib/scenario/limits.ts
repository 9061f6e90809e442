/**
 * Named limits (docs/scenario-format.md lists them): every refusal says the limit's value in words
 * ("over the limit of 1,000,000 bytes"), never its name, which is for the code and the docs.
 */
export const limits = {
	/** Largest scenario or source file read, in bytes. */
	maxFileBytes: 1_000_000,
	/** Deepest nesting of lists and mappings in a scenario file, checked before the YAML parser runs. */
	maxNestingDepth: 64,
	/** Most nodes the YAML aliases of one file may expand to (billion laughs). */
	maxAliasCount: 100,
	/** Most places one quote may match in its source before it is refused as ambiguous. */
	maxQuoteMatches: 1_000,
	/** Most characters of source text the quotes of one file may search, all quotes together. */
	maxAnchorCharacters: 200_000_000,
	/** Most state nodes in one scenario. */
	maxStates: 500,
	/** Most transitions in one scenario. */
	maxTransitions: 2_000,
	/** Most reachable (state, indicators) pairs the exact analysis explores. */
	maxReachable: 200_000,
	/** Most states the validator's check explores across all the combinations of choices. */
	maxCheckStates: 1_000_000,
	/** Largest strongly connected block of the chain solved densely. */
	maxLoopBlock: 600,
	/** Most choice combinations the validator explores one by one. */
	maxChoiceCombinations: 1_024,
	/** Most Monte Carlo runs in one call. */
	maxRuns: 50_000_000,
	/** Longest share link query read, in characters; the rest is ignored, and said to be. */
	maxLinkLength: 8_000,
	/** Most steps one Monte Carlo run may take before it is counted as unfinished. */
	maxStepsPerRun: 10_000,
	/**
	 * Most exact solves the check whether a scenario's claims are built in may take (choice
	 * combinations × likelihood points × terms); past it the check is refused before it starts.
	 */
	maxClaimSolves: 500_000
} as const;
