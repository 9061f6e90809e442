/**
 * What a page tells its charts about the view they show, for the files they save (the scenario,
 * the source, the settings, the link: see export/chartCaption.ts). The dashboard sets it once, as
 * Svelte context, so that no chart needs a prop for it; the frame reads it when a file is saved.
 * A chart outside the dashboard (the editor's preview) has none, and saves its title and date.
 */
import { createContext } from 'svelte';
import type { ChartContext } from '$lib/export/chartCaption';

/** The context as it is at the moment of asking (the settings change; the page reads them then). */
export type ReadChartContext = () => ChartContext;

const [get, set, has] = createContext<ReadChartContext>();

/** Give the charts below this component the view's context. */
export const setChartContext: (read: ReadChartContext) => ReadChartContext = set;

/** The view's context where a page set one, else undefined. During component setup only. */
export function chartContext(): ReadChartContext | undefined {
	return has() ? get() : undefined;
}
