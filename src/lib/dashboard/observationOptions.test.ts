import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../tests/unit/fixtures';
import { resolveEvent } from '$lib/engine/observe';
import { eventGroups } from './observationOptions';

const { model } = loadFixture('regions.yaml').compiled;

describe('eventGroups', () => {
	const groups = eventGroups(model);

	it('groups states and steps by region, by label, never the regions themselves', () => {
		expect(groups.map((g) => g.region)).toEqual(['crisis.front', 'crisis.talks']);
		const front = groups[0].options.map((o) => o.value);
		expect(front).toContain('crisis.front.hot');
		expect(front).toContain('crisis.front.quiet:front.flare');
		expect(front).not.toContain('crisis.front');
		expect(groups[0].options.find((o) => o.value === 'crisis.front.war')?.label).toBe(
			'Reached: Front war'
		);
	});

	it('offers only events an observation can name, each once', () => {
		const all = groups.flatMap((g) => g.options.map((o) => o.value));
		expect(new Set(all).size).toBe(all.length);
		for (const value of all) expect(resolveEvent(model, value), value).toBeDefined();
		expect(all).toHaveLength(model.transitions.length + 8);
	});
});
