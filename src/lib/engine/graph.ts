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
	const stack: number[] = [];
	const components: number[][] = [];
	let counter = 0;
	const work: [node: number, edge: number][] = [];
	for (let root = 0; root < size; root++) {
		if (index[root] !== -1) continue;
		work.push([root, rowStart[root]]);
		index[root] = low[root] = counter++;
		stack.push(root);
		onStack[root] = 1;
		while (work.length > 0) {
			const frame = work[work.length - 1];
			const [v, e] = frame;
			if (e < rowStart[v + 1]) {
				frame[1] = e + 1;
				const w = edgeTarget[e];
				if (index[w] === -1) {
					index[w] = low[w] = counter++;
					stack.push(w);
					onStack[w] = 1;
					work.push([w, rowStart[w]]);
				} else if (onStack[w]) low[v] = Math.min(low[v], index[w]);
				continue;
			}
			work.pop();
			if (work.length > 0) {
				const parent = work[work.length - 1][0];
				low[parent] = Math.min(low[parent], low[v]);
			}
			if (low[v] === index[v]) {
				const component: number[] = [];
				let w: number;
				do {
					w = stack.pop()!;
					onStack[w] = 0;
					component.push(w);
				} while (w !== v);
				components.push(component);
			}
		}
	}
	return components;
}
