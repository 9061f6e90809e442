/**
 * The /editor page: write a small scenario from scratch in a new draft, see its outcomes, break it
 * and see the command line's message at its line, fix it, reload and find the same text, then
 * add a pasted source and attach a selected passage of it as evidence, open the draft in the full
 * dashboard and step through it, and rename and delete the draft. No console error, no Content Security Policy violation (CodeMirror
 * styles itself; see src/routes/editor/codeEditor.ts), no axe violation.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import {
	download,
	editorCode,
	editorText,
	expectNoAxeViolations,
	newDraft,
	open,
	watchCsp,
	watchErrors,
	talksScenario
} from './ready';

const tiny = talksScenario({ id: 'tiny', title: 'Tiny' });

const memo = 'Talks may fail. If they fail, the sides will probably fight.';

/** `tiny` after adding the memo and attaching "may fail" to talks.fail. */
const withEvidence = tiny
	.replace('sources: []', 'sources: [memo]')
	.replace(
		'assumption: One in four.\n',
		'assumption: One in four.\n          evidence:\n            - { quote: "may fail", source: "memo", stance: supports }\n'
	);

/** Select `phrase` in an element's text, across the text nodes (marks) it spans. */
async function select(page: Page, within: Locator, phrase: string) {
	await within.evaluate((el, phrase) => {
		const nodes: Text[] = [];
		const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
		for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
		const at = (offset: number): [Text, number] => {
			for (const node of nodes) {
				if (offset <= node.length) return [node, offset];
				offset -= node.length;
			}
			throw new Error('offset outside the text');
		};
		const start = (el.textContent ?? '').indexOf(phrase);
		if (start < 0) throw new Error(`"${phrase}" not in the text`);
		const range = document.createRange();
		range.setStart(...at(start));
		range.setEnd(...at(start + phrase.length));
		document.getSelection()!.removeAllRanges();
		document.getSelection()!.addRange(range);
	}, phrase);
}

/** Replace the editor's whole text, as typing would (insertText: no auto-indent). */
async function replaceText(page: Page, text: string) {
	await editorCode(page).click();
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.insertText(text);
}

