/**
 * The editor's drafts, kept in the browser's IndexedDB so that they survive a reload, a crashed
 * tab and a closed browser. A draft is a scenario's text plus the source texts it cites, under a
 * name the person chooses. Every write is one transaction that has completed before the promise
 * resolves, so a draft reported saved is on disk.
 *
 * Two tabs can hold the same draft. Each stored draft carries a `revision`, counted up by every
 * write of its text; `put` compares the revision the writer loaded with the stored one inside the
 * same transaction, and refuses (`DraftConflictError`) rather than overwrite a text it has not seen.
 * The name is not part of the text: `rename` changes it without a new revision, and `put` keeps a
 * name the person gave, so that a rename in one tab and typing in another never conflict. A name
 * that still follows the scenario's title (`followsTitle`, draftName.ts) is written with the text
 * it was taken from.
 *
 * Beside the drafts, the store keeps a small index: one summary per draft (name, format, size and
 * dates), written in the same transaction as the draft. Listing reads only the summaries, and a
 * save reads and writes only its own draft and summary, so a thousand large drafts cost nothing
 * to list, and nothing to save beside the one that changed.
 *
 * The store takes the IndexedDB factory as a parameter: the page passes `indexedDB`, the unit
 * tests an in-memory implementation (fake-indexeddb).
 */

export interface DraftSource {
	/** The source metadata file (YAML), as in scenarios/sources/<id>.yaml. */
	meta: string;
	/** The source text. */
	text: string;
}

export interface Draft {
	id: string;
	name: string;
	/** The scenario file's text. */
	scenario: string;
	format: 'yaml' | 'json';
	/** Source files by source id. */
	sources: Record<string, DraftSource>;
	createdAt: number;
	updatedAt: number;
	/**
	 * How many times the text has been written; 0 for a draft not stored yet (and for a draft
	 * stored before revisions were counted).
	 */
	revision: number;
	/**
	 * The name is the scenario's title (numbered when another draft has it) and follows it; false
	 * once the person renames the draft (or for a copy named after where its text came from).
	 * Absent in drafts stored before names followed titles: their names stay as they are.
	 */
	followsTitle?: boolean;
}

export type DraftSummary = Pick<Draft, 'id' | 'name' | 'format' | 'createdAt' | 'updatedAt'> & {
	/** Characters of the scenario and its sources' texts and metadata. */
	size: number;
};

export interface DraftStore {
	/** Every draft, most recently changed first. */
	list(): Promise<DraftSummary[]>;
	get(id: string): Promise<Draft | undefined>;
	/**
	 * Create (`revision` 0, no draft with its id stored) or replace the text of the stored draft
	 * whose revision is `draft.revision`; resolves with the stored draft, its revision one higher.
	 * Rejects with a `DraftConflictError`, writing nothing, when the stored revision is another
	 * (another tab saved the draft since this one loaded it) or the draft is gone (deleted in
	 * another tab). `updatedAt` is set to now (or kept if `touch` is false). The stored name is
	 * kept unless it follows the title: then the draft's name (taken from its text) is written.
	 */
	put(draft: Draft, touch?: boolean): Promise<Draft>;
	/** A new name, in the same transaction as the read; the revision stays; no longer the title's. */
	rename(id: string, name: string): Promise<Draft>;
	delete(id: string): Promise<void>;
	close(): void;
}

const storeName = 'drafts';
/** One DraftSummary per draft, kept with it: what the list reads. */
const summaryStore = 'summaries';

/** A draft's entry in the index. */
export function toSummary(draft: Draft): DraftSummary {
	const { id, name, format, createdAt, updatedAt } = draft;
	const size = Object.values(draft.sources).reduce(
		(n, source) => n + source.meta.length + source.text.length,
		draft.scenario.length
	);
	return { id, name, format, createdAt, updatedAt, size };
}

/** A write refused because the stored draft is not the one the writer loaded. */
export class DraftConflictError extends Error {
	constructor(
		readonly id: string,
		/** The draft as stored now; undefined when it was deleted. */
		readonly stored: Draft | undefined
	) {
		super(
			stored
				? `“${stored.name}” was saved elsewhere (revision ${stored.revision}) since it was loaded here`
				: `the draft "${id}" was deleted elsewhere since it was loaded here`
		);
		this.name = 'DraftConflictError';
	}
}

/** A stored record as a draft: records stored before revisions were counted are revision 0. */
const toDraft = (record: unknown): Draft | undefined =>
	record === undefined ? undefined : { revision: 0, ...(record as Omit<Draft, 'revision'>) };

/** A browser's refusal as a message a person can act on (a full disk above all). */
function toStorageError(error: unknown): unknown {
	if (error instanceof DOMException && error.name === 'QuotaExceededError')
		return new Error(
			`this browser has no room left for drafts (${error.message}): download this text, or delete drafts you no longer need`
		);
	return error;
}

