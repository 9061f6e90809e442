/**
 * The controls as a reader meets them, on every shipped scenario: each likelihood slider has a
 * name of its own in words, no internal id (a state path, a transition id, a choice key, a
 * sentence id) reaches the text, every select shows its whole option label at 1280 and at 390
 * px wide, and on a phone every control is at least 44 CSS px high.
 */
import { readdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, open, openAnalysis } from './ready';

const scenarios = readdirSync('scenarios')
	.filter((file) => file.endsWith('.yaml'))
	.map((file) => file.replace(/\.yaml$/, ''));
const analyses = [
	'What matters most',
	'Key assumptions',
	'Compare',
	'Likely paths',
	'Escalation over time',
	'Export'
];

/** Every visible select whose option label does not show whole, with its name and the label. */
function cutSelects(page: Page): Promise<string[]> {
	return page.locator('select').evaluateAll((selects) =>
		(selects as HTMLSelectElement[]).flatMap((select) => {
			if (select.getClientRects().length === 0) return [];
			const label = select.selectedOptions[0]?.text.trim() ?? '';
			const name = select.labels?.[0]?.textContent?.trim() || select.getAttribute('aria-label');
			const problem = `${name}: “${label}”`;
			// A select styled as a box (appearance: base-select) overflows it when its text does not fit.
			if (select.scrollWidth > select.clientWidth + 1) return [`${problem} is cut at the side`];
			if (select.scrollHeight > select.clientHeight + 1) return [`${problem} is cut at the foot`];
			const style = getComputedStyle(select);
			if (style.appearance === 'base-select') return [];
			// A native select clips its text instead, on one line: measure the label against its room.
			const context = document.createElement('canvas').getContext('2d')!;
			context.font = style.font;
			const arrow = 20;
			const room =
				select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - arrow;
			return context.measureText(label).width > room ? [`${problem} is clipped`] : [];
		})
	);
}

/**
 * Every visible control lower than 44 CSS px, by its accessible name: buttons, selects, inputs,
 * summaries, tabs, [role=button]s and links. Exempt: links and [role=button] passages inside
 * running text (inline in a paragraph), the statechart's nodes and edges (inside its SVG, which
 * pinch and zoom enlarge) and skip links while they are off screen. A checkbox or a radio button
 * counts with its label, which toggles it too.
 */
function smallControls(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const selector =
			'button, select, input:not([type="hidden"]), textarea, summary, [role="tab"], [role="button"], a[href]';
		return [...document.querySelectorAll<HTMLElement>(selector)].flatMap((control) => {
			const box = control.getBoundingClientRect();
			if (box.width === 0 || box.height === 0 || box.right <= 0) return [];
			const style = getComputedStyle(control);
			if (style.visibility === 'hidden') return [];
			if (control.closest('svg')) return [];
			if (style.display === 'inline' && control.closest('p, li, dd, td, blockquote, figcaption'))
				return [];
			const label = control.closest('label');
			const height = Math.max(box.height, label?.getBoundingClientRect().height ?? 0);
			if (height >= 44 - 0.5) return [];
			const name =
				control.getAttribute('aria-label') ||
				(control as HTMLInputElement).labels?.[0]?.textContent ||
				control.textContent ||
				control.getAttribute('title') ||
				control.tagName;
			return [
				`${control.tagName.toLowerCase()} “${name.trim().replace(/\s+/g, ' ')}” is ${Math.round(height)} px`
			];
		});
	});
}

/** On the dashboard: open the likelihood sliders, when the scenario has any; whether it has. */
async function openLikelihoods(page: Page): Promise<boolean> {
	const summary = page
		.getByRole('region', { name: "Actors' choices" })
		.locator('summary', { hasText: 'Uncertain likelihoods' });
	if ((await summary.count()) === 0) return false;
	await summary.click();
	return true;
}