test(
	'write a scenario, see it checked and charted, attach a source passage, reload, rename and delete',
	{ tag: '@phone' },
	async ({ page }, testInfo) => {
		// Writes, checks, charts, reloads, renames and deletes: the editor's whole round trip.
		test.slow();
		const errors = watchErrors(page);
		const violations = await watchCsp(page);
		await open(page, '/editor');

		await newDraft(page);
		await expect(page.getByText('Saved', { exact: true })).toBeVisible();
		// Named after the template's title.
		await expect(page.getByRole('heading', { level: 2, name: 'New scenario' })).toBeVisible();

		// A small valid scenario: the outcome chart and the statechart follow it, and the draft's
		// name its title.
		await replaceText(page, tiny);
		const results = page.getByRole('region', { name: 'Results' });
		await expect(page.getByRole('status').filter({ hasText: ': ok (' })).toHaveText(
			/^tiny\.yaml: ok \(3 states, 2 transitions, 0 quotes anchored\)/
		);
		await expect(page.getByRole('heading', { level: 2, name: 'Tiny' })).toBeVisible();
		await expect(page.getByRole('button', { name: 'Tiny', exact: true })).toHaveAttribute(
			'aria-current',
			'true'
		);
		await expect(results.getByText('Probability of each outcome').first()).toBeVisible();
		await expect(results.getByText('War').first()).toBeAttached();
		await expect(results.locator('svg').getByText('talks.fail').first()).toBeAttached();
		await expect(page.getByText('Saved', { exact: true })).toBeVisible();
		await expectNoAxeViolations(page);
		await page.screenshot({ path: testInfo.outputPath(`editor-${testInfo.project.name}.png`) });

		// A typo in a target: the command line's message, at its line, in the list and in the editor.
		await replaceText(page, tiny.replace('target: war', 'target: wra'));
		const problem = page.getByRole('button', { name: /^tiny\.yaml:/ });
		// What `npm run validate tiny.yaml` prints for this text.
		await expect(problem).toHaveText(
			'tiny.yaml:11:19: statechart.states.talks.on.0.target: unknown state "wra" (hint: did you mean "war"?)'
		);
		await expect(page.locator('.cm-lintRange-error')).toHaveCount(1);
		await expect(page.getByText(/^Out of date/)).toBeVisible();
		await problem.click();
		const cursorLine = await page.locator('.cm-activeLine').evaluate((el) => el.textContent ?? '');
		expect(cursorLine).toContain('target: wra');
		await page.screenshot({
			path: testInfo.outputPath(`editor-error-${testInfo.project.name}.png`)
		});

		// Fixed again: fresh results, nothing listed.
		await replaceText(page, tiny);
		await expect(page.getByText(/^Out of date/)).toBeHidden();
		await expect(page.locator('.cm-lintRange-error')).toHaveCount(0);
		await expect(page.getByText('Saved', { exact: true })).toBeVisible();

		// A transition picked in the diagram (here with the keyboard; the edge's box centre is empty
		// space): the cursor goes to it in the text.
		await results.getByRole('button', { name: /^talks\.hold:/ }).focus();
		await page.keyboard.press('Enter');
		await expect(page.locator('.cm-activeLine')).toContainText('event: talks.hold');

		// A pasted source: cited by the scenario, its likelihood words marked; a selected passage
		// attached to a transition as evidence that anchors.
		await page.getByLabel('Or paste a text: its title').fill('Memo');
		await page.getByLabel('Source text').fill(memo);
		await page.getByRole('button', { name: 'Add pasted text' }).click();
		const source = page.getByRole('region', { name: 'Text of memo' });
		await expect(source.locator('mark', { hasText: 'probably' })).toHaveAttribute(
			'title',
			'suggests: likely'
		);
		await expect(page.getByRole('status').filter({ hasText: ': ok (' })).toBeVisible();
		await select(page, source, 'may fail');
		await page.getByLabel('Attach the selected passage to').selectOption('talks:talks.fail');
		await page.getByRole('button', { name: 'Attach to transition' }).click();
		await expect(
			page.getByText('Attached to talks:talks.fail (supports): “may fail”.')
		).toBeVisible();
		await expect(page.getByRole('status').filter({ hasText: ': ok (' })).toHaveText(
			/ok \(3 states, 2 transitions, 1 quote anchored\)/
		);
		await expect(page.getByText('Saved', { exact: true })).toBeVisible();
		await expectNoAxeViolations(page);
		await page.screenshot({
			path: testInfo.outputPath(`editor-sources-${testInfo.project.name}.png`),
			fullPage: true
		});

		// A reload reopens the draft with the text exactly as typed and edited, and its source.
		await page.reload();
		await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		await expect(editorCode(page)).toBeVisible();
		expect(await editorText(page)).toBe(withEvidence);
		await expect(results.getByText('Probability of each outcome').first()).toBeVisible();
		await expect(source).toHaveText(memo);

		// One click opens the draft in the full dashboard: its outcomes, its source with the attached
		// passage highlighted, and a step-through to an ending, kept in the address.
		await page.getByRole('button', { name: 'Open in the dashboard' }).click();
		await expect(page).toHaveURL(/\/draft\?draft=[^&]+$/);
		await expect(page.getByRole('heading', { level: 1, name: 'Draft: Tiny' })).toBeVisible();
		await expect(
			page.getByRole('region', { name: 'Outcomes' }).getByText('War').first()
		).toBeAttached();
		const article = page.getByRole('complementary', { name: 'The article' });
		await expect(article.getByText('Source: Memo')).toBeVisible();
		await expect(article.locator('.cited', { hasText: 'may fail' })).toHaveCount(1);
		const steps = page.getByRole('region', { name: 'Step through' });
		await steps.locator('button.option[data-transition="talks:talks.fail"]').focus();
		await page.keyboard.press('Enter');
		await expect(steps.getByText(/^Ended: War/)).toBeVisible();
		await expect(page).toHaveURL(/\/draft\?draft=[^&]+&.*steps=/);
		await expectNoAxeViolations(page);
		await page.screenshot({
			path: testInfo.outputPath(`draft-dashboard-${testInfo.project.name}.png`),
			fullPage: true
		});
		// The address holds the view: a reload opens the same draft at the same step.
		await page.reload();
		await expect(page.getByRole('heading', { level: 1, name: 'Draft: Tiny' })).toBeVisible();
		await expect(steps.getByText(/^Ended: War/)).toBeVisible();
		// And back to the editor, on the same draft.
		await page.getByRole('link', { name: 'Back to the editor' }).click();
		await expect(editorCode(page)).toBeVisible();
		expect(await editorText(page)).toBe(withEvidence);

		// Rename, then delete with confirmation.
		await page.getByRole('button', { name: 'Rename' }).click();
		await page.getByLabel('New name').fill('Tiny talks');
		await page.getByRole('button', { name: 'Save name' }).click();
		await expect(page.getByRole('heading', { name: 'Tiny talks' })).toBeVisible();
		await expect(page.getByRole('button', { name: 'Tiny talks' })).toHaveAttribute(
			'aria-current',
			'true'
		);
		await page.getByRole('button', { name: 'Delete…' }).click();
		await page.getByRole('button', { name: 'Delete draft' }).click();
		await expect(page.getByRole('button', { name: 'Tiny talks' })).toHaveCount(0);
		await expect(page.getByRole('heading', { name: 'No draft open' })).toBeVisible();

		expect(await violations()).toEqual([]);
		expect(errors).toEqual([]);
	}
);

