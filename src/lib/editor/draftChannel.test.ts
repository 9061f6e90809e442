import { describe, expect, it } from 'vitest';
import { toDraftMessage } from './draftChannel';

describe('toDraftMessage', () => {
	it.each([
		{
			input: { type: 'saved', id: 'd', revision: 3 },
			expected: { type: 'saved', id: 'd', revision: 3 }
		},
		{
			input: { type: 'renamed', id: 'd', name: 'N' },
			expected: { type: 'renamed', id: 'd', name: 'N' }
		},
		{ input: { type: 'deleted', id: 'd', extra: 1 }, expected: { type: 'deleted', id: 'd' } }
	])('reads $input.type', ({ input, expected }) => {
		expect(toDraftMessage(input)).toEqual(expected);
	});

	it.each([
		{ input: 'hi' },
		{ input: null },
		{ input: { type: 'saved', id: 'd' } },
		{ input: { type: 'saved', id: 1, revision: 1 } },
		{ input: { type: 'renamed', id: 'd' } },
		{ input: { type: 'opened', id: 'd' } }
	])('ignores $input', ({ input }) => {
		expect(toDraftMessage(input)).toBeUndefined();
	});
});