/** Set each choice to its longest option, the one most likely to be cut, checking after each. */
async function tryLongestOptions(page: Page, check: (when: string) => Promise<void>) {
	expect(await page.locator('select[data-choice]').count()).toBeGreaterThan(0);
	for (const select of await page.locator('select[data-choice]').all()) {
		const longest = await select
			.locator('option')
			.evaluateAll(
				(options) =>
					(options as HTMLOptionElement[]).reduce((a, b) => (b.text.length > a.text.length ? b : a))
						.value
			);
		if (longest === (await select.inputValue())) continue;
		await select.selectOption(longest);
		await expect(select).toHaveValue(longest);
		await check(`with ${longest}`);
	}
}

/** No select cuts its option label (every change of choice recomputes the page). */
const noCutSelect = async (page: Page, when: string) =>
	expect(await cutSelects(page), when).toEqual([]);

// One page per scenario and device, each check a step of it: the checks are independent of one
// another, and a dashboard loaded once per check was most of this file's time.
for (const id of scenarios) {
	test(`${id}: sliders named in words, no internal id in the text, every option label whole`, async ({
		page
	}) => {
		await open(page, `/scenario/${id}`);

		await test.step('each likelihood slider has a name of its own, in words', async () => {
			if (!(await openLikelihoods(page))) return;
			const choices = page.getByRole('region', { name: "Actors' choices" });
			const sliders = choices.getByRole('slider');
			await expect(sliders.first()).toBeVisible();
			const snapshot = await choices.ariaSnapshot();
			const names = [...snapshot.matchAll(/- slider "(.+?)"/g)].map((m) => m[1]);
			expect(names).toHaveLength(await sliders.count());
			expect(new Set(names).size, names.join('\n')).toBe(names.length);
			for (const name of names) {
				expect(name).toMatch(/, from “.+”, by /);
				expect(name).not.toMatch(/[a-z][A-Z]|[a-z]\.[a-z]/);
			}
			await expectNoAxeViolations(page, ['section.choices']);
		});

		await test.step('every select shows its whole option label, at 1280 px', async () => {
			await noCutSelect(page, 'at load');
			await tryLongestOptions(page, (when) => noCutSelect(page, when));
		});

		// The ids the page uses where machines read them: state paths, transitions and choices.
		const ids = await page.evaluate(() => {
			const found = new Set<string>();
			for (const e of document.querySelectorAll<HTMLElement>('[data-path]'))
				found.add(e.dataset.path!);
			for (const e of document.querySelectorAll<HTMLElement>('[data-transition]'))
				found.add(e.dataset.transition!);
			for (const e of document.querySelectorAll<HTMLElement>('[data-choice]'))
				found.add(e.dataset.choice!);
			return [...found].filter(Boolean);
		});
		expect(ids.length).toBeGreaterThan(3);
		// Dotted paths and transition ids; keys written in camelCase (no word of prose is).
		const suspects = [
			...ids.filter((x) => /[.:]/.test(x)),
			...ids.flatMap((x) => x.split(/[.:]/)).filter((x) => /[a-z][A-Z]/.test(x))
		];
		const noId = async (when: string) => {
			const text = await page.evaluate(() => {
				const article = document.querySelector<HTMLElement>('.ws-article .text');
				const labels = [...document.querySelectorAll('[aria-label], [aria-valuetext], option')]
					.map(
						(e) =>
							`${e.getAttribute('aria-label') ?? ''} ${e.getAttribute('aria-valuetext') ?? ''} ${e.tagName === 'OPTION' ? e.textContent : ''}`
					)
					.join('\n');
				// The article quotes its source: its own words are not the page's.
				return document.body.innerText.replace(article?.innerText ?? '', '') + '\n' + labels;
			});
			const leaks = suspects.filter((x) =>
				new RegExp(`(^|[^\\w.:-])${x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`).test(text)
			);
			expect(leaks, `ids in the page ${when}`).toEqual([]);
			expect(text, `sentence ids ${when}`).not.toMatch(/\bp\d+\.s\d+\b/);
			expect(text, `a step named by ids ${when}`).not.toMatch(/\(from [a-z]\w*, by [a-z]\w*\)/);
		};
		await test.step('no internal id in what the page says, with every detail open', async () => {
			for (const details of await page.locator('details').all())
				await details.evaluate((d) => ((d as HTMLDetailsElement).open = true));
			await noId('at load');
			// Take two steps: the article then names the selected step and where it leaves from.
			const steps = page.getByRole('region', { name: 'Step through' });
			for (const n of [1, 2]) {
				if (await steps.locator('.where.ended').isVisible()) break;
				await steps.locator('button.option').first().focus();
				await page.keyboard.press('1');
				await expect(steps.locator('ol.history li')).toHaveCount(n);
				await noId(`after step ${n}`);
			}
		});

		for (const name of analyses) {
			await test.step(`in ${name}: no internal id, every option label whole`, async () => {
				await openAnalysis(page, name);
				await noId(`in ${name}`);
				await noCutSelect(page, `in ${name}`);
			});
		}
	});
}

