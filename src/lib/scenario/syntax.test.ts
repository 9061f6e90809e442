import { describe, expect, it } from 'vitest';
import { parseText } from './parse';

/** Syntax errors reach the user through parseText; syntaxDiagnostics explains them. */
function firstProblem(text: string) {
	const result = parseText('bad.yaml', text);
	expect(result.ok).toBe(false);
	return result.ok ? undefined : result.diagnostics[0];
}

describe('syntaxDiagnostics', () => {
	it.each([
		{
			name: 'a key indented deeper than the key above it',
			text: 'id: x\n   title: X\nsources: []\n',
			expected: {
				line: 2,
				column: 4,
				message: '"title" is indented more than the key above it',
				hint: 'line it up with id:, or give id: no value on its line if title belongs under it'
			}
		},
		{
			name: 'an unclosed single quote, pointed at where it opens',
			text: "a: 1\nb: 'open\nc: 2\nd: 3\n",
			expected: {
				line: 2,
				column: 4,
				message: 'the single quote opened here is never closed',
				hint: "end the text with ', and write a ' inside it as ''"
			}
		},
		{
			name: 'an unclosed double quote',
			text: 'a: "open\nc: 2\n',
			expected: { line: 1, column: 4, message: 'the double quote opened here is never closed' }
		},
		{
			name: 'a comma left out in JSON, pointed at the end of the item before',
			text: '{\n\t"a": "x"\n\t"b": "y"\n}\n',
			expected: {
				line: 2,
				column: 10,
				message: 'missing comma between two items',
				hint: 'add a comma at the end of line 2'
			}
		},
		{
			name: 'a duplicate key in a nested mapping',
			text: 'a:\n  b: 1\n  c: 2\n  b: 3\n',
			expected: {
				line: 4,
				column: 3,
				message: 'key "b" appears twice in this mapping: first at line 2',
				hint: 'keep one "b": rename this one, or merge the two'
			}
		}
	])('$name', ({ text, expected }) => {
		expect(firstProblem(text)).toMatchObject({ path: '(syntax)', severity: 'error', ...expected });
	});

	it('keeps the library wording, with a hint, where it cannot say more', () => {
		expect(firstProblem('a: b: c\n')).toMatchObject({
			line: 1,
			message: expect.stringMatching(/^Nested mappings/),
			hint: expect.any(String)
		});
	});

	it('leaves a tab-indented line to the tab message', () => {
		const result = parseText('bad.yaml', 'a:\n  b: 1\n\tc: 2\n');
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.diagnostics.map((d) => d.message)).not.toContain(
			'"c" is indented more than the key above it'
		);
	});
});
