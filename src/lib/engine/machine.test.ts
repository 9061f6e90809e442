import { transition } from 'xstate';
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../tests/unit/fixtures';
import { parseText } from '../scenario/parse';
import { resolverFromFiles } from '../scenario/sources';
import { validateDocument } from '../scenario/validate';
import { enabledTransitions } from './branches';
import { compile, initialSnapshot, type Compiled } from './compile';
import { activeLeaves, toStateValue, type BrinkSnapshot } from './machine';

const load = loadFixture;

/** Compile without the state-space checks, for machines that only exercise guards and effects. */
function compileText(text: string): Compiled {
	const parsed = parseText('gauge.yaml', text);
	if (!parsed.ok) throw new Error(parsed.diagnostics[0].message);
	const validated = validateDocument(
		parsed.document,
		resolverFromFiles(() => undefined, 'none')
	);
	if (!validated.ok)
		throw new Error(validated.diagnostics.map((d) => `${d.path}: ${d.message}`).join('\n'));
	return compile(validated.value.model);
}

function walk(
	compiled: Compiled,
	choices: Record<string, string>,
	events: string[]
): BrinkSnapshot {
	let snapshot = initialSnapshot(compiled, choices);
	for (const type of events) {
		expect(snapshot.can({ type }), `${type} should be enabled`).toBe(true);
		snapshot = transition(compiled.machine, snapshot, { type })[0] as BrinkSnapshot;
	}
	return snapshot;
}

const enabledEvents = (compiled: Compiled, snapshot: BrinkSnapshot) =>
	enabledTransitions(compiled, snapshot).map((t) => t.event);

describe('toStateValue and activeLeaves', () => {
	it.each([
		{ input: 'talks', expected: 'talks' },
		{ input: 'crisis.front', expected: { crisis: 'front' } },
		{ input: 'crisis.front.hot', expected: { crisis: { front: 'hot' } } }
	])('toStateValue($input)', ({ input, expected }) => {
		expect(toStateValue(input)).toEqual(expected);
	});

	it.each([
		{ input: 'talks', expected: ['talks'] },
		{ input: { crisis: 'front' }, expected: ['crisis.front'] },
		{
			input: { crisis: { talks: 'open', front: 'hot' } },
			expected: ['crisis.front.hot', 'crisis.talks.open']
		},
		{ input: { b: {}, a: 'x' }, expected: ['a.x', 'b'] }
	])('activeLeaves($input)', ({ input, expected }) => {
		expect(activeLeaves(input)).toEqual(expected);
	});
});

describe('guards evaluated by XState', () => {
	const ladder = load('ladder.yaml').compiled;
	const regions = load('regions.yaml').compiled;

	it.each([
		{ posture: 'wait', expected: ['crisis.fight', 'crisis.calm'] },
		{ posture: 'press', expected: ['west.press'] }
	])('ladder crisis with west.posture=$posture', ({ posture, expected }) => {
		const crisis = walk(ladder, { 'west.posture': posture }, ['talks.fail']);
		expect(crisis.value).toBe('crisis');
		expect(enabledEvents(ladder, crisis)).toEqual(expected);
		for (const event of ['west.press', 'crisis.fight', 'crisis.calm'])
			expect(crisis.can({ type: event })).toBe(expected.includes(event));
	});

	it.each([
		{
			name: 'quiet front: talks may deal or stall',
			stance: 'hold',
			events: [],
			expected: ['front.flare', 'front.calm', 'talks.deal', 'talks.stall']
		},
		{
			name: 'hot front, holding: talks wait',
			stance: 'hold',
			events: ['front.flare'],
			expected: ['front.cool', 'front.war', 'talks.wait']
		},
		{
			name: 'hot front, pushing: talks collapse',
			stance: 'push',
			events: ['front.flare'],
			expected: ['front.cool', 'front.war', 'talks.collapse']
		},
		{
			name: 'cooled front: talks may deal again',
			stance: 'push',
			events: ['front.flare', 'front.cool'],
			expected: ['front.flare', 'front.calm', 'talks.deal', 'talks.stall']
		},
		{
			name: 'front at war (not hot): talks may deal',
			stance: 'push',
			events: ['front.flare', 'front.war'],
			expected: ['talks.deal', 'talks.stall']
		},
		{
			name: 'talks stalled while hot: only the front moves',
			stance: 'hold',
			events: ['front.flare', 'talks.wait'],
			expected: ['front.cool', 'front.war']
		},
		{
			name: 'both regions final',
			stance: 'hold',
			events: ['front.calm', 'talks.deal'],
			expected: []
		}
	])('regions: $name', ({ stance, events, expected }) => {
		const snapshot = walk(regions, { 'north.stance': stance }, events);
		expect(enabledEvents(regions, snapshot)).toEqual(expected);
	});

	it('ends the ladder machine in a final child of the root', () => {
		const snapshot = walk(ladder, { 'west.posture': 'wait' }, ['talks.fail', 'crisis.fight']);
		expect(snapshot.status).toBe('done');
		expect(snapshot.value).toBe('war');
		expect(enabledEvents(ladder, snapshot)).toEqual([]);
	});

	it('leaves regions with every leaf final (the parallel state is done, the root is not final)', () => {
		const snapshot = walk(regions, { 'north.stance': 'hold' }, ['front.calm', 'talks.deal']);
		const leaves = activeLeaves(snapshot.value);
		expect(leaves).toEqual(['crisis.front.calm', 'crisis.talks.deal']);
		expect(leaves.every((leaf) => regions.model.states.get(leaf)?.kind === 'final')).toBe(true);
	});
});

