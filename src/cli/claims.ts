/**
 * `npm run claims -- <scenario id or file> [--set actor.choice=option]… [--likelihood id=value]…
 *  [--reading id] [--samples N] [--seed S] [--json]`: the scenario's claims tested under the settings, the share
 * of likelihood draws in which each holds, and whether each is built into the model.
 */
import { builtInClaims, drawShare, parsedClaims, testClaims } from '../lib/engine/claims';
import { withReading } from '../lib/engine/reading';
import { formatPercent } from '../lib/format/percent';
import { parse, plain, runAsScript, table, toCount, out } from './run';
import { loadNamedScenario, settingsOptions, toSettings } from './scenarioArgs';

const usage = `usage: npm run claims -- <scenario id or file> [--set actor.choice=option]…
         [--likelihood transition-id=value]… [--reading id] [--samples N] [--seed S] [--json]`;

export const options = {
	...settingsOptions,
	samples: { type: 'string' },
	json: { type: 'boolean' }
} as const;

export function main(argv: string[]): number {
	const { positionals, values: flags } = parse(usage, options, argv);
	const loaded = loadNamedScenario(positionals, usage);
	if (!loaded) return 1;
	const { settings, seed } = toSettings(flags);
	const samples = toCount(flags.samples, '--samples', 200, 10_000);
	const claims = parsedClaims(loaded.scenario);
	const verdicts = testClaims(loaded.compiled, claims, settings, { samples, seed });
	const builtIn = builtInClaims(loaded.compiled, claims);
	const reading = withReading(loaded.compiled, settings.reading).reading;
	const report = {
		scenario: loaded.scenario.id,
		...(reading ? { reading: { id: reading.id, label: reading.label } } : {}),
		choices: { ...loaded.compiled.defaultChoices, ...settings.choices },
		likelihoods: settings.likelihoods,
		samples,
		seed,
		claims: verdicts.map((v, k) => ({
			id: v.id,
			label: v.label,
			holds: claims[k].holds,
			verdict: v.holds ? 'holds' : 'fails',
			...(v.draws ? { draws: v.draws, share: drawShare(v.draws) } : {}),
			builtIn: builtIn[k]
		}))
	};
	if (flags.json) {
		out(`${JSON.stringify(report, null, 2)}\n`);
		return 0;
	}
	const title = `${loaded.scenario.title} — the article's claims, tested`;
	if (claims.length === 0) {
		out(`${title}\nThis scenario states no claims (claims: in docs/scenario-format.md).\n`);
		return 0;
	}
	const changed = Object.entries(settings.choices).map(([k, v]) => `${k}=${v}`);
	out(`${title}\nsettings: ${changed.length ? changed.join(', ') : 'the defaults'}\n`);
	// "Built in" is judged on the scenario's own likelihoods; a reading may still turn such a claim.
	if (reading)
		out(
			`reading: ${reading.label} (${reading.id}); "built in" is judged on the scenario's own likelihoods\n`
		);
	out('\n');
	table(
		['claim', 'verdict', 'across the likelihood ranges', 'built in?'],
		report.claims.map((c) => [
			c.label,
			c.verdict,
			c.draws
				? `holds in ${plain(formatPercent(drawShare(c.draws)))} of ${c.draws.samples} draws`
				: 'nothing left to draw',
			!c.builtIn.checked
				? 'not checked'
				: c.builtIn.builtIn
					? 'built into the model, not tested by it'
					: 'tested: can fail'
		]),
		{ align: 'left' }
	);
	const refused = builtIn.find((b) => !b.checked);
	if (refused && !refused.checked) out(`\nnot checked whether built in: ${refused.reason}\n`);
	const checked = builtIn.find((b) => b.checked);
	if (checked && checked.checked)
		out(
			`\nbuilt in: holds under all ${checked.combinations.toLocaleString('en')} combinations of choices at ${checked.points} likelihood points each (every range at its ends, the middle, and seeded draws)\n`
		);
	return 0;
}

runAsScript(import.meta.url, main);
