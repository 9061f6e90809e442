import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { answerDraft, type DraftInput } from '../checking/draftAnswer';
import type { DraftResults } from '../checking/draftResults';
import type { LoadedScenario } from '../engine/load';
import type { CheckHandlers } from '../workers/checkClient';
import { DraftEditor, type Checker, type TextMark, type TextView } from './draftEditor.svelte';
import { toDraftFile } from './draftFile';
import { memoryMarks } from './checkMarks';
import { newDraft, openDraftStore, type DraftStore } from './drafts';
import { applyChange } from './insertEvidence';
import { talksScenario } from '../../../tests/unit/talks';

/** A small valid scenario (talks fail into war, or hold into peace), titled `title`. */
const talks = (title = 'Talks') => talksScenario({ id: 'talks', title });
const broken = talks().replace('target: war', 'target: wra');
const memo = 'Talks may fail. If they fail, the sides will probably fight.';

const editors: DraftEditor[] = [];
afterEach(() => {
	for (const editor of editors.splice(0)) {
		editor.detach();
		editor.session.close();
	}
});

/**
 * A controller on an in-memory IndexedDB, with a code editor that records what it is asked
 * (`view.marks`, `view.cursor`) and, like CodeMirror, reports its own edits as changes; the
 * checker is the real check (answerDraft) answering on a later task, as the worker does, its
 * results a stand-in (the title and the model's transitions) that a test may hold (`held`), make
 * fail (`failing`), or make the worker fail (`broken`). `cancels` counts the checks cancelled; with
 * `deaf`, a cancelled check answers anyway (as a worker's answer already on its way would).
 */
async function setup({
	failingStore = false,
	marks = memoryMarks(),
	checkBudget = 20_000,
	markAfter = 0
} = {}) {
	const factory = new IDBFactory();
	let t = 0;
	const emptied = vi.fn();
	const editor = new DraftEditor({
		saveDelay: 60_000,
		checkDelay: 5,
		onempty: emptied,
		marks,
		checkBudget,
		markAfter
	});
	editors.push(editor);
	const view = {
		text: '',
		loads: 0,
		marks: [] as TextMark[],
		cursor: undefined as number | undefined,
		destroyed: false,
		load(text: string) {
			view.text = text;
			view.loads++;
			view.destroyed = false;
		},
		mark(marks: TextMark[]) {
			view.marks = marks;
		},
		moveTo(offset: number) {
			view.cursor = offset;
		},
		replace(from: number, to: number, insert: string) {
			view.text = applyChange(view.text, { from, to, insert });
			editor.edited(view.text);
		},
		destroy() {
			view.destroyed = true;
		}
	} satisfies TextView & Record<string, unknown>;
	/** Typing: the whole text replaced, as the page's editor reports it. */
	const type = (text: string) => view.replace(0, view.text.length, text);
	const checker = {
		checks: 0,
		cancels: 0,
		/** Cancels that asked to terminate the worker. */
		terminates: 0,
		held: undefined as Promise<void> | undefined,
		/** Held between the lines (sent first, as the worker does) and the results. */
		resultsHeld: undefined as Promise<void> | undefined,
		failing: false,
		broken: '',
		deaf: false,
		/** The drafts checked, in order. */
		sent: [] as DraftInput[],
		check(draft: DraftInput, handlers: CheckHandlers) {
			checker.checks++;
			checker.sent.push(draft);
			const { held, resultsHeld, failing, broken } = checker;
			let cancelled = false;
			const results = async (loaded: LoadedScenario): Promise<DraftResults> => {
				if (failing) throw new Error('the layout failed');
				const { model } = loaded;
				const stand = { title: model.scenario.title, transitions: model.transitions };
				return stand as unknown as DraftResults;
			};
			void (async () => {
				await new Promise((resolve) => setTimeout(resolve, 0));
				await held;
				if (cancelled && !checker.deaf) return;
				if (broken) return handlers.failed(broken);
				const answer = await answerDraft(draft, results);
				if (answer.transitions) {
					const { results: _r, resultsError: _e, ...lines } = answer;
					handlers.checked?.(lines);
					await resultsHeld;
					if (cancelled && !checker.deaf) return;
				}
				handlers.done(answer);
			})();
			return (terminate = false) => {
				cancelled = true;
				checker.cancels++;
				if (terminate) checker.terminates++;
			};
		}
	} satisfies Checker & Record<string, unknown>;
	editor.attach(view, checker);
	await editor.session.connect(async () => {
		const store = await openDraftStore(factory, { now: () => ++t });
		if (!failingStore) return store;
		return {
			...store,
			put: () => Promise.reject(new DOMException('quota', 'QuotaExceededError'))
		} satisfies DraftStore;
	});
	/** Until the check of the text as it is now has answered. */
	const settled = () =>
		vi.waitFor(() => {
			expect(editor.checking).toBe(false);
			expect(editor.check).toBeDefined();
			expect(editor.checkedText).toBe(editor.draft?.scenario);
			if (editor.check?.transitions && !editor.resultsError) expect(editor.stale).toBe(false);
		});
	/** The drafts as stored, by name. */
	const stored = async () => {
		await editor.session.flush();
		const store = await openDraftStore(factory);
		try {
			return (await store.list()).map((d) => d.name).sort();
		} finally {
			store.close();
		}
	};
	return { editor, view, type, checker, emptied, settled, stored, marks };
}

