/**
 * The /editor page's controller: the open draft (through a DraftSession: the list, the saving,
 * the other tabs) as the page works on it. It checks the text a moment after each change, in a
 * worker (a newer text cancels the check running: only the latest text's answer is shown), marks
 * the problems in the code editor, keeps the results of the last valid text (saying when they are
 * out of date, as they are while a check runs), and makes the page's edits (a source cited, a passage attached as evidence, a
 * proposal recorded) through the code editor, so that they can be undone and are saved like
 * typing. A new draft is named after its scenario's title, and the name follows the title as it
 * is typed until the person renames the draft (draftName.ts): only in the tab where it is typed,
 * so that a tab showing text saved in another never writes a name of its own. The page renders what it holds
 * and wires the events; the code editor and the checker are loaded by the page and handed over
 * in `attach`.
 *
 * A check that never ends must not take the draft with it: the draft is marked (checkMarks.ts)
 * while its check runs, and a draft still marked when it is opened (the page went while its check
 * ran) opens with its check paused until the person asks for it; a check that runs past the
 * budget is stopped, and the draft paused with a line saying what to simplify. The mark is written
 * once a check has run a moment (`markAfter`): the storage is written synchronously (its removal
 * took 154 ms once on a busy machine), and a check that ends sooner took nothing down.
 */
import { messageOf } from '../format/messageOf';
import type { DraftAnswer, DraftInput } from '../checking/draftAnswer';
import type { DraftResults } from '../checking/draftResults';
import type { CancelCheck, CheckHandlers } from '../workers/checkClient';
import { plural } from '../format/plural';
import type { ReportLine } from '../scenario/format';
import type { Stance } from '../scenario/stance';
import { memoryMarks, type CheckMarks } from './checkMarks';
import { keepSame } from './keepSame';
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

/**
 * The checking and the results (the page's check worker, src/lib/workers/checkClient.ts): checks
 * one draft; returns the function that cancels it (its handlers are not called after), which
 * stops the check at once, whatever it is doing, when called with `terminate` (the budget).
 */
export interface Checker {
	check(draft: DraftInput, handlers: CheckHandlers): CancelCheck;
}

/** How long after the last change the text is checked, in ms. */
export const checkDelay = 100;

/** Why the open draft is not checked as it is typed: reopened after its check was cut short, or stopped by the budget. */
export type CheckPause = 'reopened' | 'budget';

/** How long a check may run before it is stopped, in ms. */
export const checkBudget = 20_000;

/** How long a check runs before its draft is marked as being checked, in ms. */
export const markAfter = 1000;

export interface DraftEditorOptions {
	/** The channel to the other tabs (the page's BroadcastChannel). */
	channel?: () => DraftChannel | undefined;
	/** Autosave delay in ms (DraftSession's default when left out). */
	saveDelay?: number;
	/** How long after the last change the text is checked, in ms. */
	checkDelay?: number;
	/** How long a check may run, in ms (`checkBudget` when left out). */
	checkBudget?: number;
	/** How long a check runs before its draft is marked, in ms (`markAfter`; 0: at once). */
	markAfter?: number;
	/** Where the drafts being checked are marked (the page's sessionStorage; memory when left out). */
	marks?: CheckMarks;
	/** No draft is left to show (the last one was deleted). */
	onempty?: () => void;
}

/** A shipped scenario to fork: its id, its title and its text, loaded on demand. */
export interface Forkable {
	id: string;
	title: string;
	load: () => Promise<string>;
}

export class DraftEditor {
	/** The drafts, the open one and its saving: draftSession.svelte.ts. */
	readonly session: DraftSession;
	readonly #options: DraftEditorOptions;
	#view: TextView | undefined;
	#checker: Checker | undefined;
	readonly #marks: CheckMarks;
	#check = $state.raw<DraftAnswer | undefined>();
	#results = $state.raw<DraftResults | undefined>();
	/** The text `results` are of. */
	#resultsText = $state('');
	#resultsError = $state('');
	/** The text `check` was made from: edits placed by its transitions apply only to that text. */
	#checkedText = $state('');
	/** A check runs (in the worker). */
	#checking = $state(false);
	/** The draft whose check runs. */
	#checkingId: string | undefined;
	#paused = $state<CheckPause | undefined>();
	/** Why the last check could not run (the worker failed). */
	#checkError = $state('');
	/** Cancels the check running, and the budget's timer. */
	#stopCheck: (() => void) | undefined;
	#selected = $state<string | null>(null);
	#note = $state('');
	#timer: ReturnType<typeof setTimeout> | undefined;
	/** Counts checks: only the latest one's answer is kept. */
	#run = 0;
	/** Text was typed (or edited) here since the last check: the name follows its title. */
	#typed = false;
	/** The check (`#run`) whose lines are marked in the code editor. */
	#marked = -1;
	/** The draft shown (another draft resets the panels; newer text of it does not). */
	#shownId: string | undefined;

