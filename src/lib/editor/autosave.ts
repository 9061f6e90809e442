/**
 * Saving as the person types: a change is written after `delay` ms without another change, or at
 * once on `flush()` (the page flushes when it is hidden or left). Only the latest value is
 * written, one write at a time (a draft's writes are compared with its stored revision, so two at
 * once would refuse each other); the status says whether everything typed is on disk. A value
 * whose write fails stays pending, and is written on the next `flush()` or `schedule()`: it is
 * never dropped unless `cancel()` says so.
 */

import { messageOf } from '../format/messageOf';

export type SaveStatus =
	{ kind: 'saved' } | { kind: 'saving' } | { kind: 'failed'; reason: string };

export interface Autosave<T> {
	/** A new value to write; replaces any value not yet written. */
	schedule(value: T): void;
	/** Write the pending value now; resolves once it is written (or has failed). */
	flush(): Promise<void>;
	/** Forget the pending value (the draft was deleted, or its text is kept elsewhere). */
	cancel(): void;
	/** The value not yet written (waiting, being retried after a failure), if any. */
	readonly pending: T | undefined;
	/** Nothing pending and nothing being written. */
	readonly idle: boolean;
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
	let writing = false;
	/** The writes, one after another. */
	let queue = Promise.resolve();

	const stopTimer = () => {
		if (timer !== undefined) timers.clearTimeout(timer);
		timer = undefined;
	};

	/** Write what is pending when this write's turn comes. Never rejects. */
	async function write(): Promise<void> {
		if (!pending) return;
		const { value } = pending;
		pending = undefined;
		writing = true;
		try {
			await save(value);
			writing = false;
			if (!pending) onstatus({ kind: 'saved' });
		} catch (error) {
			writing = false;
			// Kept to write again, unless a newer value replaced it meanwhile.
			pending ??= { value };
			onstatus({ kind: 'failed', reason: messageOf(error) });
		}
	}

	function flush(): Promise<void> {
		stopTimer();
		queue = queue.then(write);
		return queue;
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
		},
		get pending() {
			return pending?.value;
		},
		get idle() {
			return !pending && !writing;
		}
	};
}
