/**
 * The stances an evidence entry can take, and what each means (docs/scenario-format.md,
 * "Evidence"). The schema's enumeration and the editor's stance picker both read `stances`, so a
 * new stance is added here once and `stanceMeanings` will not compile until it is explained.
 */
export const stances = ['supports', 'contradicts', 'context'] as const;

export type Stance = (typeof stances)[number];

/** What a stance says about the step, in a few words (`supports`: "the passage says …"). */
export const stanceMeanings: Record<Stance, string> = {
	supports: 'the passage says this step happens, or is likely',
	contradicts: 'the passage argues against this step',
	context: 'background that neither states nor denies the step'
};
