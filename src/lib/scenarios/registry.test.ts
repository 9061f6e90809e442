import { describe, expect, it } from 'vitest';
import { shippedById, shippedEventLog } from './registry';

describe('shippedEventLog', () => {
	it('gives each shipped scenario its event log, bundled and checked as the command line checks it', () => {
		for (const id of shippedById().keys()) {
			const log = shippedEventLog(id);
			expect(log?.scenario).toBe(id);
			expect(log?.file).toBe(`scenarios/events/${id}.yaml`);
			expect(log?.events.length).toBeGreaterThan(0);
		}
	});

	it('resolves regional-escalation’s Iranian attack of 1 October to the state the model has for it', () => {
		const log = shippedEventLog('regional-escalation');
		const event = log?.events.find((e) => e.id === 'iran-missiles');
		expect([event?.date, event?.resolves.map((r) => r.kind)]).toEqual(['2024-10-01', ['reached']]);
		expect(event?.resolves[0]).toMatchObject({ state: 'crisis.north.iranianAttack' });
	});

	it('has none for a scenario without a log', () => {
		expect(shippedEventLog('no-such-scenario')).toBeUndefined();
	});
});
