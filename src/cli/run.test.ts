import { describe, expect, it } from 'vitest';
import { limitError } from '../lib/engine/chain';
import type { Compiled } from '../lib/engine/compile';
import { LoopError } from '../lib/engine/solve';
import { runtimeLimit, UsageError } from './run';

/** A statechart of one state: its regions do not pass the limit, so the hint is about indicators. */
const oneState = { model: { states: new Map() } } as unknown as Compiled;

describe('runtimeLimit: a limit met while analysing is a problem with the scenario (exit 1), with a hint', () => {
	it('the reachable-state limit keeps its own hint', () => {
		expect(runtimeLimit(limitError(200_000, oneState))?.hint).toBe(
			'bound the indicators with min and max, or simplify the statechart'
		);
	});

	it('a loop left with no exit under the settings says how to give it one', () => {
		expect(runtimeLimit(new LoopError([0], [['talks']]))?.hint).toMatch(
			/^give a way out of the loop a likelihood above 0/
		);
	});

	it("the solver's loop-size limit says what to bound", () => {
		const error = new RangeError('a loop of 701 states, over the limit of 600');
		expect(runtimeLimit(error)?.hint).toMatch(/^bound the indicators that change inside the loop/);
	});

	it('wrong arguments and other errors are not limits (they keep exit 2)', () => {
		expect(runtimeLimit(new UsageError('--runs takes a whole number'))).toBeUndefined();
		expect(runtimeLimit(new RangeError('invalid steps: -1'))).toBeUndefined();
		expect(runtimeLimit('text')).toBeUndefined();
	});
});
