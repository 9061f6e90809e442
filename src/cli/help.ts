/**
 * What `brink --help` and `brink <command> --help` print: each command's usage, every flag in one
 * line, an example and the exit codes. Plain data, loaded without any command's code, so that help
 * is instant; `help.test.ts` holds each command's flags here equal to the options it parses.
 */

export interface Flag {
	/** The long name, without dashes: `set` is `--set`. */
	name: string;
	/** What follows the flag, when it takes a value: `actor.choice=option`. */
	value?: string;
	/** May be given more than once. */
	repeat?: boolean;
	/** The one-letter form, when there is one. */
	short?: string;
	text: string;
}

export interface CommandHelp {
	summary: string;
	/** Forms of the command line, each after `brink <command> `. */
	usage: string[];
	flags: Flag[];
	examples: string[];
	exits: [code: number, meaning: string][];
}

/** The settings `simulate`, `query`, `claims` and `export` share (scenarioArgs.ts). */
const settings: Flag[] = [
	{
		name: 'set',
		value: 'actor.choice=option',
		repeat: true,
		text: "an actor's choice instead of its default"
	},
	{
		name: 'likelihood',
		value: 'transition-id=value',
		repeat: true,
		text: "a transition's likelihood (0–1) instead of the scenario's"
	},
	{ name: 'reading', value: 'id', text: "the scenario's named reading of its source" },
	{ name: 'seed', value: 'S', text: 'the random seed, a number or a word (default 1)' }
];

const json: Flag = { name: 'json', text: 'print JSON, with ids, instead of the text report' };
const settingsUsage = '[--set …]… [--likelihood …]… [--reading id]';
const badArguments: [number, string] = [2, 'bad arguments or settings (one line, no stack trace)'];
const notLoaded = 'the scenario does not load (file:line:column: problem, per problem)';
/** A limit the analysis meets while it runs: a problem with the scenario, not with the arguments. */
const limitMet = 'the analysis meets one of its limits (error: and a hint: line)';

