import { describe, expect, it } from 'vitest';
import type { LoadResult } from '../engine/load';
import { toReportLines } from './format';

/** A loaded file with `states` states (the root besides), `transitions` and `quotes`. */
function loaded(states: number, transitions: number, quotes: number): LoadResult {
	const value = {
		file: 'one.yaml',
		model: {
			states: new Map(Array.from({ length: states + 1 }, (_, i) => [`s${i}`, {}])),
			transitions: Array.from({ length: transitions }, () => ({}))
		},
		quotes: Array.from({ length: quotes }, () => ({})),
		warnings: []
	};
	return { ok: true, value } as unknown as LoadResult;
}

describe('toReportLines', () => {
	it.each([
		{ counts: [2, 1, 1], expected: 'one.yaml: ok (2 states, 1 transition, 1 quote anchored)' },
		{ counts: [1, 0, 0], expected: 'one.yaml: ok (1 state, 0 transitions, 0 quotes anchored)' },
		{ counts: [4, 5, 3], expected: 'one.yaml: ok (4 states, 5 transitions, 3 quotes anchored)' }
	])('$expected', ({ counts: [states, transitions, quotes], expected }) => {
		expect(toReportLines(loaded(states, transitions, quotes))).toEqual([
			{ kind: 'ok', text: expected }
		]);
	});
});
