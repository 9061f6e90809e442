/**
 * The /editor page's controller: the open draft (through a DraftSession: the list, the saving,
 * the other tabs) as the page works on it. It checks the text a moment after each change, marks
 * the problems in the code editor, keeps the results of the last valid text (saying when they are
 * out of date), and makes the page's edits (a source cited, a passage attached as evidence, a
 * proposal recorded) through the code editor, so that they can be undone and are saved like
 * typing. A new draft is named after its scenario's title, and the name follows the title as it
 * is typed until the person renames the draft (draftName.ts): only in the tab where it is typed,
 * so that a tab showing text saved in another never writes a name of its own. The page renders what it holds
 * and wires the events; the code editor and the checker are loaded by the page and handed over
 * in `attach`.
 */
import type { DraftCheck, DraftResults } from '../checking/engine';
import type { LoadedScenario } from '../engine/load';
import { plural } from '../format/plural';
import type { ReportLine } from '../scenario/format';
import type { Stance } from '../scenario/stance';
import type { DraftChannel } from './draftChannel';
import { fromDraftFile } from './draftFile';
import { titleOf } from './draftName';
import { DraftSession } from './draftSession.svelte';
import { sourceMeta, toSourceId } from './draftSources';
import { newDraft, type Draft } from './drafts';
import {
	addEvidence,
	citeSource,
	offsetOf,
	type EditResult,
	type TextChange
} from './insertEvidence';
import { lineStarts, toRange } from './lintRanges';
import type { CapturedQuote } from './quoteCapture';
import { blankScenario } from './template';

/** A problem underlined in the code editor. */
export interface TextMark {
	from: number;
	to: number;
	severity: 'error' | 'warning';
	message: string;
}

/** The code editor, as the controller uses it (src/routes/editor/codeEditor.ts). */
export interface TextView {
	/** Show a draft's text (fires no change). */
	load(text: string, format: Draft['format']): void;
	mark(marks: TextMark[]): void;
	moveTo(offset: number): void;
	/** Replace a span as an undoable edit; fires a change (the page calls `edited`). */
	replace(from: number, to: number, insert: string): void;
	destroy(): void;
}

/** The checking and the results (src/lib/checking/engine.ts, loaded by the page). */
export interface Checker {
	checkDraft(draft: Draft): DraftCheck;
	toResults(loaded: LoadedScenario): Promise<DraftResults>;
}

export interface DraftEditorOptions {
	/** The channel to the other tabs (the page's BroadcastChannel). */
	channel?: () => DraftChannel | undefined;
	/** Autosave delay in ms (DraftSession's default when left out). */
	saveDelay?: number;
	/** How long after the last change the text is checked, in ms. */
	checkDelay?: number;
	/** No draft is left to show (the last one was deleted). */
	onempty?: () => void;
}

