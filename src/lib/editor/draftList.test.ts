import { describe, expect, it } from 'vitest';
import { toDraftList, uniqueName } from './draftList';
import { newDraft, type DraftSummary } from './drafts';

const summary = (id: string, updatedAt: number): DraftSummary => ({
	id,
	name: id.toUpperCase(),
	format: 'yaml',
	createdAt: 0,
	size: 0,
	updatedAt
});

describe('toDraftList', () => {
	const stored = [summary('b', 2), summary('a', 1)];
	const c = newDraft({ name: 'C', scenario: 'c' }, 3, 'c');
	const a = { ...newDraft({ name: 'A', scenario: 'a, typed' }, 1, 'a'), revision: 1 };

	it.each([
		{ what: 'stored only', unsaved: [], open: undefined, failed: false, expected: ['b', 'a'] },
		{ what: 'open and saved', unsaved: [], open: a, failed: false, expected: ['b', 'a'] },
		{ what: 'open, its write failed', unsaved: [], open: a, failed: true, expected: ['b', 'a*'] },
		{
			what: 'a stored draft kept unsaved',
			unsaved: [a],
			open: c,
			failed: false,
			expected: ['c', 'b', 'a*']
		},
		{
			what: 'never stored, kept',
			unsaved: [c],
			open: a,
			failed: false,
			expected: ['c*', 'b', 'a']
		},
		{ what: 'never stored, open', unsaved: [], open: c, failed: true, expected: ['c*', 'b', 'a'] }
	])('$what', ({ unsaved, open, failed, expected }) => {
		const list = toDraftList(stored, unsaved, open, failed);
		expect(list.map((d) => d.id + (d.unsaved ? '*' : ''))).toEqual(expected);
	});

	it('lists a draft held in memory under the name it has there', () => {
		const renamed = { ...a, name: 'A, titled since' };
		const kept = { ...newDraft({ name: 'B, typed', scenario: 'b' }, 2, 'b'), revision: 1 };
		expect(toDraftList(stored, [kept], renamed, false).map((d) => d.name)).toEqual([
			'B, typed',
			'A, titled since'
		]);
	});

	it('does not change its inputs', () => {
		const before = structuredClone(stored);
		toDraftList(stored, [c], a, true);
		expect(stored).toEqual(before);
	});
});

describe('uniqueName', () => {
	it.each([
		{ base: 'New scenario', taken: [], expected: 'New scenario' },
		{ base: 'New scenario', taken: ['New scenario'], expected: 'New scenario 2' },
		{
			base: 'X (from another tab)',
			taken: ['X (from another tab)', 'X (from another tab) 2'],
			expected: 'X (from another tab) 3'
		}
	])('$base, $taken.length taken: $expected', ({ base, taken, expected }) => {
		expect(uniqueName(base, taken)).toBe(expected);
	});
});
