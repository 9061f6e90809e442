import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defer } from './deferred';

describe('defer', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('runs nothing now, then one job per task, in the order deferred', () => {
		const ran: string[] = [];
		defer(() => ran.push('a'));
		defer(() => ran.push('b'));
		defer(() => ran.push('c'));
		expect(ran).toEqual([]);
		vi.advanceTimersToNextTimer();
		expect(ran).toEqual(['a']);
		vi.advanceTimersToNextTimer();
		expect(ran).toEqual(['a', 'b']);
		vi.advanceTimersToNextTimer();
		expect(ran).toEqual(['a', 'b', 'c']);
		expect(vi.getTimerCount()).toBe(0);
	});

	it('a cancelled job never runs; the others still do', () => {
		const ran: string[] = [];
		defer(() => ran.push('a'));
		const cancel = defer(() => ran.push('b'));
		defer(() => ran.push('c'));
		cancel();
		vi.runAllTimers();
		expect(ran).toEqual(['a', 'c']);
	});

	it('a job deferred while others run waits for them', () => {
		const ran: string[] = [];
		defer(() => {
			ran.push('a');
			defer(() => ran.push('late'));
		});
		defer(() => ran.push('b'));
		vi.runAllTimers();
		expect(ran).toEqual(['a', 'b', 'late']);
	});

	it('a job that throws does not stop the ones after it', () => {
		const ran: string[] = [];
		defer(() => {
			throw new Error('broken panel');
		});
		defer(() => ran.push('after'));
		expect(() => vi.advanceTimersToNextTimer()).toThrow('broken panel');
		vi.runAllTimers();
		expect(ran).toEqual(['after']);
	});
});