export const commands = {
	validate: {
		summary: 'check scenario files and event logs',
		usage: ['[files or folders…] [--quiet]'],
		flags: [
			{ name: 'quiet', short: 'q', text: 'leave out the `file: ok` lines (problems still print)' }
		],
		examples: [
			'brink validate scenarios/',
			'brink validate my-scenario.yaml scenarios/events/my-scenario.yaml'
		],
		exits: [
			[0, 'every file is valid (warnings go to stderr)'],
			[
				1,
				'a file is invalid (file:line:column: path: message per problem, on stdout), or none is found'
			],
			[2, 'bad arguments']
		]
	},
	simulate: {
		summary: 'outcome probabilities: Monte Carlo, exact, sensitivity, assumptions, events, watch',
		usage: [
			`<scenario id or file> [--exact] [--runs N] [--seed S] [--samples N] ${settingsUsage} [--json]`,
			`<scenario id or file> --sensitivity --outcome <outcome id> ${settingsUsage} [--json]`,
			`<scenario id or file> --assumptions ${settingsUsage} [--json]`,
			`<scenario id or file> --events [--log file] ${settingsUsage} [--json]`,
			`<scenario id or file> --watch ${settingsUsage} [--json]`
		],
		flags: [
			{ name: 'exact', text: 'exact probabilities on the chain, with 90 % intervals for ranges' },
			{ name: 'runs', value: 'N', text: 'Monte Carlo runs (default 100,000)' },
			{
				name: 'samples',
				value: 'N',
				text: 'likelihood draws for --exact intervals (default 1,000)'
			},
			{ name: 'sensitivity', text: 'what moves one outcome most (needs --outcome)' },
			{ name: 'outcome', value: 'id', text: 'the outcome state --sensitivity looks at' },
			{
				name: 'assumptions',
				text: 'every assumption swung across its range, largest effect first'
			},
			{ name: 'events', text: 'what happened next: the event log replayed and scored' },
			{ name: 'log', value: 'file', text: 'the event log for --events (default events/<id>.yaml)' },
			{ name: 'watch', text: 'signposted events, ordered by how much seeing each would change' },
			...settings,
			json
		],
		examples: [
			'brink simulate regional-escalation --exact',
			'brink simulate russia-arms-to-iran --runs 200000 --seed 7 --set russia.response=full --json'
		],
		exits: [
			[0, 'results printed'],
			[1, `${notLoaded}, --events finds no valid event log, or ${limitMet}`],
			badArguments
		]
	},
	query: {
		summary: 'one question asked of a scenario, answered exactly',
		usage: [
			`<scenario id or file> "<question>" ${settingsUsage} [--samples N] [--seed S] [--json]`
		],
		flags: [
			...settings,
			{ name: 'samples', value: 'N', text: 'likelihood draws for the 90 % interval (default 200)' },
			json
		],
		examples: [
			'brink query regional-escalation "P(crisis.north.regionalWar within 6 | crisis.arms.fullPackage)"',
			'brink query regional-escalation "E[steps until crisis.north.directWar]" --json'
		],
		exits: [
			[0, 'answered'],
			[
				1,
				`${notLoaded}, the question cannot be read or answered (its column is shown), or ${limitMet}`
			],
			badArguments
		]
	},
	claims: {
		summary: "the scenario's claims tested: holds or fails, share of draws, built in?",
		usage: [`<scenario id or file> ${settingsUsage} [--samples N] [--seed S] [--json]`],
		flags: [
			...settings,
			{ name: 'samples', value: 'N', text: 'likelihood draws per claim (default 200)' },
			json
		],
		examples: ['brink claims russia-arms-to-iran --set russia.response=full'],
		exits: [
			[0, 'claims tested (a failing claim is a result, not an error)'],
			[1, `${notLoaded}, or ${limitMet}`],
			badArguments
		]
	},
	export: {
		summary: 'results (CSV, JSON), the audit bundle, or the statechart (Mermaid, XState JSON)',
		usage: [
			`<scenario id or file> --format csv|json|audit|mermaid|xstate ${settingsUsage} [--seed S] [--samples N] [--runs N] [--out file]`
		],
		flags: [
			{ name: 'format', value: 'csv|json|audit|mermaid|xstate', text: 'what to write (required)' },
			...settings,
			{
				name: 'samples',
				value: 'N',
				text: 'likelihood draws for the 90 % intervals (default 1,000)'
			},
			{ name: 'runs', value: 'N', text: 'add a Monte Carlo run of N runs to the results' },
			{ name: 'out', value: 'file', text: 'write to this file instead of stdout' }
		],
		examples: [
			'brink export regional-escalation --format csv --out results.csv',
			'brink export hezbollah-escalation --format mermaid'
		],
		exits: [
			[0, 'written'],
			[1, 'bad input: arguments, settings, a scenario that does not load, an unwritable --out'],
			[2, 'an unexpected error (a bug)']
		]
	},
	evidence: {
		summary: 'how a scenario rests on its sources: evidence, assumptions, uncited sentences',
		usage: ['<scenario id or file> [--json]'],
		flags: [json],
		examples: ['brink evidence russia-arms-to-iran'],
		exits: [
			[0, 'report printed, every quote found in its source'],
			[1, `a quote is not found in its source, or ${notLoaded}`],
			[2, 'bad arguments']
		]
	},
	ingest: {
		summary: 'a scraped text as a source: scenarios/sources/<id>.txt and <id>.yaml',
		usage: [
			'<raw text file> --id <source-id> --title "<title>" [--date D | --date-from D --date-to D] [--genre G] [--author A] [--outlet O] [--url U] [--drop-lines 1-6,9] [--note "…"] [--out folder] [--check]'
		],
		flags: [
			{ name: 'id', value: 'source-id', text: "the source's id, also its files' names (required)" },
			{ name: 'title', value: '"title"', text: "the source's title (required)" },
			{ name: 'date', value: 'D', text: 'its date: 2024-08-05, 2024-08 or 2024' },
			{ name: 'date-from', value: 'D', text: 'the earliest date it can have (with --date-to)' },
			{ name: 'date-to', value: 'D', text: 'the latest date it can have (with --date-from)' },
			{ name: 'genre', value: 'opinion|news|analysis|official', text: 'what kind of text it is' },
			{ name: 'author', value: 'A', text: 'who wrote it' },
			{ name: 'outlet', value: 'O', text: 'where it was published' },
			{ name: 'url', value: 'U', text: 'where it was found' },
			{
				name: 'drop-lines',
				value: '1-6,9',
				text: 'raw lines to drop besides repeated boilerplate'
			},
			{ name: 'note', value: '"…"', text: 'a note kept in the metadata' },
			{ name: 'out', value: 'folder', text: 'where to write (default scenarios/sources/)' },
			{ name: 'check', text: 'write nothing; exit 1 when the stored files differ' }
		],
		examples: [
			'brink ingest scrape.txt --id my-source --title "A speech" --date 2024-08-05 --drop-lines 1-6 --check'
		],
		exits: [
			[0, 'written, or up to date'],
			[1, 'the raw file is refused, or with --check the stored files differ'],
			[2, 'bad arguments']
		]
	},
	schema: {
		summary: 'regenerate the JSON Schemas editors use for scenarios, sources and event logs',
		usage: ['[--check]'],
		flags: [{ name: 'check', text: 'write nothing; exit 1 when a committed schema is stale' }],
		examples: ['brink schema', 'brink schema --check'],
		exits: [
			[0, 'written, or up to date'],
			[1, 'with --check, a schema file is missing or stale'],
			[2, 'bad arguments']
		]
	},
	bench: {
		summary:
			"the engine's Monte Carlo against XState actors and a hand-written loop; exploration on compiled tables against XState's transition",
		usage: ['[scenario id or file] [--runs N] [--actor-runs N] [--seed S] [--quick] [--json]'],
		flags: [
			{ name: 'runs', value: 'N', text: 'engine runs (default 5,000,000)' },
			{ name: 'actor-runs', value: 'N', text: 'runs of one XState actor each (default 5,000)' },
			{ name: 'seed', value: 'S', text: 'the random seed (default 2024)' },
			{
				name: 'quick',
				text: 'the exploration part on small scenarios, in seconds (checks that it runs; not figures to report)'
			},
			json
		],
		examples: ['brink bench regional-escalation --runs 1000000'],
		exits: [
			[0, 'figures printed, the tallies identical'],
			[1, `the tallies differ, or ${notLoaded}`],
			[2, 'bad arguments']
		]
	}
} satisfies Record<string, CommandHelp>;