test('a passage is attached with the stance picked, by keyboard, each stance with its meaning', async ({
	page
}) => {
	const errors = watchErrors(page);
	await open(page, '/editor');
	await newDraft(page);
	await replaceText(page, tiny);
	await page.getByLabel('Or paste a text: its title').fill('Memo');
	await page.getByLabel('Source text').fill(memo);
	await page.getByRole('button', { name: 'Add pasted text' }).click();
	await expect(page.getByRole('status').filter({ hasText: ': ok (' })).toBeVisible();

	// Every stance of the format, with its meaning; "supports" until another is picked.
	const picker = page.getByRole('group', { name: 'As evidence that' });
	const radios = picker.getByRole('radio');
	await expect(radios).toHaveCount(3);
	const supports = picker.getByRole('radio', { name: 'supports' });
	await expect(supports).toBeChecked();
	await expect(supports).toHaveAccessibleDescription(/says this step happens/);
	await expect(picker.getByRole('radio', { name: 'contradicts' })).toHaveAccessibleDescription(
		/argues against this step/
	);
	await expect(picker.getByRole('radio', { name: 'context' })).toHaveAccessibleDescription(
		/neither states nor denies/
	);

	await select(page, page.getByRole('region', { name: 'Text of memo' }), 'may fail');
	await page.getByLabel('Attach the selected passage to').selectOption('talks:talks.hold');
	await supports.focus();
	await page.keyboard.press('ArrowDown');
	await expect(picker.getByRole('radio', { name: 'contradicts' })).toBeChecked();
	await page.getByRole('button', { name: 'Attach to transition' }).click();
	await expect(
		page.getByText('Attached to talks:talks.hold (contradicts): “may fail”.')
	).toBeVisible();
	expect(await editorText(page)).toContain(
		'evidence:\n            - { quote: "may fail", source: "memo", stance: contradicts }'
	);
	await expect(page.getByRole('status').filter({ hasText: ': ok (' })).toHaveText(
		/ok \(3 states, 2 transitions, 1 quote anchored\)/
	);
	await expectNoAxeViolations(page);
	expect(errors).toEqual([]);
});

