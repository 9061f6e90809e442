import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../cli/files';
import { analyze } from '../engine/analyze';
import type { LoadedScenario } from '../engine/load';
import { activeLeaves as leavesOfValue } from '../engine/machine';
import { isOver, options, startSession, take, type Session } from '../engine/stepper';
import { ancestors } from '../scenario/model';
import { collapseLayout } from './statechartCollapse';
import { activeLeaves, focusTiers, nextLead } from './statechartFocus';
import { layoutStatechart, type StatechartLayout } from './statechartLayout';
import {
	edgeFontSize,
	inView,
	minLabelPx,
	minReadableScale,
	nodeFontSize,
	reveal,
	sameView,
	scaleOf,
	viewFor,
	type Box,
	type Panel
} from './statechartView';

const box = (x: number, y: number, width: number, height: number): Box => ({ x, y, width, height });
const map = box(0, 0, 2000, 1000);
const panel = { width: 600, height: 480 };

describe('viewFor', () => {
	it.each([
		{
			name: 'a small tier: natural size, centred on it, inside the map',
			tiers: [[box(900, 400, 100, 50)]],
			expected: { x: 650, y: 185, w: 600, h: 480 }
		},
		{
			name: 'a small tier near the corner: the view stays inside the map',
			tiers: [[box(20, 20, 100, 50)]],
			expected: { x: 0, y: 0, w: 600, h: 480 }
		},
		{
			name: 'a tier that fits when zoomed out a little: fitted',
			tiers: [[box(0, 0, 620, 400)]],
			expected: { x: -12, y: -12, w: 644, h: 515.2 }
		}
	])('$name', ({ tiers, expected }) => {
		const view = viewFor({ panel, tiers, bounds: map });
		const round = (v: number) => Math.round(v * 1000) / 1000;
		expect(Object.fromEntries(Object.entries(view).map(([k, v]) => [k, round(v)]))).toEqual(
			expected
		);
	});

	it('never zooms out so far that a label is under 11 px', () => {
		const view = viewFor({ panel, tiers: [[map]], bounds: map });
		expect(scaleOf(view, panel)).toBeCloseTo(minReadableScale);
		expect(minReadableScale * Math.min(nodeFontSize, edgeFontSize)).toBeCloseTo(minLabelPx);
	});

	it('keeps the lead in view when its region does not fit, and as much of the region', () => {
		const lead = box(1700, 600, 120, 50);
		const region = box(1000, 100, 1000, 900);
		const view = viewFor({ panel, tiers: [[lead], [lead, region]], bounds: map });
		expect(inView(lead, view)).toBe(true);
		expect(view.x + view.w).toBeLessThanOrEqual(2000.01); // not past the map's right edge
		expect(view.x).toBeGreaterThanOrEqual(1000 - 12);
	});

	it('keeps the first tiers before the later ones', () => {
		const lead = box(100, 100, 100, 40);
		const far = box(1800, 900, 100, 40);
		const view = viewFor({ panel, tiers: [[lead], [lead, far]], bounds: map });
		expect(inView(lead, view)).toBe(true);
		expect(inView(far, view)).toBe(false);
	});

	it('with no least zoom, fits the whole map (the overview)', () => {
		const view = viewFor({ panel, tiers: [[map]], bounds: map, minScale: 0 });
		expect(inView(map, view)).toBe(true);
		expect(scaleOf(view, panel)).toBeCloseTo(600 / 2024);
	});

	it('does not change its input', () => {
		const tiers = [[box(1, 2, 3, 4)]];
		viewFor({ panel, tiers, bounds: map });
		expect(tiers).toEqual([[box(1, 2, 3, 4)]]);
	});
});

describe('sameView', () => {
	const view = { x: 10, y: 20, w: 300, h: 200 };
	it('holds for a copy and for differences under a hundredth', () => {
		expect(sameView(view, { ...view })).toBe(true);
		expect(sameView(view, { x: 10.009, y: 19.995, w: 300.001, h: 199.999 })).toBe(true);
	});
	it.each(['x', 'y', 'w', 'h'] as const)('fails when %s moves by more than a hundredth', (key) => {
		expect(sameView(view, { ...view, [key]: view[key] + 0.011 })).toBe(false);
		expect(sameView({ ...view, [key]: view[key] - 5 }, view)).toBe(false);
	});
});

