/**
 * The views a page can embed (/embed/<id>?<share query>&view=<view>): one chart or the
 * step-through, with the settings of the share link (share.ts). The `view` part is the embed's
 * own; the rest is the dashboard's query, read as the dashboard reads it.
 */
import type { Dashboard } from './dashboard.svelte';

/** Each view, in the order the export panel offers them, with its name for people. */
export const embedViewLabels = {
	outcomes: 'Probability of each outcome',
	dimensions: 'Expected scores',
	steps: 'Step-through',
	sensitivity: 'What matters most',
	compare: 'Compare with the baseline',
	paths: 'Likely paths',
	fan: 'Escalation over time'
} as const;

export type EmbedView = keyof typeof embedViewLabels;

/** The view an embed shows when its link names none. */
export const defaultEmbedView: EmbedView = 'outcomes';

/** What a scenario and its settings have to show beyond the charts every scenario has. */
export interface EmbedFeatures {
	/** The scenario has scores (dimensions). */
	dimensions: boolean;
	/** The scenario has numeric indicators to follow over time. */
	indicators: boolean;
	/** The link pins a baseline to compare with. */
	baseline: boolean;
}

/** The views there is something to show in: `embedViews({ dimensions: false, … })`. */
export function embedViews(has: EmbedFeatures): EmbedView[] {
	const needs: Partial<Record<EmbedView, keyof EmbedFeatures>> = {
		dimensions: 'dimensions',
		fan: 'indicators',
		compare: 'baseline'
	};
	return (Object.keys(embedViewLabels) as EmbedView[]).filter((view) => {
		const need = needs[view];
		return need === undefined || has[need];
	});
}

/** The views a dashboard's scenario and settings offer. */
export function offeredViews(dashboard: Dashboard): EmbedView[] {
	return embedViews({
		dimensions: Object.keys(dashboard.compiled.model.scenario.dimensions).length > 0,
		indicators: dashboard.compiled.indicatorIds.length > 0,
		baseline: dashboard.baseline !== null
	});
}

/** `embedQuery('c.russia.response=full', 'paths') === 'c.russia.response=full&view=paths'`. */
export function embedQuery(shareQuery: string, view: EmbedView): string {
	const params = new URLSearchParams({ view });
	return shareQuery ? `${shareQuery}&${params}` : `${params}`;
}

/** An embed page's query split into the view it names (null: none) and the share query. */
export function readEmbedQuery(search: string): { view: string | null; query: string } {
	const params = new URLSearchParams(search);
	const view = params.get('view');
	params.delete('view');
	return { view, query: params.toString() };
}

export type EmbedChoice =
	{ ok: true; view: EmbedView } | { ok: false; problem: string; offered: EmbedView[] };

/** The view a link asks for (none: the outcomes), if `offered` holds it; else why not. */
export function toEmbedView(asked: string | null, offered: EmbedView[]): EmbedChoice {
	const view = asked === null || asked === '' ? defaultEmbedView : asked;
	if ((offered as string[]).includes(view)) return { ok: true, view: view as EmbedView };
	const why = !Object.hasOwn(embedViewLabels, view)
		? 'is not a view'
		: view === 'compare'
			? 'needs a baseline pinned in the link (pin one in the dashboard, then copy the embed code)'
			: 'has nothing to show in this scenario';
	return { ok: false, problem: `“view=${view.slice(0, 60)}” ${why}.`, offered };
}

const escapeAttribute = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * The HTML to paste into a page:
 * `<iframe src="…" title="…" width="100%" height="560" style="border:0" loading="lazy"></iframe>`.
 */
export function embedSnippet({
	src,
	title,
	height
}: {
	src: string;
	title: string;
	height: number;
}): string {
	return `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(title)}" width="100%" height="${Math.round(height)}" style="border:0" loading="lazy"></iframe>`;
}

/** What decides a view's height: how many outcomes, regions and scores the scenario has. */
export interface EmbedSize {
	outcomes: number;
	regions: number;
	dimensions: number;
}

/**
 * A height (px) that shows `view` whole at an article's width (about 700 px), for the snippet;
 * the embed scrolls inside its frame if it needs more.
 */
export function embedHeight(view: EmbedView, { outcomes, regions, dimensions }: EmbedSize): number {
	if (view === 'outcomes') return 140 + 46 * outcomes + 60 * regions;
	if (view === 'compare') return 480 + 46 * outcomes + 80 * regions;
	if (view === 'dimensions') return 150 + 52 * dimensions;
	if (view === 'fan') return 560;
	return 720;
}
