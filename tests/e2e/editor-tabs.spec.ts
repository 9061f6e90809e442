/**
 * The /editor page open in two tabs (two pages of one browser context: one IndexedDB database,
 * one BroadcastChannel), and with storage that refuses to write. Nothing typed is lost without a
 * word: a tab with nothing unsaved follows the other's saved text and says so; when both typed,
 * both texts are kept and the second tab names which draft holds which; while the disk is full,
 * the text typed survives switching drafts and can be downloaded. The tests wait on what the page
 * says, not on time. No console error, no axe violation.
 */
import { expect, test, type Page } from '@playwright/test';
import {
	download,
	editorCode,
	editorText,
	expectNoAxeViolations,
	newDraft,
	open,
	watchErrors,
	talksScenario
} from './ready';

/** A small valid scenario titled `title`. */
const scenario = (title: string) => talksScenario({ id: 'tabs', title });

const saved = (page: Page) => page.getByText('Saved', { exact: true });

/** Replace the editor's whole text, as typing would, and wait until the editor holds it. */
async function replaceText(page: Page, text: string) {
	await editorCode(page).click();
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.insertText(text);
	await expect.poll(() => editorText(page)).toBe(text);
}

/** Every stored draft's name and text, read from the page's IndexedDB, by name. */
const storedTexts = (page: Page) =>
	page.evaluate(
		() =>
			new Promise<[string, string][]>((resolve, reject) => {
				const request = indexedDB.open('brink');
				request.onerror = () => reject(request.error);
				request.onsuccess = () => {
					const all = request.result.transaction('drafts').objectStore('drafts').getAll();
					all.onerror = () => reject(all.error);
					all.onsuccess = () => {
						request.result.close();
						const drafts = all.result as { name: string; scenario: string }[];
						resolve(
							drafts
								.map((d): [string, string] => [d.name, d.scenario])
								.sort((x, y) => x[0].localeCompare(y[0]))
						);
					};
				};
			})
	);

/** Make this page's IndexedDB writes throw, as a full disk does (`restore` undoes it). */
const fillDisk = (page: Page) =>
	page.evaluate(() => {
		const w = window as unknown as { realPut?: typeof IDBObjectStore.prototype.put };
		w.realPut = IDBObjectStore.prototype.put;
		IDBObjectStore.prototype.put = () => {
			throw new DOMException('quota', 'QuotaExceededError');
		};
	});
const freeDisk = (page: Page) =>
	page.evaluate(() => {
		const w = window as unknown as { realPut?: typeof IDBObjectStore.prototype.put };
		if (w.realPut) IDBObjectStore.prototype.put = w.realPut;
	});

/** Tab A with a new draft, saved, and tab B open on the same draft. */
async function twoTabs(page: Page) {
	const a = page;
	const b = await page.context().newPage();
	const errors = [...[a, b].map(watchErrors)];
	await open(a, '/editor');
	await newDraft(a);
	await expect(saved(a)).toBeVisible();
	const id = await a.evaluate(() => localStorage.getItem('brink.editor.open'));
	await open(b, `/editor?draft=${id}`);
	await expect(editorCode(b)).toBeVisible();
	await expect(b.getByRole('heading', { level: 2, name: 'New scenario' })).toBeVisible();
	return { a, b, errors: () => errors.flat() };
}

test('a tab with nothing typed shows the text saved in another tab, and says so', async ({
	page
}) => {
	const { a, b, errors } = await twoTabs(page);
	const text = scenario('Typed in A');
	await replaceText(a, text);
	await expect(saved(a)).toBeVisible();
	await expect(b.getByRole('status').filter({ hasText: 'another tab' })).toHaveText(
		'Updated with the text saved in another tab.'
	);
	expect(await editorText(b)).toBe(text);
	await expect(b.getByRole('status').filter({ hasText: ': ok (' })).toBeVisible();

	// B types on from there: saved over A's text, no conflict, and A follows in turn.
	const more = scenario('Typed in B after A');
	await replaceText(b, more);
	await expect(saved(b)).toBeVisible();
	await expect.poll(() => editorText(a)).toBe(more);
	// The draft is named after the title typed last, in both tabs.
	expect(await storedTexts(a)).toEqual([['Typed in B after A', more]]);
	await expect(a.getByRole('heading', { level: 2, name: 'Typed in B after A' })).toBeVisible();
	await expect(b.getByRole('alert')).toHaveCount(0);
	await expectNoAxeViolations(b);
	expect(errors()).toEqual([]);
});

