import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { DraftConflictError, newDraft, openDraftStore } from './drafts';

/** A fresh, empty IndexedDB per test and a clock that ticks once per call. */
function setup() {
	let t = 1_000;
	const factory = new IDBFactory();
	return { factory, now: () => ++t };
}

describe('the draft store', () => {
	it('keeps a draft with its sources, and gives it back equal', async () => {
		const { factory, now } = setup();
		const store = await openDraftStore(factory, { now });
		const draft = newDraft(
			{
				name: 'My scenario',
				scenario: 'id: mine\ntitle: Mine\n',
				sources: { memo: { meta: 'id: memo\n', text: 'Talks may fail.' } }
			},
			5,
			'd1'
		);
		const saved = await store.put(draft);
		expect(saved.updatedAt).toBe(1_001);
		expect(await store.get('d1')).toEqual(saved);
		expect(await store.get('missing')).toBeUndefined();
	});

	it('survives closing and reopening the database (a reload, a closed browser)', async () => {
		const { factory, now } = setup();
		const first = await openDraftStore(factory, { now });
		await first.put(newDraft({ name: 'Kept', scenario: 'id: kept\n' }, 1, 'k'));
		first.close();
		const second = await openDraftStore(factory, { now });
		expect((await second.get('k'))?.scenario).toBe('id: kept\n');
	});

	it('lists drafts most recently changed first; renames and deletes', async () => {
		const { factory, now } = setup();
		const store = await openDraftStore(factory, { now });
		await store.put(newDraft({ name: 'A', scenario: 'a' }, 0, 'a'));
		await store.put(newDraft({ name: 'B', scenario: 'b' }, 0, 'b'));
		expect((await store.list()).map((d) => d.id)).toEqual(['b', 'a']);
		const renamed = await store.rename('a', '  Alpha  ');
		expect(renamed.name).toBe('Alpha');
		expect((await store.list()).map((d) => [d.id, d.name])).toEqual([
			['a', 'Alpha'],
			['b', 'B']
		]);
		await store.delete('b');
		expect((await store.list()).map((d) => d.id)).toEqual(['a']);
		// The list holds summaries, not the texts.
		expect(Object.keys((await store.list())[0]).sort()).toEqual([
			'createdAt',
			'format',
			'id',
			'name',
			'size',
			'updatedAt'
		]);
	});

	it('refuses an empty name and a draft that no longer exists, saying what to do', async () => {
		const { factory, now } = setup();
		const store = await openDraftStore(factory, { now });
		await store.put(newDraft({ name: 'A', scenario: 'a' }, 0, 'a'));
		await expect(store.rename('a', '   ')).rejects.toThrow('a draft needs a name');
		await expect(store.rename('gone', 'X')).rejects.toThrow(/no draft "gone" any more/);
		expect((await store.get('a'))?.name).toBe('A');
	});

	it('put without touch keeps the time (an import keeps its dates)', async () => {
		const { factory, now } = setup();
		const store = await openDraftStore(factory, { now });
		const saved = await store.put(newDraft({ name: 'Old', scenario: 'x' }, 42, 'o'), false);
		expect(saved.updatedAt).toBe(42);
	});

	it('a stored draft is a copy: changing the object afterwards changes nothing stored', async () => {
		const { factory, now } = setup();
		const store = await openDraftStore(factory, { now });
		const draft = newDraft({ name: 'A', scenario: 'before' }, 0, 'a');
		await store.put(draft);
		draft.scenario = 'after';
		expect((await store.get('a'))?.scenario).toBe('before');
	});

	it('an old draft (a database of version 1, no revision, no index) is listed, counts as revision 0, and is saved as 1', async () => {
		const { factory, now } = setup();
		const { revision: _, ...old } = newDraft({ name: 'Old', scenario: 'old' }, 0, 'o');
		// The database as version 1 left it: the drafts alone.
		await new Promise<void>((resolve, reject) => {
			const request = factory.open('brink', 1);
			request.onupgradeneeded = () =>
				request.result
					.createObjectStore('drafts', { keyPath: 'id' })
					.createIndex('updatedAt', 'updatedAt');
			request.onsuccess = () => {
				const tx = request.result.transaction('drafts', 'readwrite');
				tx.objectStore('drafts').put(old);
				tx.oncomplete = () => (request.result.close(), resolve());
				tx.onerror = () => reject(tx.error);
			};
		});
		const store = await openDraftStore(factory, { now });
		expect(await store.list()).toEqual([
			{ id: 'o', name: 'Old', format: 'yaml', createdAt: 0, updatedAt: 0, size: 3 }
		]);
		const loaded = await store.get('o');
		expect(loaded?.revision).toBe(0);
		expect((await store.put({ ...loaded!, scenario: 'new' })).revision).toBe(1);
	});

	it('a write refused by the browser (a full disk) rejects with what to do, and changes nothing', async () => {
		const { factory, now } = setup();
		const store = await openDraftStore(factory, { now });
		const saved = await store.put(newDraft({ name: 'A', scenario: 'kept' }, 0, 'a'));
		const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
			throw new DOMException('quota', 'QuotaExceededError');
		});
		try {
			await expect(store.put({ ...saved, scenario: 'lost?' })).rejects.toThrow(
				/no room left for drafts \(quota\): download this text/
			);
		} finally {
			put.mockRestore();
		}
		expect(await store.get('a')).toEqual(saved);
	});
});

