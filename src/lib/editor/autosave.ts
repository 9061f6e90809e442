/**
 * Saving as the person types: a change is written after `delay` ms without another change, or at
 * once on `flush()` (the page flushes when it is hidden or left). Only the latest value is
 * written; the status says whether everything typed is on disk.
 */

export type SaveStatus =
	{ kind: 'saved' } | { kind: 'saving' } | { kind: 'failed'; reason: string };

export interface Autosave<T> {
	/** A new value to write; replaces any value not yet written. */
	schedule(value: T): void;
	/** Write the pending value now; resolves once it is written (or has failed). */
	flush(): Promise<void>;
	/** Forget the pending value (the draft was deleted). */
	cancel(): void;
}

interface Timers {
	setTimeout(run: () => void, ms: number): unknown;
	clearTimeout(id: unknown): void;
}

/**
 * `const saver = createAutosave((d) => store.put(d), (s) => (status = s))`, then
 * `saver.schedule(draft)` on each change.
 */
export function createAutosave<T>(
	save: (value: T) => Promise<unknown>,
	onstatus: (status: SaveStatus) => void,
	{
		delay = 400,
		timers = globalThis as unknown as Timers
	}: { delay?: number; timers?: Timers } = {}
): Autosave<T> {
	let pending: { value: T } | undefined;
	let timer: unknown;
	let writing = 0;

	const stopTimer = () => {
		if (timer !== undefined) timers.clearTimeout(timer);
		timer = undefined;
	};

	async function flush(): Promise<void> {
		stopTimer();
		if (!pending) return;
		const { value } = pending;
		pending = undefined;
		writing++;
		try {
			await save(value);
			writing--;
			if (!pending && writing === 0) onstatus({ kind: 'saved' });
		} catch (error) {
			writing--;
			onstatus({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) });
		}
	}

	return {
		schedule(value) {
			pending = { value };
			onstatus({ kind: 'saving' });
			stopTimer();
			timer = timers.setTimeout(() => void flush(), delay);
		},
		flush,
		cancel() {
			stopTimer();
			pending = undefined;
		}
	};
}
