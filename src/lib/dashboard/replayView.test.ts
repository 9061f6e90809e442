import { describe, expect, it } from 'vitest';
import { loadEventLogFile } from '../../cli/files';
import { loadFixture } from '../../../tests/unit/fixtures';
import { replay } from '$lib/engine/replay';
import { shippedById, shippedEventLog } from '$lib/scenarios/registry';
import { replayView } from './replayView';

// tests/fixtures/valid/events/ladder.yaml: talks fail (0.4), war (0.75), then a calm held impossible.
const ladder = loadFixture('ladder.yaml');
const log = loadEventLogFile('tests/fixtures/valid/events/ladder.yaml');
if (!log.ok) throw new Error('the ladder log must load');

describe('replayView', () => {
	const view = replayView(ladder.model, log.value, replay(ladder.compiled, log.value.events));

	it('puts the surprises first, the impossible with its reason', () => {
		expect(view.surprises).toHaveLength(1);
		expect(view.surprises[0]).toMatch(/^2024-11-01 calm .*held it impossible: .*cannot both hold/);
		expect(view.preamble).toMatch(/record of public reports/);
	});

	it('gives each event its report, what it is in the model, its prior and the outcomes it moved', () => {
		expect(view.events.map((e) => [e.id, e.before])).toEqual([
			['talks-fail', '40\u00a0%'],
			['war', '75\u00a0%'],
			['calm', 'impossible']
		]);
		expect(view.events[0].report).toMatchObject({ outlet: 'Test Wire', title: 'Talks fail' });
		expect(view.events[1].inModel).toEqual(['ended in “War”']);
		// Talks failing moves war 30 % → 75 % and settled 70 % → 25 %.
		expect(view.events[0].moved).toEqual([
			{ label: '“Settled”', from: '70\u00a0%', to: '25\u00a0%' },
			{ label: '“War”', from: '30\u00a0%', to: '75\u00a0%' }
		]);
		expect(view.events[2]).toMatchObject({ surprise: 'impossible', moved: [] });
	});

	it('scores the region in words: Brier 0.98, log score ln 0.3', () => {
		expect(view.scores).toEqual([
			{
				region: 'the scenario',
				occurred: '“War”',
				probability: '30\u00a0%',
				brier: '0.98',
				log: '−1.20'
			}
		]);
	});

	it('reads every shipped log', () => {
		for (const [id, loaded] of shippedById()) {
			const shipped = shippedEventLog(id);
			if (!shipped) continue;
			const v = replayView(loaded.model, shipped, replay(loaded.compiled, shipped.events));
			expect(v.events.length, id).toBe(shipped.events.length);
			expect(v.scores.length, id).toBeGreaterThan(0);
		}
	});
});
