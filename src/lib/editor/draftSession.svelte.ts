/**
 * The /editor page's drafts: the one open, saved as the person types, and the list. Two promises:
 *
 * - Two tabs on one draft keep both texts. A tab with nothing unsaved loads the text another tab
 *   saved (it learns of it on the `brink-drafts` channel); a tab whose save meets a newer text
 *   (drafts.ts refuses it) keeps its own text as a new draft, "<name> (from another tab)", opens
 *   that, and says which draft holds which text. A draft deleted elsewhere while typed in here is
 *   kept the same way.
 * - Nothing typed is dropped when the storage fails: the autosave keeps retrying, and leaving the
 *   draft (opening another, creating one) keeps its unsaved text in memory, restored on coming
 *   back; `hasUnsaved()` lets the page warn before it is closed.
 *
 * The page shows `draft`, `drafts`, `status` and `notice`, and loads the editor in `onload`.
 * Longer than the house's 150 lines on purpose: opening, saving, the conflict copy and the other
 * tabs' messages all turn on one open draft and one queue of writes; the pure parts (the list,
 * the names, the messages, the store's revision check) are in modules of their own.
 */
import { messageOf } from '../format/messageOf';
import { SvelteMap } from 'svelte/reactivity';
import { createAutosave, type Autosave, type SaveStatus } from './autosave';
import { toDraftMessage, type DraftChannel, type DraftMessage } from './draftChannel';
import { toDraftList, uniqueName, type DraftListItem } from './draftList';
import { toTitledName } from './draftName';
import {
	DraftConflictError,
	newDraft,
	type Draft,
	type DraftStore,
	type DraftSummary
} from './drafts';

export type { DraftListItem };

export type DraftNotice =
	/** Nothing was typed here, and another tab saved the open draft: its text is shown now. */
	| { kind: 'updated'; name: string }
	/** Another tab saved draft `id` while this tab typed in it: this tab's text is the copy. */
	| { kind: 'conflict'; id: string; name: string; copyId: string; copyName: string }
	/** The open draft was deleted in another tab; its text is still shown here. */
	| { kind: 'deleted'; name: string }
	/** The open draft was deleted in another tab while typed in here: the text is the copy. */
	| { kind: 'kept'; name: string; copyId: string; copyName: string }
	/** The text typed in this draft that was not saved, kept while another draft was open. */
	| { kind: 'restored'; name: string };

export interface DraftSessionOptions {
	/** Show this draft's text in the editor (another draft, or newer text of this one), or none. */
	onload: (draft: Draft | undefined) => void;
	/** The channel to the other tabs (the page's BroadcastChannel; none: learn on save). */
	channel?: () => DraftChannel | undefined;
	/** Autosave delay in ms. */
	delay?: number;
}

export class DraftSession {
	#store: DraftStore | undefined;
	#channel: DraftChannel | undefined;
	readonly #saver: Autosave<Draft>;
	readonly #options: DraftSessionOptions;
	#stored = $state.raw<DraftSummary[]>([]);
	#draft = $state.raw<Draft | undefined>();
	#status = $state.raw<SaveStatus | undefined>();
	#notice = $state.raw<DraftNotice | undefined>();
	#error = $state('');
	/** Text that could not be saved, of drafts not open now, by id. */
	readonly #unsaved = new SvelteMap<string, Draft>();
	/** The id of the open draft once another tab has said it deleted it. */
	#gone: string | undefined;

	constructor(options: DraftSessionOptions) {
		this.#options = options;
		this.#saver = createAutosave(
			(value: Draft) => this.#write(value),
			(status) => (this.#status = status),
			{ delay: options.delay }
		);
	}

	/** The open draft, with the text as typed (saved or not). */
	get draft(): Draft | undefined {
		return this.#draft;
	}
	get status(): SaveStatus | undefined {
		return this.#status;
	}
	get notice(): DraftNotice | undefined {
		return this.#notice;
	}
	/** Why the drafts cannot be stored at all (empty when they can). */
	get error(): string {
		return this.#error;
	}

	#list = $derived(
		toDraftList(
			this.#stored,
			[...this.#unsaved.values()],
			this.#draft,
			this.#status?.kind === 'failed'
		)
	);

	/** Every draft, most recently changed first, those with unsaved text marked. */
	get drafts(): DraftListItem[] {
		return this.#list;
	}

