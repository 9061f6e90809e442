/**
 * The dashboard's own part (settings, the step-through kept in place across a change, and what it
 * says when a change takes steps away); the step-through and the results have tests of their own.
 */
import { describe, expect, it } from 'vitest';
import { fakeWorker } from '../../../tests/unit/fakeWorker';
import { loadFixture, loadShippedScenario } from '../../../tests/unit/fixtures';
import { toPayload } from '$lib/scenarios/payload';
import { AnalysisWorker } from '$lib/workers/client';
import { Dashboard } from './dashboard.svelte';

const payload = toPayload(loadFixture('ladder.yaml'));
const open = (query = '') =>
	new Dashboard(payload, query, {}, () => new AnalysisWorker(() => fakeWorker()));

describe('Dashboard', () => {
	it('carries the scenario’s confidence and what its numbers are, whatever the settings', () => {
		const dashboard = open('?c.west.posture=press');
		// The memo names no author, outlet or genre; talks.hold and crisis.calm quote nothing.
		expect(dashboard.basis.confidence).toMatchObject({ level: 'low', derived: 'low' });
		expect(dashboard.basis.line).toMatch(/^Confidence: low — one source, .*2 of 5 steps rest/);
		expect(dashboard.basis.note).toMatch(/“A short memo used by the tests”\), not a forecast\.$/);
	});

	it('keeps the steps taken across a change of choices when they still follow', () => {
		const dashboard = open();
		dashboard.take('talks:talks.fail');
		dashboard.setChoice('west.posture', 'press');
		expect(dashboard.steps.path).toEqual(['talks:talks.fail']);
		expect(dashboard.dropped).toBeNull();
	});

	it('says how many steps a change took away, and the first one in words', () => {
		const dashboard = open();
		dashboard.take('talks:talks.fail');
		dashboard.take('crisis:crisis.fight');
		dashboard.setChoice('west.posture', 'press');
		expect(dashboard.steps.path).toEqual(['talks:talks.fail']);
		const fight = dashboard.transitionsById.get('crisis:crisis.fight')!;
		expect(dashboard.dropped).toEqual({ count: 1, first: fight.label });
		// The next step taken (or undo, restart) clears the note.
		dashboard.takeNth(1);
		expect(dashboard.dropped).toBeNull();
	});

	it('follows its settings in its results and its link', () => {
		const dashboard = open();
		const war = () => dashboard.results.analysis.exact.outcomes.find((o) => o.id === 'war');
		expect(war()?.probability).toBeCloseTo(0.4 * 0.75, 12);
		dashboard.setChoice('west.posture', 'press');
		expect(war()?.probability ?? 0).toBe(0);
		expect(dashboard.query).toContain('west.posture=press');
		dashboard.reset();
		expect(war()?.probability).toBeCloseTo(0.3, 12);
	});

	it('opens a shared link, naming by label the steps it could not take', () => {
		const dashboard = open('?c.west.posture=press&steps=talks:talks.fail,crisis:crisis.fight');
		expect(dashboard.choices['west.posture']).toBe('press');
		expect(dashboard.steps.path).toEqual(['talks:talks.fail']);
		const fight = dashboard.transitionsById.get('crisis:crisis.fight')!;
		expect(dashboard.notices).toEqual([`1 of 2 steps could not be taken from "${fight.label}" on`]);
	});

	it('reads the source as a reading has it, and sets one reading against another', () => {
		const shipped = toPayload(loadShippedScenario('regional-escalation'));
		const dashboard = new Dashboard(shipped, '', {}, () => new AnalysisWorker(() => fakeWorker()));
		const strain = 'crisis.ties.working:ties.strain';
		const ruptured = () =>
			dashboard.results.analysis.exact.outcomes.find((o) => o.id === 'crisis.ties.ruptured')!
				.probability;
		const own = ruptured();
		dashboard.take(dashboard.steps.open[0].transition.id);
		dashboard.setLikelihood(strain, 0.5);
		dashboard.setReading('sceptic');
		expect(dashboard.reading).toBe('sceptic');
		expect(dashboard.isDefaultView).toBe(false);
		expect(ruptured()).toBeLessThan(own / 2);
		// The slider's band is the reading's; a value set in the old band is dropped.
		const t = dashboard.compiled.model.transitions.find((x) => x.id === strain)!;
		expect(t.likelihood).toMatchObject({ kind: 'range', low: 0.15, high: 0.45 });
		expect(dashboard.likelihoods).toEqual({});
		// The step-through keeps its place and runs under the reading.
		expect(dashboard.steps.path).toHaveLength(1);
		expect(dashboard.steps.compiled).toBe(dashboard.compiled);
		expect(dashboard.query).toBe(`r=sceptic&steps=${encodeURIComponent(dashboard.steps.path[0])}`);

		dashboard.compareReadings('', 'sceptic');
		expect(dashboard.baseline).toEqual({ choices: dashboard.choices, likelihoods: {} });
		expect(dashboard.reading).toBe('sceptic');
		expect(dashboard.results.exactComparison?.outcomes['crisis.ties.ruptured'].baseline).toBe(own);
		dashboard.restoreBaseline();
		expect(dashboard.reading).toBe('');
		expect(ruptured()).toBe(own);
	});

	it('gives the confidence shown with a reading that departs from the source an extra reason', () => {
		const shipped = toPayload(loadShippedScenario('regional-escalation'));
		const dashboard = new Dashboard(shipped, '', {}, () => new AnalysisWorker(() => fakeWorker()));
		const own = dashboard.basis;
		expect(own.line).not.toMatch(/departs/);
		dashboard.setReading('sceptic');
		expect(dashboard.basis.line).toMatch(
			/; a sceptic's reading departs from the source in 6 steps\.$/
		);
		expect(dashboard.basis.confidence.level).toBe('low');
		expect(dashboard.basis.note).toBe(own.note);
		dashboard.setReading('');
		expect(dashboard.basis).toBe(own);
	});

	describe('observations', () => {
		const war = (d: Dashboard) =>
			d.results.analysis.exact.outcomes.find((o) => o.id === 'war')?.probability;

		it('conditions the results on what is marked, and the link carries it', () => {
			const dashboard = open();
			expect(dashboard.observe({ event: 'crisis', happened: true })).toBe(true);
			// By hand: P(war | crisis) = 0.3 / 0.4, and 0.3 before.
			expect(war(dashboard)).toBeCloseTo(0.75, 12);
			expect(dashboard.results.analysis.observed?.probability).toBeCloseTo(0.4, 12);
			expect(dashboard.query).toBe('o=crisis');
			expect(open(`?${dashboard.query}`).observations).toEqual(dashboard.observations);
			dashboard.unobserve(0);
			expect(war(dashboard)).toBeCloseTo(0.3, 12);
			expect(dashboard.query).toBe('');
		});

		it('refuses an impossible observation, saying why, and adds nothing', () => {
			const dashboard = open();
			dashboard.observe({ event: 'crisis', happened: true });
			expect(dashboard.observe({ event: 'war', within: 1, happened: true })).toBe(false);
			expect(dashboard.observationError?.message).toMatch(/earliest it can happen is step 2/);
			expect(dashboard.observationError?.hint).toMatch(/within 2/);
			expect(dashboard.observations).toEqual([{ event: 'crisis', happened: true }]);
			// Two that exclude each other: the second is refused.
			expect(dashboard.observe({ event: 'crisis', happened: false })).toBe(false);
			expect(dashboard.observationError?.message).toMatch(/cannot both hold/);
			dashboard.clearObservations();
			expect(dashboard.observations).toEqual([]);
			expect(dashboard.observationError).toBeNull();
		});

		it("gives the step-through's chances given what is marked, along the steps taken", () => {
			const dashboard = open();
			expect(dashboard.stepChances).toBeUndefined();
			dashboard.observe({ event: 'settled', happened: true });
			// engine/stepChances.test.ts by hand: talks fail given settled with 0.1 / 0.7.
			expect(dashboard.stepChances?.next.get('talks:talks.fail')).toBeCloseTo(0.1 / 0.7, 12);
			dashboard.take('talks:talks.fail');
			expect(dashboard.stepChances?.next.get('crisis:crisis.calm')).toBeCloseTo(1, 12);
			dashboard.take('crisis:crisis.fight');
			expect(dashboard.stepChances).toMatchObject({ possible: false, ruledOutAt: 2 });
			dashboard.undo();
			expect(dashboard.stepChances?.possible).toBe(true);
		});

		it('lets chance decide by the chances given what is marked', () => {
			// Given a crisis, talks fail with chance 1 (the model's own: 0.4): every seed takes it.
			const dashboard = open();
			dashboard.observe({ event: 'crisis', happened: true });
			for (let seed = 1; seed <= 12; seed++) {
				dashboard.setSeed(seed);
				dashboard.takeByChance();
				expect(dashboard.steps.path).toEqual(['talks:talks.fail']);
				dashboard.undo();
			}
		});

		it('a change of settings that makes a kept observation impossible: kept, said, unconditioned', () => {
			const dashboard = open();
			dashboard.observe({ event: 'crisis:crisis.fight', happened: true });
			expect(war(dashboard)).toBeCloseTo(1, 12);
			dashboard.setChoice('west.posture', 'press');
			expect(dashboard.observations).toHaveLength(1);
			expect(dashboard.observationProblem?.message).toMatch(/no run of the model reaches it/);
			expect(dashboard.results.analysis.observed).toBeUndefined();
			expect(war(dashboard)).toBe(0);
			dashboard.setChoice('west.posture', 'wait');
			expect(dashboard.observationProblem).toBeUndefined();
			expect(war(dashboard)).toBeCloseTo(1, 12);
		});
	});
});
