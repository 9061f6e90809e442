/**
 * The /editor page proposes a likelihood from the evidence's wording: a draft whose transitions
 * quote "will find it hard to resist" and "risks damaging" lists each with the ICD 203 band the
 * words map to beside the likelihood it has now; "Accept" rewrites the likelihood as the proposed
 * term and records the decision (undoable like typing), "Keep mine" records the override; the text
 * stays valid, and a reload finds both records in it. No console error, no CSP or axe violation.
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

const memo =
	'Putin will find it hard to resist Tehran’s appeals. Yet any support risks damaging his ties with Israel.';

const scenario = `id: wording
title: Wording
sources: [memo]
actors: {}
statechart:
  initial: asked
  states:
    asked:
      on:
        - event: russia.supply
          target: supplied
          by: chance
          likelihood: { term: likely, basis: hard to resist }
          evidence:
            - { quote: "will find it hard to resist", source: memo, stance: supports }
        - event: russia.refrain
          target: refrained
          by: chance
          likelihood: rest
          assumption: The rest.
    supplied:
      on:
        - event: ties.strain
          target: strained
          by: chance
          likelihood: 0.4
          evidence:
            - { quote: "risks damaging his ties", source: memo, stance: supports }
        - event: ties.hold
          target: held
          by: chance
          likelihood: rest
          assumption: The rest.
    refrained: { type: final, outcome: { label: Refrained } }
    strained: { type: final, outcome: { label: Strained } }
    held: { type: final, outcome: { label: Held } }
`;

const accepted =
	'likelihood: { term: very likely, basis: hard to resist, proposal: { term: very likely, wording: hard to resist, decision: accepted } }';
const overridden =
	'likelihood: { value: 0.4, proposal: { term: roughly even chance, wording: risks, decision: overridden } }';

const valid = (page: Page) => page.getByRole('status').filter({ hasText: ': ok (' });

test('the wording proposes a band; accept one, keep mine on another; the records survive a reload', async ({
	page
}, testInfo) => {
	// Axe on a whole page and many round trips: past 60 s when two cores are saturated.
	test.slow();
	const errors = watchErrors(page);
	const violations = await watchCsp(page);
	await open(page, '/editor');
	await newDraft(page);

	// The source first (it is cited as "memo"), then the scenario that quotes it.
	await page.getByLabel('Or paste a text: its title').fill('Memo');
	await page.getByLabel('Source text').fill(memo);
	await page.getByRole('button', { name: 'Add pasted text' }).click();
	await expect(page.getByRole('region', { name: 'Text of memo' })).toBeVisible();
	await editorCode(page).click();
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.insertText(scenario);
	await expect(valid(page)).toHaveText(/ok \(5 states, 4 transitions, 2 quotes anchored\)/);

	const proposals = page.getByRole('region', { name: 'Likelihoods the wording proposes' });
	const items = proposals.getByRole('listitem');
	await expect(items).toHaveCount(2);
	const supply = items.filter({ hasText: 'russia.supply' });
	const strain = items.filter({ hasText: 'ties.strain' });
	await expect(supply.locator('p').first()).toHaveText(
		/russia\.supply.*: evidence says “hard to resist” → very likely \(80–95\s%\)\. Now: likely \(55–80\s%\)\./
	);
	await expect(strain.locator('p').first()).toHaveText(
		/ties\.strain.*: evidence says “risks” → roughly even chance \(45–55\s%\)\. Now: 40\s%\./
	);
	await expectNoAxeViolations(page);
	await proposals.screenshot({
		path: testInfo.outputPath(`editor-wording-${testInfo.project.name}.png`)
	});

	// Accept: the likelihood becomes the proposed term, with the record; one undo takes it back.
	await supply.getByRole('button', { name: 'Accept very likely' }).click();
	await expect(supply.getByText('Recorded: accepted very likely.')).toBeVisible();
	expect(await editorText(page)).toContain(accepted);
	await expect(valid(page)).toBeVisible();
	await editorCode(page).click();
	await page.keyboard.press('ControlOrMeta+z');
	await expect(supply.getByRole('button', { name: 'Accept very likely' })).toBeVisible();
	expect(await editorText(page)).toBe(scenario);
	await supply.getByRole('button', { name: 'Accept very likely' }).click();
	await expect(supply.getByText('Recorded: accepted very likely.')).toBeVisible();

	// Keep mine: the number stays, now in the long form with the override recorded.
	await strain.getByRole('button', { name: 'Keep mine' }).focus();
	await page.keyboard.press('Enter');
	await expect(
		strain.getByText('Recorded: the analyst kept 40 % over roughly even chance.')
	).toBeVisible();
	expect(await editorText(page)).toContain(overridden);
	await expect(valid(page)).toHaveText(/ok \(5 states, 4 transitions, 2 quotes anchored\)/);
	await expect(page.locator('.cm-lintRange-error')).toHaveCount(0);
	await expect(proposals.getByRole('button')).toHaveCount(0);
	await expect(page.getByText('Saved', { exact: true })).toBeVisible();
	await expectNoAxeViolations(page);
	await proposals.screenshot({
		path: testInfo.outputPath(`editor-wording-decided-${testInfo.project.name}.png`)
	});

	// A reload finds both records in the text, and shows them as decided.
	await page.reload();
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	await expect(editorCode(page)).toBeVisible();
	await expect(valid(page)).toBeVisible();
	const text = await editorText(page);
	expect(text).toContain(accepted);
	expect(text).toContain(overridden);
	await expect(supply.getByText('Recorded: accepted very likely.')).toBeVisible();
	await expect(strain.getByText(/^Recorded: the analyst kept 40\s%/)).toBeVisible();

	expect(await violations()).toEqual([]);
	expect(errors).toEqual([]);
});
