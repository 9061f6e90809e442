/**
 * What completion reads of a long document as the person types: the lines around the cursor, not
 * the whole text (schemaHints.ts, localProbe). The YAML parser is wrapped to record what it is given.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, test, vi } from 'vitest';
import schemaJson from '../../../scenarios/scenario.schema.json';
import { hintsAt, hoverAt, placeAt, type JsonSchema } from './schemaHints';

const parsed = vi.hoisted(() => [] as number[]);
vi.mock('yaml', async (original) => {
	const yaml = await original<typeof import('yaml')>();
	return {
		...yaml,
		parseDocument: (text: string, ...rest: unknown[]) => {
			parsed.push(text.length);
			return (yaml.parseDocument as (...args: unknown[]) => unknown)(text, ...rest);
		}
	};
});
afterEach(() => {
	parsed.length = 0;
});

const schema = schemaJson as JsonSchema;
const regional = readFileSync('scenarios/regional-escalation.yaml', 'utf8');
const after = (find: string, typed = find) => {
	const at = regional.indexOf(find);
	if (at < 0) throw new Error(`"${find}" not in regional-escalation.yaml`);
	return at + typed.length;
};

describe('a keystroke in a 49 KB scenario reads a small part of it', () => {
	test.each([
		{ name: 'the end of the title line', at: after('title: Regional escalation (the three paths') },
		{ name: 'a stance deep in the statechart', at: after('stance: context', 'stance: con') },
		{ name: 'a key deep in the statechart', at: after('assumption: The model lets Iran', 'assump') }
	])('$name', ({ at }) => {
		expect(placeAt(regional, 'yaml', at)).not.toBeNull();
		hintsAt(schema, regional, 'yaml', at);
		expect(parsed.length).toBeGreaterThan(0);
		expect(parsed.reduce((a, b) => a + b, 0)).toBeLessThan(regional.length / 10);
	});

	test('a hover note', () => {
		expect(hoverAt(schema, regional, 'yaml', after('likelihood: rest', 'likel'))?.title).toBe(
			'likelihood'
		);
		expect(parsed.reduce((a, b) => a + b, 0)).toBeLessThan(regional.length / 10);
	});

	test('the actors after `by:`: the actors section only', () => {
		const hints = hintsAt(schema, regional, 'yaml', after('by: israel', 'by: '));
		expect(hints?.options.map((o) => o.label)).toContain('hezbollah');
		expect(Math.max(...parsed)).toBeLessThan(regional.length / 5);
	});
});
