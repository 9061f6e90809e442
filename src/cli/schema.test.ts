import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { estimativeTerms } from '../lib/scenario/icd203';
import { main, schemaFiles, schemaJson, schemaText, type SchemaKind } from './schema';

const scenariosDir = new URL('../../scenarios/', import.meta.url);
const fixtures = new URL('../../tests/fixtures/valid/', import.meta.url);

type Schema = Record<string, unknown>;

/** Keywords that only annotate; the checker below skips them. */
const annotations = new Set(['$schema', '$id', '$defs', 'title', 'description', 'default']);

/**
 * A small JSON Schema (2020-12) checker for the keywords Zod emits here, so that the committed
 * file is tested as an editor would read it, without Zod. It refuses a keyword it does not know,
 * so a new kind of field cannot pass unchecked. Returns the problems as `path: message` lines.
 */
function check(root: Schema, schema: Schema, value: unknown, path = '$'): string[] {
	const problems: string[] = [];
	const isObject = (v: unknown): v is Record<string, unknown> =>
		typeof v === 'object' && v !== null && !Array.isArray(v);
	for (const [keyword, rule] of Object.entries(schema)) {
		if (annotations.has(keyword)) continue;
		switch (keyword) {
			case '$ref': {
				const name = String(rule).replace('#/$defs/', '');
				problems.push(...check(root, (root.$defs as Record<string, Schema>)[name], value, path));
				break;
			}
			case 'type': {
				const types = Array.isArray(rule) ? rule : [rule];
				const actual = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
				const integer = types.includes('integer') && Number.isInteger(value);
				if (!types.includes(actual) && !integer)
					problems.push(`${path}: expected ${types.join(' or ')}`);
				break;
			}
			case 'enum':
				if (!(rule as unknown[]).includes(value)) problems.push(`${path}: not in enum`);
				break;
			case 'const':
				if (value !== rule) problems.push(`${path}: not ${JSON.stringify(rule)}`);
				break;
			case 'pattern':
				if (typeof value === 'string' && !new RegExp(rule as string, 'u').test(value)) {
					problems.push(`${path}: does not match ${String(rule)}`);
				}
				break;
			case 'minLength':
				if (typeof value === 'string' && value.length < (rule as number)) {
					problems.push(`${path}: too short`);
				}
				break;
			case 'minimum':
				if (typeof value === 'number' && value < (rule as number))
					problems.push(`${path}: too small`);
				break;
			case 'exclusiveMinimum':
				if (typeof value === 'number' && value <= (rule as number))
					problems.push(`${path}: too small`);
				break;
			case 'maximum':
				if (typeof value === 'number' && value > (rule as number))
					problems.push(`${path}: too large`);
				break;
			case 'minItems':
				if (Array.isArray(value) && value.length < (rule as number))
					problems.push(`${path}: too few items`);
				break;
			case 'maxItems':
				if (Array.isArray(value) && value.length > (rule as number))
					problems.push(`${path}: too many items`);
				break;
			case 'prefixItems':
				if (Array.isArray(value)) {
					(rule as Schema[]).forEach((item, i) => {
						if (i < value.length) problems.push(...check(root, item, value[i], `${path}[${i}]`));
					});
				}
				break;
			case 'items':
				if (Array.isArray(value)) {
					const start = Array.isArray(schema.prefixItems) ? schema.prefixItems.length : 0;
					value.slice(start).forEach((item, i) => {
						if (rule === false) problems.push(`${path}[${start + i}]: no item allowed`);
						else problems.push(...check(root, rule as Schema, item, `${path}[${start + i}]`));
					});
				}
				break;
			case 'required':
				if (isObject(value)) {
					for (const key of rule as string[]) {
						if (!(key in value)) problems.push(`${path}: missing required "${key}"`);
					}
				}
				break;
			case 'properties':
				if (isObject(value)) {
					for (const [key, sub] of Object.entries(rule as Record<string, Schema>)) {
						if (key in value) problems.push(...check(root, sub, value[key], `${path}.${key}`));
					}
				}
				break;
			case 'propertyNames':
				if (isObject(value)) {
					for (const key of Object.keys(value)) {
						problems.push(...check(root, rule as Schema, key, `${path} key "${key}"`));
					}
				}
				break;
			case 'additionalProperties':
				if (isObject(value)) {
					const known = Object.keys((schema.properties as Schema | undefined) ?? {});
					for (const [key, v] of Object.entries(value)) {
						if (known.includes(key)) continue;
						if (rule === false) problems.push(`${path}: unknown field "${key}"`);
						else problems.push(...check(root, rule as Schema, v, `${path}.${key}`));
					}
				}
				break;
			case 'anyOf': {
				const branches = (rule as Schema[]).map((branch) => check(root, branch, value, path));
				if (branches.every((b) => b.length > 0)) problems.push(`${path}: matches no form`);
				break;
			}
			default:
				throw new Error(`the test's checker does not know the keyword "${keyword}"`);
		}
	}
	return problems;
}

