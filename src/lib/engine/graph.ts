/**
 * Strongly connected components of a chain's graph (Tarjan's algorithm, iterative so that deep
 * chains cannot overflow the call stack). Components come out in reverse topological order.
 */
export function stronglyConnected(
	size: number,
	rowStart: Int32Array,
	edgeTarget: Int32Array
): number[][] {
	const index = new Int32Array(size).fill(-1);
	const low = new Int32Array(size);
	const onStack = new Uint8Array(size);
	const stack = new Int32Array(size);
	let top = 0;
	const components: number[][] = [];
	let counter = 0;
	// The depth-first walk without recursion: each frame a node and the next edge to follow.
	const workNode = new Int32Array(size);
	const workEdge = new Int32Array(size);
	let depth: number;
	for (let root = 0; root < size; root++) {
		if (index[root] !== -1) continue;
		workNode[0] = root;
		workEdge[0] = rowStart[root];
		depth = 1;
		index[root] = low[root] = counter++;
		stack[top++] = root;
		onStack[root] = 1;
		while (depth > 0) {
			const v = workNode[depth - 1];
			const e = workEdge[depth - 1];
			if (e < rowStart[v + 1]) {
				workEdge[depth - 1] = e + 1;
				const w = edgeTarget[e];
				if (index[w] === -1) {
					index[w] = low[w] = counter++;
					stack[top++] = w;
					onStack[w] = 1;
					workNode[depth] = w;
					workEdge[depth] = rowStart[w];
					depth++;
				} else if (onStack[w]) low[v] = Math.min(low[v], index[w]);
				continue;
			}
			depth--;
			if (depth > 0) {
				const parent = workNode[depth - 1];
				low[parent] = Math.min(low[parent], low[v]);
			}
			if (low[v] === index[v]) {
				const component: number[] = [];
				let w: number;
				do {
					w = stack[--top];
					onStack[w] = 0;
					component.push(w);
				} while (w !== v);
				components.push(component);
			}
		}
	}
	return components;
}
