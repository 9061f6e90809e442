/**
 * `npm run bench -- [scenario id or file] [--runs N] [--actor-runs N] [--seed S] [--json]`: the
 * engine's Monte Carlo against one real XState actor per run, same scenario and seed, in one
 * process. Prints both rates, their ratio, steps per second and whether the tallies are identical.
 * It reports figures; it is not a test.
 */
import { existsSync } from 'node:fs';
import { endKey, runActors } from '../lib/engine/actorRun';
import { analyze } from '../lib/engine/analyze';
import type { Chain } from '../lib/engine/explore';
import { createMonteCarlo } from '../lib/engine/montecarlo';
import { formatDiagnostic } from '../lib/scenario/diagnostics';
import { limits } from '../lib/scenario/limits';
import { loadScenarioFile, toScenarioFile } from './files';
import { parse, run, toCount, UsageError, out, err } from './run';

const usage =
	'usage: npm run bench -- [scenario id or file] [--runs N] [--actor-runs N] [--seed S] [--json]';
// The combined scenario when it exists, else the first shipped one, else a test fixture.
const defaultScenarios = [
	'regional-escalation',
	'russia-arms-to-iran',
	'tests/fixtures/valid/regions.yaml'
];
const goals = { ratio: 300, stepsPerSecond: 50_000_000 };

function chainTallies(chain: Chain, counts: Float64Array): Map<string, number> {
	const tallies = new Map<string, number>();
	counts.forEach((n, s) => {
		if (n > 0) tallies.set(endKey(chain.compiled, chain.snapshots![s]), n);
	});
	return tallies;
}

function sameTallies(a: Map<string, number>, b: Map<string, number>): boolean {
	return a.size === b.size && [...a].every(([key, n]) => b.get(key) === n);
}

run(() => {
	const { positionals, values: flags } = parse(usage, {
		runs: { type: 'string' },
		'actor-runs': { type: 'string' },
		seed: { type: 'string' },
		json: { type: 'boolean' }
	});
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
		identicalTallies: identical,
		goals: { ratio: goals.ratio, stepsPerSecond: goals.stepsPerSecond }
	};
	const met = {
		ratio: report.ratio >= goals.ratio,
		steps: report.engine.stepsPerSecond >= goals.stepsPerSecond
	};
	if (flags.json) {
		out(`${JSON.stringify({ ...report, met }, null, 2)}\n`);
	} else {
		const n = (x: number) => Math.round(x).toLocaleString('en');
		const ok = (b: boolean) => (b ? 'met' : 'NOT met');
		out(
			[
				`bench: ${report.scenario} (${chain.size} reachable states), seed ${seed}`,
				`XState actor per run : ${n(report.actor.runsPerSecond).padStart(12)} runs/s   (${n(actorRunsCount)} runs in ${actorSeconds.toFixed(2)} s)`,
				`engine Monte Carlo   : ${n(report.engine.runsPerSecond).padStart(12)} runs/s   (${n(runs)} runs in ${seconds.toFixed(2)} s)`,
				`engine steps         : ${n(report.engine.stepsPerSecond).padStart(12)} steps/s  (mean ${result.meanSteps.toFixed(2)} steps a run)`,
				`ratio                : ${report.ratio.toFixed(0).padStart(12)} x        goal ≥ ${goals.ratio} x: ${ok(met.ratio)}`,
				`steps goal           : ≥ ${n(goals.stepsPerSecond)} steps/s: ${ok(met.steps)}`,
				`tallies identical    : ${identical ? 'yes' : 'NO'} (${n(actorRunsCount)} runs, same seed)`
			].join('\n') + '\n'
		);
	}
	return identical ? 0 : 1;
});
