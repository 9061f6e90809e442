import { describe, expect, it } from 'vitest';
import { activeLeaves, focusTiers, nextLead } from './statechartFocus';
import type { Box } from './statechartView';

/** A parallel state `p` with regions `p.a` and `p.b`, and a top-level `end`. */
const nodes = [
	{ path: 'p', parent: null },
	{ path: 'p.a', parent: 'p' },
	{ path: 'p.a.x', parent: 'p.a' },
	{ path: 'p.a.y', parent: 'p.a' },
	{ path: 'p.b', parent: 'p' },
	{ path: 'p.b.z', parent: 'p.b' },
	{ path: 'p.b.w', parent: 'p.b' },
	{ path: 'end', parent: null }
];
const boxes = new Map<string, Box>(
	nodes.map((n, i) => [n.path, { x: i, y: 0, width: 1, height: 1 }])
);
const boxOf = (path: string) => boxes.get(path);
const at = (...paths: string[]) => paths.map((p) => boxes.get(p)!);
const active = new Set(['p', 'p.a', 'p.a.x', 'p.b', 'p.b.z']);

describe('activeLeaves', () => {
	it('lists the active states without an active child, in layout order', () => {
		expect(activeLeaves(nodes, active)).toEqual(['p.a.x', 'p.b.z']);
		expect(activeLeaves(nodes, new Set(['end']))).toEqual(['end']);
		expect(activeLeaves(nodes, new Set())).toEqual([]);
	});
});

describe('nextLead', () => {
	const open = [{ source: 'p.b.z', target: 'p.b.w' }];
	it.each([
		{
			name: 'first view: where an open transition starts',
			previous: [],
			lead: null,
			now: ['p.a.x', 'p.b.z'],
			expected: 'p.b.z'
		},
		{
			name: 'first view, nothing open: the first leaf',
			previous: [],
			lead: null,
			now: ['end'],
			expected: 'end'
		},
		{
			name: 'after a step: the leaf it reached',
			previous: ['p.a.x', 'p.b.z'],
			lead: 'p.b.z',
			now: ['p.a.y', 'p.b.z'],
			expected: 'p.a.y'
		},
		{
			name: 'nothing new: the lead stays',
			previous: ['p.a.x', 'p.b.z'],
			lead: 'p.a.x',
			now: ['p.a.x', 'p.b.z'],
			expected: 'p.a.x'
		},
		{ name: 'no state active', previous: [], lead: null, now: [], expected: null }
	])('$name', ({ previous, lead, now, expected }) => {
		expect(nextLead(previous, lead, now, open)).toBe(expected);
	});
});

describe('focusTiers', () => {
	const open = [
		{ source: 'p.a.x', target: 'p.a.y' },
		{ source: 'p.b.z', target: 'p.b.w' },
		{ source: 'p', target: 'end' }
	];
	it('grows from the lead to its next states, its region, then everything in play', () => {
		const tiers = focusTiers({ nodes, boxOf, active, open, lead: 'p.a.x', mode: 'play' });
		expect(tiers).toEqual([
			at('p.a.x'),
			// the parallel state's own transition leaves from the lead's ancestor
			at('p.a.x', 'p.a.y', 'end'),
			at('p.a.x', 'p.a.y', 'end', 'p.a'),
			[
				...at('p.a.x', 'p.a.y', 'end', 'p.a'),
				...at('p.a.x', 'p.b.z', 'p.a', 'p.b', 'p.a.y', 'p.b.w', 'end')
			]
		]);
	});

	it("ends with the whole map in 'all' mode", () => {
		const tiers = focusTiers({ nodes, boxOf, active, open, lead: 'p.a.x', mode: 'all' });
		expect(tiers.at(-1)!.slice(-2)).toEqual(at('p', 'end'));
	});

	it('without a lead, has only the last tier', () => {
		expect(
			focusTiers({ nodes, boxOf, active: new Set(), open: [], lead: null, mode: 'play' })
		).toEqual([[]]);
	});

	it('uses the drawn boxes, so a state in a collapsed region stands for its box', () => {
		const folded = (path: string) => boxes.get(path.startsWith('p.a') ? 'p.a' : path);
		const tiers = focusTiers({ nodes, boxOf: folded, active, open, lead: 'p.a.x', mode: 'play' });
		expect(tiers[0]).toEqual(at('p.a'));
		expect(tiers[1]).toEqual(at('p.a', 'end'));
	});
});
