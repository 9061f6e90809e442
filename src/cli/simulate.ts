/**
 * `npm run simulate -- <scenario id or file> [--exact] [--runs N] [--seed S]
 *  [--set actor.choice=option]… [--likelihood transition=value]… [--reading id] [--json]`
 * `npm run simulate -- <scenario> --sensitivity --outcome <outcome id> [--set …]… [--json]`
 * `npm run simulate -- <scenario> --assumptions [--set …]… [--json]`
 * `npm run simulate -- <scenario> --events [--log file] [--set …]… [--json]`
 * `npm run simulate -- <scenario> --watch [--set …]… [--json]`
 */
import { analyze, intervalsFor } from '../lib/engine/analyze';
import { assumptionsCheck } from '../lib/engine/assumptions';
import { monteCarlo, standardError } from '../lib/engine/montecarlo';
import { sensitivity } from '../lib/engine/sensitivity';
import * as words from '../lib/format/assumption';
import { withReading } from '../lib/engine/reading';
import { resultBasis } from '../lib/scenario/confidenceWords';
import { limits } from '../lib/scenario/limits';
import type { ReadingInfo } from '../lib/scenario/readings';
import { parse, runAsScript, table, toCount, UsageError, out } from './run';
import { eventLogPath, printReplay } from './replay';
import { printWatch } from './watch';
import { loadNamedScenario, settingsOptions, toSettings } from './scenarioArgs';

const usage = `usage: npm run simulate -- <scenario id or file> [--exact] [--runs N] [--seed S]
         [--set actor.choice=option]… [--likelihood transition-id=value]… [--reading id]
         [--samples N] [--json]
       npm run simulate -- <scenario id or file> --sensitivity --outcome <outcome id>
         [--set actor.choice=option]… [--likelihood transition-id=value]… [--reading id] [--json]
       npm run simulate -- <scenario id or file> --assumptions
         [--set actor.choice=option]… [--likelihood transition-id=value]… [--reading id] [--json]
       npm run simulate -- <scenario id or file> --watch
         [--set actor.choice=option]… [--likelihood transition-id=value]… [--reading id] [--json]
       npm run simulate -- <scenario id or file> --events [--log file]
         [--set actor.choice=option]… [--likelihood transition-id=value]… [--reading id] [--json]`;

const percent = (p: number) => `${(p * 100).toFixed(1)} %`;

export const options = {
	...settingsOptions,
	exact: { type: 'boolean' },
	runs: { type: 'string' },
	samples: { type: 'string' },
	sensitivity: { type: 'boolean' },
	outcome: { type: 'string' },
	assumptions: { type: 'boolean' },
	events: { type: 'boolean' },
	log: { type: 'string' },
	watch: { type: 'boolean' },
	json: { type: 'boolean' }
} as const;