const committed = (kind: SchemaKind) =>
	JSON.parse(readFileSync(new URL(schemaFiles[kind], scenariosDir), 'utf8')) as Schema;
const fixture = (name: string) => parseYaml(readFileSync(new URL(name, fixtures), 'utf8'));
const checkScenario = (value: unknown) =>
	check(committed('scenario'), committed('scenario'), value);

/** The ladder fixture with one transition's likelihood replaced. */
function withLikelihood(likelihood: unknown) {
	const scenario = fixture('ladder.yaml');
	scenario.statechart.states.talks.on[0].likelihood = likelihood;
	return scenario;
}

describe('committed schema files', () => {
	it.each(Object.keys(schemaFiles) as SchemaKind[])(
		'%s schema equals what npm run schema generates',
		async (kind) => {
			const text = readFileSync(new URL(schemaFiles[kind], scenariosDir), 'utf8');
			expect(text).toBe(await schemaText(kind));
			expect(JSON.parse(text)).toEqual(JSON.parse(schemaJson(kind)));
		}
	);

	it('names the schemas and ends with a newline', () => {
		for (const kind of Object.keys(schemaFiles) as SchemaKind[]) {
			const text = schemaJson(kind);
			const schema = JSON.parse(text);
			expect(Object.keys(schema).slice(0, 4)).toEqual(['$schema', '$id', 'title', 'description']);
			expect(text.endsWith('}\n')).toBe(true);
		}
	});
});

describe('the scenario schema as a plain JSON Schema', () => {
	it('accepts the valid fixtures', () => {
		expect(checkScenario(fixture('ladder.yaml'))).toEqual([]);
		expect(checkScenario(fixture('regions.yaml'))).toEqual([]);
	});

	it('requires id, title, actors and statechart, and not the defaulted fields', () => {
		expect(committed('scenario').required).toEqual(['id', 'title', 'actors', 'statechart']);
		const scenario = fixture('ladder.yaml');
		delete scenario.actors;
		delete scenario.statechart;
		delete scenario.sources;
		delete scenario.indicators;
		expect(checkScenario(scenario)).toEqual([
			'$: missing required "actors"',
			'$: missing required "statechart"'
		]);
	});

	it.each([...estimativeTerms, 0, 0.4, 1, [0.2, 0.45], 'rest', { term: 'likely', basis: 'could' }])(
		'allows likelihood %j',
		(likelihood) => {
			expect(checkScenario(withLikelihood(likelihood))).toEqual([]);
		}
	);

	it.each([
		'guaranteed',
		'Likely',
		1.5,
		-0.1,
		[0.2],
		[0.2, 0.3, 0.4],
		{ rest: false },
		{ odds: 2 }
	])('refuses likelihood %j', (likelihood) => {
		expect(checkScenario(withLikelihood(likelihood))).toContain(
			'$.statechart.states.talks.on[0].likelihood: matches no form'
		);
	});

	it('refuses unknown fields and bad ids in nested states', () => {
		const scenario = fixture('ladder.yaml');
		scenario.statechart.states.talks.on[0].targt = 'crisis';
		scenario.statechart.states['2nd'] = { type: 'final' };
		expect(checkScenario(scenario)).toEqual([
			'$.statechart.states key "2nd": does not match ^[A-Za-z][A-Za-z0-9_-]*$',
			'$.statechart.states.talks.on[0]: unknown field "targt"'
		]);
	});

	it('describes every condition form', () => {
		const conditions = [
			{ choice: 'west.posture', is: 'press' },
			{ choice: 'west.posture', isNot: ['wait', 'press'] },
			{ in: 'crisis' },
			{ notIn: 'crisis' },
			{ indicator: 'escalation', atLeast: 1 },
			{ all: [{ in: 'crisis' }] },
			{ any: [{ in: 'crisis' }, { not: { indicator: 'escalation', atMost: 0 } }] }
		];
		const scenario = fixture('ladder.yaml');
		scenario.statechart.states.talks.on[0].when = conditions;
		expect(checkScenario(scenario)).toEqual([]);
		scenario.statechart.states.talks.on[0].when = { choice: 'west.posture', equals: 'press' };
		expect(checkScenario(scenario)).toEqual([
			'$.statechart.states.talks.on[0].when: matches no form'
		]);
	});
});

