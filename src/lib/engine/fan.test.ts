import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../cli/files';
import { loadFixture } from '../../../tests/unit/fixtures';
import { analyze } from './analyze';
import { reweight, type Chain } from './explore';
import { indicatorFan } from './fan';
import { createRng } from './rng';

const ladder = loadFixture('ladder.yaml');
const regions = loadFixture('regions.yaml');
const wait = analyze(ladder.compiled, { choices: { 'west.posture': 'wait' } });
const press = analyze(ladder.compiled, { choices: { 'west.posture': 'press' } });
const hold = analyze(regions.compiled, { choices: { 'north.stance': 'hold' } });

const point = (
	p5: number,
	p25: number,
	median: number,
	p75: number,
	p95: number,
	mean: number
) => ({
	p5,
	p25,
	median,
	p75,
	p95,
	mean: expect.closeTo(mean, 12)
});

describe('indicatorFan, ladder by hand', () => {
	// Escalation: talks.fail +1 (p 0.4), crisis.fight +2 (p 0.75 under wait) → war at 3 (max 3).
	// wait:  t0 {0: 1}; t1 {0: 0.6, 1: 0.4}; t2 {0: 0.6, 1: 0.4·0.25, 3: 0.4·0.75} — all absorbed.
	// press: t2 {0: 0.6, 1: 0.4} (west.press has no effect).
	// Quantile = smallest v with P(X ≤ v) ≥ p: at t1 P(X ≤ 0) = 0.6, so p75 and p95 are 1;
	// at t2 (wait) P(X ≤ 1) = 0.7 < 0.75, so p75 and p95 jump to 3.
	it.each([
		{
			name: 'wait',
			analysis: wait,
			points: [point(0, 0, 0, 0, 0, 0), point(0, 0, 0, 1, 1, 0.4), point(0, 0, 0, 3, 3, 1)],
			unabsorbed: [1, 0.4, 0]
		},
		{
			name: 'press',
			analysis: press,
			points: [point(0, 0, 0, 0, 0, 0), point(0, 0, 0, 1, 1, 0.4), point(0, 0, 0, 1, 1, 0.4)],
			unabsorbed: [1, 0.4, 0]
		}
	])('posture $name', ({ analysis, points, unabsorbed }) => {
		const fan = indicatorFan(analysis.chain);
		expect(fan.steps).toBe(2);
		expect(fan.unabsorbed.map((m) => Math.round(m * 1e12) / 1e12)).toEqual(unabsorbed);
		expect(fan.indicators.escalation).toEqual(points.map((p, t) => ({ t, ...p })));
		expect(fan.indicators.escalation[2].mean).toBeCloseTo(analysis.exact.indicators.escalation, 9);
	});

	it('absorbed states keep their mass past the end', () => {
		const fan = indicatorFan(wait.chain, undefined, { steps: 5 });
		expect(fan.steps).toBe(5);
		expect(fan.indicators.escalation[5]).toEqual({ t: 5, ...point(0, 0, 0, 3, 3, 1) });
	});

	it('steps: 0 gives the start only', () => {
		expect(indicatorFan(wait.chain, undefined, { steps: 0 }).indicators.escalation).toEqual([
			{ t: 0, ...point(0, 0, 0, 0, 0, 0) }
		]);
	});
});

describe('indicatorFan, regions by hand', () => {
	// Step 1 from (quiet, open): flare 0.5·0.675 = 0.3375 raises heat to 1; everything else keeps 0.
	it('first step', () => {
		const fan = indicatorFan(hold.chain);
		expect(fan.indicators.heat[1]).toEqual({ t: 1, ...point(0, 0, 0, 1, 1, 0.3375) });
	});

	it('the default horizon stops once less than 1e-6 is moving, and the mean converges', () => {
		const fan = indicatorFan(hold.chain);
		expect(fan.steps).toBeLessThan(100);
		expect(fan.unabsorbed.at(-1)).toBeLessThan(1e-6);
		expect(fan.unabsorbed.at(-2)).toBeGreaterThanOrEqual(1e-6);
		const long = indicatorFan(hold.chain, undefined, { steps: 100 });
		expect(long.indicators.heat[100].mean).toBeCloseTo(hold.exact.indicators.heat, 9);
	});

	it('takes re-weighted probabilities', () => {
		const values = hold.values.slice();
		const flare = regions.model.transitions.find((t) => t.event === 'front.flare')!.index;
		values[flare] = 0.8;
		const fan = indicatorFan(hold.chain, reweight(hold.chain, values));
		expect(fan.indicators.heat[1].mean).toBeCloseTo(0.5 * 0.8, 12);
	});
});

describe('indicatorFan errors', () => {
	it.each([{ steps: -1 }, { steps: 1.5 }, { steps: Number.NaN }])('steps $steps', ({ steps }) => {
		expect(() => indicatorFan(wait.chain, undefined, { steps })).toThrow(/invalid steps/);
	});

	it('does not mutate the chain or the probabilities', () => {
		const before = wait.chain.edgeProbability.slice();
		indicatorFan(wait.chain);
		expect(wait.chain.edgeProbability).toEqual(before);
	});
});

/**
 * Sample `runs` seeded runs on the chain for `steps` steps: each indicator's value at each step
 * (`values[k][t][r]`), runs that have ended keeping their last value, and how many runs are still
 * moving at each step. Independent of fan.ts: it walks the chain's CSR arrays with createRng.
 */