export type CommandName = keyof typeof commands;

export const commandNames = Object.keys(commands) as CommandName[];

export const isCommand = (name: string): name is CommandName =>
	Object.prototype.hasOwnProperty.call(commands, name);

function flagLine({ name, value, repeat, short }: Flag): string {
	return `${short ? `-${short}, ` : ''}--${name}${value ? ` ${value}` : ''}${repeat ? ' …' : ''}`;
}

/** `brink <command> --help`. */
export function commandHelp(name: CommandName): string {
	const help: CommandHelp = commands[name];
	const flags = [...help.flags, { name: 'help', short: 'h', text: 'this help' }];
	const width = Math.max(...flags.map((f) => flagLine(f).length));
	return [
		`brink ${name}: ${help.summary}`,
		'',
		'usage:',
		...help.usage.map((u) => `  brink ${name} ${u}`),
		'',
		'flags:',
		...flags.map((f) => `  ${flagLine(f).padEnd(width)}  ${f.text}`),
		'',
		`example${help.examples.length > 1 ? 's' : ''}:`,
		...help.examples.map((e) => `  ${e}`),
		'',
		'exit codes:',
		...help.exits.map(([code, meaning]) => `  ${code}  ${meaning}`),
		''
	].join('\n');
}

/** `brink --help`. */
export function overview(version: string | undefined): string {
	const width = Math.max(...commandNames.map((n) => n.length));
	return [
		`brink${version ? ` ${version}` : ''}: escalation scenarios from the command line`,
		'',
		'usage: brink <command> [arguments]   (npx brink … in the project)',
		'',
		'commands:',
		...commandNames.map((n) => `  ${n.padEnd(width)}  ${commands[n].summary}`),
		'',
		'  brink <command> --help   usage, flags, an example and the exit codes of one command',
		'  brink --version          the version',
		'',
		'A scenario is named by its id (a file in scenarios/) or by a path. docs/scenario-format.md',
		'describes the files; README.md lists the commands.',
		''
	].join('\n');
}
