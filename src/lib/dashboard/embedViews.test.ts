import { describe, expect, it } from 'vitest';
import {
	embedHeight,
	embedQuery,
	embedSnippet,
	embedViews,
	readEmbedQuery,
	toEmbedView
} from './embedViews';

const all = { dimensions: true, indicators: true, baseline: true };

describe('embedViews', () => {
	it.each([
		{
			has: all,
			expected: ['outcomes', 'dimensions', 'steps', 'sensitivity', 'compare', 'paths', 'fan']
		},
		{
			has: { dimensions: false, indicators: false, baseline: false },
			expected: ['outcomes', 'steps', 'sensitivity', 'paths']
		},
		{
			has: { ...all, baseline: false },
			expected: ['outcomes', 'dimensions', 'steps', 'sensitivity', 'paths', 'fan']
		}
	])('$expected', ({ has, expected }) => {
		expect(embedViews(has)).toEqual(expected);
	});
});

describe('embed queries', () => {
	it.each([
		{ share: '', view: 'outcomes', expected: 'view=outcomes' },
		{
			share: 'c.russia.response=full&seed=7',
			view: 'fan',
			expected: 'c.russia.response=full&seed=7&view=fan'
		}
	] as const)('embedQuery($share, $view)', ({ share, view, expected }) => {
		expect(embedQuery(share, view)).toBe(expected);
	});

	it('readEmbedQuery takes the view out and leaves the share query', () => {
		expect(readEmbedQuery('?c.russia.response=full&view=paths&seed=7')).toEqual({
			view: 'paths',
			query: 'c.russia.response=full&seed=7'
		});
		expect(readEmbedQuery('')).toEqual({ view: null, query: '' });
	});

	it('reads back what embedQuery writes', () => {
		const share = 'c.a.b=x&steps=t1%2Ct2&base=1';
		const { view, query } = readEmbedQuery(`?${embedQuery(share, 'steps')}`);
		expect(view).toBe('steps');
		expect(new URLSearchParams(query).getAll('steps')).toEqual(['t1,t2']);
		expect(query).toBe(share);
	});
});

describe('toEmbedView', () => {
	const offered = embedViews({ ...all, baseline: false });
	it.each([
		{ asked: null, expected: { ok: true, view: 'outcomes' } },
		{ asked: '', expected: { ok: true, view: 'outcomes' } },
		{ asked: 'fan', expected: { ok: true, view: 'fan' } }
	])('$asked', ({ asked, expected }) => {
		expect(toEmbedView(asked, offered)).toEqual(expected);
	});

	it.each([
		{ asked: 'chart', problem: '“view=chart” is not a view.' },
		{ asked: 'toString', problem: '“view=toString” is not a view.' },
		{ asked: 'compare', problem: /^“view=compare” needs a baseline pinned in the link/ }
	])('says why not for $asked, and which views there are', ({ asked, problem }) => {
		const choice = toEmbedView(asked, offered);
		expect(choice.ok).toBe(false);
		if (choice.ok) return;
		expect(choice.problem).toMatch(problem);
		expect(choice.offered).toEqual(offered);
	});

	it('a view the scenario has nothing for', () => {
		const choice = toEmbedView('fan', ['outcomes']);
		expect(choice).toMatchObject({
			ok: false,
			problem: '“view=fan” has nothing to show in this scenario.'
		});
	});

	it('cuts a long asked view in the message', () => {
		const choice = toEmbedView('x'.repeat(500), offered);
		expect(!choice.ok && choice.problem.length).toBeLessThan(100);
	});
});

describe('embedSnippet', () => {
	it('writes an iframe with its attributes escaped', () => {
		expect(
			embedSnippet({
				src: 'https://b.example/embed/x?c.a=1&view=fan',
				title: 'Brink: "X" <y>',
				height: 560.4
			})
		).toBe(
			'<iframe src="https://b.example/embed/x?c.a=1&amp;view=fan" title="Brink: &quot;X&quot; &lt;y>" width="100%" height="560" style="border:0" loading="lazy"></iframe>'
		);
	});
});

describe('embedHeight', () => {
	it('grows with the outcomes and regions shown', () => {
		const size = { outcomes: 3, regions: 1, dimensions: 2 };
		const more = { outcomes: 13, regions: 4, dimensions: 5 };
		for (const view of ['outcomes', 'compare', 'dimensions'] as const)
			expect(embedHeight(view, more)).toBeGreaterThan(embedHeight(view, size));
		expect(embedHeight('steps', size)).toBeGreaterThanOrEqual(480);
	});
});