describe('the source metadata schema as a plain JSON Schema', () => {
	it('accepts the fixture and requires id, title and file', () => {
		const schema = committed('source');
		const memo = fixture('sources/memo.yaml');
		expect(check(schema, schema, memo)).toEqual([]);
		expect(
			check(schema, schema, { ...memo, date: { from: '2024-08-01', to: '2024-08-07' } })
		).toEqual([]);
		expect(check(schema, schema, { title: 'x', outlet: 3 }).sort()).toEqual([
			'$.outlet: expected string or null',
			'$: missing required "file"',
			'$: missing required "id"'
		]);
	});
});

describe('the evidence position hint and the ingestion record', () => {
	it('allows start as a whole number from 0, and nothing else', () => {
		const withStart = (start: unknown) => {
			const scenario = fixture('ladder.yaml');
			scenario.statechart.states.talks.on[0].evidence[0].start = start;
			return checkScenario(scenario);
		};
		expect(withStart(0)).toEqual([]);
		expect(withStart(132)).toEqual([]);
		const at = '$.statechart.states.talks.on[0].evidence[0].start';
		expect(withStart(-1)).toEqual([`${at}: too small`]);
		expect(withStart(1.5)).toEqual([`${at}: expected integer`]);
		expect(withStart('0')).toEqual([`${at}: expected integer`]);
	});

	it('accepts the shipped source metadata with its ingestion record, and checks the record', () => {
		const schema = committed('source');
		const meta = parseYaml(
			readFileSync(new URL('sources/putin-iran-2024.yaml', scenariosDir), 'utf8')
		);
		expect(meta.ingest.dropped.length).toBeGreaterThan(0);
		expect(check(schema, schema, meta)).toEqual([]);
		const bad = structuredClone(meta);
		bad.ingest.sha256 = 'xyz';
		bad.ingest.dropped[0].from = 0;
		delete bad.ingest.dropped[0].reason;
		expect(check(schema, schema, bad).sort()).toEqual([
			'$.ingest.dropped[0].from: too small',
			'$.ingest.dropped[0]: missing required "reason"',
			'$.ingest.sha256: does not match ^[0-9a-f]{64}$'
		]);
	});
});

describe('npm run schema', () => {
	let dir: string | undefined;
	afterEach(() => {
		vi.restoreAllMocks();
		if (dir) rmSync(dir, { recursive: true, force: true });
	});

	it('with --check writes nothing and fails on a missing file; without it writes both files', async () => {
		vi.spyOn(process.stdout, 'write').mockReturnValue(true);
		const stderr = vi.spyOn(process.stderr, 'write').mockReturnValue(true);
		dir = mkdtempSync(join(tmpdir(), 'brink-schema-'));
		expect(await main(['--check'], dir)).toBe(1);
		expect(existsSync(join(dir, schemaFiles.scenario))).toBe(false);
		expect(String(stderr.mock.calls[0][0])).toMatch(/scenario\.schema\.json: is missing/);

		expect(await main([], dir)).toBe(0);
		for (const kind of Object.keys(schemaFiles) as SchemaKind[]) {
			expect(readFileSync(join(dir, schemaFiles[kind]), 'utf8')).toBe(await schemaText(kind));
		}
		expect(await main(['--check'], dir)).toBe(0);
	});

	it('refuses an unknown flag in one line', async () => {
		await expect(main(['--bogus'])).rejects.toThrow(
			/^Unknown option '--bogus' \(usage: npm run schema/
		);
	});
});

describe('the event log schema as a plain JSON Schema', () => {
	const schema = () => committed('events');
	const shipped = (id: string) =>
		parseYaml(readFileSync(new URL(`events/${id}.yaml`, scenariosDir), 'utf8'));

	it('accepts the shipped logs', () => {
		for (const id of ['russia-arms-to-iran', 'israel-russia-ties', 'hezbollah-escalation'])
			expect(check(schema(), schema(), shipped(id))).toEqual([]);
	});

	it('refuses an unknown kind of report and a date not written YYYY-MM-DD', () => {
		const log = shipped('hezbollah-escalation');
		log.events[0].report.kind = 'rumour';
		log.events[0].date = '17 September 2024';
		const problems = check(schema(), schema(), log).join('\n');
		expect(problems).toMatch(/\$\.events\[0\]\.report\.kind/);
		expect(problems).toMatch(/\$\.events\[0\]\.date/);
	});
});
