import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DraftChannel } from './draftChannel';
import { DraftSession } from './draftSession.svelte';
import { newDraft, openDraftStore, type Draft, type DraftStore } from './drafts';

/** Sessions to close after each test (their channels would keep the process alive). */
const open: DraftSession[] = [];
afterEach(() => {
	for (const session of open.splice(0)) session.close();
});

/**
 * Two tabs: sessions on one IndexedDB database and one channel name (Node's BroadcastChannel
 * delivers between the two objects, as between two tabs). `tab.loaded` lists the texts the
 * session asked the editor to show; `tab.state.failing` makes its store's writes throw, as a full
 * disk; `tab.state.hold` holds them until it resolves (`puts` counts them).
 */
function browser() {
	const factory = new IDBFactory();
	// One clock for every handle, ticking once per write: the list's order is the order of writes.
	let t = 0;
	const now = () => ++t;
	const channelName = `brink-drafts-test-${Math.random()}`;
	async function tab({ listening = true } = {}) {
		const loaded: (string | undefined)[] = [];
		const state = {
			failing: false as boolean | ((draft: Draft) => boolean),
			puts: 0,
			hold: Promise.resolve()
		};
		const session = new DraftSession({
			onload: (draft) => loaded.push(draft?.scenario),
			channel: () =>
				listening ? (new BroadcastChannel(channelName) as unknown as DraftChannel) : undefined,
			delay: 60_000
		});
		open.push(session);
		const failing = (store: DraftStore): DraftStore => ({
			...store,
			async put(draft, touch) {
				state.puts++;
				await state.hold;
				if (typeof state.failing === 'function' ? state.failing(draft) : state.failing)
					throw new DOMException('quota', 'QuotaExceededError');
				return store.put(draft, touch);
			}
		});
		await session.connect(async () => failing(await openDraftStore(factory, { now })));
		return Object.assign(session, { loaded, state });
	}
	const stored = async (id: string) => {
		const store = await openDraftStore(factory, { now });
		try {
			return await store.get(id);
		} finally {
			store.close();
		}
	};
	const all = async () => {
		const store = await openDraftStore(factory, { now });
		try {
			const list = await store.list();
			return Promise.all(list.map(async (d) => (await store.get(d.id)) as Draft));
		} finally {
			store.close();
		}
	};
	return { factory, tab, stored, all };
}

/** Both tabs on one new draft "Shared", B having loaded it from the store. */
async function sharedDraft(options: { listening?: boolean } = {}) {
	const b0 = browser();
	const a = await b0.tab();
	const b = await b0.tab(options);
	const draft = newDraft({ name: 'Shared', scenario: 'first' }, 0, 'shared');
	await a.create(draft);
	await b.open('shared');
	expect(b.draft?.scenario).toBe('first');
	return { ...b0, a, b };
}

