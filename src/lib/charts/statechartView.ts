/**
 * Which part of a laid-out statechart to show, and how large: the view box (user units) for a
 * panel (CSS pixels). The default view shows the states in play at a size where every label is
 * readable; what does not fit is reached by panning. No DOM, no ELK: the component and the tests
 * share it.
 */

export interface Box {
	x: number;
	y: number;
	width: number;
	height: number;
}

/** A view box in user units. */
export interface View {
	x: number;
	y: number;
	w: number;
	h: number;
}

/** Whether two views show the same: each of x, y, w and h within a hundredth of a unit. */
export function sameView(a: View, b: View): boolean {
	return (
		Math.abs(a.x - b.x) < 0.01 &&
		Math.abs(a.y - b.y) < 0.01 &&
		Math.abs(a.w - b.w) < 0.01 &&
		Math.abs(a.h - b.h) < 0.01
	);
}

/** The drawing area in CSS pixels. */
export interface Panel {
	width: number;
	height: number;
}

/** Font sizes the renderer draws, in user units: state labels and transition labels. */
export const nodeFontSize = 13;
export const edgeFontSize = 12;
/** No label is drawn smaller than this on screen, in CSS pixels, in the default view. */
export const minLabelPx = 11;
/** The least zoom (CSS px per user unit) at which every label is at least `minLabelPx`. */
export const minReadableScale = minLabelPx / Math.min(nodeFontSize, edgeFontSize);
/** Room kept around what a view must show, in user units. */
export const viewPad = 12;

/** The smallest box holding all the boxes, or null for none. */
export function boundsOf(boxes: readonly Box[]): Box | null {
	if (boxes.length === 0) return null;
	const x0 = Math.min(...boxes.map((b) => b.x));
	const y0 = Math.min(...boxes.map((b) => b.y));
	const x1 = Math.max(...boxes.map((b) => b.x + b.width));
	const y1 = Math.max(...boxes.map((b) => b.y + b.height));
	return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

const padded = (b: Box, p = viewPad): Box => ({
	x: b.x - p,
	y: b.y - p,
	width: b.width + 2 * p,
	height: b.height + 2 * p
});

export interface ViewRequest {
	panel: Panel;
	/**
	 * What to show, most important first, each group holding the one before it: the view keeps
	 * every group it can wholly in view, and the zoom fits the last group when it can.
	 */
	tiers: readonly (readonly Box[])[];
	/** The whole map: the view stays inside it where it can. */
	bounds: Box;
	/** Least and greatest zoom, CSS px per user unit. */
	minScale?: number;
	maxScale?: number;
}

/**
 * The view box for a panel: the zoom that fits the last tier, kept between `minScale` (labels
 * readable) and `maxScale`; then, axis by axis, the position that keeps the first tiers in view,
 * centred on the largest tier that fits.
 *
 * `viewFor({ panel: { width: 600, height: 480 }, tiers: [[leaf], [leaf, ...targets], [region]],
 * bounds })` → `{ x, y, w: 600 / scale, h: 480 / scale }`.
 */
export function viewFor({
	panel,
	tiers,
	bounds,
	minScale = minReadableScale,
	maxScale = 1
}: ViewRequest): View {
	const width = Math.max(1, panel.width);
	const height = Math.max(1, panel.height);
	const groups = tiers.map((t) => boundsOf(t)).filter((b): b is Box => b !== null);
	const last = padded(groups.at(-1) ?? bounds);
	const fit = Math.min(width / last.width, height / last.height);
	const scale = Math.min(maxScale, Math.max(minScale, fit));
	const w = width / scale;
	const h = height / scale;
	const place = (start: (b: Box) => number, size: (b: Box) => number, span: number) => {
		/** The view's starts that keep `b` wholly in view (or, if larger, the view inside `b`). */
		const range = (b: Box): [number, number] => {
			const [p, q] = [start(b) + size(b) - span, start(b)];
			return [Math.min(p, q), Math.max(p, q)];
		};
		let [lo, hi] = [-Infinity, Infinity];
		let target: number | null = null;
		for (const group of groups.map((g) => padded(g))) {
			const [l, r] = range(group);
			if (Math.max(lo, l) > Math.min(hi, r)) continue; // cannot keep it too: earlier tiers win
			[lo, hi] = [Math.max(lo, l), Math.min(hi, r)];
			// Centre on the largest tier that fits wholly.
			if (size(group) <= span) target = start(group) + size(group) / 2;
		}
		const centre = (target ?? start(last) + size(last) / 2) - span / 2;
		// Then as little blank space beyond the map as the tiers allow.
		const [bl, bh] = range(bounds);
		return Math.min(hi, Math.max(lo, Math.min(bh, Math.max(bl, centre))));
	};
	return {
		x: place(
			(b) => b.x,
			(b) => b.width,
			w
		),
		y: place(
			(b) => b.y,
			(b) => b.height,
			h
		),
		w,
		h
	};
}

/** The zoom of a view in a panel: CSS px per user unit (the smaller axis, as SVG's `meet`). */
export const scaleOf = (view: View, panel: Panel): number =>
	Math.min(panel.width / view.w, panel.height / view.h);

/** Whether a box lies wholly inside a view. */
export const inView = (b: Box, v: View): boolean =>
	b.x >= v.x - 0.01 &&
	b.y >= v.y - 0.01 &&
	b.x + b.width <= v.x + v.w + 0.01 &&
	b.y + b.height <= v.y + v.h + 0.01;

/** The view moved the least so that the box is in it (when it fits), at the same zoom. */
export function reveal(v: View, b: Box): View {
	const p = padded(b);
	const shift = (start: number, span: number, from: number, size: number) =>
		size >= span ? from + size / 2 - span / 2 : Math.min(from, Math.max(from + size - span, start));
	return {
		...v,
		x: shift(v.x, v.w, p.x, p.width),
		y: shift(v.y, v.h, p.y, p.height)
	};
}
