import { describe, expect, it } from 'vitest';
import { coverageSentence } from './pathsCoverage';

const plain = (s: string) => s.replaceAll('\u00a0', ' ');
const path = (probability: number) => ({ probability }) as never;

describe('coverageSentence', () => {
	it.each([
		{
			name: 'an outcome fully covered',
			merged: {
				paths: [path(0.04), path(0.035), path(0.03), path(0.024)],
				probability: 0.129,
				listed: 0.129,
				coverage: 1,
				found: 4,
				foundProbability: 0.129,
				unexplored: 0
			},
			subject: { outcome: { label: 'Ties ruptured', probability: 0.129 } },
			expected: 'These 4 paths cover 100 % of “Ties ruptured” (13 %).'
		},
		{
			name: 'every run, keyed by one region',
			merged: {
				paths: [path(1)],
				probability: 1,
				listed: 1,
				coverage: 1,
				found: 1,
				foundProbability: 1,
				unexplored: 0
			},
			subject: { region: 'Ties' },
			expected: 'This path covers 100 % of all runs, counting only their steps in “Ties”.'
		},
		{
			name: 'below 80 %: the other paths found',
			merged: {
				paths: [path(0.3), path(0.2)],
				probability: 1,
				listed: 0.5,
				coverage: 0.5,
				found: 12,
				foundProbability: 1,
				unexplored: 0
			},
			subject: {},
			expected:
				'These 2 paths cover 50 % of all runs. The rest: 10 other paths found carry 50 %. Show more paths to see more of it.'
		},
		{
			name: 'below 80 %: runs not followed to an end',
			merged: {
				paths: [path(0.6)],
				probability: 1,
				listed: 0.6,
				coverage: 0.6,
				found: 1,
				foundProbability: 0.6,
				unexplored: 0.4
			},
			subject: {},
			expected:
				'This path covers 60 % of all runs. The rest: 40 % is in runs not followed to an end (around loops).'
		},
		{
			name: 'an outcome that cannot happen',
			merged: {
				paths: [],
				probability: 0,
				listed: 0,
				coverage: 1,
				found: 0,
				foundProbability: 0,
				unexplored: 0
			},
			subject: { outcome: { label: 'War', probability: 0 } },
			expected: 'No path ends in “War”: its probability is 0 under these settings.'
		}
	])('$name', ({ merged, subject, expected }) => {
		expect(plain(coverageSentence(merged, subject))).toBe(expected);
	});
});
