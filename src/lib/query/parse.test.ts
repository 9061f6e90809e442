import { describe, expect, it } from 'vitest';
import type { Expression } from './ast';
import { parseExpression } from './parse';

function parsed(text: string): Expression {
	const result = parseExpression(text);
	if (!result.ok) throw new Error(`${result.error.message} at ${result.error.column}`);
	return result.expression;
}

/** The tree without positions, to compare shapes. */
function shape(e: unknown): unknown {
	if (Array.isArray(e)) return e.map(shape);
	if (e === null || typeof e !== 'object') return e;
	return Object.fromEntries(
		Object.entries(e)
			.filter(([k]) => k !== 'start' && k !== 'end')
			.map(([k, v]) => [k, shape(v)])
	);
}

const name = (text: string) => ({ text });

describe('parseExpression: every construct', () => {
	const cases: { input: string; expected: unknown }[] = [
		{
			input: 'P(crisis.north.directWar) >= 0.95',
			expected: {
				kind: 'compare',
				op: '>=',
				left: { kind: 'probability', event: name('crisis.north.directWar'), under: [], scale: 1 },
				right: { kind: 'number', value: 0.95 }
			}
		},
		{
			input: 'E[russiaPosition] < 95%',
			expected: {
				kind: 'compare',
				op: '<',
				left: { kind: 'expectation', dimension: name('russiaPosition'), under: [], scale: 1 },
				right: { kind: 'number', value: 0.95 }
			}
		},
		{
			input: 'E[x] under a.b=c, d.e=f <= E[x] under a.b=g',
			expected: {
				kind: 'compare',
				op: '<=',
				left: {
					kind: 'expectation',
					dimension: name('x'),
					under: [
						{ choice: name('a.b'), option: name('c') },
						{ choice: name('d.e'), option: name('f') }
					],
					scale: 1
				},
				right: {
					kind: 'expectation',
					dimension: name('x'),
					under: [{ choice: name('a.b'), option: name('g') }],
					scale: 1
				}
			}
		},
		{
			input: 'P(war) >= 95 % * P(crisis)',
			expected: {
				kind: 'compare',
				op: '>=',
				left: { kind: 'probability', event: name('war'), under: [], scale: 1 },
				right: { kind: 'probability', event: name('crisis'), under: [], scale: 0.95 }
			}
		},
		{
			input: 'not (P(a) > 0.5 or P(b) > 0.5) and P(c) ≤ .1',
			expected: {
				kind: 'and',
				left: {
					kind: 'not',
					operand: {
						kind: 'or',
						left: {
							kind: 'compare',
							op: '>',
							left: { kind: 'probability', event: name('a'), under: [], scale: 1 },
							right: { kind: 'number', value: 0.5 }
						},
						right: {
							kind: 'compare',
							op: '>',
							left: { kind: 'probability', event: name('b'), under: [], scale: 1 },
							right: { kind: 'number', value: 0.5 }
						}
					}
				},
				right: {
					kind: 'compare',
					op: '<=',
					left: { kind: 'probability', event: name('c'), under: [], scale: 1 },
					right: { kind: 'number', value: 0.1 }
				}
			}
		}
	];
	it.each(cases)('$input', ({ input, expected }) => {
		expect(shape(parsed(input))).toEqual(expected);
	});

	it('binds and tighter than or', () => {
		const e = parsed('P(a) > 0 or P(b) > 0 and P(c) > 0');
		expect(e.kind).toBe('or');
		expect(e.kind === 'or' && e.right.kind).toBe('and');
	});

	it('keeps where each part stands', () => {
		const e = parsed('P(a) < E[dim] under x.y=z');
		if (e.kind !== 'compare' || e.right.kind !== 'expectation') throw new Error('shape');
		expect([e.start, e.end]).toEqual([0, 25]);
		expect(e.right.dimension).toEqual({ text: 'dim', start: 9, end: 12 });
		expect(e.right.under[0].option).toEqual({ text: 'z', start: 24, end: 25 });
	});

	it('parses what observations will use, within k and a condition', () => {
		const e = parsed('P(crisis.north.directWar within 6 | crisis.arms.inService) > 0.1');
		if (e.kind !== 'compare' || e.left.kind !== 'probability') throw new Error('shape');
		expect(e.left.within?.steps).toBe(6);
		expect(e.left.given?.text).toBe('crisis.arms.inService');
	});
});

describe('parseExpression: errors at their column, with a hint', () => {
	const errors: { input: string; column: number; message: RegExp; hint?: RegExp }[] = [
		{ input: '', column: 1, message: /empty expression/, hint: /P\(state\.path\)/ },
		{ input: 'P(a)', column: 5, message: /expected a comparison .*found the end/ },
		{ input: 'P(a) = 1', column: 6, message: /expected a comparison/ },
		{ input: 'P(a) == 1', column: 6, message: /"==" is not a comparison/, hint: /<, <=, > or >=/ },
		{ input: 'P(a) < 1 < 2', column: 10, message: /cannot be chained/, hint: /and/ },
		{ input: 'P(a) < 1 P(b)', column: 10, message: /expected and, or, or the end/ },
		{ input: 'P(a < 1', column: 5, message: /expected "\)" to close P\(/ },
		{ input: 'E(x) > 1', column: 2, message: /expected "\[" after E/, hint: /E\[dimension\]/ },
		{ input: 'E[x > 1', column: 5, message: /"\]" to close E\[/ },
		{ input: 'p(a) > 1', column: 1, message: /"p" is not a measure/, hint: /capitals/ },
		{
			input: 'war > 1',
			column: 1,
			message: /expected a number, P\(…\) or E\[…\]/,
			hint: /P\(war\)/
		},
		{ input: '(P(a) > 1', column: 10, message: /expected "\)"/, hint: /column 1/ },
		{ input: 'P(a) > 1 & P(b) > 1', column: 10, message: /unexpected character "&"/, hint: /and/ },
		{ input: 'P(a) under x.y > 1', column: 16, message: /expected "=" after x\.y/ },
		{ input: 'P(a) under x.y= > 1', column: 17, message: /expected an option/ },
		{ input: 'P(under) > 1', column: 3, message: /"under" is a keyword/ },
		{ input: '0.5 * 2 > 1', column: 7, message: /P\(…\) or E\[…\] after "\*"/ },
		{ input: 'P(a within) > 1', column: 11, message: /a number of steps after within/ },
		{ input: 'P(a |) > 1', column: 6, message: /a state path after "\|"/ }
	];
	it.each(errors)('$input', ({ input, column, message, hint }) => {
		const result = parseExpression(input);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.error.message).toMatch(message);
		expect(result.error.column).toBe(column);
		if (hint) expect(result.error.hint).toMatch(hint);
	});
});
