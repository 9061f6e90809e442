import { describe, expect, it } from 'vitest';
import { toStepKey } from './stepKeys';

describe('toStepKey', () => {
	it.each([
		{ key: '1', expected: { kind: 'option', n: 1 } },
		{ key: '9', expected: { kind: 'option', n: 9 } },
		{ key: 'c', expected: { kind: 'chance' } },
		{ key: 'C', expected: { kind: 'chance' } },
		{ key: 'u', expected: { kind: 'undo' } },
		{ key: 'Backspace', expected: { kind: 'undo' } },
		{ key: 'r', expected: { kind: 'restart' } },
		{ key: '0', expected: undefined },
		{ key: '10', expected: undefined },
		{ key: 'Enter', expected: undefined },
		{ key: 'x', expected: undefined }
	])('$key → $expected', ({ key, expected }) => {
		expect(toStepKey({ key })).toEqual(expected);
	});

	it.each([
		{ name: 'Ctrl+R (reload)', input: { key: 'r', ctrlKey: true } },
		{ name: 'Alt+1', input: { key: '1', altKey: true } },
		{ name: 'Cmd+C (copy)', input: { key: 'c', metaKey: true } },
		{ name: 'typed into a field', input: { key: 'u', target: { tagName: 'INPUT' } } },
		{ name: 'in a menu', input: { key: '2', target: { tagName: 'SELECT' } } },
		{ name: 'in a text area', input: { key: 'r', target: { tagName: 'TEXTAREA' } } },
		{
			name: 'in an editor',
			input: { key: 'c', target: { tagName: 'DIV', isContentEditable: true } }
		}
	])('leaves $name alone', ({ input }) => {
		expect(toStepKey(input)).toBeUndefined();
	});

	it('acts on a button or the page', () => {
		expect(toStepKey({ key: '2', target: { tagName: 'BUTTON' } })).toEqual({
			kind: 'option',
			n: 2
		});
		expect(toStepKey({ key: 'u', target: { tagName: 'BODY' } })).toEqual({ kind: 'undo' });
	});
});
