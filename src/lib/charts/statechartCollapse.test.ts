import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../cli/files';
import { collapseLayout, headerHeight } from './statechartCollapse';
import {
	layoutStatechart,
	type LayoutEdge,
	type LayoutNode,
	type StatechartLayout
} from './statechartLayout';
import type { Box } from './statechartView';

const node = (
	path: string,
	kind: LayoutNode['kind'],
	[x, y, width, height]: number[]
): LayoutNode => {
	const parent = path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : null;
	const depth = path.split('.').length - 1;
	return { path, label: path, lines: [path], kind, x, y, width, height, depth, parent };
};
const edge = (
	transitionId: string,
	source: string,
	target: string,
	points: [number, number][],
	[labelX, labelY]: number[]
): LayoutEdge => ({ transitionId, source, target, label: transitionId, points, labelX, labelY });

/** A parallel state `p` with regions `p.a` (two states) and `p.b` (one), and `end` below it. */
function tiny(): StatechartLayout {
	return {
		width: 420,
		height: 420,
		nodes: [
			node('p', 'parallel', [0, 0, 400, 300]),
			node('p.a', 'compound', [10, 30, 180, 260]),
			node('p.a.x', 'atomic', [40, 80, 100, 40]),
			node('p.a.y', 'atomic', [40, 200, 100, 40]),
			node('p.b', 'compound', [210, 30, 180, 260]),
			node('p.b.z', 'atomic', [240, 80, 100, 40]),
			node('end', 'final', [150, 360, 100, 40])
		],
		edges: [
			edge(
				'go',
				'p.a.x',
				'p.a.y',
				[
					[90, 120],
					[90, 200]
				],
				[90, 160]
			),
			edge(
				'out',
				'p.b.z',
				'end',
				[
					[290, 120],
					[290, 330],
					[200, 330],
					[200, 360]
				],
				[290, 310]
			),
			// Into p.a.y from the left, its label inside p.a.
			edge(
				'side',
				'end',
				'p.a.y',
				[
					[150, 380],
					[5, 380],
					[5, 220],
					[40, 220]
				],
				[20, 250]
			)
		]
	};
}

const at = (layout: { edges: LayoutEdge[] }, id: string) =>
	layout.edges.find((e) => e.transitionId === id);

describe('collapseLayout', () => {
	it('shrinks a region to its header, hides its states and the transitions within it', () => {
		const shown = collapseLayout(tiny(), new Set(['p.a']));
		expect(shown.nodes.map((n) => n.path)).toEqual(['p', 'p.a', 'p.b', 'p.b.z', 'end']);
		const region = shown.nodes[1];
		expect(region).toMatchObject({
			y: 30,
			height: headerHeight(region),
			collapsed: true,
			holds: 2
		});
		expect(headerHeight(region)).toBe(35);
		expect(shown.boxOf.get('p.a.y')).toEqual({ x: 10, y: 30, width: 180, height: 35 });
		expect(at(shown, 'go')).toBeUndefined();
	});

	it('cuts a transition into a hidden state at the border and leads it up to the header', () => {
		const layout = tiny();
		const shown = collapseLayout(layout, new Set(['p.a']));
		// Entered p.a from the left at y 220, below the header: in, then up to its bottom (65).
		expect(at(shown, 'side')!.points).toEqual([
			[150, 380],
			[5, 380],
			[5, 220],
			[10, 220],
			[22, 220],
			[22, 65]
		]);
		// Its label was inside p.a: now on the route.
		const { labelX, labelY } = at(shown, 'side')!;
		expect([labelX, labelY]).toEqual([5, 286.5]);
		// A transition that does not touch p.a is the same object.
		expect(at(shown, 'out')).toBe(layout.edges[1]);
	});

	it('cuts a transition out of a hidden state at the border too', () => {
		const shown = collapseLayout(tiny(), new Set(['p.b']));
		expect(at(shown, 'out')!.points).toEqual([
			[290, 65],
			[290, 290],
			[290, 330],
			[200, 330],
			[200, 360]
		]);
		expect([at(shown, 'out')!.labelX, at(shown, 'out')!.labelY]).toEqual([290, 310]);
	});

	it('collapsing a parallel state hides its regions; one inside it changes nothing more', () => {
		const whole = collapseLayout(tiny(), new Set(['p']));
		expect(whole.nodes.map((n) => n.path)).toEqual(['p', 'end']);
		expect(whole.nodes[0]).toMatchObject({ collapsed: true, holds: 5 });
		expect(whole.boxOf.get('p.b.z')).toEqual(whole.boxOf.get('p'));
		expect(at(whole, 'out')!.points[0]).toEqual([290, 35]);
		expect(collapseLayout(tiny(), new Set(['p', 'p.a']))).toEqual(whole);
	});

	it('ignores states without children and unknown paths; changes nothing when none is collapsed', () => {
		const layout = tiny();
		const before = structuredClone(layout);
		const shown = collapseLayout(layout, new Set(['end', 'p.a.x', 'nowhere']));
		expect(shown.nodes.every((n) => !n.collapsed)).toBe(true);
		expect(shown.nodes.map(({ path, x, y, width, height }) => [path, x, y, width, height])).toEqual(
			layout.nodes.map(({ path, x, y, width, height }) => [path, x, y, width, height])
		);
		expect(shown.edges).toEqual(layout.edges);
		expect(layout).toEqual(before); // not mutated
		void [collapseLayout(layout, new Set(['p.a'])), collapseLayout(layout, new Set(['p']))];
		expect(layout).toEqual(before);
	});
});

/** Distance from a point to a box's border (0 on it). */
function fromBorder([x, y]: [number, number], b: Box): number {
	const dx = Math.max(b.x - x, 0, x - b.x - b.width);
	const dy = Math.max(b.y - y, 0, y - b.y - b.height);
	if (dx > 0 || dy > 0) return Math.hypot(dx, dy);
	return Math.min(x - b.x, b.x + b.width - x, y - b.y, b.y + b.height - y);
}

describe('collapseLayout on regional-escalation', async () => {
	const file = resolve(import.meta.dirname, '../../../scenarios/regional-escalation.yaml');
	const loaded = loadScenarioFile(file);
	if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.message).join('\n'));
	const layout = await layoutStatechart(loaded.value.model);

	it.each(['crisis.arms', 'crisis.ties', 'crisis.north', 'crisis'])(
		'with %s collapsed, every transition drawn starts and ends on the box drawn for its state',
		(path) => {
			const shown = collapseLayout(layout, new Set([path]));
			expect(shown.nodes.find((n) => n.path === path)?.collapsed).toBe(true);
			expect(shown.nodes.some((n) => n.path.startsWith(`${path}.`))).toBe(false);
			const within = (p: string) => p === path || p.startsWith(`${path}.`);
			const inside = layout.edges.filter((e) => within(e.source) && within(e.target));
			expect(shown.edges.length).toBe(layout.edges.length - inside.length);
			for (const e of shown.edges) {
				const [from, to] = [shown.boxOf.get(e.source)!, shown.boxOf.get(e.target)!];
				expect(fromBorder(e.points[0], from), `${e.transitionId} start`).toBeLessThan(1);
				expect(fromBorder(e.points.at(-1)!, to), `${e.transitionId} end`).toBeLessThan(1);
			}
		}
	);
});