test('fork a shipped scenario: listed by title, it loads valid, with its results, named after its title', async ({
	page
}) => {
	const errors = watchErrors(page);
	const violations = await watchCsp(page);
	await open(page, '/editor');
	const fork = page.getByLabel('Fork a shipped scenario');
	await expect(fork.locator('option')).toHaveText([
		'Hezbollah escalation',
		'Israel–Russia ties',
		'Regional escalation (the three paths together)',
		'Russian arms to Iran'
	]);
	await fork.selectOption({ label: 'Russian arms to Iran' });
	await page.getByRole('button', { name: 'Fork', exact: true }).click();
	await expect(page.getByRole('status').filter({ hasText: ': ok (' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 2, name: 'Russian arms to Iran' })).toBeVisible();
	await expect(
		page.getByRole('region', { name: 'Results' }).getByText('Probability of each outcome').first()
	).toBeVisible();
	expect(await violations()).toEqual([]);
	expect(errors).toEqual([]);
});

test('a draft exported as one file imports back as a new draft with the same text and sources', async ({
	page
}) => {
	const errors = watchErrors(page);
	await open(page, '/editor');
	await page.getByLabel('Fork a shipped scenario').selectOption('israel-russia-ties');
	await page.getByRole('button', { name: 'Fork', exact: true }).click();
	await expect(page.getByRole('status').filter({ hasText: ': ok (' })).toBeVisible();
	const exported = await download(page, page.getByRole('button', { name: 'Export draft (.json)' }));
	expect(exported.name).toBe('israel-russia-ties.brink-draft.json');
	const file = JSON.parse(exported.bytes.toString('utf8'));
	expect(file).toMatchObject({
		format: 'brink-draft',
		version: 1,
		name: 'Israel–Russia ties',
		nameFollowsTitle: true
	});
	expect(file.scenario).toContain('id: israel-russia-ties');

	await page.getByLabel('Import a draft file').setInputFiles({
		name: exported.name,
		mimeType: 'application/json',
		buffer: exported.bytes
	});
	await expect(
		page.getByText(`Imported “Israel–Russia ties 2” from ${exported.name}.`)
	).toBeVisible();
	await expect(page.getByRole('heading', { level: 2, name: 'Israel–Russia ties 2' })).toBeVisible();
	await expect(page.getByRole('status').filter({ hasText: ': ok (' })).toBeVisible();
	// The imported draft is itself exported to the same content, under its new name.
	const again = await download(page, page.getByRole('button', { name: 'Export draft (.json)' }));
	expect({ ...JSON.parse(again.bytes.toString('utf8')), name: file.name }).toEqual(file);

	// A damaged file is refused with a message, and the drafts stay as they were.
	const before = await page.locator('.draft-list li').count();
	await page.getByLabel('Import a draft file').setInputFiles({
		name: 'broken.json',
		mimeType: 'application/json',
		buffer: Buffer.from('{"format": "brink-draft"')
	});
	await expect(page.getByText(/Not imported: broken\.json: not JSON/)).toBeVisible();
	await expect(page.locator('.draft-list li')).toHaveCount(before);
	expect(errors).toEqual([]);
});

test('a draft that is not in this browser, or does not load, is explained in the dashboard', async ({
	page
}) => {
	const errors = watchErrors(page);
	await open(page, '/draft?draft=no-such-draft');
	await expect(page.getByRole('alert')).toContainText('This draft is not in this browser.');
	await open(page, '/draft');
	await expect(page.getByText('No draft was named in this address.')).toBeVisible();

	// A draft with an error: the dashboard lists the command line's message and links back.
	await open(page, '/editor');
	await newDraft(page);
	await replaceText(page, tiny.replace('target: war', 'target: wra'));
	await expect(page.getByRole('button', { name: 'Open in the dashboard' })).toBeDisabled();
	const id = await page.evaluate(() => localStorage.getItem('brink.editor.open'));
	await expect(page.getByText('Saved', { exact: true })).toBeVisible();
	await open(page, `/draft?draft=${id}`);
	await expect(page.getByRole('alert')).toContainText('unknown state "wra"');
	await page.getByRole('link', { name: 'editor', exact: true }).click();
	await expect(page.getByRole('heading', { level: 2, name: 'Tiny' })).toBeVisible();
	await expectNoAxeViolations(page);
	expect(errors).toEqual([]);
});
