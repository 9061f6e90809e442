/**
 * The /editor's completions and notes from the scenario schema (src/lib/editor/schemaHints.ts,
 * wired in src/routes/editor/codeEditor.ts): typed with the keyboard into a new draft, a key is
 * completed while typing, its values open after it, a value completes on Ctrl+Space from the
 * document's own ids, and hovering a key shows its description. The popups render inside the
 * editor's shadow root without a Content Security Policy violation or an axe violation.
 */
import { expect, test, type Page } from '@playwright/test';
import {
	editorCode,
	editorText,
	expectNoAxeViolations,
	newDraft,
	open,
	watchCsp,
	watchErrors
} from './ready';

const popup = (page: Page) => page.locator('.cm-tooltip-autocomplete');
const option = (page: Page, label: string) =>
	popup(page).locator('li[role=option]', {
		has: page.locator('.cm-completionLabel', { hasText: new RegExp(`^${label}$`) })
	});

/**
 * Accept the picked option with Enter. CodeMirror ignores Enter for 75 ms after the list opens
 * (`interactionDelay`, so that a fast typist's new line is not taken as a pick): wait that out.
 * On a phone CodeMirror handles Enter a moment later (it first sees what the keyboard did to the
 * page), so the text is read by polling until it holds the pick, never once just after the key.
 */
async function accept(page: Page) {
	await page.waitForTimeout(150);
	await page.keyboard.press('Enter');
}

/** The middle of the key `key` on the last line that has it, scrolled into view, in page coordinates. */
function keyCentre(page: Page, key: string) {
	return editorCode(page).evaluate((el, key) => {
		const line = [...el.querySelectorAll('.cm-line')].findLast((l) =>
			l.textContent!.trimStart().startsWith(`${key}:`)
		);
		if (!line) throw new Error(`no "${key}:" line in the editor`);
		line.scrollIntoView({ block: 'center' });
		const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
		for (let n = walker.nextNode(); n; n = walker.nextNode()) {
			const at = n.textContent!.indexOf(key);
			if (at < 0) continue;
			const range = document.createRange();
			range.setStart(n, at);
			range.setEnd(n, at + key.length);
			const box = range.getBoundingClientRect();
			return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
		}
		throw new Error(`"${key}" not found in its line`);
	}, key);
}

test(
	'complete keys and values from the schema and the document, and read a key’s note',
	{ tag: '@phone' },
	async ({ page }, testInfo) => {
		// Axe on a whole page and many round trips: past 60 s when two cores are saturated.
		test.slow();
		const errors = watchErrors(page);
		const violations = await watchCsp(page);
		await open(page, '/editor');
		await newDraft(page);

		// A new transition at the end of the text, under the last state (insertText: no auto-indent).
		await editorCode(page).click();
		await page.keyboard.press('ControlOrMeta+End');
		await page.keyboard.insertText(
			'      on:\n        - event: war.end\n          target: peace\n          '
		);

		// A key completes while it is typed; its values open as soon as it is accepted.
		await page.keyboard.type('lik');
		await expect(option(page, 'likelihood')).toBeVisible();
		await expect(option(page, 'event')).toHaveCount(0); // already written
		await page.screenshot({ path: `/tmp/hints-${testInfo.project.name}-keys.png` });
		await accept(page);
		await expect(option(page, 'roughly even chance')).toBeVisible();
		await expect(option(page, 'rest')).toBeVisible();
		await page.keyboard.type('rou');
		await expect(option(page, 'roughly even chance')).toHaveAttribute('aria-selected', 'true');
		await page.screenshot({ path: `/tmp/hints-${testInfo.project.name}-values.png` });
		await expectNoAxeViolations(page);
		await accept(page);
		await expect(popup(page)).toBeHidden();
		await expect
			.poll(() => editorText(page))
			.toContain(
				'        - event: war.end\n          target: peace\n          likelihood: roughly even chance'
			);

		// A value from the document itself, on Ctrl+Space: the actors (none here) and chance.
		await page.keyboard.insertText('\n          by: ');
		await page.keyboard.press('Escape');
		await page.keyboard.press('Control+Space');
		await expect(option(page, 'chance')).toBeVisible();
		await accept(page);
		await expect
			.poll(() => editorText(page))
			.toContain('likelihood: roughly even chance\n          by: chance');

		// An evidence entry: its required key, then one of the stances.
		await page.keyboard.insertText(
			'\n          evidence:\n            - quote: may fail\n              '
		);
		await page.keyboard.type('stan');
		await expect(option(page, 'stance')).toBeVisible();
		await accept(page);
		for (const stance of ['supports', 'contradicts', 'context'])
			await expect(option(page, stance)).toBeVisible();
		await page.keyboard.press('ArrowDown');
		await accept(page);
		await expect
			.poll(() => editorText(page))
			.toContain('- quote: may fail\n              stance: contradicts');

		// Hovering a key shows its description and type, inside the editor's frame.
		// The key is measured again until its note shows: on a phone the editor may still be scrolling
		// after the completion closed, and a hover where the key was shows another key's note.
		const note = page.locator('.cm-tooltip-hover');
		await expect(async () => {
			const { x, y } = await keyCentre(page, 'assumption');
			await page.mouse.move(1, 1);
			await page.mouse.move(x, y);
			await expect(note).toContainText('assumption', { timeout: 3_000 });
		}).toPass();
		await expect(note).toContainText('Why the model needs a step its sources do not state.');
		await expect(note).toContainText('Type: string');
		const box = await note.boundingBox();
		const frame = page.viewportSize();
		expect(box!.x).toBeGreaterThanOrEqual(0);
		expect(box!.x + box!.width).toBeLessThanOrEqual(frame!.width);
		await page.screenshot({ path: `/tmp/hints-${testInfo.project.name}-hover.png` });
		await expectNoAxeViolations(page);

		expect(await violations()).toEqual([]);
		expect(errors).toEqual([]);
	}
);