export function main(argv: string[]): number {
	const { positionals, values: flags } = parse(usage, options, argv);
	if ([flags.assumptions, flags.sensitivity, flags.events, flags.watch].filter(Boolean).length > 1)
		throw new UsageError(
			`give one of --assumptions, --sensitivity, --events and --watch\n${usage}`
		);
	if (flags.log !== undefined && !flags.events)
		throw new UsageError(`--log goes with --events\n${usage}`);
	if (flags.sensitivity && flags.outcome === undefined)
		throw new UsageError(`--sensitivity needs --outcome <outcome id>\n${usage}`);
	if (!flags.sensitivity && flags.outcome !== undefined)
		throw new UsageError(`--outcome goes with --sensitivity\n${usage}`);
	const loaded = loadNamedScenario(positionals, usage);
	if (!loaded) return 1;
	const { settings, seed } = toSettings(flags);
	const scenario = loaded.scenario;
	const reading = withReading(loaded.compiled, settings.reading).reading;
	const readingField = reading ? { reading: { id: reading.id, label: reading.label } } : {};
	// What the numbers are and how much weight they bear: beside every result, text and JSON.
	const { confidence, line, note } = resultBasis(loaded, reading);
	const basis = `${line}\n${note}\n`;
	if (flags.watch) return printWatch(loaded, settings, !!flags.json, { confidence, line, note });
	if (flags.events)
		return printReplay(
			loaded,
			eventLogPath(loaded, positionals[0], flags.log),
			settings,
			!!flags.json,
			{ confidence, line, note }
		);
	if (flags.sensitivity) {
		const result = sensitivity(loaded.compiled, settings, flags.outcome!);
		const report = {
			scenario: scenario.id,
			method: 'sensitivity',
			...readingField,
			...result,
			confidence,
			note
		};
		if (flags.json) out(`${JSON.stringify(report, null, 2)}\n`);
		else {
			out(
				`${scenario.title} — sensitivity of ${result.label} (${result.outcome}): ${percent(result.base)}\n${choiceLine(result.choices, reading)}\n\n`
			);
			const at = (x: string | number) => (typeof x === 'number' ? String(x) : x);
			table(
				['factor', 'low', 'high', 'effect', 'at (low → high)'],
				result.bars.map((b) => [
					b.id,
					percent(b.low),
					percent(b.high),
					percent(b.effect),
					`${at(b.lowAt)} → ${at(b.highAt)}`
				])
			);
			out(`\n${result.bars.length} factors in ${result.milliseconds.toFixed(1)} ms\n\n${basis}`);
		}
		return 0;
	}
	if (flags.assumptions) {
		const result = assumptionsCheck(loaded.compiled, settings);
		if (flags.json)
			out(
				`${JSON.stringify({ scenario: scenario.id, method: 'assumptions', ...readingField, ...result, confidence, note }, null, 2)}\n`
			);
		else {
			out(
				`${scenario.title} — key assumptions, largest effect first\n${choiceLine(result.choices, reading)}\n\n`
			);
			table(
				[
					'assumption',
					'kind',
					'now',
					'swing',
					'outcome moved most',
					'expected score moved most',
					'effect'
				],
				result.assumptions.map((a) => [
					a.kind === 'score' ? a.label : `${a.label} (${a.from})`,
					words.assumptionKind(a),
					words.assumptionNow(a),
					words.assumptionSwing(a),
					words.assumptionOutcome(a),
					words.assumptionScore(a),
					percent(a.effect)
				])
			);
			out(
				`\n${words.assumptionRanking}\n${result.assumptions.length} assumptions in ${result.milliseconds.toFixed(1)} ms\n\n${basis}`
			);
		}
		return 0;
	}
	const analysis = analyze(loaded.compiled, settings);

	if (flags.exact) {
		const intervals = intervalsFor(
			analysis,
			toCount(flags.samples, '--samples', 1000, 100_000),
			seed
		);
		const { exact } = analysis;
		const outcomes = exact.outcomes.map((o) => ({
			id: o.id,
			label: o.label,
			region: o.region,
			probability: o.probability,
			...(intervals
				? {
						interval: [intervals.outcomes[o.id].low, intervals.outcomes[o.id].high],
						median: intervals.outcomes[o.id].median
					}
				: {})
		}));
		const report = {
			scenario: scenario.id,
			method: 'exact',
			...readingField,
			choices: analysis.choices,
			states: analysis.chain.size,
			outcomes,
			endings: exact.endings.map(({ label, probability }) => ({ label, probability })),
			dimensions: exact.dimensions,
			indicators: exact.indicators,
			expectedSteps: exact.expectedSteps,
			...(intervals ? { intervalSamples: intervals.samples, uncertain: intervals.uncertain } : {}),
			confidence,
			note
		};
		if (flags.json) out(`${JSON.stringify(report, null, 2)}\n`);
		else {
			out(
				`${scenario.title} — exact analysis of ${analysis.chain.size} reachable states\n${choiceLine(analysis.choices, reading)}\n\n`
			);
			table(
				['outcome', 'probability', ...(intervals ? ['90 % interval'] : [])],
				outcomes.map((o) => [
					o.label + (o.region ? `  [${o.region}]` : ''),
					percent(o.probability),
					...('interval' in o && o.interval
						? [`${percent(o.interval[0])} – ${percent(o.interval[1])}`]
						: intervals
							? ['—']
							: [])
				])
			);
			footer(
				exact.dimensions,
				exact.indicators,
				`expected steps: ${exact.expectedSteps.toFixed(2)}`
			);
			out(`\n${basis}`);
		}
		return 0;
	}
	const runs = toCount(flags.runs, '--runs', 100_000, limits.maxRuns);
	const mc = monteCarlo(analysis.chain, runs, { seed });
	const outcomes = mc.outcomes.map((o) => ({
		id: o.id,
		label: o.label,
		region: o.region,
		probability: o.probability,
		standardError: standardError(o.probability, runs),
		exact: analysis.exact.outcomes.find((x) => x.id === o.id)!.probability
	}));
	const report = {
		scenario: scenario.id,
		method: 'monte-carlo',
		runs,
		seed,
		...readingField,
		choices: analysis.choices,
		outcomes,
		endings: mc.endings.map(({ label, probability }) => ({ label, probability })),
		dimensions: mc.dimensions,
		indicators: mc.indicators,
		meanSteps: mc.meanSteps,
		unfinished: mc.unfinished,
		confidence,
		note
	};
	if (flags.json) out(`${JSON.stringify(report, null, 2)}\n`);
	else {
		out(
			`${scenario.title} — Monte Carlo, ${runs.toLocaleString('en')} runs, seed ${seed}\n${choiceLine(analysis.choices, reading)}\n\n`
		);
		table(
			['outcome', 'probability', '± 1.96 s.e.', 'exact'],
			outcomes.map((o) => [
				o.label + (o.region ? `  [${o.region}]` : ''),
				percent(o.probability),
				percent(1.96 * o.standardError),
				percent(o.exact)
			])
		);
		footer(
			mc.dimensions,
			mc.indicators,
			`mean steps: ${mc.meanSteps.toFixed(2)}${mc.unfinished ? `, unfinished runs: ${mc.unfinished}` : ''}`
		);
		out(`\n${basis}`);
	}
	return 0;
}

runAsScript(import.meta.url, main);

/** The choices, and the reading when there is one: `choices: a.b=c` / `reading: A sceptic's reading (sceptic)`. */
function choiceLine(choices: Record<string, string>, reading: ReadingInfo | undefined): string {
	const line = `choices: ${
		Object.entries(choices)
			.map(([k, v]) => `${k}=${v}`)
			.join(', ') || '(none)'
	}`;
	return reading ? `${line}\nreading: ${reading.label} (${reading.id})` : line;
}

function footer(
	dimensions: Record<string, number>,
	indicators: Record<string, number>,
	steps: string
): void {
	const fmt = (r: Record<string, number>) =>
		Object.entries(r)
			.map(([k, v]) => `${k} ${v.toFixed(3)}`)
			.join(', ');
	if (Object.keys(dimensions).length) out(`\nexpected scores: ${fmt(dimensions)}\n`);
	if (Object.keys(indicators).length) out(`expected indicators at the end: ${fmt(indicators)}\n`);
	out(`${steps}\n`);
}
