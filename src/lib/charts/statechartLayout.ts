/**
 * Statechart layout: the model's state tree as nested ELK nodes, laid out once by ELK's layered
 * algorithm, returned in absolute coordinates ready for SVG. Runs on the server at build time
 * (prerender), in the editor's check worker and in tests; elkjs is imported here only. The page
 * imports only this module's types (its numbers live in statechartMetrics.ts), so ELK stays out of
 * the first download (tests/e2e/dashboard.spec.ts checks).
 */
import ELK, {
	type ElkExtendedEdge,
	type ElkNode,
	type LayoutOptions
} from 'elkjs/lib/elk.bundled.js';
import type { Model, StateKind, TransitionInfo } from '$lib/scenario/model';
import { charWidth, labelLines, lineHeight } from './statechartMetrics';

export interface LayoutNode {
	path: string;
	label: string;
	/** The label broken into the lines the box was sized for. */
	lines?: string[];
	kind: StateKind;
	/** Top-left corner, absolute. */
	x: number;
	y: number;
	width: number;
	height: number;
	/** 0 for children of the root, 1 for their children, and so on. */
	depth: number;
	/** The parent's path; null for children of the root. */
	parent: string | null;
}

export interface LayoutEdge {
	transitionId: string;
	source: string;
	target: string;
	label: string;
	/** The label broken into the lines its box was sized for. */
	labelLines?: string[];
	/** The route, absolute, from the source's border to the target's border. */
	points: [number, number][];
	/** Centre of the label's box, absolute. */
	labelX: number;
	labelY: number;
}

export interface StatechartLayout {
	width: number;
	height: number;
	/** Parents before their children. */
	nodes: LayoutNode[];
	/** One per transition, in the model's order. */
	edges: LayoutEdge[];
}

const rootId = '(root)';
const regionPadding = 14;

const textWidth = (lines: string[]) => Math.max(...lines.map((l) => l.length)) * charWidth;
const nodeLines = (label: string) => labelLines(label, 18);
const edgeLines = (label: string) => labelLines(label, 16);

/**
 * The nested ELK graph of a model: compound and parallel states hold their children; every
 * transition is an edge of the root (INCLUDE_CHILDREN lets edges cross hierarchy levels).
 * ELK lays out all levels in one direction, so flow runs top to bottom and the regions of a
 * parallel state, which no edge connects, sit side by side in one layer.
 */
export function toElkGraph(model: Model): ElkNode {
	const toNode = (path: string): ElkNode => {
		const state = model.states.get(path)!;
		const lines = nodeLines(state.label);
		if (state.children.length === 0) {
			return {
				id: path,
				width: Math.max(textWidth(lines) + 24, 80),
				height: lines.length * lineHeight + 16
			};
		}
		const header = lines.length * lineHeight + 12;
		const layoutOptions: LayoutOptions = {
			'elk.padding': `[top=${header + 10},left=14,bottom=${regionPadding},right=14]`,
			'elk.nodeSize.constraints': 'MINIMUM_SIZE',
			'elk.nodeSize.minimum': `(${textWidth(lines) + 28}, ${header + 30})`,
			// Regions of a parallel state share a layer; line up their tops, not their centres.
			'elk.alignment': 'TOP'
		};
		if (state.kind === 'parallel') layoutOptions['elk.spacing.nodeNode'] = '28';
		return { id: path, layoutOptions, children: state.children.map(toNode) };
	};
	// Transitions that share source, target and label (the same step under different conditions)
	// share one label box: only the first carries it, the others are placed at its position.
	const labelled = new Set<string>();
	const edges: ElkExtendedEdge[] = model.transitions.map((t) => {
		const lines = edgeLines(t.label);
		const key = labelKey(t);
		const first = !labelled.has(key);
		labelled.add(key);
		return {
			id: t.id,
			sources: [t.source],
			targets: [t.target],
			labels: first
				? [{ text: t.label, width: textWidth(lines) + 6, height: lines.length * 15 + 2 }]
				: []
		};
	});
	return {
		id: rootId,
		layoutOptions: {
			'elk.algorithm': 'layered',
			'elk.direction': 'DOWN',
			'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
			'elk.edgeRouting': 'ORTHOGONAL',
			'elk.edgeLabels.placement': 'CENTER',
			'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
			'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
			'elk.layered.spacing.nodeNodeBetweenLayers': '36',
			'elk.layered.spacing.edgeNodeBetweenLayers': '14',
			'elk.spacing.nodeNode': '24',
			'elk.spacing.edgeEdge': '10',
			'elk.spacing.edgeNode': '12',
			'elk.spacing.edgeLabel': '4',
			'elk.padding': '[top=8,left=8,bottom=8,right=8]'
		},
		children: model.states.get('')!.children.map(toNode),
		edges
	};
}

