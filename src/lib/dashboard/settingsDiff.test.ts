import { describe, expect, it } from 'vitest';
import { loadFixture, loadShippedScenario } from '../../../tests/unit/fixtures';
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

	it('a likelihood moved from the middle of its range (0.55–0.8) to 0.6, in whole percents', () => {
		const changes = settingsDiff(regions, none, { choices: {}, likelihoods: { [flare]: 0.6 } });
		expect(changes).toHaveLength(1);
		expect(changes[0]).toMatchObject({ key: flare, from: '68\u00a0%', to: '60\u00a0%' });
		expect(changes[0].label).toMatch(/^Likelihood: .+, from “.+”, by .+$/);
	});

	it('names a change of reading once, with the likelihoods set by hand, not the reading’s own', () => {
		const { compiled } = loadShippedScenario('regional-escalation');
		const strain = 'crisis.ties.working:ties.strain';
		const rupture = 'crisis.ties.strained:ties.rupture';
		expect(settingsDiff(compiled, none, { ...none, reading: 'sceptic' })).toEqual([
			{
				key: 'reading',
				label: 'Reading of the source',
				from: "The scenario's own",
				to: "A sceptic's reading"
			}
		]);
		// Set by hand under the sceptic's band (15–45 %), against the scenario's middle (45–55 %).
		const changes = settingsDiff(compiled, none, {
			choices: {},
			likelihoods: { [strain]: 0.2 },
			reading: 'sceptic'
		});
		expect(changes.map((c) => [c.key, c.from, c.to])).toEqual([
			['reading', "The scenario's own", "A sceptic's reading"],
			[strain, '50\u00a0%', '20\u00a0%']
		]);
		expect(changes.map((c) => c.key)).not.toContain(rupture);
	});
});
