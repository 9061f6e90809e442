/**
 * The editor's drafts, kept in the browser's IndexedDB so that they survive a reload, a crashed
 * tab and a closed browser. A draft is a scenario's text plus the source texts it cites, under a
 * name the person chooses. Every write is one transaction that has completed before the promise
 * resolves, so a draft reported saved is on disk.
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
}

export type DraftSummary = Pick<Draft, 'id' | 'name' | 'format' | 'createdAt' | 'updatedAt'>;

export interface DraftStore {
	/** Every draft, most recently changed first. */
	list(): Promise<DraftSummary[]>;
	get(id: string): Promise<Draft | undefined>;
	/** Create or replace; `updatedAt` is set to now (or kept if `touch` is false). */
	put(draft: Draft, touch?: boolean): Promise<Draft>;
	rename(id: string, name: string): Promise<Draft>;
	delete(id: string): Promise<void>;
	close(): void;
}

const storeName = 'drafts';

/** Open (and create or upgrade) the drafts database. Rejects with a message a person can act on. */
export async function openDraftStore(
	factory: IDBFactory,
	{ name = 'brink', now = Date.now }: { name?: string; now?: () => number } = {}
): Promise<DraftStore> {
	const db = await new Promise<IDBDatabase>((resolve, reject) => {
		const request = factory.open(name, 1);
		request.onupgradeneeded = () => {
			const store = request.result.createObjectStore(storeName, { keyPath: 'id' });
			store.createIndex('updatedAt', 'updatedAt');
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

	/** Run `work` in one transaction; resolve with its result once the transaction has completed. */
	function transact<T>(
		mode: IDBTransactionMode,
		work: (store: IDBObjectStore, done: (value: T) => void) => void
	): Promise<T> {
		return new Promise<T>((resolve, reject) => {
			const tx = db.transaction(storeName, mode, { durability: 'strict' });
			let result: T;
			tx.oncomplete = () => resolve(result);
			tx.onerror = () => reject(tx.error ?? new Error('the drafts database refused the change'));
			tx.onabort = () => reject(tx.error ?? new Error('the change to the drafts was cancelled'));
			work(tx.objectStore(storeName), (value) => (result = value));
		});
	}

	const get = (id: string) =>
		transact<Draft | undefined>('readonly', (store, done) => {
			const request = store.get(id);
			request.onsuccess = () => done(request.result as Draft | undefined);
		});

	const put = (draft: Draft, touch = true) => {
		const saved: Draft = structuredClone({ ...draft, updatedAt: touch ? now() : draft.updatedAt });
		return transact<Draft>('readwrite', (store, done) => {
			store.put(saved);
			done(saved);
		});
	};

	return {
		list: () =>
			transact<DraftSummary[]>('readonly', (store, done) => {
				const request = store.getAll();
				request.onsuccess = () =>
					done(
						(request.result as Draft[])
							.map(({ id, name, format, createdAt, updatedAt }) => ({
								id,
								name,
								format,
								createdAt,
								updatedAt
							}))
							.sort((a, b) => b.updatedAt - a.updatedAt || a.name.localeCompare(b.name))
					);
			}),
		get,
		put,
		async rename(id, name) {
			const draft = await get(id);
			if (!draft)
				throw new Error(
					`there is no draft "${id}" any more: it may have been deleted in another tab`
				);
			const trimmed = name.trim();
			if (trimmed === '') throw new Error('a draft needs a name');
			return put({ ...draft, name: trimmed });
		},
		delete: (id) =>
			transact<void>('readwrite', (store, done) => {
				store.delete(id);
				done();
			}),
		close: () => db.close()
	};
}

/** A new draft with a fresh id. */
export function newDraft(
	fields: Pick<Draft, 'name' | 'scenario'> & Partial<Pick<Draft, 'format' | 'sources'>>,
	now: number = Date.now(),
	id: string = crypto.randomUUID()
): Draft {
	return {
		id,
		format: 'yaml',
		sources: {},
		...fields,
		createdAt: now,
		updatedAt: now
	};
}
