/**
 * `npm run query -- <scenario id or file> "<question>" [--set actor.choice=option]…
 *  [--likelihood id=value]… [--reading id] [--samples N] [--seed S] [--json]`: one question asked
 * of the scenario and answered exactly, with its 90 % interval across the likelihood ranges.
 * The language is the claims' (docs/scenario-format.md, "Questions and observations").
 */
import { ObserveError } from '../lib/engine/observe';
import { answerQuestion, readQuestion } from '../lib/engine/query';
import { withReading } from '../lib/engine/reading';
import { intervalText, questionText, valueText } from '../lib/format/answer';
import { formatPercent } from '../lib/format/percent';
import { resultBasis } from '../lib/scenario/confidenceWords';
import { err, out, parse, runAsScript, table, toCount, UsageError, plain } from './run';
import { loadNamedScenario, settingsOptions, toSettings } from './scenarioArgs';

const usage = `usage: npm run query -- <scenario id or file> "<question>" [--set actor.choice=option]…
         [--likelihood transition-id=value]… [--reading id] [--samples N] [--seed S] [--json]
examples: "P(crisis.north.directWar within 6 | crisis.arms.inService)"
          "E[russiaPosition | crisis.north.directWar]"   "E[steps until crisis.north.directWar]"
          "P(crisis.north.directWar within 1..8)"          (the curve for k = 1…8)`;

export const options = {
	...settingsOptions,
	samples: { type: 'string' },
	json: { type: 'boolean' }
} as const;

export function main(argv: string[]): number {
	const { positionals, values: flags } = parse(usage, options, argv);
	if (positionals.length !== 2)
		throw new UsageError(`give a scenario id or file, then the question in quotes\n${usage}`);
	const [scenarioArg, text] = positionals;
	const loaded = loadNamedScenario([scenarioArg], usage);
	if (!loaded) return 1;
	const { settings, seed } = toSettings(flags);
	const samples = toCount(flags.samples, '--samples', 200, 10_000);
	const compiled = withReading(loaded.compiled, settings.reading);
	const read = readQuestion(text, compiled);
	if (!read.ok) {
		const { error } = read;
		err(
			`question, column ${error.column}: ${error.message}\n  ${text}\n  ${' '.repeat(error.offset)}^\n${error.hint ? `  hint: ${error.hint}\n` : ''}`
		);
		return 1;
	}
	let answer;
	try {
		answer = answerQuestion(loaded.compiled, read.question, settings, { samples, seed });
	} catch (error) {
		if (!(error instanceof ObserveError)) throw error;
		err(`question: ${error.message}\n  hint: ${error.hint}\n`);
		return 1;
	}
	const { confidence, line, note } = resultBasis(loaded);
	const reading = compiled.reading;
	if (flags.json) {
		const report = {
			scenario: loaded.scenario.id,
			question: text,
			...(reading ? { reading: { id: reading.id, label: reading.label } } : {}),
			choices: { ...loaded.compiled.defaultChoices, ...settings.choices },
			likelihoods: settings.likelihoods,
			samples,
			seed,
			answer,
			exact: true,
			confidence,
			note
		};
		out(`${JSON.stringify(report, null, 2)}\n`);
		return 0;
	}
	const { model } = compiled;
	out(`${loaded.scenario.title} — a question\n  ${text}\n\n`);
	if (read.question.kind === 'claim') {
		out(`The proposition ${answer.holds ? 'holds' : 'fails'} under these settings.\n`);
		if (answer.draws?.holds !== undefined)
			out(
				`It holds in ${plain(formatPercent(answer.draws.holds / answer.draws.samples))} of ${answer.draws.samples} seeded draws of the likelihood ranges.\n`
			);
	} else {
		const m = read.question.measure;
		out(`${questionText(model, m)}:\n`);
		if (answer.curve) {
			table(
				['within', 'chance', '90 % of draws'],
				answer.curve.map((p) => [
					`${p.steps} step${p.steps === 1 ? '' : 's'}`,
					plain(valueText(answer, p.value)),
					p.interval ? plain(intervalText(answer, p.interval)) : '—'
				])
			);
		} else {
			const interval = answer.interval
				? `   (90 % of ${answer.draws?.counted ?? 0} seeded draws of the likelihood ranges: ${plain(intervalText(answer, answer.interval))})`
				: '   (no likelihood range left to draw)';
			out(`  ${plain(valueText(answer, answer.value))}${interval}\n`);
		}
	}
	if (answer.observed)
		out(
			`\nObserved: ${answer.observed.text.join('; ')} — ${plain(formatPercent(answer.observed.probability))} likely under these settings before it was observed.\n`
		);
	const changed = Object.entries(settings.choices).map(([k, v]) => `${k}=${v}`);
	out(
		`\nExact, computed on the chain (not sampled). Settings: ${changed.length ? changed.join(', ') : 'the defaults'}${reading ? `; reading: ${reading.label}` : ''}.\n${line}\n${note}\n`
	);
	return 0;
}

runAsScript(import.meta.url, main);
