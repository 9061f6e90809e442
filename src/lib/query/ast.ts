/**
 * The claims' expression language as a tree. Every node keeps where it stands in the text
 * (`start`, `end`: character offsets, 0-based) so that a problem found later (an unknown name, a
 * construct not yet supported) is reported at its column. docs/scenario-format.md, "Claims",
 * gives the grammar.
 */

export interface Span {
	start: number;
	end: number;
}

/** A dotted name as written: `crisis.north.directWar`, `russia.response`. */
export interface Name extends Span {
	text: string;
}

/** `russia.response=full`: one choice set for one term. */
export interface Setting extends Span {
	choice: Name;
	option: Name;
}

/**
 * `P(crisis.north.iranDefeated)`: the probability of reaching a state (an outcome is a final
 * state). Parsed but not yet evaluated (issue 15, observations): `within` k steps and `| given`.
 */
export interface Probability extends Span {
	kind: 'probability';
	event: Name;
	within?: { steps: number } & Span;
	given?: Name;
	under: Setting[];
	/** A number written before it, as in `0.95 * P(…)`; 1 when none. */
	scale: number;
}

/** `E[russiaPosition]`: the expected score on a dimension. */
export interface Expectation extends Span {
	kind: 'expectation';
	dimension: Name;
	under: Setting[];
	scale: number;
}

/** `0.95` or `95%` (stored as 0.95). */
export interface NumberTerm extends Span {
	kind: 'number';
	value: number;
}

export type Term = Probability | Expectation | NumberTerm;

export type Comparator = '<' | '<=' | '>' | '>=';

export interface Comparison extends Span {
	kind: 'compare';
	op: Comparator;
	left: Term;
	right: Term;
}

export interface Logical extends Span {
	kind: 'and' | 'or';
	left: Expression;
	right: Expression;
}

export interface Not extends Span {
	kind: 'not';
	operand: Expression;
}

export type Expression = Comparison | Logical | Not;

/** The terms of an expression that read the model (numbers left out), in reading order. */
export function measuresOf(e: Expression): (Probability | Expectation)[] {
	switch (e.kind) {
		case 'compare':
			return [e.left, e.right].filter((t) => t.kind !== 'number');
		case 'not':
			return measuresOf(e.operand);
		default:
			return [...measuresOf(e.left), ...measuresOf(e.right)];
	}
}