describe('reveal', () => {
	it.each([
		{ b: box(100, 100, 50, 20), expected: { x: 0, y: 0 } }, // already in view
		{ b: box(700, 100, 50, 20), expected: { x: 162, y: 0 } }, // just off the right
		{ b: box(100, -100, 50, 20), expected: { x: 0, y: -112 } } // above
	])('moves the view the least to show $b.x,$b.y', ({ b, expected }) => {
		const view = reveal({ x: 0, y: 0, w: 600, h: 480 }, b);
		expect({ x: view.x, y: view.y }).toEqual(expected);
		expect(inView(b, view)).toBe(true);
	});
});

const ids = [
	'russia-arms-to-iran',
	'israel-russia-ties',
	'hezbollah-escalation',
	'regional-escalation'
];
/** The diagram's drawing area on a laptop (left column) and on a phone (full width). */
const panels: Panel[] = [
	{ width: 600, height: 480 },
	{ width: 360, height: 420 }
];

function load(id: string): LoadedScenario {
	const result = loadScenarioFile(resolve(import.meta.dirname, `../../../scenarios/${id}.yaml`));
	if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
	return result.value;
}

/** The dashboard's props at a step: active states with their ancestors, the open transitions. */
function propsAt(session: Session) {
	const active = new Set<string>();
	for (const leaf of leavesOfValue(session.steps.at(-1)!.snapshot.value))
		for (const p of [leaf, ...ancestors(leaf)]) if (p !== '') active.add(p);
	const open = options(session).map((b) => b.transition);
	return { active, open };
}

describe.each(ids)('the default view of %s', (id) => {
	let loaded: LoadedScenario;
	let layout: StatechartLayout;
	let start: Session;
	beforeAll(async () => {
		loaded = load(id);
		layout = await layoutStatechart(loaded.model);
		const analysis = analyze(loaded.compiled);
		start = startSession(loaded.compiled, analysis.choices, analysis.values);
	}, 60_000); // loading anchors every quote and the exact analysis runs: slow on a busy machine

	/** Step along the first (or last) option to the end, checking the view at every step. */
	it.each(panels)('at $width px: labels ≥ 11 px, the lead in view, at every step', (p) => {
		const shown = collapseLayout(layout, new Set());
		const bounds = box(0, 0, layout.width, layout.height);
		for (const pick of [0, -1]) {
			let session = start;
			let [leaves, lead] = [[] as string[], null as string | null];
			for (let step = 0; step < 30; step++) {
				const { active, open } = propsAt(session);
				const now = activeLeaves(layout.nodes, active);
				lead = nextLead(leaves, lead, now, open);
				leaves = now;
				const tiers = focusTiers({
					nodes: layout.nodes,
					boxOf: (path) => shown.boxOf.get(path),
					active,
					open,
					lead,
					mode: 'play'
				});
				const view = viewFor({ panel: p, tiers, bounds });
				const scale = scaleOf(view, p);
				expect(nodeFontSize * scale, `step ${step}`).toBeGreaterThanOrEqual(minLabelPx);
				expect(edgeFontSize * scale, `step ${step}`).toBeGreaterThanOrEqual(minLabelPx - 1e-9);
				expect(inView(shown.boxOf.get(lead!)!, view), `${lead} at step ${step}`).toBe(true);
				if (isOver(session)) break;
				const branches = options(session);
				session = take(session, branches.at(pick)!.transition.id);
			}
		}
	});

	it.each(panels)('at $width px: the full-screen whole map keeps labels ≥ 11 px', (p) => {
		const shown = collapseLayout(layout, new Set());
		const { active, open } = propsAt(start);
		const lead = nextLead([], null, activeLeaves(layout.nodes, active), open);
		const tiers = focusTiers({
			nodes: layout.nodes,
			boxOf: (path) => shown.boxOf.get(path),
			active,
			open,
			lead,
			mode: 'all'
		});
		const view = viewFor({ panel: p, tiers, bounds: box(0, 0, layout.width, layout.height) });
		expect(edgeFontSize * scaleOf(view, p)).toBeGreaterThanOrEqual(minLabelPx - 1e-9);
		expect(inView(shown.boxOf.get(lead!)!, view)).toBe(true);
	});
});
