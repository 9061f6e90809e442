/**
 * `npm run bench -- [scenario id or file] [--runs N] [--actor-runs N] [--seed S] [--quick] [--json]`:
 * the engine's Monte Carlo against one real XState actor per run, same scenario and seed, in one
 * process, and against a hand-written loop over the same chain (the engine's fraction of it);
 * then exploration on the compiled tables against XState's transition (benchExplore.ts; `--quick`
 * skips the slow XState run on the large scenario). Prints the rates, their ratios, steps per
 * second and whether the tallies are identical.
 * It reports figures; it is not a test.
 */
import { existsSync } from 'node:fs';
import { runActors } from '../lib/engine/actorRun';
import { analyze } from '../lib/engine/analyze';
import type { Chain } from '../lib/engine/explore';
import { chainThresholds, createMonteCarlo } from '../lib/engine/montecarlo';
import { warmState } from '../lib/engine/rng';
import { formatDiagnostic } from '../lib/scenario/diagnostics';
import { limits } from '../lib/scenario/limits';
import { benchExploration, exploreLines } from './benchExplore';
import { loadScenarioFile, toScenarioFile } from './files';
import { parse, runAsScript, toCount, UsageError, out, err } from './run';

const usage =
	'usage: npm run bench -- [scenario id or file] [--runs N] [--actor-runs N] [--seed S] [--quick] [--json]';
// The combined scenario when it exists, else the first shipped one, else a test fixture.
const defaultScenarios = [
	'regional-escalation',
	'russia-arms-to-iran',
	'tests/fixtures/valid/regions.yaml'
];
const goals = { ratio: 300, stepsPerSecond: 50_000_000 };

/**
 * The reference the engine is measured against: the plainest loop over the same typed arrays,
 * written inline in one function with no options, limits or bookkeeping (the machine's limit for
 * this chain in this process). Returns the steps taken; tallies the ends into `counts`.
 */
function handLoop(chain: Chain, runs: number, seed: number | string, counts: Float64Array): number {
	const rowStart = chain.rowStart;
	const target = chain.edgeTarget;
	const cut = chainThresholds(chain, chain.edgeProbability);
	const [a0, b0, c0, d0] = warmState(seed);
	let a = a0;
	let b = b0;
	let c = c0;
	let d = d0;
	let total = 0;
	for (let r = 0; r < runs; r++) {
		let s = 0;
		while (rowStart[s + 1] > rowStart[s]) {
			const t = (((a + b) | 0) + d) | 0;
			d = (d + 1) | 0;
			a = b ^ (b >>> 9);
			b = (c + (c << 3)) | 0;
			c = ((c << 21) | (c >>> 11)) + t;
			c |= 0;
			const u = t >>> 0;
			let e = rowStart[s];
			const end = rowStart[s + 1] - 1;
			while (e < end && u >= cut[e]) e++;
			s = target[e];
			total++;
		}
		counts[s]++;
	}
	return total;
}

/** The key `runActors` tallies an end under: its leaves and indicator values. */
function stateKey(chain: Chain, s: number): string {
	const width = chain.compiled.indicatorIds.length;
	let key = chain.leaves[s].join('|');
	for (let k = 0; k < width; k++) key += `|${chain.indicators[s * width + k]}`;
	return key;
}

function chainTallies(chain: Chain, counts: Float64Array): Map<string, number> {
	const tallies = new Map<string, number>();
	counts.forEach((n, s) => {
		if (n > 0) tallies.set(stateKey(chain, s), n);
	});
	return tallies;
}

function sameTallies(a: Map<string, number>, b: Map<string, number>): boolean {
	return a.size === b.size && [...a].every(([key, n]) => b.get(key) === n);
}

export const options = {
	runs: { type: 'string' },
	'actor-runs': { type: 'string' },
	seed: { type: 'string' },
	quick: { type: 'boolean' },
	json: { type: 'boolean' }
} as const;

