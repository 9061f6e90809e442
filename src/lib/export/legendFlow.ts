/**
 * A chart's legend laid out for a file, as the page flows it: items (a swatch and its words) side
 * by side while they fit the width, then on the next row; an item too wide for a row of its own
 * wraps its words beside its swatch. Pure: svgCaption.ts measures and draws.
 */
import { wrapText, type Measure } from './wrapText';

export interface LegendEntry {
	/** The swatch's size, if the item has one. */
	swatch?: { width: number; height: number };
	text: string;
}

export interface PlacedEntry {
	/** Where the swatch goes (its top-left corner), if the item has one. */
	swatch?: { x: number; y: number };
	/** The item's lines of text, each at its baseline. */
	lines: { x: number; y: number; text: string }[];
}

/** Gaps: between a swatch and its words, between items, between rows. */
const gap = { swatch: 6, item: 16, row: 4 };

/**
 * `entries` placed within `width`, from (0, 0); text at `size` px with `lineHeight` per line.
 * Returns the placed items and the height they take.
 */
export function legendFlow(
	entries: LegendEntry[],
	width: number,
	measure: Measure,
	{ size, lineHeight }: { size: number; lineHeight: number }
): { placed: PlacedEntry[]; height: number } {
	const placed: PlacedEntry[] = [];
	let [x, y, rowHeight] = [0, 0, 0];
	for (const entry of entries) {
		const lead = entry.swatch ? entry.swatch.width + gap.swatch : 0;
		if (x > 0 && x + lead + measure(entry.text) > width) {
			[x, y, rowHeight] = [0, y + rowHeight + gap.row, 0];
		}
		const lines = wrapText(entry.text, Math.max(1, width - lead), measure, 3);
		// The first line's middle, where the swatch centres.
		const middle = y + lineHeight / 2;
		placed.push({
			swatch: entry.swatch && { x, y: middle - entry.swatch.height / 2 },
			lines: lines.map((text, i) => ({
				x: x + lead,
				y: middle + size * 0.35 + i * lineHeight,
				text
			}))
		});
		rowHeight = Math.max(rowHeight, lines.length * lineHeight, entry.swatch?.height ?? 0);
		x += lead + Math.max(0, ...lines.map(measure)) + gap.item;
		// Wrapped words take the row's whole width: the next item starts a row.
		if (lines.length > 1) x = width;
	}
	return { placed, height: y + rowHeight };
}
