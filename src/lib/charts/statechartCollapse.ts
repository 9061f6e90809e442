/**
 * Collapsed regions: a compound or parallel state drawn as its header box alone, its states
 * hidden, without laying the chart out again (the layout comes from ELK at build time). A
 * transition into or out of a hidden state is cut where it crosses the collapsed state's border
 * and led to the header box; one between two states of the same collapsed box is hidden.
 */
import type { LayoutEdge, LayoutNode, StatechartLayout } from './statechartLayout';
import type { Box } from './statechartView';

export interface ShownNode extends LayoutNode {
	/** Shrunk to its header, its states hidden. */
	collapsed: boolean;
	/** How many states it holds, at every depth. */
	holds: number;
}

export interface ShownLayout {
	width: number;
	height: number;
	/** The states drawn, parents first. */
	nodes: ShownNode[];
	/** The transitions drawn, in the model's order. */
	edges: LayoutEdge[];
	/** Every state's box as drawn; a hidden state's is the box of the collapsed state holding it. */
	boxOf: Map<string, Box>;
}

/** The height of a state collapsed to its header: its label lines and a margin. */
export const headerHeight = (n: LayoutNode): number => (n.lines?.length ?? 1) * 17 + 18;

type Point = [number, number];
const eps = 0.05;
const isOutside = ([x, y]: Point, b: Box) =>
	x < b.x - eps || x > b.x + b.width + eps || y < b.y - eps || y > b.y + b.height + eps;

/** Where the segment from `a` (outside the box) to `b` first meets the box's border. */
function entry(a: Point, b: Point, box: Box): Point {
	let t = 0;
	const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
	for (const [p, q] of [
		[-dx, a[0] - box.x],
		[dx, box.x + box.width - a[0]],
		[-dy, a[1] - box.y],
		[dy, box.y + box.height - a[1]]
	]) {
		if (p < 0) t = Math.max(t, q / p);
	}
	const r = (v: number) => Math.round(v * 10) / 10;
	return [r(a[0] + t * dx), r(a[1] + t * dy)];
}

/** The route's end cut where it last enters `full`, then led to the header box `shown`. */
function clipEnd(points: Point[], full: Box, shown: Box): Point[] {
	let i = points.length - 1;
	while (i >= 0 && !isOutside(points[i], full)) i--;
	const bottom = shown.y + shown.height;
	if (i < 0) return [points[0], [shown.x + shown.width / 2, bottom]];
	const at = entry(points[i], points[i + 1], full);
	const route: Point[] = [...points.slice(0, i + 1), at];
	if (at[1] <= bottom + eps) return route;
	// It entered below the header (from a side or from below): go up to the header's bottom.
	const x = Math.min(shown.x + shown.width - 12, Math.max(shown.x + 12, at[0]));
	if (Math.abs(x - at[0]) > eps) route.push([x, at[1]]);
	route.push([x, bottom]);
	return route;
}

function midpointOf(points: Point[]): Point {
	const lengths = points
		.slice(1)
		.map((p, i) => Math.hypot(p[0] - points[i][0], p[1] - points[i][1]));
	let rest = lengths.reduce((a, b) => a + b, 0) / 2;
	for (const [i, len] of lengths.entries()) {
		if (rest <= len && len > 0) {
			const t = rest / len;
			const [a, b] = [points[i], points[i + 1]];
			return [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
		}
		rest -= len;
	}
	return points[0];
}

/**
 * The layout as drawn with the states in `collapsed` shrunk to their headers (states without
 * children, or inside another collapsed state, are drawn as they are). The layout is not changed.
 * `collapseLayout(layout, new Set(['crisis.ties']))` → `crisis.ties` a header box, its states gone.
 */
export function collapseLayout(
	layout: StatechartLayout,
	collapsed: ReadonlySet<string>
): ShownLayout {
	const byPath = new Map(layout.nodes.map((n) => [n.path, n]));
	const holders = new Set(layout.nodes.map((n) => n.parent).filter((p) => p !== null));
	/** The outermost collapsed state holding a path (itself included), if any. */
	const hider = (path: string): LayoutNode | undefined => {
		let found: LayoutNode | undefined;
		for (let n = byPath.get(path); n; n = n.parent === null ? undefined : byPath.get(n.parent)) {
			if (collapsed.has(n.path) && holders.has(n.path)) found = n;
		}
		return found;
	};
	const holds = (path: string) => layout.nodes.filter((n) => n.path.startsWith(`${path}.`)).length;
	const nodes: ShownNode[] = [];
	const boxOf = new Map<string, Box>();
	for (const n of layout.nodes) {
		const h = hider(n.path);
		if (h && h !== n) continue;
		const shrunk = h === n;
		nodes.push({
			...n,
			height: shrunk ? Math.min(n.height, headerHeight(n)) : n.height,
			collapsed: shrunk,
			holds: holds(n.path)
		});
	}
	for (const n of nodes) boxOf.set(n.path, { x: n.x, y: n.y, width: n.width, height: n.height });
	for (const n of layout.nodes) {
		const h = hider(n.path);
		if (h && h !== n) boxOf.set(n.path, boxOf.get(h.path)!);
	}

	const edges: LayoutEdge[] = [];
	for (const e of layout.edges) {
		const [from, to] = [hider(e.source), hider(e.target)];
		if (from && from === to) continue; // within one collapsed state
		let points = e.points.map(([x, y]): Point => [x, y]);
		const hidden: Box[] = [];
		if (to) {
			points = clipEnd(points, to, boxOf.get(to.path)!);
			hidden.push(to);
		}
		if (from) {
			points = clipEnd(points.reverse(), from, boxOf.get(from.path)!).reverse();
			hidden.push(from);
		}
		const label: Point = [e.labelX, e.labelY];
		// A label that sat inside a collapsed state would float over blank space: put it on the route.
		const lost = hidden.some((b) => !isOutside(label, b));
		const [labelX, labelY] = lost ? midpointOf(points) : label;
		edges.push(from || to ? { ...e, points, labelX, labelY } : e);
	}
	return { width: layout.width, height: layout.height, nodes, edges, boxOf };
}