const gauge = compileText(`
id: gauge
title: Gauge
actors:
  east:
    label: East
    choices:
      mood: { label: Mood, default: calm, options: { calm: Calm, angry: Angry, sulky: Sulky } }
indicators:
  level: { label: Level, initial: 1, min: 0, max: 2 }
  free: { label: Free, initial: 0 }
statechart:
  initial: start
  states:
    start:
      on:
        - { event: up, target: start, by: chance, effects: { level: 5, free: 100 }, assumption: t }
        - { event: down, target: start, by: chance, effects: { level: -5, free: -7 }, assumption: t }
        - { event: step, target: start, by: chance, effects: { level: 1 }, assumption: t }
        - { event: set.high, target: start, by: chance, set: { level: 9 }, assumption: t }
        - { event: set.low, target: start, by: chance, set: { level: -3 }, assumption: t }
        - { event: set.then.add, target: start, by: chance, set: { level: 0 }, effects: { level: 1 }, assumption: t }
        - { event: if.high, target: end, by: chance, when: { indicator: level, atLeast: 2 }, assumption: t }
        - { event: if.low, target: end, by: chance, when: { indicator: level, atMost: 0 }, assumption: t }
        - { event: if.angry, target: end, by: east, when: { choice: east.mood, is: angry }, assumption: t }
        - { event: if.not.calm, target: end, by: east, when: { choice: east.mood, isNot: calm }, assumption: t }
        - event: if.any
          target: end
          by: east
          when: { any: [{ choice: east.mood, is: sulky }, { indicator: level, atLeast: 2 }] }
          assumption: t
        - event: if.all
          target: end
          by: east
          when: [{ choice: east.mood, is: [angry, sulky] }, { not: { indicator: level, atMost: 0 } }]
          assumption: t
    end:
      type: final
`);

describe('effects', () => {
	it.each([
		{ events: [], expected: { level: 1, free: 0 } },
		{ events: ['up'], expected: { level: 2, free: 100 } },
		{ events: ['down'], expected: { level: 0, free: -7 } },
		{ events: ['step'], expected: { level: 2, free: 0 } },
		{ events: ['step', 'step'], expected: { level: 2, free: 0 } },
		{ events: ['down', 'step'], expected: { level: 1, free: -7 } },
		{ events: ['up', 'down'], expected: { level: 0, free: 93 } },
		{ events: ['set.high'], expected: { level: 2, free: 0 } },
		{ events: ['set.low'], expected: { level: 0, free: 0 } },
		{ events: ['up', 'set.then.add'], expected: { level: 1, free: 100 } }
	])(
		'$events gives $expected (level clamped to [0, 2], free unbounded)',
		({ events, expected }) => {
			expect(walk(gauge, { 'east.mood': 'calm' }, events).context.indicators).toEqual(expected);
		}
	);

	it('leaves the previous snapshot as it was', () => {
		const start = initialSnapshot(gauge, { 'east.mood': 'calm' });
		transition(gauge.machine, start, { type: 'up' });
		expect(start.context.indicators).toEqual({ level: 1, free: 0 });
	});
});

describe('indicator and choice guards', () => {
	const guarded = ['if.high', 'if.low', 'if.angry', 'if.not.calm', 'if.any', 'if.all'];
	it.each([
		{ mood: 'calm', events: [], expected: [] },
		{ mood: 'calm', events: ['up'], expected: ['if.high', 'if.any'] },
		{ mood: 'calm', events: ['down'], expected: ['if.low'] },
		{ mood: 'angry', events: [], expected: ['if.angry', 'if.not.calm', 'if.all'] },
		{ mood: 'angry', events: ['down'], expected: ['if.low', 'if.angry', 'if.not.calm'] },
		{ mood: 'sulky', events: [], expected: ['if.not.calm', 'if.any', 'if.all'] },
		{ mood: 'sulky', events: ['up'], expected: ['if.high', 'if.not.calm', 'if.any', 'if.all'] }
	])('mood $mood after $events: $expected', ({ mood, events, expected }) => {
		const snapshot = walk(gauge, { 'east.mood': mood }, events);
		expect(enabledEvents(gauge, snapshot).filter((e) => guarded.includes(e))).toEqual(expected);
	});
});
