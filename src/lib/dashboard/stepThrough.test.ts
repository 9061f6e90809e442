import { describe, expect, it } from 'vitest';
import { likelihoodValues } from '$lib/engine/compile';
import { loadFixture } from '../../../tests/unit/fixtures';
import { StepThrough } from './stepThrough.svelte';

const ladder = loadFixture('ladder.yaml').compiled;
const regions = loadFixture('regions.yaml').compiled;
const start = (compiled = ladder, choices = compiled.defaultChoices) =>
	new StepThrough(compiled, choices, likelihoodValues(compiled, {}));

describe('StepThrough', () => {
	it('starts with the options open at the start, their chances summing to 1', () => {
		const steps = start();
		expect(steps.path).toEqual([]);
		expect(steps.ended).toBe(false);
		expect(steps.open.map((b) => b.transition.id)).toEqual([
			'talks:talks.fail',
			'talks:talks.hold'
		]);
		expect(steps.open.reduce((sum, b) => sum + b.probability, 0)).toBeCloseTo(1, 12);
		expect(steps.situation).toEqual([{ region: '', state: 'talks' }]);
	});

	it('takes the n-th option (keys 1–9), and says when there is none', () => {
		const steps = start();
		expect(steps.takeNth(3)).toBeUndefined();
		expect(steps.path).toEqual([]);
		expect(steps.takeNth(1)).toBe('talks:talks.fail');
		expect(steps.path).toEqual(['talks:talks.fail']);
		expect(steps.situation).toEqual([{ region: '', state: 'crisis' }]);
	});

	it('plays to an end, naming the outcome reached; undo and restart go back', () => {
		const steps = start();
		steps.take('talks:talks.fail');
		steps.take('crisis:crisis.fight');
		expect(steps.ended).toBe(true);
		expect(steps.open).toEqual([]);
		expect(steps.outcomes).toEqual(['War']);
		expect(steps.takeNth(1)).toBeUndefined();
		steps.undo();
		expect(steps.ended).toBe(false);
		expect(steps.outcomes).toEqual([]);
		expect(steps.path).toEqual(['talks:talks.fail']);
		steps.restart(ladder.defaultChoices, likelihoodValues(ladder, {}));
		expect(steps.path).toEqual([]);
	});

	it('names each parallel region with its state, and each ended region with its outcome', () => {
		const steps = start(regions);
		expect(steps.situation.map((s) => s.region)).toEqual(
			['front', 'talks'].map((r) => regions.model.states.get(`crisis.${r}`)!.label)
		);
		steps.take('crisis.front.quiet:front.calm');
		expect(steps.situation[0]).toMatchObject({ outcome: 'Front calm' });
		expect(steps.ended).toBe(false);
		expect(steps.outcomes).toEqual([]);
	});

	it('lets chance decide by the seed and the depth: the same seed replays the same steps', () => {
		const play = (seed: number) => {
			const steps = start(regions);
			while (!steps.ended) steps.takeByChance(seed);
			return steps.path;
		};
		expect(play(7)).toEqual(play(7));
		const paths = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((seed) => play(seed).join()));
		expect(paths.size).toBeGreaterThan(1);
	});

	it('replays a path under new settings as far as it is open, and returns the rest', () => {
		const steps = start();
		const pushed = { 'west.posture': 'press' };
		const values = likelihoodValues(ladder, {});
		expect(steps.replay(['talks:talks.fail', 'crisis:crisis.fight'], pushed, values)).toEqual([
			'crisis:crisis.fight'
		]);
		expect(steps.path).toEqual(['talks:talks.fail']);
		expect(steps.open.map((b) => b.transition.id)).toEqual(['crisis:west.press']);
	});
});