	/** Text typed here is not stored (and would be lost with the tab). */
	hasUnsaved(): boolean {
		return (
			(this.#saver.pending !== undefined && this.#status?.kind === 'failed') ||
			this.#unsaved.size > 0
		);
	}

	/** `base`, or `base 2`, `base 3`…: a name no draft has. */
	uniqueName(base: string): string {
		return uniqueName(
			base,
			this.drafts.map((d) => d.name)
		);
	}

	/**
	 * The open draft's scenario title, as read from its text now: a draft whose name follows its
	 * title is renamed after it (unique among the drafts), and saved so.
	 */
	followTitle(title: string | undefined): void {
		const draft = this.#draft;
		if (!draft?.followsTitle) return;
		const taken = this.drafts.filter((d) => d.id !== draft.id).map((d) => d.name);
		const name = toTitledName(draft.name, title, taken);
		if (name === draft.name) return;
		this.#draft = { ...draft, name };
		this.#saver.schedule(this.#draft);
	}

	/** Open the store (and the channel); without one, drafts can be written but say not saved. */
	async connect(open: () => Promise<DraftStore>): Promise<void> {
		try {
			this.#store = await open();
			this.#stored = await this.#store.list();
		} catch (error) {
			this.#error = messageOf(error);
			this.#status = { kind: 'failed', reason: this.#error };
			return;
		}
		this.#channel = this.#options.channel?.();
		if (this.#channel)
			this.#channel.onmessage = (event) => {
				const message = toDraftMessage(event.data);
				if (message) void this.#receive(message);
			};
	}

	close(): void {
		this.#channel?.close();
		this.#channel = undefined;
		this.#store?.close();
	}

	/** Write what is typed now; resolves once written (or failed: `status` says). */
	flush(): Promise<void> {
		return this.#saver.flush();
	}

	async open(id: string): Promise<void> {
		if (id === this.#draft?.id) return;
		await this.#leave();
		const kept = this.#unsaved.get(id);
		if (kept) {
			this.#keep(id, undefined);
			this.#show(kept);
			this.#notice = { kind: 'restored', name: kept.name };
			this.#saver.schedule(kept);
			await this.#saver.flush();
			return;
		}
		try {
			const found = await this.#requireStore().get(id);
			if (!found) throw new Error('this draft is gone: it may have been deleted in another tab');
			this.#show(found);
		} catch (error) {
			this.#status = { kind: 'failed', reason: messageOf(error) };
		}
	}

	/** Open a new draft (blank, forked, imported) and save it. */
	async create(draft: Draft): Promise<void> {
		await this.#leave();
		this.#show(draft);
		this.#saver.schedule(draft);
		await this.#saver.flush();
	}

	/** The text (or sources) typed or added in the open draft. */
	edit(change: Partial<Pick<Draft, 'scenario' | 'sources'>>): void {
		if (!this.#draft) return;
		this.#draft = { ...this.#draft, ...change };
		if (this.#notice?.kind === 'updated') this.#notice = undefined;
		this.#saver.schedule(this.#draft);
	}

	/** Rename the open draft; false (and `status` says why) when it could not be. */
	async rename(name: string): Promise<boolean> {
		await this.#saver.flush();
		const draft = this.#draft;
		if (!draft) return false;
		try {
			if (!this.#stored.some((d) => d.id === draft.id)) {
				// Never stored (the storage fails): the name waits with the text.
				if (name.trim() === '') throw new Error('a draft needs a name');
				this.#draft = { ...draft, name: name.trim(), followsTitle: false };
				this.#saver.schedule(this.#draft);
				return true;
			}
			const saved = await this.#requireStore().rename(draft.id, name);
			if (this.#draft?.id === saved.id)
				this.#draft = { ...this.#draft, name: saved.name, followsTitle: false };
			this.#post({ type: 'renamed', id: saved.id, name: saved.name });
			await this.#refresh();
			if (this.#saver.idle) this.#status = { kind: 'saved' };
			return true;
		} catch (error) {
			this.#status = { kind: 'failed', reason: messageOf(error) };
			return false;
		}
	}

	/** Delete the open draft (the reader confirmed: its unsaved text goes too), open the next. */
	async remove(): Promise<void> {
		const draft = this.#draft;
		if (!draft) return;
		const pending = this.#saver.pending;
		this.#saver.cancel();
		// A write already on its way lands first; nothing after it.
		await this.#saver.flush();
		try {
			await this.#store?.delete(draft.id);
		} catch (error) {
			if (pending) this.#saver.schedule(pending);
			this.#status = { kind: 'failed', reason: messageOf(error) };
			return;
		}
		this.#post({ type: 'deleted', id: draft.id });
		this.#show(undefined);
		this.#status = undefined;
		await this.#refresh();
		const next = this.drafts[0];
		if (next) await this.open(next.id);
	}

	/** The open draft, deleted in another tab: keep its text as a new draft. */
	async keepAsNew(): Promise<void> {
		if (!this.#draft) return;
		this.#saver.schedule(this.#draft);
		await this.#saver.flush();
	}

	dismiss(): void {
		this.#notice = undefined;
	}

	#requireStore(): DraftStore {
		if (!this.#store) throw new Error(this.#error || 'the drafts database is not open');
		return this.#store;
	}

	#show(draft: Draft | undefined) {
		this.#draft = draft;
		this.#gone = undefined;
		this.#status = undefined;
		// Which draft holds which text stays said until the reader dismisses it.
		if (this.#notice?.kind !== 'conflict' && this.#notice?.kind !== 'kept')
			this.#notice = undefined;
		this.#options.onload(draft);
	}

	/** Before another draft opens: write the open one, or keep its unsaved text in memory. */
	async #leave() {
		await this.#saver.flush();
		const left = this.#saver.pending;
		if (!left) return;
		this.#saver.cancel();
		this.#keep(left.id, this.#withRevision(left));
	}

	#keep(id: string, draft: Draft | undefined) {
		if (draft) this.#unsaved.set(id, draft);
		else this.#unsaved.delete(id);
	}

	/** A value to write, over the revision this tab holds now (earlier writes raised it). */
	#withRevision(value: Draft): Draft {
		const open = this.#draft;
		return open?.id === value.id ? { ...value, revision: open.revision } : value;
	}

	async #write(value: Draft): Promise<void> {
		const draft = this.#withRevision(value);
		if (draft.id === this.#gone) return this.#keepAsCopy(draft, undefined);
		let saved: Draft;
		try {
			saved = await this.#requireStore().put(draft);
		} catch (error) {
			if (error instanceof DraftConflictError) return this.#keepAsCopy(draft, error.stored);
			throw error;
		}
		await this.#saved(saved);
	}

	async #saved(saved: Draft) {
		const open = this.#draft;
		// A name taken from a title typed since this write is written next: it stays on screen.
		const newer = saved.followsTitle && this.#saver.pending?.id === saved.id;
		if (open?.id === saved.id)
			this.#draft = {
				...open,
				revision: saved.revision,
				name: newer ? open.name : saved.name,
				followsTitle: saved.followsTitle
			};
		this.#post({ type: 'saved', id: saved.id, revision: saved.revision });
		await this.#refresh();
	}

	/**
	 * This tab's text met a newer one (`stored`), or a deletion (undefined): keep it as a new
	 * draft, open that, and say which draft holds which text. The stored draft is left as it is.
	 */
	async #keepAsCopy(value: Draft, stored: Draft | undefined): Promise<void> {
		const open = this.#draft?.id === value.id;
		await this.#refresh();
		// The latest text, with what was typed while the refused write was on its way.
		const text = open && this.#draft ? this.#draft : value;
		// Named after the text it holds when that name follows its title, else after the draft it
		// was typed in; the name says where it came from, so it no longer follows the title.
		const base = text.followsTitle ? text.name : (stored?.name ?? text.name);
		const copy = newDraft({
			name: this.uniqueName(`${base} (from another tab)`),
			scenario: text.scenario,
			format: text.format,
			sources: text.sources,
			followsTitle: false
		});
		this.#notice = stored
			? { kind: 'conflict', id: stored.id, name: stored.name, copyId: copy.id, copyName: copy.name }
			: { kind: 'kept', name: text.name, copyId: copy.id, copyName: copy.name };
		if (open) {
			this.#draft = copy;
			this.#gone = undefined;
			// Typing waiting to be saved is the copy's now.
			if (this.#saver.pending?.id === value.id) this.#saver.schedule(copy);
		}
		let saved: Draft;
		try {
			saved = await this.#requireStore().put(copy);
		} catch (error) {
			// Not stored either: the copy waits as any unsaved text does.
			if (!open) this.#keep(copy.id, copy);
			else if (!this.#saver.pending) this.#saver.schedule(this.#draft ?? copy);
			throw error;
		}
		await this.#saved(saved);
	}

	async #receive(message: DraftMessage) {
		try {
			await this.#refresh();
			const draft = this.#draft;
			if (message.type === 'renamed') {
				const renamed = { name: message.name, followsTitle: false };
				const kept = this.#unsaved.get(message.id);
				if (kept) this.#keep(message.id, { ...kept, ...renamed });
				if (draft?.id === message.id) this.#draft = { ...draft, ...renamed };
				return;
			}
			if (draft?.id !== message.id) return;
			if (message.type === 'deleted') {
				// Typed here and not saved yet: the next save keeps the text as a new draft.
				this.#gone = draft.id;
				if (this.#saver.idle) {
					this.#notice = { kind: 'deleted', name: draft.name };
					this.#status = undefined;
				}
				return;
			}
			// Typed here since: the next save finds the newer revision and keeps both texts.
			if (message.revision <= draft.revision || !this.#saver.idle) return;
			const stored = await this.#requireStore().get(draft.id);
			if (!stored || this.#draft !== draft || !this.#saver.idle) return;
			if (stored.revision <= draft.revision) return;
			this.#draft = stored;
			this.#notice = { kind: 'updated', name: stored.name };
			this.#options.onload(stored);
		} catch {
			// The store is the judge: the next save compares revisions whatever was missed here.
		}
	}

	async #refresh() {
		if (!this.#store) return;
		try {
			this.#stored = await this.#store.list();
		} catch {
			// The list stays as it was; a write says what is wrong.
		}
	}

	#post(message: DraftMessage) {
		try {
			this.#channel?.postMessage(message);
		} catch {
			// A closed channel (the page is going): the others learn on their next save.
		}
	}
}
