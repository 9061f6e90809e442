/**
 * The replay on the ladder, by hand: talks fail 0.4 → crisis, hold 0.6 → settled; waiting, the
 * crisis turns to war with 0.75, calm 0.25. At the start P(war) = 0.3, P(settled) = 0.7.
 */
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../tests/unit/fixtures';
import { replay, type ReplayEvent } from './replay';

const { compiled } = loadFixture('ladder.yaml');
const p = (outcomes: { id: string; probability: number }[], id: string) =>
	outcomes.find((o) => o.id === id)!.probability;

describe('replay', () => {
	it('gives each event its prior, conditions on it, and scores the region by hand', () => {
		const events: ReplayEvent[] = [
			// Out of order on purpose: the replay sorts by date.
			{
				id: 'war',
				date: '2024-10-01',
				resolves: [{ kind: 'outcome', state: 'war', occurred: true }]
			},
			{
				id: 'fail',
				date: '2024-09-01',
				resolves: [{ kind: 'taken', transition: 'talks:talks.fail' }]
			}
		];
		const r = replay(compiled, events);
		expect(r.steps.map((s) => s.id)).toEqual(['fail', 'war']);
		expect(r.steps[0].before).toBeCloseTo(0.4, 12);
		expect(p(r.steps[0].after, 'war')).toBeCloseTo(0.75, 12);
		expect(r.steps[1].before).toBeCloseTo(0.75, 12);
		expect(p(r.steps[1].after, 'war')).toBeCloseTo(1, 12);
		expect(r.steps.every((s) => s.surprise === undefined)).toBe(true);
		const [score] = r.scores;
		expect(score.occurred).toBe('war');
		expect(score.probability).toBeCloseTo(0.3, 12);
		// (0.3 − 1)² + (0.7 − 0)² = 0.49 + 0.49.
		expect(score.brier).toBeCloseTo(0.98, 12);
		expect(score.log).toBeCloseTo(Math.log(0.3), 12);
		expect(r.followed.probability).toBeCloseTo(0.3, 12);
	});

	it('says loudly when the model held an event impossible, and follows on without it', () => {
		const events: ReplayEvent[] = [
			{
				id: 'settled',
				date: '2024-09-01',
				resolves: [{ kind: 'outcome', state: 'settled', occurred: true }]
			},
			{ id: 'war', date: '2024-10-01', resolves: [{ kind: 'reached', state: 'war' }] },
			{ id: 'nothing', date: '2024-11-01', resolves: [{ kind: 'none', reason: 'no counterpart' }] }
		];
		const r = replay(compiled, events);
		expect(r.steps[0].before).toBeCloseTo(0.7, 12);
		expect(r.steps[1]).toMatchObject({ before: 0, surprise: 'impossible' });
		expect(r.steps[1].why?.message).toMatch(/cannot both hold/);
		expect(p(r.steps[1].after, 'settled')).toBeCloseTo(1, 12);
		expect(r.steps[2]).toMatchObject({ counterpart: 'none', observations: [] });
		expect(r.steps[2].before).toBeUndefined();
		expect(r.scores[0]).toMatchObject({ occurred: 'settled' });
		// (0.7 − 1)² + (0.3 − 0)² = 0.09 + 0.09.
		expect(r.scores[0].brier).toBeCloseTo(0.18, 12);
	});

	it('takes the one outcome left when the log rules out the others, and flags an unlikely event', () => {
		const events: ReplayEvent[] = [
			{
				id: 'calm',
				date: '2024-09-01',
				resolves: [{ kind: 'taken', transition: 'crisis:crisis.calm' }]
			},
			{
				id: 'notWar',
				date: '2024-09-02',
				resolves: [{ kind: 'outcome', state: 'war', occurred: false }]
			}
		];
		const r = replay(compiled, events);
		// P(calm) = 0.4 × 0.25 = 0.1: not below 10 %.
		expect(r.steps[0].before).toBeCloseTo(0.1, 12);
		expect(r.steps[1].before).toBeCloseTo(1, 12);
		expect(r.scores[0]).toMatchObject({ occurred: 'settled' });
		const unlikely = replay(compiled, [
			{
				id: 'w',
				date: '2024-09-01',
				resolves: [{ kind: 'outcome', state: 'war', occurred: true }]
			},
			{
				id: 'c',
				date: '2024-09-02',
				resolves: [{ kind: 'taken', transition: 'crisis:crisis.calm' }]
			}
		]);
		expect(unlikely.steps[1]).toMatchObject({ before: 0, surprise: 'impossible' });
	});

	it('flags an event the model gave less than 10 %', () => {
		// ladder-claims: talks fail with x in [0.2, 0.6]; at x = 0.2, P(calm) = 0.2 × 0.25 = 0.05.
		const claims = loadFixture('ladder-claims.yaml').compiled;
		const r = replay(
			claims,
			[
				{
					id: 'c',
					date: '2024-09-01',
					resolves: [{ kind: 'taken', transition: 'crisis:crisis.calm' }]
				}
			],
			{ likelihoods: { 'talks:talks.fail': 0.2 } }
		);
		expect(r.steps[0].before).toBeCloseTo(0.05, 12);
		expect(r.steps[0].surprise).toBe('unlikely');
	});

	it('leaves a region unresolved when the log does not settle it', () => {
		const r = replay(compiled, [
			{
				id: 'u',
				date: '2024-09-01',
				resolves: [{ kind: 'unresolved', reason: 'reports conflict' }]
			}
		]);
		expect(r.scores).toEqual([{ region: '' }]);
		expect(r.steps[0].counterpart).toBe('unresolved');
	});
});