function sampleRuns(chain: Chain, runs: number, steps: number, seed: number) {
	const { rowStart, edgeTarget, edgeProbability } = chain;
	const n = chain.compiled.indicatorIds.length;
	const rng = createRng(seed);
	const values = Array.from({ length: n }, () =>
		Array.from({ length: steps + 1 }, () => new Float64Array(runs))
	);
	const moving = new Array<number>(steps + 1).fill(0);
	for (let r = 0; r < runs; r++) {
		let s = 0;
		for (let t = 0; t <= steps; t++) {
			for (let k = 0; k < n; k++) values[k][t][r] = chain.indicators[s * n + k];
			const first = rowStart[s];
			const last = rowStart[s + 1] - 1;
			if (last < first) continue; // absorbed: stays put
			moving[t]++;
			const u = rng.next();
			let e = first;
			for (let sum = edgeProbability[e]; e < last && u >= sum;) sum += edgeProbability[++e];
			s = edgeTarget[e];
		}
	}
	return { values, moving };
}

/** The sample's type-1 quantile, the rule fan.ts uses: the smallest v with F(v) ≥ p. */
const sampleQuantile = (sorted: Float64Array, p: number) =>
	sorted[Math.max(0, Math.ceil(p * sorted.length - 1e-9) - 1)];

function loadShipped(id: string) {
	const result = loadScenarioFile(resolve(import.meta.dirname, `../../../scenarios/${id}.yaml`));
	if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
	return result.value;
}

describe('indicatorFan is the limit of Monte Carlo', () => {
	const runs = 20_000;
	// Generous enough that a correct fan fails about once in 100 000 checks, tight enough that an
	// off-by-one step or a wrong quantile rule (1.5 points of mass moved) fails.
	const zLimit = 4.5;
	it.each([
		{
			name: 'regional-escalation (shipped)',
			chain: analyze(loadShipped('regional-escalation').compiled).chain
		},
		{
			name: 'regional-escalation, Russia sends the full package',
			chain: analyze(loadShipped('regional-escalation').compiled, {
				choices: { 'russia.response': 'full' }
			}).chain
		},
		{ name: 'regions fixture', chain: hold.chain }
	])('$name: sampled means and quantiles match the exact fan', ({ chain }) => {
		const fan = indicatorFan(chain);
		const sample = sampleRuns(chain, runs, fan.steps, 7);
		const ids = chain.compiled.indicatorIds;
		expect(ids.length).toBeGreaterThan(0);
		ids.forEach((id, k) => {
			// The values the indicator can take anywhere in the chain, for "adjacent".
			const possible = [
				...new Set(
					Array.from({ length: chain.size }, (_, s) => chain.indicators[s * ids.length + k])
				)
			].sort((a, b) => a - b);
			const near = (sampled: number, exact: number) => {
				const i = possible.indexOf(exact);
				return possible.slice(Math.max(0, i - 1), i + 2).includes(sampled);
			};
			for (const point of fan.indicators[id]) {
				const drawn = sample.values[k][point.t];
				const mean = drawn.reduce((a, b) => a + b, 0) / runs;
				const variance = drawn.reduce((a, v) => a + (v - mean) ** 2, 0) / (runs - 1);
				const where = `${id} at step ${point.t}`;
				// Sampled variance, floored at that of one run in `runs` at the other end of the range:
				// a rare value that no run drew leaves the sample's variance at 0, not the truth's.
				const spread = possible[possible.length - 1] - possible[0];
				const se = Math.sqrt((variance + spread ** 2 / runs) / runs);
				expect(Math.abs(mean - point.mean), `${where}: mean`).toBeLessThanOrEqual(zLimit * se);
				const sorted = drawn.slice().sort();
				for (const key of ['p5', 'p25', 'median', 'p75', 'p95'] as const) {
					const p = { p5: 0.05, p25: 0.25, median: 0.5, p75: 0.75, p95: 0.95 }[key];
					const got = sampleQuantile(sorted, p);
					expect(
						near(got, point[key]),
						`${where}: ${key} sampled ${got}, exact ${point[key]}`
					).toBe(true);
				}
			}
		});
		// The share of runs still moving matches too.
		fan.unabsorbed.forEach((exact, t) => {
			// The binomial standard error under the exact share (the hypothesis being tested).
			const q = Math.min(1, Math.max(0, exact)); // sums of floats may pass 1 by an ulp
			const se = Math.sqrt((q * (1 - q)) / runs);
			const share = sample.moving[t] / runs;
			expect(Math.abs(share - exact), `moving at step ${t}`).toBeLessThanOrEqual(
				zLimit * se + 1e-12
			);
		});
	});

	it('the sampler can tell a wrong fan apart (one step late)', () => {
		const chain = hold.chain;
		const fan = indicatorFan(chain);
		const sample = sampleRuns(chain, runs, fan.steps, 7);
		const k = 0;
		const id = chain.compiled.indicatorIds[k];
		// Compare step t's sample with the exact mean of step t − 1: some step must be far off.
		const worst = Math.max(
			...fan.indicators[id].slice(1).map((point) => {
				const drawn = sample.values[k][point.t];
				const mean = drawn.reduce((a, b) => a + b, 0) / runs;
				const variance = drawn.reduce((a, v) => a + (v - mean) ** 2, 0) / (runs - 1);
				return Math.abs(mean - fan.indicators[id][point.t - 1].mean) / Math.sqrt(variance / runs);
			})
		);
		expect(worst).toBeGreaterThan(4.5);
	});
});
