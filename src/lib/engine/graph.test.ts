import { describe, expect, it } from 'vitest';
import { stronglyConnected } from './graph';

/** CSR form of an adjacency list. */
function csr(adjacency: number[][]) {
	const rowStart = new Int32Array(adjacency.length + 1);
	adjacency.forEach((row, i) => (rowStart[i + 1] = rowStart[i] + row.length));
	return { size: adjacency.length, rowStart, edgeTarget: Int32Array.from(adjacency.flat()) };
}

/** Components as sorted sets, order kept. */
function sccs(adjacency: number[][]): number[][] {
	const { size, rowStart, edgeTarget } = csr(adjacency);
	return stronglyConnected(size, rowStart, edgeTarget).map((c) => [...c].sort((a, b) => a - b));
}

/** Every edge u → v between components points to a component listed no later than u's. */
function expectReverseTopological(adjacency: number[][], components: number[][]) {
	const at = new Map<number, number>();
	components.forEach((c, i) => c.forEach((v) => at.set(v, i)));
	expect(components.flat().sort((a, b) => a - b)).toEqual(adjacency.map((_, i) => i));
	adjacency.forEach((row, u) =>
		row.forEach((v) => expect(at.get(v)!).toBeLessThanOrEqual(at.get(u)!))
	);
}

describe('stronglyConnected', () => {
	// Where the reverse topological order is unique, `ordered` says so and the order is checked too.
	it.each([
		{ name: 'no nodes', input: [], expected: [], ordered: true },
		{ name: 'one node, no edge', input: [[]], expected: [[0]], ordered: true },
		{ name: 'a self-loop', input: [[0]], expected: [[0]], ordered: true },
		{ name: 'a cycle of three', input: [[1], [2], [0]], expected: [[0, 1, 2]], ordered: true },
		{
			name: 'a path (DAG), sinks first',
			input: [[1], [2], []],
			expected: [[2], [1], [0]],
			ordered: true
		},
		{
			name: 'a diamond (DAG)',
			input: [[1, 2], [3], [3], []],
			expected: [[0], [1], [2], [3]],
			ordered: false
		},
		{ name: 'a self-loop into a sink', input: [[0, 1], []], expected: [[1], [0]], ordered: true },
		{
			name: 'two cycles joined by an edge',
			input: [[1], [0, 2], [3], [2]],
			expected: [
				[2, 3],
				[0, 1]
			],
			ordered: true
		},
		{
			name: 'a cycle with a tail and an exit',
			input: [[1], [2, 3], [1], []],
			expected: [[3], [1, 2], [0]],
			ordered: true
		},
		{ name: 'unconnected nodes', input: [[], [], []], expected: [[0], [1], [2]], ordered: false },
		{
			name: 'duplicate edges',
			input: [
				[1, 1],
				[0, 0]
			],
			expected: [[0, 1]],
			ordered: true
		}
	])('$name', ({ input, expected, ordered }) => {
		const components = sccs(input);
		if (ordered) expect(components).toEqual(expected);
		else expect([...components].sort((a, b) => a[0] - b[0])).toEqual(expected);
		expectReverseTopological(input, components);
	});

	it('returns components in reverse topological order', () => {
		// 0 → 1 ⇄ 2 → 3 → 4 ⇄ 5, and 0 → 4, 6 → 0
		const adjacency = [[1, 4], [2], [1, 3], [4], [5], [4], [0]];
		const components = sccs(adjacency);
		expectReverseTopological(adjacency, components);
		expect(components).toHaveLength(5);
		expect(components).toContainEqual([1, 2]);
		expect(components).toContainEqual([4, 5]);
	});

	it('handles a chain of 200,000 nodes without overflowing the stack', () => {
		const n = 200_000;
		const adjacency = Array.from({ length: n }, (_, i) => (i + 1 < n ? [i + 1] : [0]));
		const components = sccs(adjacency);
		expect(components).toHaveLength(1);
		expect(components[0]).toHaveLength(n);
	});

	it('does not change its input', () => {
		const { size, rowStart, edgeTarget } = csr([[1], [2], [0]]);
		const before = [Array.from(rowStart), Array.from(edgeTarget)];
		stronglyConnected(size, rowStart, edgeTarget);
		expect([Array.from(rowStart), Array.from(edgeTarget)]).toEqual(before);
	});
});
