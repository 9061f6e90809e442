import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../tests/unit/fixtures';
import { likelihoodValues, resolveChoices } from './compile';
import type { LoadedScenario } from './load';
import { activeLeaves } from './machine';
import { createRng } from './rng';
import {
	current,
	isOver,
	options,
	startSession,
	take,
	takeByChance,
	undo,
	type Session
} from './stepper';

const load = loadFixture;
const ladder = load('ladder.yaml');
const regions = load('regions.yaml');

function start(loaded: LoadedScenario, choices: Record<string, string> = {}): Session {
	return startSession(
		loaded.compiled,
		resolveChoices(loaded.compiled, choices),
		likelihoodValues(loaded.compiled)
	);
}

const openNow = (session: Session) =>
	options(session).map((b) => [b.transition.id, b.probability] as const);
const leavesOf = (session: Session) => activeLeaves(current(session).value);

describe('stepping through the ladder', () => {
	it.each([
		{
			posture: 'wait',
			path: ['talks:talks.fail', 'crisis:crisis.fight'],
			open: [
				[
					['talks:talks.fail', 0.4],
					['talks:talks.hold', 0.6]
				],
				[
					['crisis:crisis.fight', 0.75],
					['crisis:crisis.calm', 0.25]
				]
			],
			end: 'war',
			escalation: 3
		},
		{
			posture: 'press',
			path: ['talks:talks.fail', 'crisis:west.press'],
			open: [
				[
					['talks:talks.fail', 0.4],
					['talks:talks.hold', 0.6]
				],
				[['crisis:west.press', 1]]
			],
			end: 'settled',
			escalation: 1
		},
		{
			posture: 'wait',
			path: ['talks:talks.hold'],
			open: [
				[
					['talks:talks.fail', 0.4],
					['talks:talks.hold', 0.6]
				]
			],
			end: 'settled',
			escalation: 0
		}
	])('west.posture=$posture along $path', ({ posture, path, open, end, escalation }) => {
		let session = start(ladder, { 'west.posture': posture });
		path.forEach((id, i) => {
			expect(isOver(session)).toBe(false);
			const now = openNow(session);
			expect(now.map(([tid]) => tid)).toEqual(open[i].map(([tid]) => tid));
			now.forEach(([, p], k) => expect(p).toBeCloseTo(open[i][k][1] as number, 12));
			session = take(session, id);
			expect(session.steps.at(-1)!.via!.transition.id).toBe(id);
		});
		expect(leavesOf(session)).toEqual([end]);
		expect(current(session).context.indicators).toEqual({ escalation });
		expect(isOver(session)).toBe(true);
		expect(options(session)).toEqual([]);
		expect(session.steps).toHaveLength(path.length + 1);
	});

	it('keeps each session as it was: take and undo return new ones', () => {
		const first = start(ladder);
		const second = take(first, 'talks:talks.fail');
		expect(first.steps).toHaveLength(1);
		expect(leavesOf(first)).toEqual(['talks']);
		expect(leavesOf(second)).toEqual(['crisis']);
		const back = undo(second);
		expect(leavesOf(back)).toEqual(['talks']);
		expect(back.steps).toHaveLength(1);
		expect(leavesOf(second)).toEqual(['crisis']);
		expect(undo(first)).toBe(first);
	});

	it.each([
		{
			name: 'an unknown id',
			path: [],
			id: 'talks:talks.nope',
			expected:
				'transition "talks:talks.nope" is not open now (open: talks:talks.fail, talks:talks.hold)'
		},
		{ name: 'an event without its state', path: [], id: 'talks.fail', expected: /is not open now/ },
		{
			name: 'a transition whose guard does not hold',
			path: ['talks:talks.fail'],
			id: 'crisis:west.press',
			expected:
				'transition "crisis:west.press" is not open now (open: crisis:crisis.fight, crisis:crisis.calm)'
		},
		{
			name: 'a transition of another state',
			path: ['talks:talks.fail'],
			id: 'talks:talks.hold',
			expected: /is not open now/
		},
		{
			name: 'any transition after the end',
			path: ['talks:talks.hold'],
			id: 'talks:talks.fail',
			expected: 'transition "talks:talks.fail" is not open now (the scenario has ended)'
		}
	])('refuses $name', ({ path, id, expected }) => {
		const session = path.reduce(take, start(ladder));
		expect(() => take(session, id)).toThrow(expected);
	});
});

describe('stepping through regions', () => {
	it('opens both regions at the start, each moving half the time', () => {
		const p = (0.55 + 0.8) / 2;
		const expected = [
			['crisis.front.quiet:front.flare', 0.5 * p],
			['crisis.front.quiet:front.calm', 0.5 * (1 - p)],
			['crisis.talks.open:talks.deal', 0.5 * 0.3],
			['crisis.talks.open:talks.stall', 0.5 * 0.7]
		] as const;
		const now = openNow(start(regions));
		expect(now.map(([id]) => id)).toEqual(expected.map(([id]) => id));
		now.forEach(([, prob], i) => expect(prob).toBeCloseTo(expected[i][1], 12));
	});

	it('gives the whole step to the front once the talks have ended', () => {
		const session = take(start(regions), 'crisis.talks.open:talks.stall');
		const now = openNow(session);
		expect(now.map(([id]) => id)).toEqual([
			'crisis.front.quiet:front.flare',
			'crisis.front.quiet:front.calm'
		]);
		expect(now[0][1]).toBeCloseTo(0.675, 12);
		expect(now[1][1]).toBeCloseTo(0.325, 12);
	});

	it.each([
		{ stance: 'hold', seed: 1 },
		{ stance: 'push', seed: 2 },
		{ stance: 'hold', seed: 'walk' }
	])(
		'$stance, seed $seed: probabilities add up to 1 at every step until the end',
		({ stance, seed }) => {
			let session = start(regions, { 'north.stance': stance });
			const rng = createRng(seed);
			for (let i = 0; i < 100 && !isOver(session); i++) {
				const open = options(session);
				expect(open.reduce((s, b) => s + b.probability, 0)).toBeCloseTo(1, 12);
				session = takeByChance(session, rng);
			}
			expect(isOver(session)).toBe(true);
			expect(
				leavesOf(session).every((leaf) => regions.model.states.get(leaf)!.kind === 'final')
			).toBe(true);
			expect(takeByChance(session, rng)).toBe(session);
		}
	);
});

describe('takeByChance', () => {
	const walk = (loaded: LoadedScenario, seed: string | number) => {
		let session = start(loaded);
		const rng = createRng(seed);
		while (!isOver(session)) session = takeByChance(session, rng);
		return session.steps.slice(1).map((s) => s.via!.transition.id);
	};

	it.each([{ seed: 1 }, { seed: 'same' }, { seed: 123456 }])(
		'walks the same way for the same seed ($seed)',
		({ seed }) => {
			expect(walk(regions, seed)).toEqual(walk(regions, seed));
			expect(walk(ladder, seed)).toEqual(walk(ladder, seed));
		}
	);

	it('walks different ways across seeds', () => {
		const walks = new Set(Array.from({ length: 30 }, (_, seed) => walk(ladder, seed).join(' ')));
		// The ladder has three ways through under wait; 30 seeds find more than one.
		expect(walks.size).toBeGreaterThan(1);
		for (const w of walks)
			expect([
				'talks:talks.hold',
				'talks:talks.fail crisis:crisis.fight',
				'talks:talks.fail crisis:crisis.calm'
			]).toContain(w);
	});
});
