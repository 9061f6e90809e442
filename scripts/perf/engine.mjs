/**
 * The engine half of `npm run perf` (scripts/perf.mjs runs it with tsx and reads its JSON): how long
 * the sensitivity sweep of a scenario takes in node, and what each piece of the page's work after a
 * choice change costs on its own (exact analysis, sensitivity, likely paths, fan), so that the
 * benchmark can say what dominates. Medians of `--repeat` runs after one warm-up run. Plain
 * JavaScript run by tsx, which loads the engine's TypeScript.
 *
 * `tsx scripts/perf/engine.mjs regional-escalation --repeat 10` prints
 * `{ "sensitivity": { "median": 160.2, … }, "pieces": { … } }`.
 */
import { parseArgs } from 'node:util';
import { outcomeGroups } from '../../src/lib/charts/outcomeBars.ts';
import { likelihoodValues, resolveChoices } from '../../src/lib/engine/compile.ts';
import { explore } from '../../src/lib/engine/explore.ts';
import { indicatorFan } from '../../src/lib/engine/fan.ts';
import { likelihoodIntervals } from '../../src/lib/engine/interval.ts';
import { likelyPaths, toSankey } from '../../src/lib/engine/paths.ts';
import { sensitivity } from '../../src/lib/engine/sensitivity.ts';
import { solveExact } from '../../src/lib/engine/solve.ts';
import { loadScenarioFile, toScenarioFile } from '../../src/cli/files.ts';

const { positionals, values: flags } = parseArgs({
	allowPositionals: true,
	options: { repeat: { type: 'string', default: '10' } }
});
const id = positionals[0] ?? 'regional-escalation';
const repeat = Math.max(1, Number(flags.repeat) || 10);

const loaded = loadScenarioFile(toScenarioFile(id));
if (!loaded.ok) {
	process.stderr.write(`${id}: the scenario does not load\n`);
	process.exit(1);
}
const { compiled } = loaded.value;
const model = compiled.model;

/** Median, 90th percentile and extremes of `samples` (milliseconds). */
function summary(samples) {
	const sorted = [...samples].sort((a, b) => a - b);
	const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
	return {
		median: at(0.5),
		p90: at(0.9),
		min: sorted[0],
		max: sorted.at(-1),
		runs: samples.length
	};
}

/** One warm-up call (reported as `first`), then `repeat` timed calls; `work` gets the call's index. */
function time(work) {
	let start = performance.now();
	work(repeat);
	const first = performance.now() - start;
	const samples = [];
	for (let i = 0; i < repeat; i++) {
		start = performance.now();
		work(i);
		samples.push(performance.now() - start);
	}
	return { ...summary(samples), first };
}

// The page's work on the default settings, piece by piece, as the dashboard and its panels do it.
const choices = resolveChoices(compiled, compiled.defaultChoices);
const values = likelihoodValues(compiled, {});
const chain = explore(compiled, choices, values);
const outcomes = solveExact(chain).outcomes;
// A fresh chain per call, as after each change on the page (results are cached per chain).
const chains = Array.from({ length: repeat + 1 }, () => explore(compiled, choices, values));
const regionLabels = Object.fromEntries(
	model.regions.map((r) => [r, model.states.get(r)?.label ?? r])
);
// SensitivityPanel's default outcome: the first outcome of the last region.
const outcome = outcomeGroups(outcomes, { regionLabels }).at(-1)?.rows[0]?.id ?? '';
const settings = { choices: { ...compiled.defaultChoices }, likelihoods: {} };

const report = {
	scenario: id,
	outcome,
	sensitivity: time(() => sensitivity(compiled, settings, outcome)),
	pieces: {
		'exact analysis (explore, solve, 200 interval draws)': time(() => {
			const c = explore(compiled, choices, values);
			solveExact(c);
			likelihoodIntervals(c, values, 200, 1, new Set());
		}),
		'sensitivity (sensitivity)': time(() => sensitivity(compiled, settings, outcome)),
		'likely paths (likelyPaths, toSankey)': time((i) =>
			toSankey(chains[i], likelyPaths(chains[i], { perOutcome: 2, maxPaths: 10 }))
		),
		'fan (indicatorFan)': time((i) => indicatorFan(chains[i]))
	}
};
process.stdout.write(`${JSON.stringify(report)}\n`);