describe('a thousand large drafts: the list reads the index, a save its one draft', () => {
	/** The records read from each object store, by store name, while `work` runs. */
	async function reads(work: () => Promise<unknown>): Promise<Record<string, number>> {
		const counts: Record<string, number> = {};
		const count = (store: IDBObjectStore, n: number) =>
			(counts[store.name] = (counts[store.name] ?? 0) + n);
		const get = vi.spyOn(IDBObjectStore.prototype, 'get');
		const getAll = vi.spyOn(IDBObjectStore.prototype, 'getAll');
		const cursor = vi.spyOn(IDBObjectStore.prototype, 'openCursor');
		try {
			await work();
			for (const call of get.mock.contexts) count(call as IDBObjectStore, 1);
			getAll.mock.contexts.forEach((store, i) => {
				const request = getAll.mock.results[i].value as IDBRequest<unknown[]>;
				count(store as IDBObjectStore, request.result.length);
			});
			for (const call of cursor.mock.contexts) count(call as IDBObjectStore, Infinity);
		} finally {
			for (const spy of [get, getAll, cursor]) spy.mockRestore();
		}
		return counts;
	}

	it('lists 1,000 drafts from their summaries, and saves one reading only that one', async () => {
		const { factory, now } = setup();
		const store = await openDraftStore(factory, { now });
		const text = 'x'.repeat(50_000);
		for (let i = 0; i < 1_000; i++)
			await store.put(newDraft({ name: `Draft ${i}`, scenario: text }, 0, `d${i}`));
		let listed: Awaited<ReturnType<typeof store.list>> = [];
		expect(await reads(async () => (listed = await store.list()))).toEqual({ summaries: 1_000 });
		expect(listed).toHaveLength(1_000);
		expect(listed[0]).toMatchObject({ id: 'd999', name: 'Draft 999', size: 50_000 });
		const draft = (await store.get('d500'))!;
		expect(await reads(() => store.put({ ...draft, scenario: `${text}!` }))).toEqual({ drafts: 1 });
		expect((await store.list())[0]).toMatchObject({ id: 'd500', size: 50_001 });
		expect(await reads(() => store.rename('d500', 'Renamed'))).toEqual({ drafts: 1 });
		await store.delete('d1');
		expect((await store.list()).map((d) => d.id)).not.toContain('d1');
		expect((await store.list()).find((d) => d.id === 'd500')?.name).toBe('Renamed');
	}, 60_000);
});