describe('checking as the person types', () => {
	it('a new draft is shown, checked and charted; the status line says it is saved', async () => {
		const { editor, view, settled } = await setup();
		await editor.createBlank();
		expect(view.text).toBe(editor.draft?.scenario);
		await settled();
		expect(editor.verdict).toMatch(
			/^new-scenario\.yaml: ok \(4 states, 4 transitions, 0 quotes anchored\), confidence low$/
		);
		expect(editor.problems).toEqual([]);
		expect(editor.stale).toBe(false);
		expect(editor.saveText).toBe('Saved');
		expect(editor.saveFailed).toBe(false);
	});

	it('an error: listed, marked at its line, the last results kept and said to be out of date', async () => {
		const { editor, view, type, settled } = await setup();
		await editor.createBlank();
		type(talks());
		await settled();
		const before = editor.results;
		expect(before?.title).toBe('Talks');

		type(broken);
		await vi.waitFor(() => expect(editor.checkedText).toBe(broken));
		expect(editor.okLine).toBeUndefined();
		expect(editor.verdict).toBe('1 error: the results show the last valid text');
		expect(editor.problems.map((l) => l.text)).toEqual([
			'talks.yaml:11:19: statechart.states.talks.on.0.target: unknown state "wra" (hint: did you mean "war"?)'
		]);
		expect(view.marks).toEqual([
			{
				from: broken.indexOf('wra'),
				to: broken.indexOf('wra') + 3,
				severity: 'error',
				message: editor.problems[0].text
			}
		]);
		expect(editor.stale).toBe(true);
		expect(editor.results).toBe(before);
		// The listed problem takes the cursor to it.
		expect(editor.pointsIntoText(editor.problems[0])).toBe(true);
		editor.goTo(editor.problems[0]);
		expect(view.cursor).toBe(broken.indexOf('wra'));

		// Fixed: fresh results, nothing marked, no longer out of date.
		type(talks('Talks again'));
		await settled();
		expect(editor.results?.title).toBe('Talks again');
		expect(editor.stale).toBe(false);
		expect(view.marks).toEqual([]);
	});

	it('keeps what an answer did not change, so that its panels are not drawn again', async () => {
		const { editor, type, settled } = await setup();
		await editor.createBlank();
		type(talks());
		await settled();
		const [check, results] = [editor.check!, editor.results!];

		// A comment typed: an equal answer, the same objects.
		type(`${talks()}# a note\n`);
		await settled();
		expect(editor.results).toBe(results);
		expect(editor.check?.transitions).toBe(check.transitions);

		// The title typed: new results, the transitions they share the same.
		type(talks('Talks again'));
		await settled();
		expect(editor.results?.title).toBe('Talks again');
		expect(editor.results?.transitions).toBe(results.transitions);
		expect(editor.check?.transitions).toBe(check.transitions);
	});

	it('lists and marks the lines as soon as they come, and says it is checking until the results do', async () => {
		const { editor, view, type, checker, settled } = await setup();
		await editor.createBlank();
		await settled();
		const shown = editor.results;
		let release = () => {};
		checker.resultsHeld = new Promise((resolve) => (release = resolve));
		const retitled = talks('Talks, again').replace('likelihood: 0.25', 'likelihood: 1.25');
		type(talks('Talks').replace('target: war', 'target: peace'));
		await vi.waitFor(() => expect(editor.problems).not.toEqual([]));
		expect(editor.problems[0].text).toMatch(/never reached/);
		expect(view.marks).toEqual([expect.objectContaining({ severity: 'error' })]);
		expect(editor.checkingNote).toBe('the results shown are of the text before your last change.');
		type(retitled.replace('likelihood: 1.25', 'likelihood: 0.25'));
		expect(editor.checkingNote).toBe(
			'the problems and results shown are of the text before your last change.'
		);
		await vi.waitFor(() => expect(editor.verdict).toMatch(/: ok \(/));
		expect(view.marks).toEqual([]);
		expect(editor.checking).toBe(true);
		expect(editor.checkingNote).toBe('the results shown are of the text before your last change.');
		expect(editor.results).toBe(shown);
		expect(editor.stale).toBe(true);
		release();
		await settled();
		expect(editor.results?.title).toBe('Talks, again');
		expect(editor.stale).toBe(false);
	});

	it('checks once typing pauses, not at each key', async () => {
		const { editor, type, checker, settled } = await setup();
		await editor.createBlank();
		await settled();
		const before = checker.checks;
		for (const title of ['T', 'Ta', 'Tal', 'Talk']) type(talks(title));
		await settled();
		expect(editor.checkedText).toBe(talks('Talk'));
		expect(checker.checks).toBe(before + 1);
	});

	it('results that come late for an older text are dropped', async () => {
		const { editor, type, checker, settled } = await setup();
		await editor.createBlank();
		await settled();
		let release = () => {};
		checker.held = new Promise((resolve) => (release = resolve));
		type(talks('Older'));
		editor.checkNow();
		checker.held = undefined;
		type(talks('Newer'));
		editor.checkNow();
		await vi.waitFor(() => expect(editor.results?.title).toBe('Newer'));
		release();
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect(editor.results?.title).toBe('Newer');
	});

	it('results that fail say why, and the ones shown are out of date', async () => {
		const { editor, type, checker, settled } = await setup();
		await editor.createBlank();
		await settled();
		checker.failing = true;
		type(talks('Fails'));
		await vi.waitFor(() => expect(editor.resultsError).toBe('the layout failed'));
		expect(editor.stale).toBe(true);
		checker.failing = false;
		type(talks('Works'));
		await settled();
		expect(editor.resultsError).toBe('');
		expect(editor.stale).toBe(false);
	});

	it('a write that fails is said in the status line', async () => {
		const { editor, settled } = await setup({ failingStore: true });
		await editor.createBlank();
		await settled();
		expect(editor.saveFailed).toBe(true);
		expect(editor.saveText).toBe('Not saved: quota');
	});
});

describe('checking in the worker', () => {
	/** Every results title the page was given, in order. */
	function watchResults(editor: DraftEditor) {
		const seen: string[] = [];
		const stop = $effect.root(() => {
			$effect(() => {
				const title = editor.results?.title;
				if (title) seen.push(title);
			});
		});
		return { seen, stop };
	}

	it('a newer text cancels the check running; the older text’s answer is never shown', async () => {
		const { editor, type, checker, settled } = await setup();
		await editor.createBlank();
		await settled();
		const { seen, stop } = watchResults(editor);
		// Both checks held; the first answers although cancelled, as an answer on its way would.
		checker.deaf = true;
		let releaseOlder = () => {};
		let releaseNewer = () => {};
		checker.held = new Promise((resolve) => (releaseOlder = resolve));
		type(talks('Older'));
		editor.checkNow();
		expect(editor.checking).toBe(true);
		checker.held = new Promise((resolve) => (releaseNewer = resolve));
		type(talks('Newer'));
		expect(checker.cancels).toBe(1);
		editor.checkNow();
		releaseOlder();
		await vi.waitFor(() => expect(checker.sent).toHaveLength(3));
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect(editor.checking).toBe(true);
		expect(editor.checkedText).not.toBe(talks('Older'));
		releaseNewer();
		await settled();
		expect(editor.results?.title).toBe('Newer');
		expect(seen).not.toContain('Older');
		stop();
	});

	it('while a check runs, says so and keeps the last results, marked out of date', async () => {
		const { editor, type, checker, settled } = await setup();
		await editor.createBlank();
		type(talks('Before'));
		await settled();
		expect(editor.stale).toBe(false);
		let release = () => {};
		checker.held = new Promise((resolve) => (release = resolve));
		type(talks('After'));
		// Changed, not yet checked: out of date at once.
		expect(editor.stale).toBe(true);
		editor.checkNow();
		expect(editor.checking).toBe(true);
		expect(editor.stale).toBe(true);
		expect(editor.results?.title).toBe('Before');
		expect(editor.verdict).toMatch(/^before\.yaml: ok/);
		release();
		await settled();
		expect(editor.results?.title).toBe('After');
		expect(editor.stale).toBe(false);
	});

	it('a check that cannot run says why, keeps the last results out of date, and the next one clears it', async () => {
		const { editor, type, checker, settled, marks } = await setup();
		await editor.createBlank();
		type(talks('Kept'));
		await settled();
		checker.broken = 'the check worker failed: blocked';
		type(talks('Broken'));
		await vi.waitFor(() => expect(editor.checkError).toBe('the check worker failed: blocked'));
		expect(editor.checking).toBe(false);
		expect(editor.results?.title).toBe('Kept');
		expect(editor.stale).toBe(true);
		expect(marks.has(editor.draft!.id)).toBe(false);
		checker.broken = '';
		editor.checkNow();
		await settled();
		expect(editor.checkError).toBe('');
		expect(editor.results?.title).toBe('Broken');
	});

	it('marks the draft while its check runs; a draft still marked opens paused until asked', async () => {
		const { editor, type, checker, settled, marks } = await setup();
		await editor.createBlank();
		await settled();
		const first = editor.draft!.id;
		expect(marks.has(first)).toBe(false);
		let release = () => {};
		checker.held = new Promise((resolve) => (release = resolve));
		editor.checkNow();
		expect(marks.has(first)).toBe(true);
		release();
		checker.held = undefined;
		await settled();
		expect(marks.has(first)).toBe(false);

		// Another draft, whose check was cut short by the page going (its mark left behind).
		await editor.createBlank();
		await settled();
		const second = editor.draft!.id;
		marks.add(second);
		await editor.session.open(first);
		await settled();
		const checks = checker.checks;
		await editor.session.open(second);
		expect(editor.paused).toBe('reopened');
		expect(editor.pauseText).toMatch(/^The last check of this draft did not finish/);
		expect(editor.check).toBeUndefined();
		type(talks('Typed while paused'));
		await new Promise((resolve) => setTimeout(resolve, 30));
		expect(checker.checks).toBe(checks);
		expect(editor.draft?.scenario).toBe(talks('Typed while paused'));

		editor.checkNow();
		expect(editor.paused).toBeUndefined();
		await settled();
		expect(editor.results?.title).toBe('Typed while paused');
		expect(marks.has(second)).toBe(false);
	});

	it('marks the draft only once its check has run a moment: a quick check writes no mark', async () => {
		const written: string[] = [];
		const counted = memoryMarks();
		const marks = {
			has: (id: string) => counted.has(id),
			add: (id: string) => (written.push(`add ${id}`), counted.add(id)),
			delete: (id: string) => (written.push(`delete ${id}`), counted.delete(id))
		};
		const { editor, type, checker, settled } = await setup({ marks, markAfter: 40 });
		await editor.createBlank();
		await settled();
		type(talks('Quick'));
		await settled();
		expect(written).toEqual([]);

		let release = () => {};
		checker.held = new Promise((resolve) => (release = resolve));
		editor.checkNow();
		const id = editor.draft!.id;
		await vi.waitFor(() => expect(marks.has(id)).toBe(true));
		release();
		checker.held = undefined;
		await settled();
		expect(written).toEqual([`add ${id}`, `delete ${id}`]);
	});

	it('a quick check that ends removes the mark a cut-short check left', async () => {
		// Marks are written only after 40 ms here; the check below answers at once.
		const { editor, checker, settled, marks } = await setup({ markAfter: 40 });
		await editor.createBlank();
		await settled();
		const id = editor.draft!.id;
		await editor.createBlank();
		await settled();
		marks.add(id);
		await editor.session.open(id);
		expect(editor.paused).toBe('reopened');
		const checks = checker.checks;
		editor.checkNow();
		await settled();
		expect(checker.checks).toBe(checks + 1);
		expect(editor.paused).toBeUndefined();
		// Checked to its end: the draft froze nothing, and opens checked next time.
		expect(marks.has(id)).toBe(false);
	});

	it('a page left the ordinary way while a check runs unmarks its draft', async () => {
		const { editor, checker, settled, marks } = await setup();
		await editor.createBlank();
		await settled();
		checker.held = new Promise(() => {});
		editor.checkNow();
		expect(marks.has(editor.draft!.id)).toBe(true);
		editor.leaving();
		expect(marks.has(editor.draft!.id)).toBe(false);
		// Other marks (drafts whose check was cut short before) stay.
		marks.add('other');
		editor.leaving();
		expect(marks.has('other')).toBe(true);
	});

	it('a check past its budget is stopped, and the draft paused and left marked', async () => {
		const { editor, type, checker, settled, marks } = await setup({ checkBudget: 40 });
		await editor.createBlank();
		await settled();
		checker.held = new Promise(() => {});
		type(talks('Too big'));
		await vi.waitFor(() => expect(editor.paused).toBe('budget'));
		expect(editor.pauseText).toMatch(
			/^The check was stopped after 0\.04 s\. Simplify the scenario .*fewer choices or options/
		);
		expect(editor.checking).toBe(false);
		expect(checker.cancels).toBe(1);
		// Its worker is stopped at once, whatever the check is doing.
		expect(checker.terminates).toBe(1);
		expect(marks.has(editor.draft!.id)).toBe(true);
		const checks = checker.checks;
		type(talks('Still too big'));
		await new Promise((resolve) => setTimeout(resolve, 30));
		expect(checker.checks).toBe(checks);
		checker.held = undefined;
		editor.checkNow();
		await settled();
		expect(editor.paused).toBeUndefined();
		expect(editor.pauseText).toBe('');
		expect(marks.has(editor.draft!.id)).toBe(false);
	});
});

describe('drafts', () => {
	it('another draft resets the panels; the same draft renamed keeps them', async () => {
		const { editor, view, type, settled } = await setup();
		await editor.createBlank();
		type(talks());
		await settled();
		editor.renaming = 'Renamed';
		await editor.rename();
		expect(editor.renaming).toBeUndefined();
		expect(editor.draft?.name).toBe('Renamed');
		// The messages name the file after the draft, once checked again.
		await vi.waitFor(() => expect(editor.check?.file).toBe('renamed.yaml'));
		expect(editor.verdict).toMatch(/^renamed\.yaml: ok/);
		expect(editor.results?.title).toBe('Talks');

		const first = editor.draft!.id;
		editor.confirmingDelete = true;
		editor.renaming = 'half typed';
		await editor.createBlank();
		expect(editor.renaming).toBeUndefined();
		expect(editor.confirmingDelete).toBe(false);
		await settled();
		expect(editor.results?.title).toBe('New scenario');
		expect(view.loads).toBe(2);

		await editor.session.open(first);
		expect(view.text).toBe(talks());
		await settled();
		expect(editor.results?.title).toBe('Talks');
	});

	it('deleting the last draft takes the code editor down and says no draft is left', async () => {
		const { editor, view, emptied } = await setup();
		await editor.createBlank();
		editor.confirmingDelete = true;
		await editor.remove();
		expect(editor.confirmingDelete).toBe(false);
		expect(editor.draft).toBeUndefined();
		expect(view.destroyed).toBe(true);
		expect(emptied).toHaveBeenCalledOnce();
		expect(editor.check).toBeUndefined();
	});

	it('a fork that cannot be loaded is said, and nothing is created', async () => {
		const { editor } = await setup();
		const load = () => Promise.reject(new Error('offline'));
		await editor.fork({ id: 'gone', title: 'Gone', load });
		expect(editor.note).toBe('Not forked: Gone could not be loaded: offline');
		expect(editor.session.drafts).toEqual([]);
	});

	it('a damaged draft file is refused with the reason', async () => {
		const { editor } = await setup();
		expect(await editor.importFile('broken.json', '{')).toMatch(
			/^Not imported: broken\.json: not JSON/
		);
		expect(editor.session.drafts).toEqual([]);
	});
});

describe('a draft named after its title', () => {
	const names = (editor: DraftEditor) => editor.session.drafts.map((d) => d.name).sort();

	it('a new draft takes the title, and follows it as it is edited; names stay unique', async () => {
		const { editor, type, settled, stored } = await setup();
		await editor.createBlank();
		expect(editor.draft?.name).toBe('New scenario');
		type(talks('Gulf talks'));
		await settled();
		expect(editor.draft?.name).toBe('Gulf talks');
		// The messages name the file after it, as the command line names the file it reads.
		expect(editor.verdict).toMatch(/^gulf-talks\.yaml: ok/);
		expect(await stored()).toEqual(['Gulf talks']);

		await editor.createBlank();
		await editor.createBlank();
		expect(names(editor)).toEqual(['Gulf talks', 'New scenario', 'New scenario 2']);
		type(talks('Gulf talks'));
		await settled();
		expect(editor.draft?.name).toBe('Gulf talks 2');
		// Edited again: the number stays while the title does.
		type(`${talks('Gulf talks')}# more\n`);
		await settled();
		expect(editor.draft?.name).toBe('Gulf talks 2');
		type(talks('Gulf war'));
		await settled();
		expect(await stored()).toEqual(['Gulf talks', 'Gulf war', 'New scenario']);
		// A text without a title (half typed): the name stays.
		type('id: x\n');
		await settled();
		expect(editor.draft?.name).toBe('Gulf war');
	});

	it('text not typed here (opened, or saved in another tab) leaves the name as it is', async () => {
		const { editor, type, settled, stored } = await setup();
		const draft = newDraft({ name: 'Old name', scenario: talks('Gulf talks'), followsTitle: true });
		await editor.session.create(draft);
		await settled();
		expect(editor.draft?.name).toBe('Old name');
		expect(await stored()).toEqual(['Old name']);
		type(`${talks('Gulf talks')}# typed\n`);
		await settled();
		expect(editor.draft?.name).toBe('Gulf talks');
	});

	it('once the person renames it, the name stays whatever the title says', async () => {
		const { editor, type, settled, stored } = await setup();
		await editor.createBlank();
		editor.renaming = 'Mine';
		await editor.rename();
		type(talks('Gulf talks'));
		await settled();
		expect(editor.draft).toMatchObject({ name: 'Mine', followsTitle: false });
		expect(await stored()).toEqual(['Mine']);
	});

	it('a fork takes the scenario’s title; a second fork of it is numbered', async () => {
		const { editor } = await setup();
		const shipped = { id: 'gulf', title: 'Gulf talks', load: async () => talks('Gulf talks') };
		await editor.fork(shipped);
		await editor.fork(shipped);
		expect(names(editor)).toEqual(['Gulf talks', 'Gulf talks 2']);
		// Without a title in its text, the fork is named after the list's title.
		await editor.fork({ ...shipped, load: async () => 'id: untitled\n' });
		expect(editor.draft?.name).toBe('Gulf talks (fork)');
	});

	it('an import takes its title, unless the file says the person named the draft', async () => {
		const { editor } = await setup();
		const file = (followsTitle: boolean) =>
			toDraftFile(newDraft({ name: 'New scenario', scenario: talks('Gulf talks'), followsTitle }));
		expect(await editor.importFile('a.json', file(true))).toBe(
			'Imported “Gulf talks” from a.json.'
		);
		expect(editor.draft).toMatchObject({ name: 'Gulf talks', followsTitle: true });
		expect(await editor.importFile('b.json', file(false))).toBe(
			'Imported “New scenario” from b.json.'
		);
		expect(editor.draft).toMatchObject({ name: 'New scenario', followsTitle: false });
		expect(await editor.importFile('c.json', file(true))).toBe(
			'Imported “Gulf talks 2” from c.json.'
		);
	});
});

describe('edits made by the page', () => {
	async function withMemo() {
		const s = await setup();
		await s.editor.session.create(newDraft({ name: 'Talks', scenario: talks() }));
		await s.settled();
		s.editor.addSource('Memo.txt', memo);
		await s.settled();
		return s;
	}

	it('a source added is cited by the scenario, in the text as typed', async () => {
		const { editor, view } = await withMemo();
		expect(editor.draft?.sources.memo.text).toBe(memo);
		expect(view.text).toBe(talks().replace('sources: []', 'sources: [memo]'));
		expect(editor.draft?.scenario).toBe(view.text);
		expect(editor.note).toBe('');
	});

	it('a passage attached with its stance: cited, added under the transition, checked', async () => {
		const { editor, view, settled } = await withMemo();
		const quote = { quote: 'may fail', start: 6, end: 14 };
		expect(editor.attachQuote('memo', 'talks:talks.hold', quote, 'contradicts')).toBe(
			'Attached to talks:talks.hold (contradicts): “may fail”.'
		);
		expect(view.text).toContain(
			'assumption: The rest.\n          evidence:\n            - { quote: "may fail", source: "memo", stance: contradicts }\n'
		);
		await settled();
		expect(editor.verdict).toMatch(
			/ok \(3 states, 2 transitions, 1 quote anchored\), confidence low$/
		);
	});

	it('an edit placed on a text that has changed since it was checked is refused, and the text checked', async () => {
		const { editor, view, type, settled } = await withMemo();
		const checked = editor.checkedText;
		type(`${checked}# typed\n`);
		const quote = { quote: 'may fail', start: 6, end: 14 };
		expect(editor.attachQuote('memo', 'talks:talks.fail', quote, 'supports')).toBe(
			'Not attached: the text changed since it was checked; press again.'
		);
		expect(editor.checking).toBe(true);
		await vi.waitFor(() => expect(editor.checkedText).toBe(`${checked}# typed\n`));
		expect(editor.applyChecked({ from: 0, to: 0, insert: '# x\n' })).toBeUndefined();
		expect(view.text.startsWith('# x\n')).toBe(true);
		expect(editor.applyChecked({ from: 0, to: 0, insert: '# y\n' })).toBe(
			'the text changed since it was checked; press again'
		);
		await settled();
		expect(editor.attachQuote('memo', 'talks:nope', quote, 'supports')).toBe(
			'Pick a transition of the current text.'
		);
	});

	it('a transition picked in the diagram puts the cursor on it', async () => {
		const { editor, view } = await withMemo();
		editor.selectTransition('talks:talks.hold');
		expect(editor.selectedTransition).toBe('talks:talks.hold');
		expect(view.cursor).toBe(view.text.indexOf('event: talks.hold'));
	});
});
