/**
 * The analyses below the workspace, one tab each, in the order a reader meets them. The address's
 * hash names the open one (`/scenario/x#paths`), so a link can open it.
 */
export const analysisTabs = [
	{ id: 'sensitivity', label: 'What matters most' },
	{ id: 'assumptions', label: 'Key assumptions' },
	{ id: 'compare', label: 'Compare' },
	{ id: 'paths', label: 'Likely paths' },
	{ id: 'fan', label: 'Escalation over time' },
	{ id: 'events', label: 'What happened next' },
	{ id: 'question', label: 'Ask a question' },
	{ id: 'export', label: 'Export' }
] as const;

export type AnalysisTab = (typeof analysisTabs)[number]['id'];

/** What a scenario has that some tabs need: an event log for "What happened next". */
export interface TabNeeds {
	events: boolean;
}

/** The tabs a scenario shows: all but those whose data it lacks. */
export function tabsFor(needs: TabNeeds): (typeof analysisTabs)[number][] {
	return analysisTabs.filter((t) => t.id !== 'events' || needs.events);
}

/**
 * `tabFromHash('#paths') === 'paths'`; undefined for a hash that names no tab (of `tabs`, when
 * given: a scenario without an event log has no #events).
 */
export function tabFromHash(
	hash: string,
	tabs: readonly { id: AnalysisTab }[] = analysisTabs
): AnalysisTab | undefined {
	const id = hash.replace(/^#/, '');
	return tabs.find((t) => t.id === id)?.id;
}
