import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../tests/unit/fixtures';
import { limits } from '../scenario/limits';
import { runActors } from './actorRun';
import { analyze } from './analyze';
import { isAbsorbing, reweight, type Chain } from './explore';
import type { LoadedScenario } from './load';
import { createMonteCarlo, monteCarlo, standardError } from './montecarlo';
import { solveExact } from './solve';

const load = loadFixture;
const ladder = load('ladder.yaml');
const regions = load('regions.yaml');

const settings: { name: string; loaded: LoadedScenario; choices: Record<string, string> }[] = [
	{ name: 'ladder wait', loaded: ladder, choices: { 'west.posture': 'wait' } },
	{ name: 'ladder press', loaded: ladder, choices: { 'west.posture': 'press' } },
	{ name: 'regions hold', loaded: regions, choices: { 'north.stance': 'hold' } },
	{ name: 'regions push', loaded: regions, choices: { 'north.stance': 'push' } }
];

/** The key runActors tallies an end under: leaves joined by '|', then '|' and each indicator value. */
function chainKey(chain: Chain, s: number): string {
	const n = chain.compiled.indicatorIds.length;
	let key = chain.leaves[s].join('|');
	for (let k = 0; k < n; k++) key += `|${chain.indicators[s * n + k]}`;
	return key;
}

function tallies(chain: Chain, counts: Float64Array): Map<string, number> {
	const map = new Map<string, number>();
	counts.forEach((count, s) => {
		if (count > 0) map.set(chainKey(chain, s), count);
	});
	return map;
}

describe('Monte Carlo against the exact result', () => {
	const runs = 200_000;
	it.each(settings)(
		'$name: every outcome within 4.5 standard errors at 200,000 runs',
		({ loaded, choices }) => {
			const { chain, exact } = analyze(loaded.compiled, { choices });
			const mc = monteCarlo(chain, runs, { seed: 'brink' });
			expect(mc.method).toBe('monte-carlo');
			expect(mc.runs).toBe(runs);
			expect(mc.unfinished).toBe(0);
			expect(mc.outcomes.map((o) => o.id)).toEqual(exact.outcomes.map((o) => o.id));
			mc.outcomes.forEach((o, i) => {
				const p = exact.outcomes[i].probability;
				expect(Math.abs(o.probability - p), o.id).toBeLessThanOrEqual(4.5 * standardError(p, runs));
			});
			// Every run ends in an absorbing state.
			let ended = 0;
			for (let s = 0; s < chain.size; s++) if (isAbsorbing(chain, s)) ended += mc.counts[s];
			expect(ended).toBe(runs);
		}
	);

	it('ladder: mean steps near 1.4 (steps are 1 or 2, variance 0.4 × 0.6)', () => {
		const { chain } = analyze(ladder.compiled);
		const mc = monteCarlo(chain, runs, { seed: 7 });
		expect(Math.abs(mc.meanSteps - 1.4)).toBeLessThanOrEqual(4.5 * Math.sqrt((0.4 * 0.6) / runs));
		expect(mc.meanSteps * runs).toBeCloseTo(mc.totalSteps, 6);
		expect(Number.isInteger(mc.totalSteps)).toBe(true);
	});

	it('follows the probabilities it is given (regions re-weighted to flare-up 0.55)', () => {
		const { chain, values } = analyze(regions.compiled);
		const changed = values.slice();
		changed[regions.model.transitions.find((t) => t.event === 'front.flare')!.index] = 0.55;
		const probabilities = reweight(chain, changed);
		const mc = monteCarlo(chain, runs, { seed: 3, probabilities });
		const calm = mc.outcomes.find((o) => o.id === 'crisis.front.calm')!.probability;
		const expected = 0.45 / (1 - 0.275);
		expect(Math.abs(calm - expected)).toBeLessThanOrEqual(4.5 * standardError(expected, runs));
		expect(
			solveExact(chain, probabilities).outcomes.find((o) => o.id === 'crisis.front.calm')!
				.probability
		).toBeCloseTo(expected, 12);
	});
});

