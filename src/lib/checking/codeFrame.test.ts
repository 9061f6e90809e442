import { describe, expect, it } from 'vitest';
import { toCodeFrame, type CodeFrame } from './codeFrame';

describe('toCodeFrame', () => {
	const cases: { name: string; input: [string, number, number]; expected: CodeFrame }[] = [
		{
			name: 'a column in a short line',
			input: ['id: x\ntitle: 42\n', 2, 8],
			expected: { line: 2, text: 'title: 42', caret: '       ^' }
		},
		{
			name: 'tabs kept in the caret line, so it lines up',
			input: ['a\n\tb: c\n', 2, 3],
			expected: { line: 2, text: '\tb: c', caret: '\t ^' }
		},
		{
			name: 'a Windows line end is not part of the line',
			input: ['a: 1\r\nb: 2\r\n', 1, 4],
			expected: { line: 1, text: 'a: 1', caret: '   ^' }
		},
		{
			name: 'a byte order mark is not a column',
			input: ['\uFEFFa: 1\n', 1, 1],
			expected: { line: 1, text: 'a: 1', caret: '^' }
		},
		{
			name: 'a column past the end points just after the line',
			input: ['ab\n', 1, 40],
			expected: { line: 1, text: 'ab', caret: '  ^' }
		},
		{
			name: 'a character outside the basic plane takes one caret column',
			input: ['t: 😀 x\n', 1, 7],
			expected: { line: 1, text: 't: 😀 x', caret: '     ^' }
		}
	];
	it.each(cases)('$name', ({ input, expected }) => {
		expect(toCodeFrame(...input)).toEqual(expected);
	});

	it('cuts a long line to a window around the column, marking the cuts', () => {
		const line = `${'a'.repeat(500)}X${'b'.repeat(500)}`;
		const frame = toCodeFrame(line, 1, 501, 20)!;
		expect(frame.text).toBe(`…${'a'.repeat(10)}X${'b'.repeat(9)}…`);
		expect(frame.caret).toBe(`${' '.repeat(11)}^`);
		expect(frame.text[frame.caret.length - 1]).toBe('X');
	});

	it('has no frame for a line the text does not have', () => {
		expect(toCodeFrame('a\n', 0, 1)).toBeUndefined();
		expect(toCodeFrame('a\n', 3, 1)).toBeUndefined();
	});
});
