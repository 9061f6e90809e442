/**
 * Text metrics shared by the statechart's layout (statechartLayout.ts, which carries elkjs and
 * runs only on the server and in workers) and its drawing in the browser (StatechartCanvas.svelte).
 * Kept apart so that the browser's import of a number never pulls ELK into the first download.
 */
import { wrapLabel } from './outcomeBars';

/** ~7 px per character at 13 px, 17 px per line: the renderer draws with these. */
export const charWidth = 7;
export const lineHeight = 17;

/** A label broken into lines of at most `maxChars`, at least one (possibly empty) line. */
export function labelLines(text: string, maxChars: number): string[] {
	const lines = wrapLabel(text, maxChars);
	return lines.length ? lines : [''];
}
