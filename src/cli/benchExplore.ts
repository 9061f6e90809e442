/**
 * The exploration part of `npm run bench`: the compiled tables against XState's `transition`,
 * side by side in one process (edges a second and their ratio), on regional-escalation and on a
 * generated scenario of parallel ladders; a million reachable states explored and solved, with
 * the time and memory per state; how soon the limit refuses; and the analyses that explore or
 * re-weight (sensitivity sweep, interval draws, the check of every combination of choices).
 * It reports figures; it is not a test.
 */
import { readFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { analyze, intervalsFor } from '../lib/engine/analyze';
import { analysisDiagnostics, choiceCombinations } from '../lib/engine/check';
import { compile, likelihoodValues, type Compiled } from '../lib/engine/compile';
import { explore, ExploreError, type Chain } from '../lib/engine/explore';
import { exploreMachine } from '../lib/engine/exploreMachine';
import { sensitivity } from '../lib/engine/sensitivity';
import { solveExact } from '../lib/engine/solve';
import { parseText } from '../lib/scenario/parse';
import { validateDocument } from '../lib/scenario/validate';
import { loadScenarioFile, toScenarioFile } from './files';

/** Targets of issue 16, beside which the figures are printed. */
export const exploreGoals = {
	ratio: 20,
	millionSeconds: 10,
	millionBytes: 1.5e9,
	sensitivityMs: 20,
	intervalsMs: 30,
	checkMs: 300
};

/**
 * A scenario of `regions` parallel ladders, each `steps` rungs climbed one at a time (0.7) or
 * left for a fall (the rest), with two ends: (steps + 2) ^ regions reachable states, no loops.
 */
export function parallelLadders(regions: number, steps: number): Compiled {
	const ladder = (r: number) => {
		const states: Record<string, unknown> = {};
		for (let i = 0; i < steps; i++) {
			states[`s${i}`] = {
				on: [
					{
						event: `r${r}.up${i}`,
						target: i + 1 < steps ? `ladders.r${r}.s${i + 1}` : `ladders.r${r}.top`,
						by: 'chance',
						likelihood: 0.7,
						assumption: 'generated'
					},
					{
						event: `r${r}.fall${i}`,
						target: `ladders.r${r}.fell`,
						by: 'chance',
						likelihood: 'rest',
						assumption: 'generated'
					}
				]
			};
		}
		states.top = { type: 'final', outcome: { label: `Ladder ${r} climbed` } };
		states.fell = { type: 'final', outcome: { label: `Ladder ${r} fell` } };
		return { initial: 's0', states };
	};
	const document = {
		id: 'ladders',
		title: 'Parallel ladders',
		actors: {},
		statechart: {
			initial: 'ladders',
			states: {
				ladders: {
					type: 'parallel',
					states: Object.fromEntries(
						Array.from({ length: regions }, (_, r) => [`r${r}`, ladder(r)])
					)
				}
			}
		}
	};
	const parsed = parseText('ladders.yaml', stringify(document));
	if (!parsed.ok) throw new Error(parsed.diagnostics[0].message);
	const validated = validateDocument(parsed.document, (id) => ({ missing: id, known: [] }));
	if (!validated.ok) throw new Error(validated.diagnostics[0].message);
	return compile(validated.value.model);
}

/** Milliseconds of one call of `work`, the median of `times` calls. */
function median(times: number, work: () => void): number {
	const ms: number[] = [];
	for (let i = 0; i < times; i++) {
		const start = performance.now();
		work();
		ms.push(performance.now() - start);
	}
	ms.sort((a, b) => a - b);
	return ms[Math.floor(ms.length / 2)];
}

/** Edges a second of exploring with `how` until `seconds` have passed (at least once). */
function edgeRate(how: typeof explore, compiled: Compiled, seconds: number, max?: number) {
	const values = likelihoodValues(compiled);
	let edges = 0;
	let runs = 0;
	let chain: Chain | undefined;
	const start = performance.now();
	do {
		chain = how(compiled, compiled.defaultChoices, values, max);
		edges += chain.edgeTarget.length;
		runs++;
	} while (performance.now() - start < seconds * 1000);
	const elapsed = (performance.now() - start) / 1000;
	return {
		states: chain.size,
		edges: chain.edgeTarget.length,
		runs,
		edgesPerSecond: edges / elapsed
	};
}

const bytesInUse = () => {
	const m = process.memoryUsage();
	return m.heapUsed + m.arrayBuffers;
};

export interface ExploreReport {
	regional: {
		tables: ReturnType<typeof edgeRate>;
		machine: ReturnType<typeof edgeRate>;
		ratio: number;
	};
	ladders: {
		states: number;
		tables: ReturnType<typeof edgeRate>;
		machine: ReturnType<typeof edgeRate>;
		ratio: number;
	};
	million: {
		states: number;
		edges: number;
		exploreSeconds: number;
		solveSeconds: number;
		bytes: number;
		bytesPerState: number;
	};
	refusal: { limit: number; seconds: number; message: string };
	analyses: { sensitivityMs: number; intervalsMs: number; checkMs: number; combinations: number };
}

/**
 * Every figure of the exploration part. `quick` measures the same things on small scenarios for
 * a fraction of a second each (a check that the benchmark runs, not figures to report).
 */
export function benchExploration(quick = false): ExploreReport {
	const seconds = quick ? 0.05 : 2;
	const file = toScenarioFile('regional-escalation');
	const loaded = loadScenarioFile(file);
	if (!loaded.ok) throw new Error(`${file} does not load`);
	const { compiled } = loaded.value;

	// Warm both paths, then measure them one after the other in this process.
	edgeRate(explore, compiled, seconds / 5);
	edgeRate(exploreMachine, compiled, seconds / 5);
	const tables = edgeRate(explore, compiled, seconds);
	const machine = edgeRate(exploreMachine, compiled, seconds);

	// (steps + 2) ^ regions states: 46,656 and 1,000,000 (quick: 256 and 3,125).
	const ladders = quick ? parallelLadders(4, 2) : parallelLadders(6, 4);
	const laddersTables = edgeRate(explore, ladders, seconds, 2_000_000);
	const laddersMachine = edgeRate(exploreMachine, ladders, 0, 2_000_000);

	const million = quick ? parallelLadders(5, 3) : parallelLadders(6, 8);
	global.gc?.();
	const before = bytesInUse();
	let start = performance.now();
	const chain = explore(million, million.defaultChoices, likelihoodValues(million), 1_000_000);
	const exploreSeconds = (performance.now() - start) / 1000;
	start = performance.now();
	solveExact(chain);
	const solveSeconds = (performance.now() - start) / 1000;
	const bytes = bytesInUse() - before;

	const limit = quick ? 1_000 : 250_000;
	start = performance.now();
	let message = '';
	try {
		explore(million, million.defaultChoices, likelihoodValues(million), limit);
	} catch (error) {
		if (!(error instanceof ExploreError)) throw error;
		message = error.message;
	}
	const refusalSeconds = (performance.now() - start) / 1000;

	const analysis = analyze(compiled);
	const outcome = analysis.exact.outcomes[0].id;
	const parsed = parseText(file, readFileSync(file));
	if (!parsed.ok) throw new Error(`${file} does not parse`);
	const sensitivityMs = median(quick ? 1 : 9, () => sensitivity(compiled, {}, outcome));
	const intervalsMs = median(quick ? 1 : 5, () => intervalsFor(analysis, 1000, 1));
	const checkMs = median(quick ? 1 : 3, () => analysisDiagnostics(compiled, parsed.document));
	return {
		regional: { tables, machine, ratio: tables.edgesPerSecond / machine.edgesPerSecond },
		ladders: {
			states: laddersTables.states,
			tables: laddersTables,
			machine: laddersMachine,
			ratio: laddersTables.edgesPerSecond / laddersMachine.edgesPerSecond
		},
		million: {
			states: chain.size,
			edges: chain.edgeTarget.length,
			exploreSeconds,
			solveSeconds,
			bytes,
			bytesPerState: bytes / chain.size
		},
		refusal: { limit, seconds: refusalSeconds, message },
		analyses: {
			sensitivityMs,
			intervalsMs,
			checkMs,
			combinations: choiceCombinations(compiled).combinations.length
		}
	};
}

/** The report as lines of text, each figure beside its target. */
export function exploreLines(r: ExploreReport, quick: boolean): string[] {
	const n = (x: number) => Math.round(x).toLocaleString('en');
	const ok = (b: boolean) =>
		quick ? '(--quick: small scenarios, not the target)' : b ? 'met' : 'NOT met';
	const g = exploreGoals;
	return [
		`exploration: regional-escalation (${n(r.regional.tables.states)} states, ${n(r.regional.tables.edges)} edges)`,
		`  compiled tables    : ${n(r.regional.tables.edgesPerSecond).padStart(12)} edges/s`,
		`  XState transition  : ${n(r.regional.machine.edgesPerSecond).padStart(12)} edges/s`,
		`  ratio              : ${r.regional.ratio.toFixed(0).padStart(12)} x       goal ≥ ${g.ratio} x: ${ok(r.regional.ratio >= g.ratio)}`,
		`exploration: ${n(r.ladders.states)} states (parallel ladders), ${n(r.ladders.tables.edges)} edges`,
		`  compiled tables    : ${n(r.ladders.tables.edgesPerSecond).padStart(12)} edges/s`,
		`  XState transition  : ${n(r.ladders.machine.edgesPerSecond).padStart(12)} edges/s`,
		`  ratio              : ${r.ladders.ratio.toFixed(0).padStart(12)} x       goal ≥ ${g.ratio} x: ${ok(r.ladders.ratio >= g.ratio)}`,
		`large scenario: ${n(r.million.states)} states, ${n(r.million.edges)} edges`,
		`  explore + solve    : ${(r.million.exploreSeconds + r.million.solveSeconds).toFixed(2).padStart(12)} s       (explore ${r.million.exploreSeconds.toFixed(2)} s, solve ${r.million.solveSeconds.toFixed(2)} s); goal ≤ ${g.millionSeconds} s: ${ok(r.million.exploreSeconds + r.million.solveSeconds <= g.millionSeconds)}`,
		`  memory             : ${(r.million.bytes / 1e6).toFixed(0).padStart(12)} MB      (${n(r.million.bytesPerState)} bytes a state); goal ≤ ${(g.millionBytes / 1e9).toFixed(1)} GB: ${ok(r.million.bytes <= g.millionBytes)}`,
		`  limit refusal      : ${r.refusal.seconds.toFixed(2).padStart(12)} s       (at ${n(r.refusal.limit)} states: ${r.refusal.message})`,
		`analyses: regional-escalation`,
		`  sensitivity sweep  : ${r.analyses.sensitivityMs.toFixed(1).padStart(12)} ms median; goal ≤ ${g.sensitivityMs} ms: ${ok(r.analyses.sensitivityMs <= g.sensitivityMs)}`,
		`  1,000 interval draws: ${r.analyses.intervalsMs.toFixed(1).padStart(11)} ms median; goal ≤ ${g.intervalsMs} ms: ${ok(r.analyses.intervalsMs <= g.intervalsMs)}`,
		`  check, ${n(r.analyses.combinations)} combinations: ${r.analyses.checkMs.toFixed(0).padStart(8)} ms median; goal ≤ ${g.checkMs} ms: ${ok(r.analyses.checkMs <= g.checkMs)}`
	];
}