const labelKey = (t: TransitionInfo) => `${t.source}\n${t.target}\n${t.label}`;
const round = (v: number) => Math.round(v * 10) / 10;

/** Lay out a model's statechart: `const { nodes, edges } = await layoutStatechart(model)`. */
export async function layoutStatechart(model: Model): Promise<StatechartLayout> {
	const result = await new ELK().layout(toElkGraph(model));
	const nodes: LayoutNode[] = [];
	const offsets = new Map<string, [number, number]>([[rootId, [0, 0]]]);
	const visit = (node: ElkNode, ox: number, oy: number, depth: number) => {
		const x = ox + (node.x ?? 0);
		const y = oy + (node.y ?? 0);
		offsets.set(node.id, [x, y]);
		const state = model.states.get(node.id)!;
		nodes.push({
			path: state.path,
			label: state.label,
			lines: nodeLines(state.label),
			kind: state.kind,
			x: round(x),
			y: round(y),
			width: round(node.width ?? 0),
			height: round(node.height ?? 0),
			depth,
			parent: state.parent === '' ? null : state.parent
		});
		for (const child of node.children ?? []) visit(child, x, y, depth + 1);
	};
	for (const child of result.children ?? []) visit(child, 0, 0, 0);
	stretchRegions(nodes);

	const byId = new Map<string, ElkExtendedEdge>();
	const collect = (node: ElkNode) => {
		for (const e of node.edges ?? []) byId.set(e.id, e);
		for (const child of node.children ?? []) collect(child);
	};
	collect(result);
	const labelAt = new Map<string, [number, number]>();
	const edges = model.transitions.map((t): LayoutEdge => {
		const elkEdge = byId.get(t.id);
		const container = (elkEdge as { container?: string } | undefined)?.container ?? rootId;
		const [ox, oy] = offsets.get(container) ?? [0, 0];
		const at = (x: number, y: number): [number, number] => [round(ox + x), round(oy + y)];
		let points = orderedSections(elkEdge).flatMap((s, i) =>
			[...(i === 0 ? [s.startPoint] : []), ...(s.bendPoints ?? []), s.endPoint].map((p) =>
				at(p.x, p.y)
			)
		);
		if (points.length < 2) points = [centre(nodes, t.source), centre(nodes, t.target)];
		const box = elkEdge?.labels?.[0];
		if (box) {
			const { x = 0, y = 0, width = 0, height = 0 } = box;
			labelAt.set(labelKey(t), at(x + width / 2, y + height / 2));
		}
		const [labelX, labelY] = labelAt.get(labelKey(t)) ?? midpoint(points);
		return {
			transitionId: t.id,
			source: t.source,
			target: t.target,
			label: t.label,
			labelLines: edgeLines(t.label),
			points,
			labelX,
			labelY
		};
	});
	return { width: round(result.width ?? 0), height: round(result.height ?? 0), nodes, edges };
}

/** The regions of a parallel state reach down to its bottom padding, so their borders line up. */
function stretchRegions(nodes: LayoutNode[]): void {
	const byPath = new Map(nodes.map((n) => [n.path, n]));
	for (const n of nodes) {
		const parent = n.parent === null ? undefined : byPath.get(n.parent);
		if (parent?.kind !== 'parallel') continue;
		n.height = Math.max(n.height, round(parent.y + parent.height - regionPadding - n.y));
	}
}

type Section = NonNullable<ElkExtendedEdge['sections']>[number];

/** An edge's sections in route order (a hierarchical edge may come in several). */
function orderedSections(edge: ElkExtendedEdge | undefined): Section[] {
	const sections = edge?.sections ?? [];
	const byId = new Map(sections.map((s) => [s.id, s]));
	const ordered: Section[] = [];
	let next: Section | undefined = sections.find((s) => !s.incomingSections?.length) ?? sections[0];
	while (next && !ordered.includes(next)) {
		ordered.push(next);
		next = byId.get(next.outgoingSections?.[0] ?? '');
	}
	return ordered.length === sections.length ? ordered : sections;
}

function centre(nodes: LayoutNode[], path: string): [number, number] {
	const n = nodes.find((m) => m.path === path);
	return n ? [round(n.x + n.width / 2), round(n.y + n.height / 2)] : [0, 0];
}

function midpoint(points: [number, number][]): [number, number] {
	const [a, b] = [
		points[Math.floor((points.length - 1) / 2)],
		points[Math.ceil((points.length - 1) / 2)]
	];
	return [round((a[0] + b[0]) / 2), round((a[1] + b[1]) / 2)];
}
