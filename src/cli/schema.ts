/**
 * `npm run schema [-- --check]`: the JSON Schemas that give editors autocompletion and checking
 * for scenario files (scenarios/scenario.schema.json), source metadata files
 * (scenarios/sources/source.schema.json) and event logs (scenarios/events/event-log.schema.json),
 * generated from the Zod schema in
 * src/lib/scenario/schema.ts and laid out by Prettier with the project's settings (so that they
 * pass `npm run lint` like every other file). With `--check`, write nothing and exit 1 when a
 * committed file is stale.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { format, resolveConfig } from 'prettier';
import { z } from 'zod';
import { eventLogSchema } from '../lib/scenario/eventLogSchema';
import {
	conditionSchema,
	scenarioSchema,
	sourceMetaSchema,
	stateNodeSchema
} from '../lib/scenario/schema';
import { runAsScript, UsageError, out, err } from './run';

const usage = 'usage: npm run schema [-- --check]';

/** The two generated files, relative to the scenarios folder. */
export const schemaFiles = {
	scenario: 'scenario.schema.json',
	source: 'sources/source.schema.json',
	events: 'events/event-log.schema.json'
} as const;

export type SchemaKind = keyof typeof schemaFiles;

const headers: Record<SchemaKind, { $id: string; title: string; description: string }> = {
	scenario: {
		$id: 'urn:brink:scenario.schema.json',
		title: 'Brink scenario',
		description:
			'An escalation scenario for Brink: actors and their choices, indicators, outcome dimensions, and a statechart whose transitions carry likelihoods and evidence. Generated from src/lib/scenario/schema.ts by `npm run schema`; docs/scenario-format.md explains each field.'
	},
	source: {
		$id: 'urn:brink:source.schema.json',
		title: 'Brink source metadata',
		description:
			'Metadata of a source a scenario cites, stored as scenarios/sources/<id>.yaml beside its text file. Generated from src/lib/scenario/schema.ts by `npm run schema`; docs/scenario-format.md explains each field.'
	},
	events: {
		$id: 'urn:brink:event-log.schema.json',
		title: 'Brink event log',
		description:
			'What happened after a scenario\'s source, as public reports tell it, and what each event resolves in the model: scenarios/events/<id>.yaml. Generated from src/lib/scenario/eventLogSchema.ts by `npm run schema`; docs/scenario-format.md ("Event logs") explains each field.'
	}
};

/** Readable names for the recursive parts, which Zod would otherwise call __schema0, __schema1. */
const defNames = new Map<z.core.$ZodType, string>([
	[stateNodeSchema, 'stateNode'],
	[conditionSchema, 'condition']
]);

/**
 * The descriptions given with `.describe()` live in Zod's global registry; this registry answers
 * with them and adds the names above, without changing the global one.
 */
function namingRegistry() {
	const registry = z.registry<z.core.JSONSchemaMeta>();
	registry.get = (schema) => {
		const meta = z.globalRegistry.get(schema);
		const id = defNames.get(schema);
		return id === undefined ? meta : { ...meta, id };
	};
	return registry;
}

/**
 * The JSON Schema of one file as JSON text: input mode, so fields with a default are optional;
 * `$id`, `title` and `description` first; indented by two spaces, with a trailing newline.
 * `schemaJson('scenario')` starts with `{\n  "$schema": "https://json-schema.org/draft/2020-12/schema",`.
 */
export function schemaJson(kind: SchemaKind): string {
	const zodSchema = { scenario: scenarioSchema, source: sourceMetaSchema, events: eventLogSchema }[
		kind
	];
	const { $schema, ...body } = z.toJSONSchema(zodSchema, {
		io: 'input',
		metadata: namingRegistry()
	});
	const json = { $schema, ...headers[kind], ...body };
	return `${JSON.stringify(json, null, 2)}\n`;
}

const defaultDir = resolve(fileURLToPath(new URL('../../scenarios', import.meta.url)));

/** The text of one committed file: `schemaJson` laid out as Prettier lays out the project's JSON. */
export async function schemaText(kind: SchemaKind): Promise<string> {
	const path = join(defaultDir, schemaFiles[kind]);
	// The project's settings for this path; plugins are left out, as JSON needs none.
	const { plugins: _plugins, ...options } = (await resolveConfig(path)) ?? {};
	return format(schemaJson(kind), { ...options, filepath: path });
}

export const options = { check: { type: 'boolean' } } as const;

/** `--check` or nothing; anything else is refused in one line. */
function parseFlags(args: string[]): boolean {
	try {
		const { values } = parseArgs({ args, options, strict: true });
		return values.check === true;
	} catch (error) {
		throw new UsageError(`${(error as Error).message} (${usage})`);
	}
}

/** Write the files, or with `check` only compare them; returns the exit code. */
export async function main(
	args = process.argv.slice(2),
	scenariosDir = defaultDir
): Promise<number> {
	const check = parseFlags(args);
	let stale = 0;
	for (const kind of Object.keys(schemaFiles) as SchemaKind[]) {
		const path = join(scenariosDir, schemaFiles[kind]);
		const shown = relative(process.cwd(), path) || path;
		const text = await schemaText(kind);
		const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
		if (current === text) {
			out(`${shown}: up to date\n`);
		} else if (check) {
			stale++;
			const why =
				current === undefined
					? 'is missing'
					: 'differs from the schema in src/lib/scenario/schema.ts';
			err(`${shown}: ${why} (hint: run npm run schema)\n`);
		} else {
			mkdirSync(dirname(path), { recursive: true });
			writeFileSync(path, text);
			out(`${shown}: written\n`);
		}
	}
	return stale > 0 ? 1 : 0;
}

// Run only as a script, so that importing this module (as the tests do) writes nothing.
runAsScript(import.meta.url, main);
