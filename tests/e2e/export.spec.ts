import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { expect, test } from '@playwright/test';
import { download, expectNoAxeViolations, open, watchErrors, openAnalysis } from './ready';

const dashboard = '/scenario/regional-escalation';
const root = join(import.meta.dirname, '../..');
const scenarioBytes = readFileSync(join(root, 'scenarios/regional-escalation.yaml'));
const sourceText = readFileSync(join(root, 'scenarios/sources/putin-iran-2024.txt'), 'utf8');

/** Quotes as people type them and as articles print them compare the same. */
const loose = (text: string) =>
	text
		.replace(/[‘’′]/g, "'")
		.replace(/[“”″]/g, '"')
		.replace(/[–—‑]/g, '-')
		.replace(/\s+/g, ' ')
		.toLowerCase();

test.describe('export', () => {
	test('saves results, the audit bundle and the statechart, each parsing', async ({
		page
	}, testInfo) => {
		// Seven downloads, a simulation and axe on the whole dashboard: 35 s alone, more when busy.
		test.slow();
		const errors = watchErrors(page);
		await open(page, dashboard);
		await page.locator('select[data-choice="russia.response"]').selectOption('full');
		const outcomes = page.getByRole('region', { name: 'Outcomes' });
		await outcomes.getByLabel('Seed').fill('7');
		await outcomes.getByLabel('Seed').press('Tab');
		await expect(page).toHaveURL(/seed=7/);
		await page
			.getByRole('region', { name: 'Step through' })
			.getByRole('button', { name: 'Let chance decide' })
			.click();
		await expect(page).toHaveURL(/steps=/);

		const panel = await openAnalysis(page, 'Export');
		// The downloads' status; the Embed code's own follows it.
		const status = panel.getByRole('status').first();

		const csv = await download(page, panel.getByRole('button', { name: 'Results (CSV)' }));
		expect(csv.name).toBe('regional-escalation-results.csv');
		await expect(status).toHaveText('Saved regional-escalation-results.csv');
		const lines = csv.bytes.toString('utf8').trimEnd().split('\r\n');
		expect(lines[0]).toBe('kind,region,id,label,exact,low,median,high,monteCarlo,standardError');

		const json = await download(page, panel.getByRole('button', { name: 'Results (JSON)' }));
		expect(json.name).toBe('regional-escalation-results.json');
		const results = JSON.parse(json.bytes.toString('utf8'));
		expect(results.settings.choices['russia.response']).toBe('full');
		const outcomeRows = lines.filter((l) => l.startsWith('outcome,'));
		expect(outcomeRows.length).toBe(results.results.outcomes.length);
		expect(outcomeRows.length).toBeGreaterThanOrEqual(10);

		const audit = await download(page, panel.getByRole('button', { name: 'Audit bundle (JSON)' }));
		expect(audit.name).toBe('regional-escalation-audit.json');
		await expect(status).toHaveText('Saved regional-escalation-audit.json');
		const bundle = JSON.parse(audit.bytes.toString('utf8'));
		expect(bundle).toMatchObject({
			format: 'brink-audit',
			version: 1,
			scenario: {
				id: 'regional-escalation',
				sha256: createHash('sha256').update(scenarioBytes).digest('hex')
			},
			sources: [
				{
					id: 'putin-iran-2024',
					sha256: createHash('sha256').update(sourceText).digest('hex')
				}
			],
			settings: { seed: 7 }
		});
		expect(bundle.settings.choices['russia.response']).toBe('full');
		expect(Object.keys(bundle.settings.choices).length).toBeGreaterThan(3);
		expect(bundle.steps).toHaveLength(1);
		const quotes = bundle.transitions.flatMap(
			(t: { evidence?: { quote: string; text: string }[] }) => t.evidence ?? []
		);
		expect(quotes.length).toBeGreaterThan(5);
		for (const q of quotes) {
			expect(sourceText).toContain(q.text);
			expect(loose(sourceText)).toContain(loose(q.quote));
		}

		const xstate = await download(
			page,
			panel.getByRole('button', { name: 'Statechart (XState JSON)' })
		);
		expect(JSON.parse(xstate.bytes.toString('utf8')).id).toBe('regional-escalation');

		const mermaid = await download(
			page,
			panel.getByRole('button', { name: 'Statechart (Mermaid)' })
		);
		expect(mermaid.name).toBe('regional-escalation-statechart.mmd');
		expect(mermaid.bytes.toString('utf8')).toMatch(/^stateDiagram-v2\n/);

		await panel.scrollIntoViewIfNeeded();
		await panel.screenshot({ path: testInfo.outputPath('export-panel.png') });
		// What the test opened; the dashboard is scanned whole in dashboard.spec.ts.
		await expectNoAxeViolations(page, ['section.analyses']);
		expect(errors).toEqual([]);
	});

	test('a saved chart carries its title, scenario, source, changed setting, date, link and legend', async ({
		page
	}) => {
		const errors = watchErrors(page);
		await open(page, dashboard);
		await page.locator('select[data-choice="russia.response"]').selectOption('full');
		await expect(page).toHaveURL(/c\.russia\.response=full/);
		const frame = page.getByRole('region', { name: 'Probability of each outcome' });
		const group = frame.getByRole('group', { name: 'Export Probability of each outcome' });
		const svg = await download(page, group.getByRole('button', { name: 'SVG' }));
		const file = await page.evaluate((source) => {
			const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
			const root = doc.documentElement;
			// Drawn in the page, so that each line's length can be measured against the width.
			const drawn = document.body.appendChild(document.importNode(root, true)) as Element;
			const width = Number(root.getAttribute('width'));
			const texts = [...drawn.querySelectorAll(':scope > g text')].map((t) => ({
				text: t.textContent ?? '',
				style: t.getAttribute('data-style'),
				right: Number(t.getAttribute('x')) + (t as SVGTextElement).getComputedTextLength()
			}));
			drawn.remove();
			return {
				error: doc.querySelector('parsererror')?.textContent ?? null,
				title: root.querySelector(':scope > title')?.textContent,
				desc: root.querySelector(':scope > desc')?.textContent ?? '',
				width,
				texts
			};
		}, svg.bytes.toString('utf8'));
		expect(file.error).toBeNull();
		expect(file.title).toBe('Probability of each outcome');
		// Wrapped lines break at spaces: joined with one, they read as the page wrote them.
		const shown = file.texts.map((t) => t.text).join(' ');
		expect(shown).toContain(
			'Probability of each outcome Regional escalation (the three paths together)'
		);
		const source = parseYaml(
			readFileSync(join(root, 'scenarios/sources/putin-iran-2024.yaml'), 'utf8')
		);
		expect(shown).toContain(`Source: “${source.title}” (2024-08-05 – 2024-08-11)`);
		expect(shown).toContain(
			"• Russia: How does Russia answer Iran's request for hardware? Full package, air defence and SU-35 jets (default: As the article reads it (chance decides))"
		);
		expect(shown).toMatch(/Made with Brink on \d{4}-\d{2}-\d{2}\. This view:/);
		expect(shown).toContain('Bar: exact probability');
		// The link, wrapped without spaces, is this view's address; the description holds it too.
		const link = file.texts
			.filter((t) => t.style === 'link')
			.map((t) => t.text)
			.join('');
		expect(link).toBe(page.url());
		expect(file.desc).toContain(page.url());
		// Every line stays inside the file, 12 px margins included.
		for (const t of file.texts) expect(t.right, t.text).toBeLessThanOrEqual(file.width - 11);
		expect(errors).toEqual([]);
	});

	test('saves the outcomes chart as SVG with its bars and as a PNG', async ({ page }, testInfo) => {
		const errors = watchErrors(page);
		await open(page, dashboard);
		const frame = page.getByRole('region', { name: 'Probability of each outcome' });
		const group = frame.getByRole('group', { name: 'Export Probability of each outcome' });
		await frame.screenshot({ path: testInfo.outputPath('outcomes-frame.png') });

		const svg = await download(page, group.getByRole('button', { name: 'SVG' }));
		expect(svg.name).toBe('regional-escalation-probability-of-each-outcome.svg');
		const text = svg.bytes.toString('utf8');
		const parsed = await page.evaluate((source) => {
			const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
			const root = doc.documentElement;
			return {
				error: doc.querySelector('parsererror')?.textContent ?? null,
				name: root.nodeName,
				namespace: root.namespaceURI,
				width: Number(root.getAttribute('width')),
				viewBox: root.getAttribute('viewBox'),
				background: root.querySelector(':scope > rect')?.getAttribute('fill'),
				charts: root.querySelectorAll(':scope > svg').length,
				rects: root.querySelectorAll('svg svg rect').length,
				styled: [...root.querySelectorAll('svg svg rect')].filter((r) =>
					/fill:\s*rgb/.test(r.getAttribute('style') ?? '')
				).length,
				texts: [...root.querySelectorAll('text')].map((t) => t.textContent)
			};
		}, text);
		expect(parsed).toMatchObject({
			error: null,
			name: 'svg',
			namespace: 'http://www.w3.org/2000/svg',
			background: 'white'
		});
		expect(parsed.width).toBeGreaterThan(100);
		expect(parsed.viewBox).toMatch(/^0 0 \d+ \d+$/);
		// One chart per region (the legend's swatches sit in a group), a bar per outcome, each
		// bar filled with its computed colour.
		expect(parsed.charts).toBe(3);
		expect(parsed.rects).toBeGreaterThanOrEqual(10);
		expect(parsed.styled).toBeGreaterThanOrEqual(10);
		expect(parsed.texts.join(' ')).toContain('Russian arms to Iran');

		const png = await download(page, group.getByRole('button', { name: 'PNG' }));
		expect(png.name).toBe('regional-escalation-probability-of-each-outcome.png');
		expect([...png.bytes.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
		// 2×: the PNG is twice the SVG's width (IHDR holds the width at byte 16).
		expect(png.bytes.readUInt32BE(16)).toBe(2 * parsed.width);

		const diagram = page.getByRole('group', { name: 'Export the statechart' });
		const chart = await download(page, diagram.getByRole('button', { name: 'SVG' }));
		expect(chart.name).toBe('regional-escalation-statechart.svg');
		expect(chart.bytes.toString('utf8')).toMatch(
			/<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/
		);

		// With the table shown there is no chart to draw from: the buttons are disabled.
		await frame.getByRole('button', { name: 'Show as table' }).click();
		await expect(group.getByRole('button', { name: 'SVG' })).toBeDisabled();

		await testInfo.attach('outcomes.svg', { body: svg.bytes, contentType: 'image/svg+xml' });
		await testInfo.attach('outcomes.png', { body: png.bytes, contentType: 'image/png' });
		const { writeFileSync } = await import('node:fs');
		writeFileSync(testInfo.outputPath('outcomes.svg'), svg.bytes);
		writeFileSync(testInfo.outputPath('outcomes.png'), png.bytes);
		writeFileSync(testInfo.outputPath('statechart.svg'), chart.bytes);
		expect(errors).toEqual([]);
	});
});
