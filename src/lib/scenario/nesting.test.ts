import { describe, expect, it } from 'vitest';
import { scanNesting } from './nesting';

describe('scanNesting: depth', () => {
	it.each([
		{ name: 'a flat mapping', input: 'a: 1\nb: 2\n', depth: 1 },
		{ name: 'block mappings', input: 'a:\n  b:\n    c: 1\n', depth: 3 },
		{ name: 'a flow list in a mapping', input: 'a: [[1]]\n', depth: 3 },
		{ name: 'flow maps', input: 'a: {b: {c: 1}}\n', depth: 3 },
		{ name: 'JSON', input: '{"a":[1,{"b":[2]}]}', depth: 4 },
		{
			name: 'JSON over lines, indented with tabs',
			input: '{\n\t"a": [\n\t\t1\n\t]\n}\n',
			depth: 2
		},
		{ name: 'compact nested lists', input: '- - a: 1\n', depth: 3 },
		{ name: 'brackets in single quotes', input: "t: 'x [[[[ {{ '\n", depth: 1 },
		{ name: "an escaped '' in single quotes", input: "t: 'it''s [[['\n", depth: 1 },
		{ name: 'brackets in double quotes', input: 't: "a \\" [[[["\n', depth: 1 },
		{ name: 'brackets in a quoted key', input: '"[[[": 1\n', depth: 1 },
		{ name: 'brackets in comments', input: '# [[[[\na: 1 # {{{{\n', depth: 1 },
		{ name: 'a literal block scalar', input: 'x: |\n  [[[[[\n\n  {{{{\ny: 1\n', depth: 1 },
		{ name: 'a folded block scalar', input: 'x: >-\n  [[[[\n  {{{{\n', depth: 1 },
		{
			name: 'an unbalanced bracket in plain text',
			input: 't: see [1\nu: it is ]] odd\n',
			depth: 1
		},
		{ name: 'an apostrophe in plain text', input: "t: don't [stop\nu: [1]\n", depth: 2 },
		{ name: 'an anchor before a list', input: 'a: &x [1, [2]]\n', depth: 3 },
		{ name: 'a multi-line quoted string', input: 'a: "x\n  [[[[ y"\nb: [1]\n', depth: 2 }
	])('$name: depth $depth', ({ input, depth }) => {
		expect(scanNesting(input, 64)).toEqual({ depth });
	});

	it.each([
		{
			name: 'flow lists',
			input: `a: ${'['.repeat(2000)}${']'.repeat(2000)}\n`,
			at: { line: 1, column: 67 }
		},
		{
			name: 'flow maps',
			input: `${'{a: '.repeat(100)}1${'}'.repeat(100)}\n`,
			at: { line: 1, column: 4 * 64 + 1 }
		},
		{
			name: 'JSON arrays',
			input: `${'['.repeat(100)}${']'.repeat(100)}`,
			at: { line: 1, column: 65 }
		},
		{
			name: 'block mappings',
			input: Array.from({ length: 100 }, (_, i) => `${' '.repeat(i)}a:`).join('\n'),
			at: { line: 65, column: 65 }
		},
		{
			name: 'block lists',
			input: Array.from({ length: 100 }, (_, i) => `${'  '.repeat(i)}-`).join('\n'),
			at: { line: 65, column: 129 }
		}
	])('stops at the first level over the limit: $name', ({ input, at }) => {
		const result = scanNesting(input, 64);
		expect(result.tooDeep).toEqual(at);
		expect(result.depth).toBe(65);
	});

	it('allows exactly the limit', () => {
		expect(scanNesting(`${'['.repeat(4)}${']'.repeat(4)}`, 4).tooDeep).toBeUndefined();
		expect(scanNesting(`${'['.repeat(5)}${']'.repeat(5)}`, 4).tooDeep).toEqual({
			line: 1,
			column: 5
		});
	});

	it('does not count brackets inside strings, comments or block scalars, however many', () => {
		const many = '['.repeat(500);
		const input = `a: '${many}'\nb: "${many}"\n# ${many}\nc: |\n  ${many}\nd: x ${many}\n`;
		expect(scanNesting(input, 64)).toEqual({ depth: 1 });
	});
});

describe('scanNesting: unclosed quotes', () => {
	it.each([
		{ input: "a: 'never closed\nb: 1\n", at: { line: 1, column: 4, quote: "'" } },
		{ input: 'a: ok\nb:\n  - "open [\n', at: { line: 3, column: 5, quote: '"' } },
		{ input: 'a: "ends with \\"\n', at: { line: 1, column: 4, quote: '"' } }
	])('finds where $input opens its quote', ({ input, at }) => {
		expect(scanNesting(input, 64).unclosedQuote).toEqual(at);
	});

	it('ignores apostrophes in plain text and comments', () => {
		expect(scanNesting("a: don't\n# it's\nb: [x, it's]\n", 64).unclosedQuote).toBeUndefined();
	});
});
