import { describe, expect, it } from 'vitest';
import { analyze } from '$lib/engine/analyze';
import { whatToWatch, signpostedEvents } from '$lib/engine/watch';
import { shippedById } from '$lib/scenarios/registry';
import { watchView } from './watchView';

const loaded = shippedById().get('regional-escalation')!;

describe('watchView', () => {
	const { chain } = analyze(loaded.compiled);
	it('lists the signposted events in the engine’s order, in labels, with their signs', () => {
		const rows = watchView(chain);
		const order = whatToWatch(
			chain,
			signpostedEvents(loaded.model).map((e) => e.event)
		).map((w) => w.event);
		expect(rows.map((r) => r.event)).toEqual(order);
		for (const r of rows) {
			expect(r.label).not.toMatch(/^crisis\./);
			expect(r.moves).toMatch(/^“[^”]+” [\d.<> ]+\u00a0% → [\d.<> ]+\u00a0%$/);
			expect(r.signposts.length).toBeGreaterThan(0);
		}
	});

	it('leaves out what is already observed, and what it rules out', () => {
		const rows = watchView(chain, [{ event: 'crisis.arms.fullPackage', happened: true }]);
		const events = rows.map((r) => r.event);
		expect(events).not.toContain('crisis.arms.fullPackage');
		// With the jets delivered, Russia did not stay out.
		expect(events).not.toContain('crisis.arms.declined');
	});
});
