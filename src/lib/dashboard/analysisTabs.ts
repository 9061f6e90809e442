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
	{ id: 'question', label: 'Ask a question' },
	{ id: 'export', label: 'Export' }
] as const;

export type AnalysisTab = (typeof analysisTabs)[number]['id'];

/** `tabFromHash('#paths') === 'paths'`; undefined for a hash that names no tab. */
export function tabFromHash(hash: string): AnalysisTab | undefined {
	const id = hash.replace(/^#/, '');
	return analysisTabs.find((t) => t.id === id)?.id;
}
