/**
 * A binary heap: `pop` gives the item that comes `before` every other. Ties keep no order, so give
 * `before` a tie-breaker (such as the order items were pushed) where results must be deterministic.
 */
export class Heap<T> {
	private items: T[] = [];

	/** `new Heap<number>((a, b) => a > b)` is a max-heap of numbers. */
	constructor(private readonly before: (a: T, b: T) => boolean) {}

	get size(): number {
		return this.items.length;
	}

	push(item: T): void {
		const items = this.items;
		items.push(item);
		let i = items.length - 1;
		while (i > 0) {
			const parent = (i - 1) >> 1;
			if (!this.before(items[i], items[parent])) break;
			[items[i], items[parent]] = [items[parent], items[i]];
			i = parent;
		}
	}

	pop(): T | undefined {
		const items = this.items;
		const top = items[0];
		const last = items.pop();
		if (items.length === 0 || last === undefined) return top;
		items[0] = last;
		let i = 0;
		for (;;) {
			const l = 2 * i + 1;
			const r = l + 1;
			let best = i;
			if (l < items.length && this.before(items[l], items[best])) best = l;
			if (r < items.length && this.before(items[r], items[best])) best = r;
			if (best === i) return top;
			[items[i], items[best]] = [items[best], items[i]];
			i = best;
		}
	}
}
