/**
 * Work put off until the page has started, one piece per task, in the order asked: each piece runs
 * in a task of its own (a zero-delay timer), so the browser can paint and answer input between
 * them instead of running one long task. Deferred.svelte uses it to render the panels below the
 * fold after the ones on screen.
 */
const queue: (() => void)[] = [];
let scheduled = false;

function runNext(): void {
	scheduled = false;
	try {
		queue.shift()?.();
	} finally {
		// A job that throws does not stop the ones after it.
		if (queue.length > 0) schedule();
	}
}

function schedule(): void {
	if (scheduled) return;
	scheduled = true;
	setTimeout(runNext, 0);
}

/** Run `job` in a later task, after the jobs deferred before it; the result cancels it. */
export function defer(job: () => void): () => void {
	queue.push(job);
	schedule();
	return () => {
		const at = queue.indexOf(job);
		if (at >= 0) queue.splice(at, 1);
	};
}
