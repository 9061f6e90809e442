/**
 * The kinds of public report a signpost watches for and an event log cites (docs/scenario-format.md,
 * "Signposts" and "Event logs"). The schema's enumeration reads `reportKinds`, so a new kind is
 * added here once and `reportKindMeanings` will not compile until it is explained.
 */
export const reportKinds = [
	'official statement',
	'wire report',
	'news report',
	'investigative report',
	'satellite imagery',
	'open-source tracking',
	'analysis'
] as const;

export type ReportKind = (typeof reportKinds)[number];

/** What each kind of report is, in a few words. */
export const reportKindMeanings: Record<ReportKind, string> = {
	'official statement': 'a government, military or party says it on the record',
	'wire report': 'a news agency (Reuters, AP, AFP) reports it',
	'news report': 'a newspaper or broadcaster reports it',
	'investigative report': 'a newspaper reconstructs it from documents and sources',
	'satellite imagery': 'commercial satellite pictures show it',
	'open-source tracking': 'public flight, ship or social-media traces show it',
	analysis: 'a think tank or analyst infers it from other reports'
};