describe('two tabs on one draft (two handles on one database)', () => {
	async function twoTabs() {
		const { factory, now } = setup();
		const a = await openDraftStore(factory, { now });
		const b = await openDraftStore(factory, { now });
		await a.put(newDraft({ name: 'Shared', scenario: 'first' }, 0, 's'));
		return { a, b, inA: (await a.get('s'))!, inB: (await b.get('s'))! };
	}

	it('counts each write of the text as a revision', async () => {
		const { a, inA } = await twoTabs();
		expect(inA.revision).toBe(1);
		const saved = await a.put({ ...inA, scenario: 'second' });
		expect(saved.revision).toBe(2);
		expect(await a.get('s')).toEqual(saved);
	});

	it('refuses a write over a text saved by the other tab since it was loaded, and keeps that text', async () => {
		const { a, b, inA, inB } = await twoTabs();
		await a.put({ ...inA, scenario: 'typed in A' });
		const refused = b.put({ ...inB, scenario: 'typed in B' });
		await expect(refused).rejects.toBeInstanceOf(DraftConflictError);
		await expect(refused).rejects.toMatchObject({
			stored: { scenario: 'typed in A', revision: 2 }
		});
		expect((await b.get('s'))?.scenario).toBe('typed in A');
		// B's text is kept as a new draft; both texts are stored.
		await b.put(newDraft({ name: 'Shared (from another tab)', scenario: 'typed in B' }, 0, 'c'));
		expect((await a.list()).map((d) => d.name).sort()).toEqual([
			'Shared',
			'Shared (from another tab)'
		]);
		expect((await a.get('c'))?.scenario).toBe('typed in B');
	});

	it('a rename in the other tab is no conflict: the text is saved, the new name kept', async () => {
		const { a, b, inB } = await twoTabs();
		const renamed = await a.rename('s', 'Renamed in A');
		expect(renamed.revision).toBe(1);
		const saved = await b.put({ ...inB, scenario: 'typed in B' });
		expect(saved).toMatchObject({ name: 'Renamed in A', scenario: 'typed in B', revision: 2 });
		expect(await a.get('s')).toEqual(saved);
	});

	it('a name that follows the title is written with the text; once renamed, in either tab, it stays', async () => {
		const { factory, now } = setup();
		const a = await openDraftStore(factory, { now });
		const b = await openDraftStore(factory, { now });
		const titled = newDraft({ name: 'Gulf', scenario: 'title: Gulf', followsTitle: true }, 0, 't');
		const first = await a.put(titled);
		const second = await a.put({ ...first, name: 'Gulf talks', scenario: 'title: Gulf talks' });
		expect(second).toMatchObject({ name: 'Gulf talks', followsTitle: true });
		const inB = (await b.get('t'))!;
		// Renamed in A; B, which still follows the title, types and takes a new title.
		expect(await a.rename('t', 'Mine')).toMatchObject({ name: 'Mine', followsTitle: false });
		const saved = await b.put({ ...inB, name: 'Gulf war', scenario: 'title: Gulf war' });
		expect(saved).toMatchObject({ name: 'Mine', followsTitle: false, scenario: 'title: Gulf war' });
		expect(await a.get('t')).toEqual(saved);
	});

	it('a draft stored before names followed titles keeps its name', async () => {
		const { a, inA } = await twoTabs();
		expect(inA.followsTitle).toBeUndefined();
		const saved = await a.put({ ...inA, name: 'Other', followsTitle: true, scenario: 'x' });
		expect(saved).toMatchObject({ name: 'Shared', scenario: 'x' });
		expect(saved.followsTitle).toBeFalsy();
	});

	it('refuses a write of a draft the other tab deleted, instead of bringing it back unseen', async () => {
		const { a, b, inB } = await twoTabs();
		await a.delete('s');
		await expect(b.put({ ...inB, scenario: 'typed in B' })).rejects.toMatchObject({
			name: 'DraftConflictError',
			stored: undefined
		});
		expect(await a.get('s')).toBeUndefined();
		await expect(b.rename('s', 'X')).rejects.toThrow(/deleted in another tab/);
	});
});
