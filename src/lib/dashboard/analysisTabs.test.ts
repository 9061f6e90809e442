import { describe, expect, it } from 'vitest';
import { analysisTabs, tabFromHash, tabsFor } from './analysisTabs';

describe('tabFromHash', () => {
	it.each([
		{ hash: '#paths', expected: 'paths' },
		{ hash: 'compare', expected: 'compare' },
		{ hash: '#export', expected: 'export' },
		{ hash: '#assumptions', expected: 'assumptions' },
		{ hash: '#question', expected: 'question' },
		{ hash: '', expected: undefined },
		{ hash: '#steps-heading', expected: undefined },
		{ hash: '#constructor', expected: undefined }
	])('$hash → $expected', ({ hash, expected }) => {
		expect(tabFromHash(hash)).toBe(expected);
	});

	it('names every tab once, the first being what matters most', () => {
		expect(new Set(analysisTabs.map((t) => t.id)).size).toBe(analysisTabs.length);
		expect(analysisTabs[0].label).toBe('What matters most');
	});
});

describe('tabsFor', () => {
	it('shows "What happened next" only where there is an event log', () => {
		expect(tabsFor({ events: true }).map((t) => t.id)).toContain('events');
		const without = tabsFor({ events: false });
		expect(without.map((t) => t.id)).not.toContain('events');
		expect(without.length).toBe(analysisTabs.length - 1);
		expect(tabFromHash('#events', without)).toBeUndefined();
		expect(tabFromHash('#events', tabsFor({ events: true }))).toBe('events');
	});
});
