/** What to watch on the ladder, by hand: P(war) = 0.3, P(settled) = 0.7 at the start. */
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../tests/unit/fixtures';
import { analyze } from './analyze';
import { shippedById } from '../scenarios/registry';
import { signpostedEvents, whatToWatch } from './watch';

const { compiled } = loadFixture('ladder.yaml');
const { chain } = analyze(compiled);

describe('whatToWatch', () => {
	it('orders the steps by the largest change in any outcome, exactly', () => {
		const watches = whatToWatch(chain, [
			'talks:talks.fail',
			'talks:talks.hold',
			'crisis:crisis.fight'
		]);
		// Fight: war 0.3 → 1 (0.7). Fail: war 0.3 → 0.75 (0.45). Hold: war 0.3 → 0 (0.3).
		expect(watches.map((w) => w.event)).toEqual([
			'crisis:crisis.fight',
			'talks:talks.fail',
			'talks:talks.hold'
		]);
		expect(watches.map((w) => Number(w.change.toFixed(12)))).toEqual([0.7, 0.45, 0.3]);
		// War 0.3 → 1 and settled 0.7 → 0 move alike: the first in the file's order is named.
		expect(watches[0]).toMatchObject({ outcome: 'settled', to: 0 });
		expect(watches[0].probability).toBeCloseTo(0.3, 12);
		expect(watches[0].from).toBeCloseTo(0.7, 12);
	});

	it('starts from what is observed, and leaves out what can no longer happen or is seen already', () => {
		const watches = whatToWatch(
			chain,
			['talks:talks.fail', 'talks:talks.hold', 'crisis:crisis.fight'],
			[{ event: 'talks:talks.fail', happened: true }]
		);
		// Given the talks failed: P(war) = 0.75; fight → 1 (0.25); hold cannot happen now.
		expect(watches.map((w) => w.event)).toEqual(['crisis:crisis.fight']);
		expect(watches[0].change).toBeCloseTo(0.25, 12);
		expect(watches[0].probability).toBeCloseTo(0.75, 12);
	});
});

describe('endings and signposts', () => {
	it('an ending counts only for the other regions: it settles its own', () => {
		// The ladder has one region: seeing "war" tells nothing beyond itself.
		expect(whatToWatch(chain, ['war', 'crisis'])).toMatchObject([
			{ event: 'crisis', outcome: 'settled' }
		]);
	});

	it('groups steps that carry the same signs and lead to one state into that state', () => {
		const model = shippedById().get('regional-escalation')!.model;
		const events = signpostedEvents(model);
		const jets = events.find((e) => e.signposts.some((s) => /SU-35/.test(s.watch)));
		expect(jets?.event).toBe('crisis.arms.fullPackage');
		expect(jets!.transitions.length).toBeGreaterThan(1);
		for (const id of jets!.transitions)
			expect(model.transitions.find((t) => t.id === id)?.target).toBe('crisis.arms.fullPackage');
		expect(new Set(events.map((e) => e.event)).size).toBe(events.length);
	});

	it('ranks every signposted event of regional-escalation, largest change first', () => {
		const loaded = shippedById().get('regional-escalation')!;
		const watches = whatToWatch(
			analyze(loaded.compiled).chain,
			signpostedEvents(loaded.model).map((e) => e.event)
		);
		expect(watches.length).toBeGreaterThan(5);
		for (let i = 1; i < watches.length; i++)
			expect(watches[i - 1].change).toBeGreaterThanOrEqual(watches[i].change);
		for (const w of watches) expect(Math.abs(w.to - w.from)).toBeCloseTo(w.change, 12);
	});
});
