import { describe, expect, it } from 'vitest';
import type { LoadResult } from '../engine/load';
import type { Scenario, SourceMeta } from './schema';
import { toReportLines } from './format';

/**
 * A loaded file with `states` states (the root besides), `transitions` (every one quoted) and
 * `quotes`, citing `sources` and stating `confidence` when given.
 */
function loaded(
	states: number,
	transitions: number,
	quotes: number,
	sources: Partial<SourceMeta>[] = [],
	confidence?: Scenario['confidence']
): LoadResult {
	const value = {
		file: 'one.yaml',
		scenario: { ...(confidence && { confidence }) },
		model: {
			states: new Map(Array.from({ length: states + 1 }, (_, i) => [`s${i}`, {}])),
			transitions: Array.from({ length: transitions }, () => ({ evidence: [{}] }))
		},
		sources: new Map(sources.map((meta, i) => [`s${i}`, { meta }])),
		quotes: Array.from({ length: quotes }, () => ({})),
		warnings: []
	};
	return { ok: true, value } as unknown as LoadResult;
}

const official = { genre: 'official', author: 'A. Minister', outlet: 'Ministry' } as const;
const paper = { genre: 'analysis', author: 'B. Analyst', outlet: 'Review' } as const;

describe('toReportLines', () => {
	it.each([
		{
			counts: [2, 1, 1],
			expected: 'one.yaml: ok (2 states, 1 transition, 1 quote anchored), confidence low'
		},
		{
			counts: [1, 0, 0],
			expected: 'one.yaml: ok (1 state, 0 transitions, 0 quotes anchored), confidence low'
		},
		{
			counts: [4, 5, 3],
			expected: 'one.yaml: ok (4 states, 5 transitions, 3 quotes anchored), confidence low'
		}
	])('$expected', ({ counts: [states, transitions, quotes], expected }) => {
		expect(toReportLines(loaded(states, transitions, quotes))).toEqual([
			{ kind: 'ok', text: expected }
		]);
	});

	it('names the confidence the sources bear: two independent named sources, every step quoted', () => {
		const [line] = toReportLines(loaded(2, 1, 1, [official, paper]));
		expect(line.text).toBe(
			'one.yaml: ok (2 states, 1 transition, 1 quote anchored), confidence high'
		);
	});

	it('says when the file states a level other than the derived one', () => {
		const stated = { level: 'moderate', reason: 'Checked against a second account.' } as const;
		const [line] = toReportLines(loaded(2, 1, 1, [], stated));
		expect(line.text).toMatch(/, confidence moderate \(stated; derived: low\)$/);
	});
});
