import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../cli/files';
import type { Model, StateInfo, StateKind, TransitionInfo } from '../scenario/model';
import {
	layoutStatechart,
	toElkGraph,
	type LayoutNode,
	type StatechartLayout
} from './statechartLayout';
import { labelLines } from './statechartMetrics';

const ids = [
	'russia-arms-to-iran',
	'israel-russia-ties',
	'hezbollah-escalation',
	'regional-escalation'
];

const models = new Map<string, Model>();
/** Loading anchors every quote, which takes seconds: load each scenario once. */
function load(id: string): Model {
	const loaded = models.get(id);
	if (loaded) return loaded;
	const result = loadScenarioFile(resolve(import.meta.dirname, `../../../scenarios/${id}.yaml`));
	if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
	models.set(id, result.value.model);
	return result.value.model;
}

/** A hand-made model with what the layout reads: a self-loop and edges across levels. */
function tinyModel(): Model {
	const spec: [string, StateKind, string[]][] = [
		['', 'compound', ['a', 'b', 'end']],
		['a', 'parallel', ['a.left', 'a.right']],
		['a.left', 'compound', ['a.left.x', 'a.left.y']],
		['a.left.x', 'atomic', []],
		['a.left.y', 'atomic', []],
		['a.right', 'compound', ['a.right.z']],
		['a.right.z', 'atomic', []],
		['b', 'atomic', []],
		['end', 'final', []]
	];
	const states = new Map(
		spec.map(([path, kind, children]) => {
			const parent = path === '' ? null : path.includes('.') ? path.replace(/\.[^.]+$/, '') : '';
			const info = { path, kind, children, parent, label: `State ${path}` };
			return [path, info as unknown as StateInfo];
		})
	);
	const edges: [string, string, string][] = [
		['a.left.x', 'go', 'a.left.y'],
		['a.left.y', 'again', 'a.left.y'], // self-loop
		['a.right.z', 'leave', 'b'], // out of two levels
		['b', 'enter', 'a.left.x'], // into two levels
		['a', 'finish', 'end'] // from a parallel state
	];
	const transitions = edges.map(
		([source, event, target], index) =>
			({
				index,
				id: `${source}:${event}`,
				event,
				source,
				target,
				label: `Do ${event}`
			}) as TransitionInfo
	);
	return { states, transitions } as unknown as Model;
}

const inside = (child: LayoutNode, parent: LayoutNode) =>
	child.x >= parent.x - 0.05 &&
	child.y >= parent.y - 0.05 &&
	child.x + child.width <= parent.x + parent.width + 0.05 &&
	child.y + child.height <= parent.y + parent.height + 0.05;

/** Distance from a point to a box's border (0 on it). */
function fromBorder([x, y]: [number, number], n: LayoutNode): number {
	const dx = Math.max(n.x - x, 0, x - n.x - n.width);
	const dy = Math.max(n.y - y, 0, y - n.y - n.height);
	if (dx > 0 || dy > 0) return Math.hypot(dx, dy);
	return Math.min(x - n.x, n.x + n.width - x, y - n.y, n.y + n.height - y);
}

function checkLayout(model: Model, layout: StatechartLayout) {
	const byPath = new Map(layout.nodes.map((n) => [n.path, n]));
	const states = [...model.states.values()].filter((s) => s.path !== '');
	expect(layout.nodes.map((n) => n.path).sort()).toEqual(states.map((s) => s.path).sort());
	for (const s of states) {
		const n = byPath.get(s.path)!;
		expect({ label: n.label, kind: n.kind }).toEqual({ label: s.label, kind: s.kind });
		expect(n.parent).toBe(s.parent === '' ? null : s.parent);
		expect(n.depth).toBe(s.path.split('.').length - 1);
		expect(n.width).toBeGreaterThan(0);
		expect(n.height).toBeGreaterThan(0);
		expect(n.x + n.width).toBeLessThanOrEqual(layout.width);
		expect(n.y + n.height).toBeLessThanOrEqual(layout.height);
		if (n.parent !== null) {
			expect(inside(n, byPath.get(n.parent)!), `${n.path} inside ${n.parent}`).toBe(true);
			// Parents come first, so that children are drawn on top.
			expect(layout.nodes.indexOf(byPath.get(n.parent)!)).toBeLessThan(layout.nodes.indexOf(n));
		}
	}
	expect(layout.edges.map((e) => e.transitionId)).toEqual(model.transitions.map((t) => t.id));
	for (const [i, e] of layout.edges.entries()) {
		const t = model.transitions[i];
		expect({ source: e.source, target: e.target, label: e.label }).toEqual({
			source: t.source,
			target: t.target,
			label: t.label
		});
		expect(e.points.length).toBeGreaterThanOrEqual(2);
		expect(e.points.flat().every(Number.isFinite)).toBe(true);
		expect([e.labelX, e.labelY].every(Number.isFinite)).toBe(true);
		// Absolute coordinates: the route starts and ends on the borders of its states.
		expect(fromBorder(e.points[0], byPath.get(e.source)!), `${e.transitionId} start`).toBeLessThan(
			1
		);
		expect(
			fromBorder(e.points.at(-1)!, byPath.get(e.target)!),
			`${e.transitionId} end`
		).toBeLessThan(1);
	}
}

