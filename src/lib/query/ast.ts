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

/** `within 6`, or in a question `within 1..8` (the curve for k = 1…8). */
export interface Within extends Span {
	steps: number;
	/** `within 1..8`: the last k of a curve (a question only, not a claim). */
	upTo?: number;
}

/**
 * An event a probability is about, or a condition observes: a state path (reached) or a
 * transition id `source:event` (taken), optionally within k steps of the start.
 */
export interface EventTerm extends Span {
	event: Name;
	within?: Within;
}

/** One observation after `|`: `crisis.arms.inService`, `not crisis.north.directWar within 6`. */
export interface Observed extends EventTerm {
	happened: boolean;
}

/**
 * `P(crisis.north.iranDefeated)`: the probability of reaching a state (an outcome is a final
 * state) or of taking a transition, within k steps or at any time, given what is observed after
 * `|` (all of it, joined by `and`).
 */
export interface Probability extends EventTerm {
	kind: 'probability';
	given: Observed[];
	under: Setting[];
	/** A number written before it, as in `0.95 * P(…)`; 1 when none. */
	scale: number;
}

/** `E[russiaPosition]`, `E[russiaPosition | crisis.north.directWar]`: the expected score on a dimension. */
export interface Expectation extends Span {
	kind: 'expectation';
	dimension: Name;
	given: Observed[];
	under: Setting[];
	scale: number;
}

/** `E[steps until crisis.north.directWar]`: expected steps before the event, in runs where it happens. */
export interface Steps extends Span {
	kind: 'steps';
	event: Name;
	given: Observed[];
	under: Setting[];
	scale: number;
}

export type Measure = Probability | Expectation | Steps;

/** `0.95` or `95%` (stored as 0.95). */
export interface NumberTerm extends Span {
	kind: 'number';
	value: number;
}

export type Term = Measure | NumberTerm;

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
export function measuresOf(e: Expression): Measure[] {
	switch (e.kind) {
		case 'compare':
			return [e.left, e.right].filter((t): t is Measure => t.kind !== 'number');
		case 'not':
			return measuresOf(e.operand);
		default:
			return [...measuresOf(e.left), ...measuresOf(e.right)];
	}
}