test.describe('on a phone', { tag: '@phone' }, () => {
	const phoneOnly = (project: string) =>
		test.skip(project !== 'phone', 'touch targets and 390 px are a phone promise');
	for (const path of ['/', '/validate', '/about']) {
		test(`${path}: every control is at least 44 px high`, async ({ page }, testInfo) => {
			phoneOnly(testInfo.project.name);
			await open(page, path);
			expect(await smallControls(page), 'at load').toEqual([]);
		});
	}
	for (const id of scenarios) {
		test(`/scenario/${id}: every control at least 44 px high, every option label whole at 390 px`, async ({
			page
		}, testInfo) => {
			phoneOnly(testInfo.project.name);
			await page.setViewportSize({ width: 390, height: 844 });
			await open(page, `/scenario/${id}`);
			const check = async (when: string) => {
				expect(await smallControls(page), when).toEqual([]);
				await noCutSelect(page, when);
			};
			await check('at load');
			if (await openLikelihoods(page)) await check('with the likelihoods open');
			await tryLongestOptions(page, check);
			for (const name of analyses) {
				await openAnalysis(page, name);
				await check(`in ${name}`);
			}
		});
	}
});

test('every score says what it means and counts: the expected scores and the comparison', async ({
	page
}) => {
	await open(page, '/scenario/regional-escalation');
	const scores = page.locator('.dimensions');
	// In the chart: a note under each dimension (its lines joined), the scale's ends named.
	const notes = scores.locator('svg text.note');
	await expect(notes.first()).toBeVisible();
	const said = (await notes.allTextContents()).join(' ');
	expect(said).toContain(
		'Negative is worse for Russia; the arms and ties outcomes add up. In points.'
	);
	expect(said).toContain('Points: −2 ruptured, −1 strained, 0 working.');
	await expect(
		scores.locator('svg text.bound', { hasText: '3 open war in the north' })
	).toHaveCount(1);
	await expect(scores.getByText('An expected score is the average')).toBeVisible();
	// In the table: the meaning beside each label, the scale with its unit.
	await scores.getByRole('button', { name: 'Show as table' }).click();
	const rows = scores.locator('tbody tr');
	await expect(rows).toHaveCount(5);
	await expect(rows.nth(1).locator('th')).toContainText(
		'Israel–Russia ties Points: −2 ruptured, −1 strained, 0 working.'
	);
	await expect(rows.nth(1).locator('td').last()).toHaveText(
		'−2 (ruptured) to 0 (working), in points'
	);
	// The comparison's scores say the same.
	const compare = await openAnalysis(page, 'Compare');
	await compare.getByRole('button', { name: 'Pin current as baseline' }).click();
	await page.locator('select[data-choice="russia.response"]').selectOption('decline');
	const table = compare.getByRole('table', { name: 'Expected scores, baseline and now' });
	await expect(table.locator('tbody th').first()).toContainText(
		"Russia's strategic position Negative is worse for Russia; the arms and ties outcomes add up. In points."
	);
});