describe('reproducibility', () => {
	const { chain } = analyze(regions.compiled);

	it.each([{ seed: 1 }, { seed: 'a string seed' }])(
		'same seed ($seed), same counts',
		({ seed }) => {
			expect(monteCarlo(chain, 20_000, { seed }).counts).toEqual(
				monteCarlo(chain, 20_000, { seed }).counts
			);
		}
	);

	it('different seeds, different counts', () => {
		const a = monteCarlo(chain, 20_000, { seed: 1 }).counts;
		expect(monteCarlo(chain, 20_000, { seed: 2 }).counts).not.toEqual(a);
		expect(monteCarlo(chain, 20_000, { seed: 'x' }).counts).not.toEqual(a);
	});

	it('run(1000) 200 times gives the counts of run(200000)', () => {
		const whole = monteCarlo(chain, 200_000, { seed: 99 });
		const chunked = createMonteCarlo(chain, { seed: 99 });
		for (let i = 0; i < 200; i++) chunked.run(1000);
		expect(chunked.runs).toBe(200_000);
		const result = chunked.result();
		expect(result.counts).toEqual(whole.counts);
		expect(result.totalSteps).toBe(whole.totalSteps);
	});

	it('uneven chunks give the same counts too', () => {
		const whole = monteCarlo(chain, 10_000, { seed: 'chunks' });
		const chunked = createMonteCarlo(chain, { seed: 'chunks' });
		for (const n of [1, 0, 999, 3000, 6000]) chunked.run(n);
		expect(chunked.result().counts).toEqual(whole.counts);
	});

	it('result() does not hand out its live counts', () => {
		const simulation = createMonteCarlo(chain, { seed: 5 });
		simulation.run(100);
		const first = simulation.result();
		const copy = first.counts.slice();
		simulation.run(100);
		expect(first.counts).toEqual(copy);
	});
});

describe('the chain simulation and the XState actors agree', () => {
	it.each([
		{ ...settings[0], seed: 11 },
		{ ...settings[1], seed: 'press' },
		{ ...settings[2], seed: 12 },
		{ ...settings[3], seed: 'push' }
	])('$name, seed $seed: identical tallies over 2,000 runs', ({ loaded, choices, seed }) => {
		const { chain, values } = analyze(loaded.compiled, { choices });
		const runs = 2000;
		const actors = runActors(loaded.compiled, chain.choices, values, runs, seed);
		const fast = monteCarlo(chain, runs, { seed });
		expect(actors).toEqual(tallies(chain, fast.counts));
		expect([...actors.values()].reduce((a, b) => a + b, 0)).toBe(runs);
	});
});

describe('limits and errors', () => {
	const { chain } = analyze(regions.compiled);

	it('stops runs at maxSteps and counts them unfinished', () => {
		// Both regions must move before regions can end: no run ends in one step.
		const mc = monteCarlo(chain, 1000, { seed: 1, maxSteps: 1 });
		expect(mc.unfinished).toBe(1000);
		expect(mc.totalSteps).toBe(1000);
		expect(mc.outcomes.every((o) => o.probability === 0)).toBe(true);
	});

	it('ladder with maxSteps 1: only talks.hold (0.6) ends in one step', () => {
		const ladderChain = analyze(ladder.compiled).chain;
		const runs = 100_000;
		const mc = monteCarlo(ladderChain, runs, { seed: 2, maxSteps: 1 });
		expect(Math.abs(mc.unfinished / runs - 0.4)).toBeLessThanOrEqual(
			4.5 * standardError(0.4, runs)
		);
	});

	it.each([{ n: -1 }, { n: Number.NaN }, { n: limits.maxRuns + 1 }])('refuses run($n)', ({ n }) => {
		const simulation = createMonteCarlo(chain, { seed: 1 });
		expect(() => simulation.run(n)).toThrow(RangeError);
		expect(simulation.runs).toBe(0);
	});

	it('refuses to go past maxRuns in total', () => {
		const simulation = createMonteCarlo(chain, { seed: 1 });
		simulation.run(10);
		expect(() => simulation.run(limits.maxRuns - 9)).toThrow(/over the limit of 50,000,000/);
	});

	it.each([
		{ p: 0.3, runs: 100, expected: Math.sqrt(0.21 / 100) },
		{ p: 0.5, runs: 10_000, expected: 0.005 },
		{ p: 0, runs: 10, expected: 0 },
		{ p: 1, runs: 10, expected: 0 }
	])('standardError($p, $runs) = $expected', ({ p, runs, expected }) => {
		expect(standardError(p, runs)).toBeCloseTo(expected, 15);
	});
});
