import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoAxeViolations, open, watchErrors } from './ready';

/** Screenshots to look at, never committed. */
const shots = '/tmp/brink-statechart';

const diagramOf = (page: Page) => page.getByRole('region', { name: 'Statechart' });
const drawingOf = (scope: Locator) => scope.locator('svg[aria-label^="Statechart"]');

/** The smallest label on screen, in CSS px: computed font size × the drawing's zoom. */
const smallestLabel = (svg: Locator): Promise<number> =>
	svg.evaluate((el) => {
		const sizes = [...el.querySelectorAll('.node text tspan, .edge text tspan')].map((t) => {
			const m = (t as SVGGraphicsElement).getScreenCTM()!;
			return parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
		});
		return sizes.length ? Math.min(...sizes) : 0;
	});

/** Whether a state's box lies wholly inside the drawing's visible box. */
const isShown = (svg: Locator, path: string): Promise<boolean> =>
	svg.evaluate((el, path) => {
		const box = el.querySelector(`[data-path="${path}"] > rect`)?.getBoundingClientRect();
		const view = el.getBoundingClientRect();
		return (
			box !== undefined &&
			box.left >= view.left - 0.5 &&
			box.right <= view.right + 0.5 &&
			box.top >= view.top - 0.5 &&
			box.bottom <= view.bottom + 0.5
		);
	}, path);

const scenarios = [
	{ id: 'regional-escalation', lead: 'crisis.arms.request' },
	{ id: 'russia-arms-to-iran', lead: 'favours' }
];

