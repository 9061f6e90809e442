/**
 * The next value of something the page shows, sharing with the value shown what did not change:
 * the value shown itself when the two are equal, or, for a plain object, a new object whose equal
 * fields are the shown ones. A panel given those fields then sees the same objects and does not
 * draw again (a check's answer comes from the worker as new objects, even when nothing in them
 * changed, as while a title is typed). Pure; plain data: primitives, arrays, plain objects, Sets
 * (of primitives) and Maps.
 * Example: `keepSame({ a: [1], b: 2 }, { a: [1], b: 3 })` is `{ a: <the shown [1]>, b: 3 }`.
 */
export function keepSame<T>(shown: T | undefined, next: T): T {
	if (shown === undefined || !isPlain(shown) || !isPlain(next))
		return same(shown, next) ? shown! : next;
	let changed = Object.keys(shown).length !== Object.keys(next).length;
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(next)) {
		const before = (shown as Record<string, unknown>)[key];
		const kept = Object.hasOwn(shown, key) && same(before, value);
		out[key] = kept ? before : value;
		changed ||= !kept;
	}
	return changed ? (out as T) : shown;
}

const isPlain = (value: unknown): value is object =>
	typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/** Equal as plain data. */
export function same(a: unknown, b: unknown): boolean {
	if (Object.is(a, b)) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	if (Array.isArray(a) || Array.isArray(b)) {
		if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
		return a.every((item, i) => same(item, b[i]));
	}
	if (a instanceof Set || b instanceof Set) {
		if (!(a instanceof Set && b instanceof Set) || a.size !== b.size) return false;
		for (const item of a) if (!b.has(item)) return false;
		return true;
	}
	if (a instanceof Map || b instanceof Map) {
		if (!(a instanceof Map && b instanceof Map) || a.size !== b.size) return false;
		for (const [key, value] of a) if (!b.has(key) || !same(value, b.get(key))) return false;
		return true;
	}
	if (!isPlain(a) || !isPlain(b)) return false;
	const keys = Object.keys(a);
	if (keys.length !== Object.keys(b).length) return false;
	return keys.every(
		(key) =>
			Object.hasOwn(b, key) &&
			same((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])
	);
}