test('typed in both tabs: both texts are kept, and the tab that saved second says which is where', async ({
	page
}, testInfo) => {
	const { a, b, errors } = await twoTabs(page);
	// B's text must still be unsaved when A saves: B's writes are refused until A has saved (a
	// slow disk, or a message B missed, come to the same thing: B's save meets a newer revision).
	await fillDisk(b);
	const textB = scenario('Typed in B');
	await replaceText(b, textB);
	await expect(b.getByText(/^Not saved: /)).toBeVisible();
	const textA = scenario('Typed in A');
	await replaceText(a, textA);
	await expect(saved(a)).toBeVisible();
	// B heard of A's save, but holds unsaved text: nothing of B's is replaced.
	await expect(b.getByText('Updated with the text saved in another tab.')).toHaveCount(0);
	expect(await editorText(b)).toBe(textB);

	// B's disk works again; its next save finds A's newer text and keeps its own as a copy.
	await freeDisk(b);
	await editorCode(b).click();
	await b.keyboard.press('ControlOrMeta+End');
	await b.keyboard.insertText('# and more\n');
	const finalB = `${textB}# and more\n`;
	const alert = b.getByRole('alert');
	// Each draft is named after its text's title; the copy says where it came from.
	await expect(alert).toContainText(
		"Another tab saved “Typed in A” while you were typing here. Your text is kept as “Typed in B (from another tab)”; “Typed in A” keeps the other tab's text."
	);
	await expect(saved(b)).toBeVisible();
	await expect(
		b.getByRole('heading', { level: 2, name: 'Typed in B (from another tab)' })
	).toBeVisible();
	expect(await editorText(b)).toBe(finalB);
	expect(await storedTexts(b)).toEqual([
		['Typed in A', textA],
		['Typed in B (from another tab)', finalB]
	]);
	// A lists the copy too, and keeps its own text.
	await expect(
		a.getByRole('button', { name: 'Typed in B (from another tab)', exact: true })
	).toBeVisible();
	expect(await editorText(a)).toBe(textA);
	await expectNoAxeViolations(b);
	await b.screenshot({ path: `/tmp/brink-conflict-${testInfo.project.name}.png` });

	// The alert's button opens the other text; the alert stays until dismissed.
	await alert.getByRole('button', { name: 'Open “Typed in A”' }).click();
	await expect(b.getByRole('heading', { level: 2, name: 'Typed in A', exact: true })).toBeVisible();
	await expect.poll(() => editorText(b)).toBe(textA);
	await alert.getByRole('button', { name: 'Dismiss' }).click();
	await expect(b.getByRole('alert')).toHaveCount(0);
	expect(errors()).toEqual([]);
});

test('while the disk is full, the text typed survives switching drafts and can be downloaded', async ({
	page
}) => {
	const errors = watchErrors(page);
	await open(page, '/editor');
	await newDraft(page);
	await expect(saved(page)).toBeVisible();
	await newDraft(page);
	await expect(page.getByRole('heading', { level: 2, name: 'New scenario 2' })).toBeVisible();
	await expect(saved(page)).toBeVisible();

	await fillDisk(page);
	const text = scenario('Typed while the disk is full');
	await replaceText(page, text);
	await expect(page.getByText(/^Not saved: /)).toHaveText(
		'Not saved: this browser has no room left for drafts (quota): download this text, or delete drafts you no longer need'
	);
	// Named after the title typed, though not stored yet.
	const name = 'Typed while the disk is full';
	await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
	const file = await download(page, page.getByRole('button', { name: 'Download this text' }));
	expect(file.name).toBe('typed-while-the-disk-is-full.brink-draft.json');
	expect(JSON.parse(file.bytes.toString('utf8'))).toMatchObject({ scenario: text });
	await expect(
		page.getByText(
			'Downloaded typed-while-the-disk-is-full.brink-draft.json, with the text typed here.'
		)
	).toBeVisible();

	// Away to the other draft: this one is marked, its text kept in the tab.
	await page.getByRole('button', { name: 'New scenario', exact: true }).click();
	await expect(
		page.getByRole('heading', { level: 2, name: 'New scenario', exact: true })
	).toBeVisible();
	const kept = page.getByRole('button', { name: `${name} (not saved)` });
	await expect(kept).toBeVisible();
	// And back: the text typed, as typed, still not saved.
	await kept.click();
	await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
	await expect(page.getByRole('status').filter({ hasText: 'Restored' })).toHaveText(
		`Restored the text you typed in “${name}” before opening another draft.`
	);
	expect(await editorText(page)).toBe(text);
	await expect(page.getByText(/^Not saved: /)).toBeVisible();
	await expectNoAxeViolations(page);

	// The disk works again: leaving the draft writes it, and a reload finds it.
	await freeDisk(page);
	await page.getByRole('button', { name: 'New scenario', exact: true }).click();
	await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
	expect(await storedTexts(page)).toContainEqual([name, text]);
	await page.reload();
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	await page.getByRole('button', { name, exact: true }).click();
	await expect.poll(() => editorText(page)).toBe(text);
	expect(errors).toEqual([]);
});