/** Open (and create or upgrade) the drafts database. Rejects with a message a person can act on. */
export async function openDraftStore(
	factory: IDBFactory,
	{ name = 'brink', now = Date.now }: { name?: string; now?: () => number } = {}
): Promise<DraftStore> {
	const db = await new Promise<IDBDatabase>((resolve, reject) => {
		const request = factory.open(name, 2);
		request.onupgradeneeded = (event) => {
			const db = request.result;
			if (event.oldVersion < 1) {
				const store = db.createObjectStore(storeName, { keyPath: 'id' });
				store.createIndex('updatedAt', 'updatedAt');
			}
			if (event.oldVersion < 2) {
				// Drafts stored before the index: summarised once, one at a time, as it is made.
				const summaries = db.createObjectStore(summaryStore, { keyPath: 'id' });
				const cursor = request.transaction!.objectStore(storeName).openCursor();
				cursor.onsuccess = () => {
					if (!cursor.result) return;
					summaries.put(toSummary(toDraft(cursor.result.value)!));
					cursor.result.continue();
				};
			}
		};
		request.onsuccess = () => resolve(request.result);
		request.onerror = () =>
			reject(
				new Error(
					`drafts cannot be stored in this browser (${request.error?.message ?? 'IndexedDB refused'}): export your work as a file to keep it`
				)
			);
		request.onblocked = () =>
			reject(new Error('the drafts database is held by another tab: close it and reload'));
	});

	/**
	 * Run `work` in one transaction; resolve with its result once the transaction has completed.
	 * `step` wraps each request callback: an exception there (a refused write) aborts the
	 * transaction and rejects with that exception, instead of escaping to the page.
	 */
	function transact<T>(
		mode: IDBTransactionMode,
		work: (
			store: IDBObjectStore,
			done: (value: T) => void,
			step: (run: () => void) => () => void,
			summaries: IDBObjectStore
		) => void
	): Promise<T> {
		return new Promise<T>((resolve, reject) => {
			let result: T;
			let failure: { error: unknown } | undefined;
			let tx: IDBTransaction;
			const fail = (error: unknown) => {
				failure ??= { error };
				try {
					tx.abort();
				} catch {
					// Already finished or aborted: the abort handler reports it.
				}
			};
			const step = (run: () => void) => () => {
				try {
					run();
				} catch (error) {
					fail(error);
				}
			};
			try {
				tx = db.transaction([storeName, summaryStore], mode, { durability: 'strict' });
			} catch (error) {
				reject(toStorageError(error));
				return;
			}
			// An aborted request's error event comes before the abort event: both say why, the
			// exception that aborted first.
			const refused = (fallback: string) => () =>
				reject(toStorageError(failure?.error ?? tx.error ?? new Error(fallback)));
			tx.oncomplete = () => resolve(result);
			tx.onerror = refused('the drafts database refused the change');
			tx.onabort = refused('the change to the drafts was cancelled');
			step(() =>
				work(
					tx.objectStore(storeName),
					(value) => (result = value),
					step,
					tx.objectStore(summaryStore)
				)
			)();
		});
	}

	const get = (id: string) =>
		transact<Draft | undefined>('readonly', (store, done, step) => {
			const request = store.get(id);
			request.onsuccess = step(() => done(toDraft(request.result)));
		});

	const put = (draft: Draft, touch = true) =>
		transact<Draft>('readwrite', (store, done, step, summaries) => {
			const request = store.get(draft.id);
			request.onsuccess = step(() => {
				const stored = toDraft(request.result);
				if (stored ? stored.revision !== draft.revision : draft.revision !== 0)
					throw new DraftConflictError(draft.id, stored);
				// A name the person gave (in any tab) stays; one taken from the title follows the text.
				const named = stored !== undefined && !stored.followsTitle;
				const saved: Draft = structuredClone({
					...draft,
					name: named ? stored.name : draft.name,
					followsTitle: named ? stored.followsTitle : draft.followsTitle,
					createdAt: stored?.createdAt ?? draft.createdAt,
					updatedAt: touch ? now() : draft.updatedAt,
					revision: draft.revision + 1
				});
				store.put(saved);
				summaries.put(toSummary(saved));
				done(saved);
			});
		});

	return {
		list: () =>
			transact<DraftSummary[]>('readonly', (_, done, _step, summaries) => {
				const request = summaries.getAll();
				request.onsuccess = () =>
					done(
						(request.result as DraftSummary[]).sort(
							(a, b) => b.updatedAt - a.updatedAt || a.name.localeCompare(b.name)
						)
					);
			}),
		get,
		put,
		async rename(id, name) {
			const trimmed = name.trim();
			if (trimmed === '') throw new Error('a draft needs a name');
			return transact<Draft>('readwrite', (store, done, step, summaries) => {
				const request = store.get(id);
				request.onsuccess = step(() => {
					const stored = toDraft(request.result);
					if (!stored)
						throw new Error(
							`there is no draft "${id}" any more: it may have been deleted in another tab`
						);
					const saved = { ...stored, name: trimmed, followsTitle: false, updatedAt: now() };
					store.put(saved);
					summaries.put(toSummary(saved));
					done(saved);
				});
			});
		},
		delete: (id) =>
			transact<void>('readwrite', (store, done, _step, summaries) => {
				store.delete(id);
				summaries.delete(id);
				done();
			}),
		close: () => db.close()
	};
}

/** A new draft with a fresh id. */
export function newDraft(
	fields: Pick<Draft, 'name' | 'scenario'> &
		Partial<Pick<Draft, 'format' | 'sources' | 'followsTitle'>>,
	now: number = Date.now(),
	id: string = crypto.randomUUID()
): Draft {
	return {
		id,
		format: 'yaml',
		sources: {},
		...fields,
		createdAt: now,
		updatedAt: now,
		revision: 0
	};
}
