import { describe, expect, it } from 'vitest';
import { checkingKey, storedMarks, type MarkStorage } from './checkMarks';

/** An in-memory Storage, optionally refusing every write. */
function storage(initial: Record<string, string> = {}, refuse = false) {
	const items = new Map(Object.entries(initial));
	return {
		items,
		getItem: (key: string) => items.get(key) ?? null,
		setItem: (key: string, value: string) => {
			if (refuse) throw new DOMException('full', 'QuotaExceededError');
			items.set(key, value);
		},
		removeItem: (key: string) => void items.delete(key)
	} satisfies MarkStorage & Record<string, unknown>;
}

describe('storedMarks', () => {
	it('marks and clears drafts by id, kept in storage for the next page', () => {
		const s = storage();
		const marks = storedMarks(s);
		marks.add('a');
		marks.add('b');
		marks.add('a');
		expect(s.items.get(checkingKey)).toBe('["a","b"]');
		expect(storedMarks(s).has('a')).toBe(true);
		marks.delete('a');
		expect(storedMarks(s).has('a')).toBe(false);
		expect(storedMarks(s).has('b')).toBe(true);
		marks.delete('b');
		expect(s.items.has(checkingKey)).toBe(false);
	});

	it.each([
		{ stored: 'not json', why: 'not JSON' },
		{ stored: '{"a":1}', why: 'not a list' },
		{ stored: '[1,null]', why: 'not ids' }
	])('reads damaged contents ($why) as no marks', ({ stored }) => {
		const marks = storedMarks(storage({ [checkingKey]: stored }));
		expect(marks.has('a')).toBe(false);
		marks.add('a');
		expect(marks.has('a')).toBe(true);
	});

	it('goes on without marks when storage refuses to write', () => {
		const marks = storedMarks(storage({}, true));
		expect(() => marks.add('a')).not.toThrow();
		expect(marks.has('a')).toBe(false);
	});
});
