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
				left: {
					kind: 'probability',
					event: name('crisis.north.directWar'),
					given: [],
					under: [],
					scale: 1
				},
				right: { kind: 'number', value: 0.95 }
			}
		},
		{
			input: 'E[russiaPosition] < 95%',
			expected: {
				kind: 'compare',
				op: '<',
				left: {
					kind: 'expectation',
					dimension: name('russiaPosition'),
					given: [],
					under: [],
					scale: 1
				},
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
					given: [],
					under: [
						{ choice: name('a.b'), option: name('c') },
						{ choice: name('d.e'), option: name('f') }
					],
					scale: 1
				},
				right: {
					kind: 'expectation',
					dimension: name('x'),
					given: [],
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
				left: { kind: 'probability', event: name('war'), given: [], under: [], scale: 1 },
				right: { kind: 'probability', event: name('crisis'), given: [], under: [], scale: 0.95 }
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
							left: { kind: 'probability', event: name('a'), given: [], under: [], scale: 1 },
							right: { kind: 'number', value: 0.5 }
						},
						right: {
							kind: 'compare',
							op: '>',
							left: { kind: 'probability', event: name('b'), given: [], under: [], scale: 1 },
							right: { kind: 'number', value: 0.5 }
						}
					}
				},
				right: {
					kind: 'compare',
					op: '<=',
					left: { kind: 'probability', event: name('c'), given: [], under: [], scale: 1 },
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

	it('parses observations: within k, a condition of several events, not, a transition id', () => {
		const e = parsed(
			'P(crisis.north.directWar within 6 | crisis.arms.inService and not crisis.ties.strained:ties.rupture within 4) > 0.1'
		);
		if (e.kind !== 'compare' || e.left.kind !== 'probability') throw new Error('shape');
		expect(e.left.within).toMatchObject({ steps: 6 });
		expect(shape(e.left.given)).toEqual([
			{ event: name('crisis.arms.inService'), happened: true },
			{
				event: name('crisis.ties.strained:ties.rupture'),
				within: { steps: 4 },
				happened: false
			}
		]);
		expect(e.left.given[1].start).toBe(e.left.given[1].event.start - 4);
	});

	it('parses a curve, an expected score given an event, and expected steps until one', () => {
		const e = parsed('P(a within 1..8) > 0 and E[x | b] > 0 and E[steps until c | not d] < 3');
		const [p, x, steps] = measuresOfShape(e);
		expect(p).toMatchObject({ kind: 'probability', within: { steps: 1, upTo: 8 } });
		expect(shape(x)).toMatchObject({
			kind: 'expectation',
			dimension: name('x'),
			given: [{ event: name('b'), happened: true }]
		});
		expect(shape(steps)).toMatchObject({
			kind: 'steps',
			event: name('c'),
			given: [{ event: name('d'), happened: false }]
		});
	});
});

function measuresOfShape(e: Expression): unknown[] {
	if (e.kind === 'compare') return [e.left];
	if (e.kind === 'not') return measuresOfShape(e.operand);
	return [...measuresOfShape(e.left), ...measuresOfShape(e.right)];
}

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
		{ input: 'P(a |) > 1', column: 6, message: /a state path or a transition id/ },
		{ input: 'P(a within 2.5) > 1', column: 12, message: /not a whole number of steps/ },
		{ input: 'P(a within 5%) > 1', column: 13, message: /not a percent/ },
		{
			input: 'P(a within 5..3) > 1',
			column: 15,
			message: /range 5\.\.3 is empty/,
			hint: /within 5\.\.10/
		},
		{ input: 'P(a | b within 1..3) > 1', column: 17, message: /only for the event asked about/ },
		{ input: 'P(a | b and) > 1', column: 12, message: /a state path or a transition id/ },
		{ input: 'E[steps until] > 1', column: 14, message: /an event after until/ },
		{ input: 'E[x | y > 1', column: 9, message: /"\]" to close E\[/ },
		{ input: 'P(a:) > 1', column: 4, message: /unexpected character ":"/ }
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
