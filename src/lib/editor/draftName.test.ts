import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isMap, isScalar, parseDocument } from 'yaml';
import { titleOf, toTitledName } from './draftName';

/** The title as the YAML parser reads it, white space collapsed (what titleOf must agree with). */
function parsed(text: string): string | undefined {
	const doc = parseDocument(text, { uniqueKeys: false });
	const node = isMap(doc.contents) ? doc.contents.get('title', true) : undefined;
	const value: unknown = isScalar(node) ? node.value : undefined;
	const title = typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '';
	return title === '' ? undefined : title;
}

describe('titleOf', () => {
	it.each([
		{ what: 'YAML', text: 'id: x\ntitle: Gulf talks\n', expected: 'Gulf talks' },
		{ what: 'quoted, spaced', text: 'title: "  Gulf \\n talks "\n', expected: 'Gulf talks' },
		{ what: 'a block scalar', text: 'title: >-\n  Gulf\n  talks\nid: x\n', expected: 'Gulf talks' },
		{ what: 'JSON', text: '{ "id": "x", "title": "Gulf talks" }', expected: 'Gulf talks' },
		{
			what: 'an error elsewhere',
			text: 'title: Gulf talks\nstatechart: [\n',
			expected: 'Gulf talks'
		},
		{ what: 'no title', text: 'id: x\n', expected: undefined },
		{ what: 'an empty title', text: 'title: "  "\n', expected: undefined },
		{ what: 'a title that is not text', text: 'title: 42\n', expected: undefined },
		{ what: 'a nested title only', text: 'actors:\n  a: { title: Nested }\n', expected: undefined },
		{ what: 'not a map', text: '- title: x\n', expected: undefined },
		{ what: 'nothing', text: '', expected: undefined }
	])('$what → $expected', ({ text, expected }) => {
		expect(titleOf(text)).toBe(expected);
	});

	// A title line read without the parser must read as the parser reads it; any doubt goes to it.
	it.each([
		'title: Gulf talks # a comment\n',
		'title: Gulf\n  talks\nid: x\n',
		'title: Gulf talks\n\n  more\nid: x\n',
		'title: Crisis: talks\n',
		'title: Crisis:\n',
		'title: yes\n',
		'title: true\n',
		'title: null\n',
		'title: 1.5 wars\n',
		'title: -Gulf\n',
		'title: Gulf talks\r\nid: x\r\n',
		'title:   Gulf   talks  \nid: x\n',
		"title: Iran's choice\n",
		'title: Israel–Russia ties (draft)\n',
		'---\ntitle: A\n---\ntitle: B\n',
		'id: x\ntitle: First\ntitle: Second\n',
		'title: Gulf talks'
	])('reads %j as the parser does', (text) => {
		expect(titleOf(text)).toBe(parsed(text));
	});

	it('reads every shipped scenario’s title as the parser does', () => {
		const files = readdirSync('scenarios').filter((f) => f.endsWith('.yaml'));
		expect(files.length).toBeGreaterThan(0);
		for (const file of files) {
			const text = readFileSync(`scenarios/${file}`, 'utf8');
			expect(titleOf(text), file).toBe(parsed(text));
		}
	});

	it('cuts a long title at a word, with an ellipsis', () => {
		const words =
			'Backing Iran could be an even bigger miscalculation for Russia than invading Ukraine was in the end';
		const name = titleOf(`title: ${words}\n`)!;
		expect(name.length).toBeLessThanOrEqual(80);
		expect(name).toBe(
			'Backing Iran could be an even bigger miscalculation for Russia than invading…'
		);
		expect(titleOf(`title: ${'x'.repeat(100)}\n`)).toBe(`${'x'.repeat(79)}…`);
	});
});

describe('toTitledName', () => {
	it.each([
		{
			what: 'the title',
			current: 'New scenario',
			title: 'Gulf talks',
			taken: [],
			expected: 'Gulf talks'
		},
		{
			what: 'numbered past the others',
			current: 'New scenario',
			title: 'Gulf talks',
			taken: ['Gulf talks', 'Gulf talks 2'],
			expected: 'Gulf talks 3'
		},
		{
			what: 'already the title',
			current: 'Gulf talks',
			title: 'Gulf talks',
			taken: [],
			expected: 'Gulf talks'
		},
		{
			what: 'keeps its number when the first is gone',
			current: 'Gulf talks 2',
			title: 'Gulf talks',
			taken: [],
			expected: 'Gulf talks 2'
		},
		{
			what: 'a name another draft took since',
			current: 'Gulf talks',
			title: 'Gulf talks',
			taken: ['Gulf talks'],
			expected: 'Gulf talks 2'
		},
		{
			what: 'a title edited',
			current: 'Gulf talks 2',
			title: 'Gulf war',
			taken: ['Gulf talks'],
			expected: 'Gulf war'
		},
		{
			what: 'a longer title that starts like the name',
			current: 'Gulf',
			title: 'Gulf talks',
			taken: [],
			expected: 'Gulf talks'
		},
		{
			what: 'a name that only starts like the title',
			current: 'Gulf talks, draft',
			title: 'Gulf talks',
			taken: [],
			expected: 'Gulf talks'
		},
		{
			what: 'no title yet',
			current: 'New scenario',
			title: undefined,
			taken: [],
			expected: 'New scenario'
		}
	])('$what: $current → $expected', ({ current, title, taken, expected }) => {
		expect(toTitledName(current, title, taken)).toBe(expected);
	});

	it('does not change the names taken', () => {
		const taken = ['Gulf talks'];
		toTitledName('New scenario', 'Gulf talks', taken);
		expect(taken).toEqual(['Gulf talks']);
	});
});