export function main(argv: string[]): number {
	const { positionals, values: flags } = parse(usage, options, argv);
	if (positionals.length > 1) throw new UsageError(usage);
	const file =
		positionals[0] !== undefined
			? toScenarioFile(positionals[0])
			: (defaultScenarios.map(toScenarioFile).find((f) => existsSync(f)) ?? defaultScenarios[0]);
	const loaded = loadScenarioFile(file);
	if (!loaded.ok) {
		for (const d of loaded.diagnostics) err(`${formatDiagnostic(d)}\n`);
		return 1;
	}
	const runs = toCount(flags.runs, '--runs', 5_000_000, limits.maxRuns);
	const actorRunsCount = toCount(flags['actor-runs'], '--actor-runs', 5_000, 1_000_000);
	const seed =
		flags.seed === undefined ? 2024 : /^\d+$/.test(flags.seed) ? Number(flags.seed) : flags.seed;
	const { chain, choices, values } = analyze(loaded.value.compiled);

	// Reference: one XState actor per run.
	const actorStart = performance.now();
	const actorTallies = runActors(loaded.value.compiled, choices, values, actorRunsCount, seed);
	const actorSeconds = (performance.now() - actorStart) / 1000;

	// The same runs on the chain, for the tally comparison.
	const small = createMonteCarlo(chain, { seed });
	small.run(actorRunsCount);
	const identical = sameTallies(actorTallies, chainTallies(chain, small.result().counts));

	// Throughput: a warm-up, then the timed run.
	createMonteCarlo(chain, { seed: `${seed}-warm-up` }).run(Math.min(runs, 200_000));
	const fast = createMonteCarlo(chain, { seed });
	const start = performance.now();
	fast.run(runs);
	const seconds = (performance.now() - start) / 1000;
	const result = fast.result();

	// The hand-written loop over the same chain, same seed, right after, in the same process.
	const handCounts = new Float64Array(chain.size);
	handLoop(chain, Math.min(runs, 200_000), `${seed}-warm-up`, new Float64Array(chain.size));
	const handStart = performance.now();
	handLoop(chain, runs, seed, handCounts);
	const handSeconds = (performance.now() - handStart) / 1000;
	const handIdentical = handCounts.every((n, s) => n === result.counts[s]);

	const report = {
		scenario: loaded.value.scenario.id,
		states: chain.size,
		seed,
		actor: {
			runs: actorRunsCount,
			seconds: actorSeconds,
			runsPerSecond: actorRunsCount / actorSeconds
		},
		engine: {
			runs,
			seconds,
			runsPerSecond: runs / seconds,
			steps: result.totalSteps,
			stepsPerSecond: result.totalSteps / seconds,
			meanSteps: result.meanSteps
		},
		ratio: runs / seconds / (actorRunsCount / actorSeconds),
		hand: {
			seconds: handSeconds,
			runsPerSecond: runs / handSeconds,
			identicalTallies: handIdentical
		},
		/** The engine's rate as a fraction of the hand-written loop's. */
		fractionOfHand: handSeconds / seconds,
		identicalTallies: identical,
		goals: { ratio: goals.ratio, stepsPerSecond: goals.stepsPerSecond }
	};
	// Exploration on the compiled tables against XState's transition, and the analyses built on it.
	const exploration = benchExploration(flags.quick === true);
	const met = {
		ratio: report.ratio >= goals.ratio,
		steps: report.engine.stepsPerSecond >= goals.stepsPerSecond
	};
	if (flags.json) {
		out(`${JSON.stringify({ ...report, met, exploration }, null, 2)}\n`);
	} else {
		const n = (x: number) => Math.round(x).toLocaleString('en');
		const ok = (b: boolean) => (b ? 'met' : 'NOT met');
		out(
			[
				`bench: ${report.scenario} (${chain.size} reachable states), seed ${seed}`,
				`XState actor per run : ${n(report.actor.runsPerSecond).padStart(12)} runs/s   (${n(actorRunsCount)} runs in ${actorSeconds.toFixed(2)} s)`,
				`engine Monte Carlo   : ${n(report.engine.runsPerSecond).padStart(12)} runs/s   (${n(runs)} runs in ${seconds.toFixed(2)} s)`,
				`engine steps         : ${n(report.engine.stepsPerSecond).padStart(12)} steps/s  (mean ${result.meanSteps.toFixed(2)} steps a run)`,
				`hand-written loop    : ${n(report.hand.runsPerSecond).padStart(12)} runs/s   (same chain and seed; tallies ${handIdentical ? 'identical' : 'DIFFER'})`,
				`engine / hand loop   : ${report.fractionOfHand.toFixed(2).padStart(12)}          (1.00 is the machine's limit for this loop)`,
				`ratio                : ${report.ratio.toFixed(0).padStart(12)} x        goal ≥ ${goals.ratio} x: ${ok(met.ratio)}`,
				`steps goal           : ≥ ${n(goals.stepsPerSecond)} steps/s: ${ok(met.steps)}`,
				`tallies identical    : ${identical ? 'yes' : 'NO'} (${n(actorRunsCount)} runs, same seed)`,
				...exploreLines(exploration, flags.quick === true)
			].join('\n') + '\n'
		);
	}
	return identical && handIdentical ? 0 : 1;
}

runAsScript(import.meta.url, main);
