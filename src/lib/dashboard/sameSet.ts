/**
 * `next`, or `previous` when both hold the same members. A `$derived` that builds a new set on
 * every run (the active states, the open steps) returns the old one through this when nothing
 * changed, so that what reads it (the statechart's view, its states) is not redrawn for nothing.
 */
export function sameSet<T>(
	previous: ReadonlySet<T> | undefined,
	next: ReadonlySet<T>
): ReadonlySet<T> {
	if (previous === undefined || previous.size !== next.size) return next;
	for (const member of next) if (!previous.has(member)) return next;
	return previous;
}
