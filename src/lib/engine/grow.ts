/** Growable typed arrays, for building large tables without a JS object per entry. */
export class Grow<T extends Int32Array | Float64Array | Uint8Array> {
	length = 0;
	constructor(
		public data: T,
		private readonly make: (size: number) => T
	) {}
	push(value: number): void {
		if (this.length === this.data.length) this.reserve(this.length + 1);
		this.data[this.length++] = value;
	}
	/** Room for at least `size` entries (the data may be replaced: read `data` after). */
	reserve(size: number): void {
		if (size <= this.data.length) return;
		const next = this.make(Math.max(size, this.data.length * 2));
		next.set(this.data);
		this.data = next;
	}
	/**
	 * The entries: a trimmed copy, or for a large array a view of them (a copy would write every
	 * page once more; the unused rest of the buffer was never written, so takes no memory).
	 */
	done(): T {
		return (
			this.length >= 1 << 20 ? this.data.subarray(0, this.length) : this.data.slice(0, this.length)
		) as T;
	}
}

export const ints = (n = 64) => new Grow(new Int32Array(n), (size) => new Int32Array(size));
export const floats = (n = 64) => new Grow(new Float64Array(n), (size) => new Float64Array(size));
export const bytes = (n = 64) => new Grow(new Uint8Array(n), (size) => new Uint8Array(size));
