/**
 * An expression's truth, given the value of each of its terms. What a term's value is (a
 * probability or an expected score under some settings) is the caller's: the claims evaluator
 * (engine/claims.ts) reads it off the chain, the tests off a table.
 */
import type { Comparator, Expression, Measure, Term } from './ast';

/** Differences smaller than this count as equal, so that `>= 0.95` holds at exactly 0.95. */
export const tolerance = 1e-9;

export type TermValue = (term: Measure) => number;

const compare: Record<Comparator, (a: number, b: number) => boolean> = {
	'<': (a, b) => a < b - tolerance,
	'<=': (a, b) => a <= b + tolerance,
	'>': (a, b) => a > b + tolerance,
	'>=': (a, b) => a >= b - tolerance
};

/** `evaluate(parse('P(a) >= 95%'), () => 0.97) === true` */
export function evaluate(e: Expression, value: TermValue): boolean {
	switch (e.kind) {
		case 'compare':
			return compare[e.op](termValue(e.left, value), termValue(e.right, value));
		case 'not':
			return !evaluate(e.operand, value);
		case 'and':
			return evaluate(e.left, value) && evaluate(e.right, value);
		case 'or':
			return evaluate(e.left, value) || evaluate(e.right, value);
	}
}

function termValue(t: Term, value: TermValue): number {
	return t.kind === 'number' ? t.value : t.scale * value(t);
}