/** A shipped scenario to fork: its id, its title and its text, loaded on demand. */
export interface Forkable {
	id: string;
	title: string;
	load: () => Promise<string>;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export class DraftEditor {
	/** The drafts, the open one and its saving: draftSession.svelte.ts. */
	readonly session: DraftSession;
	readonly #options: DraftEditorOptions;
	#view: TextView | undefined;
	#checker: Checker | undefined;
	#check = $state.raw<DraftCheck | undefined>();
	#results = $state.raw<DraftResults | undefined>();
	#resultsError = $state('');
	#stale = $state(false);
	/** The text `check` was made from: edits placed by its transitions apply only to that text. */
	#checkedText = $state('');
	#selected = $state<string | null>(null);
	#note = $state('');
	#timer: ReturnType<typeof setTimeout> | undefined;
	/** Counts result computations: only the latest one's answer is kept. */
	#run = 0;
	/** Text was typed (or edited) here since the last check: the name follows its title. */
	#typed = false;
	/** The draft shown (another draft resets the panels; newer text of it does not). */
	#shownId: string | undefined;

	/** The name being typed in the rename form; undefined while the form is closed. */
	renaming = $state<string | undefined>();
	/** The delete confirmation is open. */
	confirmingDelete = $state(false);

	constructor(options: DraftEditorOptions = {}) {
		this.#options = options;
		this.session = new DraftSession({
			onload: (draft) => this.#show(draft),
			channel: options.channel,
			delay: options.saveDelay
		});
	}

	get draft(): Draft | undefined {
		return this.session.draft;
	}
	/** The last check of the open draft (undefined until it is checked). */
	get check(): DraftCheck | undefined {
		return this.#check;
	}
	/** The results of the last valid text. */
	get results(): DraftResults | undefined {
		return this.#results;
	}
	get resultsError(): string {
		return this.#resultsError;
	}
	/** The results shown are not those of the text as it is now (it has errors, or they failed). */
	get stale(): boolean {
		return this.#stale;
	}
	get checkedText(): string {
		return this.#checkedText;
	}
	/** The transition picked in the diagram. */
	get selectedTransition(): string | null {
		return this.#selected;
	}
	/** A change the page made that did not go through (a source not cited, a fork not loaded). */
	get note(): string {
		return this.#note;
	}

	/** What the save status line says: "Saved", "Saving…", "Not saved: <why>", or nothing. */
	readonly saveText = $derived.by(() => {
		const status = this.session.status;
		if (status === undefined) return '';
		if (status.kind === 'saved') return 'Saved';
		return status.kind === 'saving' ? 'Saving…' : `Not saved: ${status.reason}`;
	});
	/** The last write failed: what is typed is only in this tab. */
	get saveFailed(): boolean {
		return this.session.status?.kind === 'failed';
	}

	/** The check's errors and warnings, in its order. */
	readonly problems = $derived((this.#check?.lines ?? []).filter((l) => l.kind !== 'ok'));
	/** The check's `file: ok (…)` line, while the text is valid. */
	readonly okLine = $derived(this.#check?.lines.find((l) => l.kind === 'ok'));
	/** The check in one line: its ok line, or how many errors and what the results show. */
	readonly verdict = $derived(
		this.okLine?.text ??
			`${plural(this.problems.filter((l) => l.kind === 'error').length, 'error')}: the results show the last valid text`
	);

	/** Whether a listed problem points at a line of the text (and can move the cursor there). */
	pointsIntoText(line: ReportLine): boolean {
		const d = line.diagnostic;
		return d !== undefined && d.file === this.#check?.file && d.line > 0;
	}

	/** The code editor and the checker, once loaded: the open draft shows and is checked. */
	attach(view: TextView, checker: Checker): void {
		this.#view = view;
		this.#checker = checker;
		const draft = this.draft;
		if (draft) {
			view.load(draft.scenario, draft.format);
			this.checkNow();
		}
	}

	/** Stop checking and take the code editor down (the page is going). */
	detach(): void {
		clearTimeout(this.#timer);
		this.#view?.destroy();
		this.#view = undefined;
	}

	/** The session's draft to show: another draft, newer text of this one, or none. */
	#show(value: Draft | undefined) {
		if (value?.id !== this.#shownId) {
			this.renaming = undefined;
			this.confirmingDelete = false;
			this.#results = undefined;
			this.#resultsError = '';
			this.#stale = false;
			this.#check = undefined;
			this.#note = '';
		}
		this.#shownId = value?.id;
		this.#typed = false;
		if (!value) {
			this.#view?.destroy();
			this.#options.onempty?.();
			return;
		}
		this.#view?.load(value.scenario, value.format);
		this.checkNow();
	}

	/** The text as typed (or as an edit left it): saved, and checked once typing pauses. */
	edited(text: string): void {
		if (!this.draft) return;
		this.session.edit({ scenario: text });
		this.#typed = true;
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => this.checkNow(), this.#options.checkDelay ?? 300);
	}

	/** Check the open draft; mark its problems; recompute the results when it is valid. */
	checkNow(): void {
		clearTimeout(this.#timer);
		if (!this.draft || !this.#checker) return;
		// The name first: the messages name the file after it.
		if (this.#typed) this.session.followTitle(titleOf(this.draft.scenario));
		this.#typed = false;
		const draft = this.draft;
		const done = this.#checker.checkDraft(draft);
		const text = draft.scenario;
		this.#check = done;
		this.#checkedText = text;
		const starts = lineStarts(text);
		this.#view?.mark(
			done.lines
				.filter((l) => l.diagnostic && l.diagnostic.file === done.file)
				.map((l) => ({
					...toRange(text, l.diagnostic!, starts),
					severity: l.kind === 'warning' ? 'warning' : 'error',
					message: l.text
				}))
		);
		if (!done.loaded) {
			this.#stale = this.#results !== undefined;
			return;
		}
		const run = ++this.#run;
		this.#checker.toResults(done.loaded).then(
			(value) => {
				if (run !== this.#run) return;
				this.#results = value;
				this.#resultsError = '';
				this.#stale = false;
			},
			(error: unknown) => {
				if (run !== this.#run) return;
				this.#resultsError = messageOf(error);
				this.#stale = this.#results !== undefined;
			}
		);
	}

	/** A transition picked in the diagram: the cursor goes to it in the text. */
	selectTransition(id: string): void {
		this.#selected = id;
		const transition = this.#results?.transitions.find((t) => t.id === id);
		const at = transition && this.draft && offsetOf(this.draft.scenario, transition.docPath);
		if (at !== undefined && at !== null) this.#view?.moveTo(at);
	}

	/** A listed problem picked: the cursor goes to its line. */
	goTo(line: ReportLine): void {
		const d = line.diagnostic;
		if (!d || !this.draft || !this.pointsIntoText(line)) return;
		this.#view?.moveTo(toRange(this.draft.scenario, d).from);
	}

	/**
	 * Open a new draft named after its scenario's title (`name` when it has none, or when
	 * `followsTitle` is false), unique among the drafts. Resolves with the name it got.
	 */
	async #create(fields: Parameters<typeof newDraft>[0]): Promise<string> {
		const follows = fields.followsTitle !== false;
		const base = (follows && titleOf(fields.scenario)) || fields.name;
		const name = this.session.uniqueName(base);
		await this.session.create(newDraft({ ...fields, name, followsTitle: follows }));
		return name;
	}

	/** A new draft from the template. */
	async createBlank(): Promise<void> {
		await this.#create({ name: 'New scenario', scenario: blankScenario });
	}

	/** A new draft with a shipped scenario's text. */
	async fork(shipped: Forkable): Promise<void> {
		let text: string;
		try {
			text = await shipped.load();
		} catch (error) {
			this.#note = `Not forked: ${shipped.title} could not be loaded: ${messageOf(error)}`;
			return;
		}
		await this.#create({ name: `${shipped.title} (fork)`, scenario: text });
	}

	/**
	 * A draft file (`file` names it) opened as a new draft: named after its title, unless the file
	 * says the person named it. Says what happened.
	 */
	async importFile(file: string, text: string): Promise<string> {
		const read = fromDraftFile(file, text);
		if (!read.ok) return `Not imported: ${read.message}`;
		return `Imported “${await this.#create(read.value)}” from ${file}.`;
	}

	/** Rename the open draft (the rename form's name); the messages then use the new file name. */
	async rename(): Promise<void> {
		if (!this.draft || this.renaming === undefined) return;
		if (await this.session.rename(this.renaming)) {
			this.renaming = undefined;
			this.checkNow();
		}
	}

	/** Delete the open draft (the person confirmed). */
	async remove(): Promise<void> {
		this.confirmingDelete = false;
		await this.session.remove();
	}

	/** Apply an edit the way typing does: in the code editor (undoable), then saved and checked. */
	#edit(result: EditResult): string | undefined {
		if (!result.ok) return result.message;
		if (result.change)
			this.#view?.replace(result.change.from, result.change.to, result.change.insert);
		return undefined;
	}

	/** The text is still the one checked; otherwise it is checked now, and the edit refused. */
	#isChecked(): boolean {
		if (this.draft && this.draft.scenario === this.#checkedText) return true;
		this.checkNow();
		return false;
	}

	/**
	 * An edit placed by the checked text's transitions (a proposal's record): applied only while
	 * the text is still the one checked; otherwise the text is checked now and the person asked to
	 * press again, so that the edit cannot land on a transition that has moved.
	 */
	applyChecked(change: TextChange): string | undefined {
		if (!this.#isChecked()) return 'the text changed since it was checked; press again';
		this.#view?.replace(change.from, change.to, change.insert);
		return undefined;
	}

	/** A new source of the draft, with an id from its name, cited by the scenario. */
	addSource(name: string, text: string): void {
		const draft = this.draft;
		if (!draft) return;
		const base = toSourceId(name);
		let id = base;
		for (let n = 2; id in draft.sources; n++) id = `${base}-${n}`;
		const file = `${id}.${/\.md$/i.test(name) ? 'md' : 'txt'}`;
		const title = name.replace(/\.(txt|md)$/i, '');
		this.session.edit({
			sources: { ...draft.sources, [id]: { meta: sourceMeta(id, title, file), text } }
		});
		const problem = this.#edit(citeSource(draft.scenario, id));
		this.#note = problem ? `${id} is not cited yet: ${problem}` : '';
		this.checkNow();
	}

	/** A captured passage of a source as evidence of a transition, with its stance; says what happened. */
	attachQuote(
		sourceId: string,
		transitionId: string,
		quote: CapturedQuote,
		stance: Stance
	): string {
		if (this.draft && !this.#isChecked())
			return 'Not attached: the text changed since it was checked; press again.';
		const transition = this.#results?.transitions.find((t) => t.id === transitionId);
		if (!this.draft || !transition) return 'Pick a transition of the current text.';
		const cited = this.#edit(citeSource(this.draft.scenario, sourceId));
		if (cited) return `Not attached: ${cited}`;
		const { prefix, suffix } = quote;
		const entry = { quote: quote.quote, source: sourceId, prefix, suffix, stance };
		const added = this.#edit(addEvidence(this.draft.scenario, transition.docPath, entry));
		return added
			? `Not attached: ${added}`
			: `Attached to ${transitionId} (${stance}): “${quote.quote}”.`;
	}
}
