/**
 * The drafts whose check has started and not ended, kept where a reload of the tab finds them
 * (the page's sessionStorage: per tab, so that another tab open on the same draft is not taken
 * for a page that froze): a draft still marked when the editor opens it had its check cut short
 * by the page freezing or crashing, and opens with its check paused. The editor marks a draft
 * before its check starts and clears it when the check ends, is cancelled, or the page is left
 * the ordinary way (pagehide); a check stopped by the time budget stays marked. Storage that
 * fails (full, or refused in a private window) loses the marks, never the draft.
 */

export interface CheckMarks {
	has(id: string): boolean;
	add(id: string): void;
	delete(id: string): void;
}

/** The part of `sessionStorage` the marks use. */
export type MarkStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The key of the marks (an array of draft ids, as JSON). */
export const checkingKey = 'brink.editor.checking';

/** Marks kept in memory only (the unit tests; a page without storage). */
export function memoryMarks(): CheckMarks {
	return new Set<string>();
}

/**
 * Marks kept in `storage` under `key`. Unreadable contents count as no marks.
 * `storedMarks(sessionStorage).add(id)` writes `["<id>"]` under `brink.editor.checking`.
 */
export function storedMarks(storage: MarkStorage, key = checkingKey): CheckMarks {
	const read = (): string[] => {
		try {
			const value: unknown = JSON.parse(storage.getItem(key) ?? '[]');
			return Array.isArray(value) ? value.filter((v) => typeof v === 'string') : [];
		} catch {
			return [];
		}
	};
	const write = (ids: string[]) => {
		try {
			if (ids.length === 0) storage.removeItem(key);
			else storage.setItem(key, JSON.stringify(ids));
		} catch {
			// Storage refused: the mark is a safeguard, not the draft; go on without it.
		}
	};
	return {
		has: (id) => read().includes(id),
		add: (id) => {
			const ids = read();
			if (!ids.includes(id)) write([...ids, id]);
		},
		delete: (id) => {
			const ids = read();
			if (ids.includes(id)) write(ids.filter((i) => i !== id));
		}
	};
}