test.describe('the statechart, built for reading', () => {
	for (const { id, lead } of scenarios) {
		test(
			`${id}: opens on the states in play, every label 11 px or more`,
			{ tag: '@phone' },
			async ({ page }, testInfo) => {
				const errors = watchErrors(page);
				await open(page, `/scenario/${id}`);
				const svg = drawingOf(diagramOf(page));
				await expect(svg.locator(`[data-path="${lead}"]`)).toHaveClass(/active/);
				await expect.poll(() => isShown(svg, lead)).toBe(true);
				const smallest = await smallestLabel(svg);
				testInfo.annotations.push({ type: 'smallest label', description: `${smallest} px` });
				expect(smallest).toBeGreaterThanOrEqual(11);
				await svg.scrollIntoViewIfNeeded();
				await page.screenshot({ path: `${shots}/${testInfo.project.name}-${id}.png` });
				expect(errors).toEqual([]);
			}
		);
	}

	test('the view follows the step the reader takes', async ({ page }) => {
		await open(page, '/scenario/regional-escalation');
		const svg = drawingOf(diagramOf(page));
		// A step in the northern front, far from the arms region the view opens on.
		const option = page.locator('button.option', { hasText: 'Hezbollah intensifies' });
		await option.focus();
		await page.keyboard.press('Enter');
		await expect(svg.locator('[data-path="crisis.north.intensified"]')).toHaveClass(/active/);
		await expect.poll(() => isShown(svg, 'crisis.north.intensified')).toBe(true);
		expect(await smallestLabel(svg)).toBeGreaterThanOrEqual(11);
	});

	test(
		'a transition is selected by clicking (or tapping) its label; it says so and it shows',
		{ tag: '@phone' },
		async ({ page }, testInfo) => {
			await open(page, '/scenario/regional-escalation');
			const diagram = diagramOf(page);
			const label = drawingOf(diagram).locator('.edge text', { hasText: 'Russia gives in' });
			if (testInfo.project.name === 'phone') await label.tap();
			else await label.click();
			const article = page.getByRole('complementary', { name: 'The article' });
			await expect(article.locator('.selection strong')).toHaveText(
				"Russia gives in to Tehran's appeals"
			);
			const edge = diagram.getByRole('button', { name: /^Russia gives in to Tehran's appeals:/ });
			await expect(edge).toHaveAttribute('aria-pressed', 'true');
			await expect(edge).toHaveClass(/selected/);
			await expect(edge).toHaveAccessibleName(
				/^Russia gives in to Tehran's appeals: from Iran asks Moscow to repay the favour to Russia agrees to help; what does it send\?, (evidence|assumption only)/
			);
		}
	);

	test('Tab reaches a transition, which comes into view, and Enter selects it', async ({
		page
	}) => {
		await open(page, '/scenario/regional-escalation');
		const diagram = diagramOf(page);
		await diagram.getByRole('button', { name: 'PNG' }).focus();
		const focusedEdge = page.locator('.edge:focus');
		for (let i = 0; i < 12 && (await focusedEdge.count()) === 0; i++)
			await page.keyboard.press('Tab');
		await expect(focusedEdge).toHaveCount(1);
		const name = (await focusedEdge.getAttribute('aria-label'))!;
		const box = await focusedEdge.boundingBox();
		const view = await drawingOf(diagram).boundingBox();
		expect(box && view && box.x < view.x + view.width && box.x + box.width > view.x).toBe(true);
		await page.keyboard.press('Enter');
		await expect(focusedEdge).toHaveAttribute('aria-pressed', 'true');
		const article = page.getByRole('complementary', { name: 'The article' });
		await expect(article.locator('.selection strong')).toHaveText(name.slice(0, name.indexOf(':')));
	});

	test(
		'full screen opens a modal dialog with the whole map, readable; Esc closes it and focus returns',
		{ tag: '@phone' },
		async ({ page }, testInfo) => {
			await open(page, '/scenario/russia-arms-to-iran');
			const button = diagramOf(page).getByRole('button', { name: 'Full screen' });
			await button.click();
			const dialog = page.getByRole('dialog', { name: 'Statechart: the whole map' });
			await expect(dialog).toBeVisible();
			await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
			const svg = drawingOf(dialog);
			await expect.poll(() => isShown(svg, 'favours')).toBe(true);
			expect(await smallestLabel(svg)).toBeGreaterThanOrEqual(11);
			await expectNoAxeViolations(page);
			await page.screenshot({ path: `${shots}/${testInfo.project.name}-full-screen.png` });
			await page.keyboard.press('Escape');
			await expect(dialog).toBeHidden();
			await expect(button).toBeFocused();
		}
	);

	test('a region collapses to one box from its header, by keyboard, and opens again', async ({
		page
	}, testInfo) => {
		await open(page, '/scenario/regional-escalation');
		const diagram = diagramOf(page);
		const svg = drawingOf(diagram);
		const header = svg.locator('[data-path="crisis.ties"] > .toggle');
		await expect(header).toHaveAttribute('aria-expanded', 'true');
		await header.focus();
		await page.keyboard.press('Enter');
		await expect(header).toHaveAttribute('aria-expanded', 'false');
		await expect(svg.locator('[data-path^="crisis.ties."]')).toHaveCount(0);
		// Transitions within the region are gone with it; the others stay.
		await expect(svg.locator('.edge[data-transition^="crisis.ties."]')).toHaveCount(0);
		await expect(svg.locator('.edge[data-transition^="crisis.arms."]').first()).toBeAttached();
		await expectNoAxeViolations(page);
		await svg.scrollIntoViewIfNeeded();
		await page.screenshot({ path: `${shots}/${testInfo.project.name}-collapsed.png` });
		await page.keyboard.press(' ');
		await expect(header).toHaveAttribute('aria-expanded', 'true');
		await expect(svg.locator('[data-path="crisis.ties.working"]')).toBeAttached();
	});

	test('Whole map shows every state, and back', async ({ page }) => {
		await open(page, '/scenario/regional-escalation');
		const diagram = diagramOf(page);
		const svg = drawingOf(diagram);
		const whole = diagram.getByRole('button', { name: 'Whole map' });
		await expect(whole).toHaveAttribute('aria-pressed', 'false');
		await expect.poll(() => isShown(svg, 'crisis')).toBe(false);
		await whole.click();
		await expect(whole).toHaveAttribute('aria-pressed', 'true');
		await expect.poll(() => isShown(svg, 'crisis')).toBe(true);
		await expect(diagram.getByText('Overview: the labels are small')).toBeVisible();
		await whole.click();
		await expect.poll(() => isShown(svg, 'crisis')).toBe(false);
		// The view eases back over 300 ms: its labels are measured where it arrives.
		await expect(svg).not.toHaveAttribute('data-easing');
		expect(await smallestLabel(svg)).toBeGreaterThanOrEqual(11);
	});

	test(
		'the hint and the buttons suit the pointer: pinch and 44 px on a phone, Ctrl + wheel on a laptop',
		{ tag: '@phone' },
		async ({ page }, testInfo) => {
			await open(page, '/scenario/russia-arms-to-iran');
			const diagram = diagramOf(page);
			const hint = diagram.locator('.hint');
			const phone = testInfo.project.name === 'phone';
			if (phone) {
				await expect(hint).toContainText('pinch');
				await expect(hint).not.toContainText('Ctrl');
			} else {
				await expect(hint).toContainText('Ctrl/⌘ + wheel');
				await expect(hint).not.toContainText('pinch');
			}
			for (const name of ['Zoom in', 'Zoom out', 'Reset view', 'Whole map', 'Full screen']) {
				const box = (await diagram.getByRole('button', { name }).boundingBox())!;
				expect(Math.min(box.width, box.height), name).toBeGreaterThanOrEqual(phone ? 44 : 24);
			}
		}
	);
});