describe('labelLines', () => {
	it.each([
		{ text: 'Ties intact', max: 16, expected: ['Ties intact'] },
		{
			text: 'Iran asks Moscow to repay the favour',
			max: 16,
			expected: ['Iran asks Moscow', 'to repay the', 'favour']
		},
		{ text: 'Incomprehensibilities', max: 8, expected: ['Incomprehensibilities'] },
		{ text: '  ', max: 8, expected: [''] }
	])('$text at $max', ({ text, max, expected }) => {
		expect(labelLines(text, max)).toEqual(expected);
	});
});

describe('toElkGraph', () => {
	it('nests compound and parallel states and puts every transition on the root', () => {
		const model = tinyModel();
		const before = JSON.stringify([...model.states.values(), ...model.transitions]);
		const graph = toElkGraph(model);
		expect(graph.layoutOptions?.['elk.hierarchyHandling']).toBe('INCLUDE_CHILDREN');
		expect(graph.children?.map((c) => c.id)).toEqual(['a', 'b', 'end']);
		expect(graph.children?.[0].children?.map((c) => c.id)).toEqual(['a.left', 'a.right']);
		expect(graph.edges?.map((e) => [e.sources[0], e.targets[0]])).toEqual(
			model.transitions.map((t) => [t.source, t.target])
		);
		expect(JSON.stringify([...model.states.values(), ...model.transitions])).toBe(before);
	});

	it('gives transitions that share source, target and label one label box', () => {
		const model = load('regional-escalation');
		const graph = toElkGraph(model);
		const boxes = graph.edges!.filter((e) => e.labels?.length).length;
		const distinct = new Set(model.transitions.map((t) => `${t.source} ${t.target} ${t.label}`));
		expect(boxes).toBe(distinct.size);
		expect(boxes).toBeLessThan(model.transitions.length);
	});
});

describe('layoutStatechart', () => {
	it('lays out self-loops and transitions across hierarchy levels', async () => {
		const model = tinyModel();
		checkLayout(model, await layoutStatechart(model));
	});

	describe.each(ids)('%s', (id) => {
		const model = load(id);
		let layout: StatechartLayout;
		beforeAll(async () => {
			layout = await layoutStatechart(model);
		});

		it('has a box for every state and an edge for every transition, in absolute coordinates', () => {
			checkLayout(model, layout);
		});

		it('is deterministic', async () => {
			expect(await layoutStatechart(model)).toEqual(layout);
		});

		it('is plain data', () => {
			expect(structuredClone(layout)).toEqual(layout);
			expect(JSON.parse(JSON.stringify(layout))).toEqual(layout);
		});
	});

	it('puts the parallel regions of regional-escalation side by side without overlap', async () => {
		const layout = await layoutStatechart(load('regional-escalation'));
		const regions = layout.nodes.filter((n) => n.parent === 'crisis');
		expect(regions.map((r) => r.path).sort()).toEqual([
			'crisis.arms',
			'crisis.north',
			'crisis.ties'
		]);
		for (const a of regions) {
			for (const b of regions) {
				if (a === b) continue;
				const apart =
					a.x + a.width <= b.x ||
					b.x + b.width <= a.x ||
					a.y + a.height <= b.y ||
					b.y + b.height <= a.y;
				expect(apart, `${a.path} and ${b.path} overlap`).toBe(true);
			}
		}
		expect(new Set(regions.map((r) => r.y)).size).toBe(1); // tops aligned
	});
});
