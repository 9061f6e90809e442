import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../tests/unit/fixtures';
import { settingsDiff } from './settingsDiff';

const regions = loadFixture('regions.yaml').compiled;
const flare = 'crisis.front.quiet:front.flare';
const none = { choices: {}, likelihoods: {} };

describe('settingsDiff', () => {
	it('identical settings (defaults given or left out) differ in nothing', () => {
		expect(
			settingsDiff(regions, none, { choices: { ...regions.defaultChoices }, likelihoods: {} })
		).toEqual([]);
	});

	it('names a changed choice by actor, question and option labels', () => {
		const [change, ...rest] = settingsDiff(regions, none, {
			choices: { 'north.stance': 'push' },
			likelihoods: {}
		});
		expect(rest).toEqual([]);
		expect(change.key).toBe('north.stance');
		const actor = regions.model.scenario.actors.north;
		expect(change.label).toBe(`${actor.label}: ${actor.choices.stance.label}`);
		expect(change.from).not.toBe(change.to);
	});

	it('a likelihood moved from the middle of its range (0.55–0.8) to 0.6', () => {
		const changes = settingsDiff(regions, none, { choices: {}, likelihoods: { [flare]: 0.6 } });
		expect(changes).toHaveLength(1);
		expect(changes[0]).toMatchObject({ key: flare, from: '67.5\u00a0%', to: '60.0\u00a0%' });
		expect(changes[0].label).toMatch(/^Likelihood: .+, from “.+”, by .+$/);
	});
});
