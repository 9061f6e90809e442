/** What to watch on the ladder, by hand: P(war) = 0.3, P(settled) = 0.7 at the start. */
import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../tests/unit/fixtures';
import { analyze } from './analyze';
import { whatToWatch } from './watch';

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
		expect(watches.map((w) => w.transition)).toEqual([
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
		expect(watches.map((w) => w.transition)).toEqual(['crisis:crisis.fight']);
		expect(watches[0].change).toBeCloseTo(0.25, 12);
		expect(watches[0].probability).toBeCloseTo(0.75, 12);
	});
});
