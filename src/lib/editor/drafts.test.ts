import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { newDraft, openDraftStore } from './drafts';

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
});