describe('two tabs on one draft', () => {
	it('a tab with nothing typed loads the text the other tab saved, and says so', async () => {
		const { a, b } = await sharedDraft();
		a.edit({ scenario: 'typed in A' });
		await a.flush();
		expect(a.status).toEqual({ kind: 'saved' });
		await vi.waitFor(() => expect(b.draft?.scenario).toBe('typed in A'));
		expect(b.loaded.at(-1)).toBe('typed in A');
		expect(b.notice).toEqual({ kind: 'updated', name: 'Shared' });
		// And B's next edit is written over A's revision, without a conflict.
		b.edit({ scenario: 'typed in B after' });
		await b.flush();
		expect(b.status).toEqual({ kind: 'saved' });
		expect(b.draft?.id).toBe('shared');
	});

	it('typed in both: the second save keeps its text as a new draft and says which is where', async () => {
		const { a, b, stored, all } = await sharedDraft();
		b.edit({ scenario: 'typed in B' });
		a.edit({ scenario: 'typed in A' });
		await a.flush();
		// B hears of A's save (its list shows the new time), but has unsaved text: it keeps it…
		const savedAt = (await stored('shared'))!.updatedAt;
		await vi.waitFor(() => expect(b.drafts[0].updatedAt).toBe(savedAt));
		expect(b.draft?.scenario).toBe('typed in B');
		// …and its save finds the newer revision.
		await b.flush();
		expect((await stored('shared'))?.scenario).toBe('typed in A');
		const texts = (await all())
			.map((d) => [d.name, d.scenario])
			.sort((x, y) => x[0].localeCompare(y[0]));
		expect(texts).toEqual([
			['Shared', 'typed in A'],
			['Shared (from another tab)', 'typed in B']
		]);
		expect(b.draft).toMatchObject({ name: 'Shared (from another tab)', scenario: 'typed in B' });
		expect(b.notice).toMatchObject({
			kind: 'conflict',
			id: 'shared',
			name: 'Shared',
			copyId: b.draft?.id,
			copyName: 'Shared (from another tab)'
		});
		expect(b.status).toEqual({ kind: 'saved' });
		// B goes on typing in its copy; the original stays A's.
		b.edit({ scenario: 'typed in B, more' });
		await b.flush();
		expect((await stored(b.draft!.id))?.scenario).toBe('typed in B, more');
		expect((await stored('shared'))?.scenario).toBe('typed in A');
		// A hears of the copy.
		await vi.waitFor(() =>
			expect(a.drafts.map((d) => d.name)).toContain('Shared (from another tab)')
		);
	});

	it('a conflict while the disk is full: the copy waits unsaved here, and is stored later', async () => {
		const { a, b, stored } = await sharedDraft();
		b.edit({ scenario: 'typed in B' });
		a.edit({ scenario: 'typed in A' });
		await a.flush();
		// The original is refused (newer revision); the copy cannot be written either.
		b.state.failing = (draft) => draft.id !== 'shared';
		await b.flush();
		expect(b.draft).toMatchObject({ name: 'Shared (from another tab)', scenario: 'typed in B' });
		expect(b.status?.kind).toBe('failed');
		expect(b.hasUnsaved()).toBe(true);
		expect(b.drafts.find((d) => d.id === b.draft?.id)?.unsaved).toBe(true);
		b.state.failing = false;
		await b.flush();
		expect(b.status).toEqual({ kind: 'saved' });
		expect((await stored(b.draft!.id))?.scenario).toBe('typed in B');
		expect((await stored('shared'))?.scenario).toBe('typed in A');
	});

	it('a tab that missed the message (no channel) still keeps both texts: the store refuses', async () => {
		const { a, b, stored } = await sharedDraft({ listening: false });
		a.edit({ scenario: 'typed in A' });
		await a.flush();
		b.edit({ scenario: 'typed in B' });
		await b.flush();
		expect((await stored('shared'))?.scenario).toBe('typed in A');
		expect((await stored(b.draft!.id))?.scenario).toBe('typed in B');
		expect(b.notice?.kind).toBe('conflict');
	});

	it('a rename in the other tab renames the draft here; a save here keeps the name', async () => {
		const { a, b, stored } = await sharedDraft();
		expect(await a.rename('Renamed in A')).toBe(true);
		await vi.waitFor(() => expect(b.draft?.name).toBe('Renamed in A'));
		expect(b.drafts.map((d) => d.name)).toEqual(['Renamed in A']);
		b.edit({ scenario: 'typed in B' });
		await b.flush();
		expect(b.notice).toBeUndefined();
		expect(await stored('shared')).toMatchObject({ name: 'Renamed in A', scenario: 'typed in B' });
	});

	it('deleted in the other tab: says so; typing here then keeps the text as a new draft', async () => {
		const { a, b, stored, all } = await sharedDraft();
		await a.remove();
		await vi.waitFor(() => expect(b.notice).toEqual({ kind: 'deleted', name: 'Shared' }));
		expect(b.draft?.scenario).toBe('first');
		b.edit({ scenario: 'typed in B' });
		await b.flush();
		expect(await stored('shared')).toBeUndefined();
		expect((await all()).map((d) => [d.name, d.scenario])).toEqual([
			['Shared (from another tab)', 'typed in B']
		]);
		expect(b.notice).toMatchObject({ kind: 'kept', name: 'Shared' });
	});

	it('an old draft (no revision stored) deleted in the other tab is not brought back unseen', async () => {
		const b0 = browser();
		const { revision: _, ...old } = newDraft({ name: 'Old', scenario: 'old' }, 0, 'old');
		await new Promise<void>((resolve, reject) => {
			const request = b0.factory.open('brink', 1);
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
		const a = await b0.tab();
		const b = await b0.tab();
		await a.open('old');
		await b.open('old');
		expect(b.draft?.revision).toBe(0);
		await a.remove();
		await vi.waitFor(() => expect(b.notice?.kind).toBe('deleted'));
		b.edit({ scenario: 'old, typed in B' });
		await b.flush();
		expect(await b0.stored('old')).toBeUndefined();
		expect((await b0.all()).map((d) => [d.name, d.scenario])).toEqual([
			['Old (from another tab)', 'old, typed in B']
		]);
	});

	it('deleted in a tab that was not heard: the next save here keeps the text as a new draft', async () => {
		const { a, b, all } = await sharedDraft({ listening: false });
		await a.remove();
		b.edit({ scenario: 'typed in B' });
		await b.flush();
		expect((await all()).map((d) => d.scenario)).toEqual(['typed in B']);
		expect(b.notice?.kind).toBe('kept');
	});
});

describe('names that follow the title, in two tabs', () => {
	async function titledDraft() {
		const b0 = browser();
		const a = await b0.tab();
		const b = await b0.tab();
		await a.create(newDraft({ name: 'Gulf', scenario: 'title: Gulf', followsTitle: true }, 0, 't'));
		await b.open('t');
		return { ...b0, a, b };
	}

	it('a title typed in one tab renames the draft in the other', async () => {
		const { a, b, stored } = await titledDraft();
		a.edit({ scenario: 'title: Gulf talks' });
		a.followTitle('Gulf talks');
		expect(a.drafts.map((d) => d.name)).toEqual(['Gulf talks']);
		await a.flush();
		expect(await stored('t')).toMatchObject({ name: 'Gulf talks', followsTitle: true });
		await vi.waitFor(() => expect(b.draft?.name).toBe('Gulf talks'));
	});

	it('renamed in one tab: the other tab stops following the title too', async () => {
		const { a, b, stored } = await titledDraft();
		expect(await a.rename('Mine')).toBe(true);
		await vi.waitFor(() => expect(b.draft).toMatchObject({ name: 'Mine', followsTitle: false }));
		b.edit({ scenario: 'title: Gulf war' });
		b.followTitle('Gulf war');
		await b.flush();
		expect(await stored('t')).toMatchObject({ name: 'Mine', scenario: 'title: Gulf war' });
	});

	it('typed in both: the copy is named after its own title, and keeps that name', async () => {
		const { a, b, stored } = await titledDraft();
		b.edit({ scenario: 'title: Typed in B' });
		b.followTitle('Typed in B');
		a.edit({ scenario: 'title: Typed in A' });
		a.followTitle('Typed in A');
		await a.flush();
		await b.flush();
		expect(await stored('t')).toMatchObject({ name: 'Typed in A' });
		expect(b.draft).toMatchObject({ name: 'Typed in B (from another tab)', followsTitle: false });
		expect(b.notice).toMatchObject({
			name: 'Typed in A',
			copyName: 'Typed in B (from another tab)'
		});
		b.followTitle('Typed in B, more');
		expect(b.draft?.name).toBe('Typed in B (from another tab)');
	});
});

describe('one tab', () => {
	it('typing while a save is on its way is no conflict with itself', async () => {
		const tab = await browser().tab();
		await tab.create(newDraft({ name: 'Mine', scenario: 'a' }, 0, 'mine'));
		let release = () => {};
		tab.state.hold = new Promise((resolve) => (release = resolve));
		tab.edit({ scenario: 'ab' });
		const first = tab.flush();
		await vi.waitFor(() => expect(tab.state.puts).toBe(2));
		tab.edit({ scenario: 'abc' });
		release();
		await first;
		await tab.flush();
		expect(tab.notice).toBeUndefined();
		expect(tab.draft).toMatchObject({ id: 'mine', scenario: 'abc', revision: 3 });
		expect(tab.drafts.map((d) => d.name)).toEqual(['Mine']);
	});
});

describe('while the storage fails', () => {
	async function twoDrafts() {
		const b0 = browser();
		const tab = await b0.tab();
		await tab.create(newDraft({ name: 'One', scenario: 'one' }, 0, 'one'));
		await tab.create(newDraft({ name: 'Two', scenario: 'two' }, 0, 'two'));
		await tab.open('one');
		return { ...b0, tab };
	}

	it('switching away and back keeps the text typed, which is written once the storage works', async () => {
		const { tab, stored } = await twoDrafts();
		tab.state.failing = true;
		tab.edit({ scenario: 'one, typed while the disk is full' });
		await tab.flush();
		expect(tab.status).toMatchObject({ kind: 'failed', reason: /no room|quota/ });
		expect(tab.hasUnsaved()).toBe(true);
		await tab.open('two');
		expect(tab.draft?.scenario).toBe('two');
		expect(tab.drafts.find((d) => d.id === 'one')?.unsaved).toBe(true);
		expect(tab.hasUnsaved()).toBe(true);
		await tab.open('one');
		expect(tab.draft?.scenario).toBe('one, typed while the disk is full');
		expect(tab.loaded.at(-1)).toBe('one, typed while the disk is full');
		expect(tab.notice).toEqual({ kind: 'restored', name: 'One' });
		expect(tab.status?.kind).toBe('failed');
		tab.state.failing = false;
		await tab.flush();
		expect(tab.status).toEqual({ kind: 'saved' });
		expect((await stored('one'))?.scenario).toBe('one, typed while the disk is full');
		expect(tab.hasUnsaved()).toBe(false);
	});

	it('a new draft made while the storage fails is listed, kept, and stored later', async () => {
		const { tab, stored } = await twoDrafts();
		tab.state.failing = true;
		tab.edit({ scenario: 'one, typed' });
		await tab.create(newDraft({ name: 'Three', scenario: 'three' }, 0, 'three'));
		await tab.open('two');
		// Not stored yet first, then the stored ones, most recently changed first.
		expect(tab.drafts.map((d) => [d.id, d.unsaved])).toEqual([
			['three', true],
			['two', false],
			['one', true]
		]);
		tab.state.failing = false;
		await tab.open('three');
		expect((await stored('three'))?.scenario).toBe('three');
		await tab.open('one');
		expect((await stored('one'))?.scenario).toBe('one, typed');
		expect(tab.hasUnsaved()).toBe(false);
	});
});