	/** The name being typed in the rename form; undefined while the form is closed. */
	renaming = $state<string | undefined>();
	/** The delete confirmation is open. */
	confirmingDelete = $state(false);

	constructor(options: DraftEditorOptions = {}) {
		this.#options = options;
		this.#marks = options.marks ?? memoryMarks();
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
	get check(): DraftAnswer | undefined {
		return this.#check;
	}
	/** A check of the text runs: the page says "Checking…" and shows the last answer meanwhile. */
	get checking(): boolean {
		return this.#checking;
	}
	/** Why the text is not checked as it is typed, if it is not (the page offers to check it now). */
	get paused(): CheckPause | undefined {
		return this.#paused;
	}
	/** Why the last check could not run; empty when it ran. */
	get checkError(): string {
		return this.#checkError;
	}

	/**
	 * What "Checking…" adds about what is shown meanwhile: the problems and results are of the text
	 * before the last change, or (its problems listed already) only the results; nothing before a
	 * first answer.
	 */
	readonly checkingNote = $derived.by(() => {
		if (!this.#check || !this.draft) return '';
		if (this.#checkedText !== this.draft.scenario)
			return 'the problems and results shown are of the text before your last change.';
		return this.#results ? 'the results shown are of the text before your last change.' : '';
	});

	/** Why the text is not checked as it is typed, in words (empty while it is). */
	readonly pauseText = $derived.by(() => {
		if (this.#paused === 'reopened')
			return 'The last check of this draft did not finish: the page froze or crashed while it ran. Checking is paused so that the draft opens without it; what you type is saved but not checked.';
		if (this.#paused === 'budget')
			return `The check was stopped after ${(this.#options.checkBudget ?? checkBudget) / 1000} s. Simplify the scenario before checking it again: fewer choices or options (every combination of choices is checked), fewer parallel regions, or fewer states in each. What you type is saved but not checked.`;
		return '';
	});
	/** The results of the last valid text. */
	get results(): DraftResults | undefined {
		return this.#results;
	}
	get resultsError(): string {
		return this.#resultsError;
	}
	/**
	 * The results shown are not those of the text as it is now: it has changed since (it is being
	 * checked, has errors, is paused, or its results failed).
	 */
	get stale(): boolean {
		return (
			this.#results !== undefined && (this.#checking || this.#resultsText !== this.draft?.scenario)
		);
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
			this.#checkUnlessPaused();
		}
	}

	/**
	 * The page is being left the ordinary way (pagehide: closed, reloaded, navigated): a check
	 * running now was cut short by that, not by a freeze, so its draft is unmarked and checks as
	 * usual when it is opened again. A page frozen or crashed never gets here, and stays marked.
	 */
	leaving(): void {
		if (this.#checking && this.#checkingId) this.#marks.delete(this.#checkingId);
	}

	/** Stop checking and take the code editor down (the page is going). */
	detach(): void {
		clearTimeout(this.#timer);
		this.#cancelCheck();
		this.#view?.destroy();
		this.#view = undefined;
	}

	/** The session's draft to show: another draft, newer text of this one, or none. */
	#show(value: Draft | undefined) {
		if (value?.id !== this.#shownId) {
			this.#cancelCheck();
			this.renaming = undefined;
			this.confirmingDelete = false;
			this.#results = undefined;
			this.#resultsText = '';
			this.#resultsError = '';
			this.#checkError = '';
			this.#check = undefined;
			this.#checkedText = '';
			this.#note = '';
			this.#paused = value && this.#marks.has(value.id) ? 'reopened' : undefined;
		}
		this.#shownId = value?.id;
		this.#typed = false;
		if (!value) {
			this.#view?.destroy();
			this.#options.onempty?.();
			return;
		}
		this.#view?.load(value.scenario, value.format);
		this.#checkUnlessPaused();
	}

	/** The text as typed (or as an edit left it): saved, and checked once typing pauses. */
	edited(text: string): void {
		if (!this.draft) return;
		this.session.edit({ scenario: text });
		this.#typed = true;
		clearTimeout(this.#timer);
		// The check of the text before this change can only give an answer out of date.
		this.#cancelCheck();
		if (this.#paused) return;
		this.#timer = setTimeout(() => this.checkNow(), this.#options.checkDelay ?? checkDelay);
	}

	#checkUnlessPaused(): void {
		if (this.#paused) clearTimeout(this.#timer);
		else this.checkNow();
	}

	/** Cancel the check running (the draft it marked is unmarked: it did not freeze anything). */
	#cancelCheck(): void {
		this.#stopCheck?.();
		this.#stopCheck = undefined;
		this.#run++;
		this.#checking = false;
	}

	/**
	 * Check the open draft in the worker (a check running is cancelled; a paused one resumes); mark
	 * its problems; show the results when it is valid.
	 */
	checkNow(): void {
		clearTimeout(this.#timer);
		if (!this.draft || !this.#checker) return;
		// The name first: the messages name the file after it.
		if (this.#typed) this.session.followTitle(titleOf(this.draft.scenario));
		this.#typed = false;
		this.#cancelCheck();
		this.#paused = undefined;
		this.#checkError = '';
		const { id, name, format, scenario: text, sources } = this.draft;
		const run = this.#run;
		const budget = this.#options.checkBudget ?? checkBudget;
		let marked = false;
		const mark = () => {
			marked = true;
			this.#marks.add(id);
		};
		const after = this.#options.markAfter ?? markAfter;
		let marking: ReturnType<typeof setTimeout> | undefined;
		if (after > 0) marking = setTimeout(mark, after);
		else mark();
		this.#checking = true;
		this.#checkingId = id;
		const end = (keepMark = false) => {
			clearTimeout(timer);
			clearTimeout(marking);
			this.#stopCheck = undefined;
			this.#checking = false;
			if (keepMark && !marked) mark();
			// Ended (or cancelled for a newer text): nothing froze, so no mark stays, also not the
			// one a check cut short before left (a quick check never wrote its own).
			if (!keepMark && (marked || this.#marks.has(id))) this.#marks.delete(id);
		};
		const timer = setTimeout(() => {
			if (run !== this.#run) return;
			cancel(true);
			end(true);
			this.#run++;
			this.#paused = 'budget';
		}, budget);
		const cancel = this.#checker.check($state.snapshot({ name, format, scenario: text, sources }), {
			checked: (answer) => {
				if (run === this.#run) this.#showCheck(text, answer);
			},
			done: (answer) => {
				if (run !== this.#run) return;
				end();
				this.#answered(text, answer);
			},
			failed: (message) => {
				if (run !== this.#run) return;
				end();
				this.#checkError = message;
			}
		});
		// A check that failed at once (no worker) has already ended.
		if (run === this.#run && this.#checking)
			this.#stopCheck = () => {
				cancel();
				end();
			};
	}

	/**
	 * The answer of the check of `text` (still the open draft's text): shown and marked. What did
	 * not change since the last answer is kept as it was (keepSame.ts), so that the panels showing
	 * it are not drawn again (a title typed changes no chart).
	 */
	#answered(text: string, answer: DraftAnswer): void {
		if (!answer.results) {
			this.#showCheck(text, answer);
			if (answer.resultsError !== undefined) this.#resultsError = answer.resultsError;
			return;
		}
		// Each part compared once: the results first, then the check holding the kept results
		// (and their transitions, when the worker sent the check's and the results' as one).
		const results = keepSame(this.#results, answer.results);
		const transitions =
			answer.transitions === answer.results.transitions
				? (results.transitions as DraftAnswer['transitions'])
				: answer.transitions;
		this.#showCheck(text, { ...answer, transitions, results });
		this.#results = results;
		this.#resultsText = text;
		this.#resultsError = '';
	}

	/**
	 * The check's lines of `text` (the results may come later): listed and marked in the code
	 * editor, once a check.
	 */
	#showCheck(text: string, answer: DraftAnswer): void {
		this.#check = keepSame(this.#check, answer);
		this.#checkedText = text;
		// The lines came before the results in this check: they are marked already.
		if (this.#marked === this.#run) return;
		this.#marked = this.#run;
		const starts = lineStarts(text);
		this.#view?.mark(
			answer.lines
				.filter((l) => l.diagnostic && l.diagnostic.file === answer.file)
				.map((l) => ({
					...toRange(text, l.diagnostic!, starts),
					severity: l.kind === 'warning' ? 'warning' : 'error',
					message: l.text
				}))
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
			this.#checkUnlessPaused();
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
		// A check running is of the text as it is now (a change cancels the one before).
		if (!this.#checking) this.#checkUnlessPaused();
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
		this.#checkUnlessPaused();
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
