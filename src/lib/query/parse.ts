/**
 * The claims' expression language: text to a tree (ast.ts), or a located `QueryError`.
 *
 *   expression  := or
 *   or          := and ("or" and)*
 *   and         := unary ("and" unary)*
 *   unary       := "not" unary | "(" or ")" | term comparator term
 *   comparator  := "<" | "<=" | ">" | ">="
 *   term        := number ["%"] ["*" measure] | measure
 *   measure     := ( "P(" event [given] ")"
 *                  | "E[" name [given] "]"
 *                  | "E[" "steps" "until" name [given] "]" )
 *                  ["under" setting ("," setting)*]
 *   event       := name ["within" steps [".." steps]]
 *   given       := "|" observed ("and" observed)*
 *   observed    := ["not"] name ["within" steps]
 *   setting     := actor.choice "=" option
 *
 * A name is a state path or a transition id (`source:event`). `within 1..8` (a curve) is for a
 * question, not a claim (names.ts refuses it there).
 */
import type {
	Comparator,
	EventTerm,
	Expression,
	Measure,
	Name,
	Observed,
	Setting,
	Term
} from './ast';
import { QueryError } from './errors';
import { tokenize, type Token, type TokenKind } from './lexer';

export type ParseResult = { ok: true; expression: Expression } | { ok: false; error: QueryError };

/** `parseExpression('P(war) < 10%')`: the tree, or the first problem at its column. */
export function parseExpression(text: string): ParseResult {
	try {
		return { ok: true, expression: new Parser(text).expression() };
	} catch (e) {
		if (e instanceof QueryError) return { ok: false, error: e };
		throw e;
	}
}

/** A question: one measure to answer (`P(a | b)`), or a proposition to test (`P(a) < 10%`). */
export type Question =
	{ kind: 'measure'; measure: Measure } | { kind: 'claim'; expression: Expression };

export type QuestionResult = { ok: true; question: Question } | { ok: false; error: QueryError };

/**
 * `parseQuestion('P(crisis.north.directWar within 6 | crisis.arms.inService)')`: a measure alone
 * is asked for its value; anything else is parsed as a claim's expression.
 */
export function parseQuestion(text: string): QuestionResult {
	try {
		const parser = new Parser(text);
		const measure = parser.measureAlone();
		if (measure) return { ok: true, question: { kind: 'measure', measure } };
		return { ok: true, question: { kind: 'claim', expression: new Parser(text).expression() } };
	} catch (e) {
		if (e instanceof QueryError) return { ok: false, error: e };
		throw e;
	}
}

const comparators: Record<string, Comparator> = {
	'<': '<',
	'<=': '<=',
	'>': '>',
	'>=': '>=',
	'≤': '<=',
	'≥': '>='
};

class Parser {
	private readonly tokens: Token[];
	private i = 0;

	constructor(text: string) {
		this.tokens = tokenize(text);
		if (this.tokens.length === 1)
			throw new QueryError(
				'empty expression',
				0,
				'write a comparison such as P(state.path) >= 95%'
			);
	}

	private get next(): Token {
		return this.tokens[this.i];
	}

	private isKeyword(word: string): boolean {
		return this.next.kind === 'keyword' && this.next.text === word;
	}

	private take(): Token {
		return this.tokens[this.i++];
	}

	private expect(kind: TokenKind, what: string, hint?: string): Token {
		if (this.next.kind !== kind) throw this.unexpected(what, hint);
		return this.take();
	}

	private unexpected(what: string, hint?: string): QueryError {
		const t = this.next;
		const found = t.kind === 'end' ? 'the end of the expression' : `"${t.text}"`;
		return new QueryError(`expected ${what}, found ${found}`, t.start, hint);
	}

	/** The text as one measure with nothing after it, or undefined (then it is an expression). */
	measureAlone(): Measure | undefined {
		if (!this.isKeyword('P') && !this.isKeyword('E')) return undefined;
		const measure = this.measure();
		return this.next.kind === 'end' ? measure : undefined;
	}

	expression(): Expression {
		const e = this.or();
		if (this.next.kind === 'op')
			throw new QueryError(
				`a comparison cannot be chained with "${this.next.text}"`,
				this.next.start,
				'join two comparisons with and: a < b and b < c'
			);
		if (this.next.kind !== 'end') throw this.unexpected('and, or, or the end of the expression');
		return e;
	}

	private or(): Expression {
		let left = this.and();
		while (this.isKeyword('or')) {
			this.take();
			const right = this.and();
			left = { kind: 'or', left, right, start: left.start, end: right.end };
		}
		return left;
	}

	private and(): Expression {
		let left = this.unary();
		while (this.isKeyword('and')) {
			this.take();
			const right = this.unary();
			left = { kind: 'and', left, right, start: left.start, end: right.end };
		}
		return left;
	}

	private unary(): Expression {
		if (this.isKeyword('not')) {
			const start = this.take().start;
			const operand = this.unary();
			return { kind: 'not', operand, start, end: operand.end };
		}
		if (this.next.kind === '(') {
			const open = this.take();
			const inner = this.or();
			const close = this.expect(')', '")"', `close the "(" at column ${open.start + 1}`);
			return { ...inner, start: open.start, end: close.end };
		}
		const left = this.term();
		if (this.next.kind !== 'op')
			throw this.unexpected(
				'a comparison (<, <=, > or >=)',
				'a claim compares two terms, as in E[x] under a.b=c < E[x] under a.b=d'
			);
		const op = comparators[this.take().text];
		const right = this.term();
		return { kind: 'compare', op, left, right, start: left.start, end: right.end };
	}

	private term(): Term {
		const t = this.next;
		if (t.kind === 'number') {
			this.take();
			let value = Number(t.text);
			let end = t.end;
			if (this.next.kind === 'percent') {
				end = this.take().end;
				value /= 100;
			}
			if (this.next.kind === '*') {
				this.take();
				if (!this.isKeyword('P') && !this.isKeyword('E'))
					throw this.unexpected(
						'P(…) or E[…] after "*"',
						'a number can only scale a P(…) or an E[…]'
					);
				return { ...this.measure(), scale: value, start: t.start };
			}
			return { kind: 'number', value, start: t.start, end };
		}
		if (this.isKeyword('P') || this.isKeyword('E')) return this.measure();
		if (t.kind === 'name' && /^[pe]$/.test(t.text))
			throw new QueryError(
				`"${t.text}" is not a measure`,
				t.start,
				`write ${t.text.toUpperCase()} in capitals`
			);
		throw this.unexpected(
			'a number, P(…) or E[…]',
			t.kind === 'name'
				? `write P(${t.text}) for the probability of reaching a state, or E[${t.text}] for an expected score`
				: undefined
		);
	}

	private measure(): Measure {
		const head = this.take();
		if (head.text === 'P') {
			this.expect('(', '"(" after P', 'write P(state.path)');
			const event = this.eventTerm(true);
			const given = this.given();
			const close = this.expect(
				')',
				'")" to close P(',
				'P( takes one event, then "|" and what is observed'
			);
			const under = this.under();
			return {
				kind: 'probability',
				...event,
				given,
				under,
				scale: 1,
				start: head.start,
				end: under.at(-1)?.end ?? close.end
			};
		}
		this.expect('[', '"[" after E', 'write E[dimension]');
		if (
			this.next.kind === 'name' &&
			this.next.text === 'steps' &&
			this.tokens[this.i + 1]?.kind === 'keyword' &&
			this.tokens[this.i + 1].text === 'until'
		) {
			this.take();
			this.take();
			const event = this.name('an event after until', 'such as crisis.north.directWar');
			const given = this.given();
			const close = this.expect(']', '"]" to close E[', 'E[steps until event | observed]');
			const under = this.under();
			return {
				kind: 'steps',
				event,
				given,
				under,
				scale: 1,
				start: head.start,
				end: under.at(-1)?.end ?? close.end
			};
		}
		const dimension = this.name('a dimension', 'such as russiaPosition');
		const given = this.given();
		const close = this.expect(
			']',
			'"]" to close E[',
			'E[ takes one dimension, then "|" and what is observed'
		);
		const under = this.under();
		return {
			kind: 'expectation',
			dimension,
			given,
			under,
			scale: 1,
			start: head.start,
			end: under.at(-1)?.end ?? close.end
		};
	}

	/** `crisis.north.directWar`, `… within 6`, and where `curve` allows it `… within 1..8`. */
	private eventTerm(curve: boolean): EventTerm {
		const event = this.name('a state path or a transition id', 'such as crisis.north.iranDefeated');
		if (!this.isKeyword('within')) return { event, start: event.start, end: event.end };
		const w = this.take();
		const k = this.steps('after within');
		let end = k.end;
		let upTo: number | undefined;
		if (this.next.kind === '..') {
			const dots = this.take();
			if (!curve)
				throw new QueryError(
					'a range of steps is only for the event asked about',
					dots.start,
					'observe within one number of steps, as in within 6'
				);
			const last = this.steps('after ".."');
			if (last.value <= k.value)
				throw new QueryError(
					`the range ${k.value}..${last.value} is empty`,
					last.start,
					`write a larger last step, as in within ${k.value}..${k.value + 5}`
				);
			upTo = last.value;
			end = last.end;
		}
		return {
			event,
			within: { steps: k.value, ...(upTo !== undefined && { upTo }), start: w.start, end },
			start: event.start,
			end
		};
	}

	/** A whole number of steps. */
	private steps(where: string): { value: number; start: number; end: number } {
		const t = this.expect('number', `a number of steps ${where}`, 'write within 6');
		const value = Number(t.text);
		if (!Number.isInteger(value))
			throw new QueryError(`"${t.text}" is not a whole number of steps`, t.start, 'write within 6');
		if (this.next.kind === 'percent')
			throw new QueryError('a number of steps is not a percent', this.next.start, 'write within 6');
		return { value, start: t.start, end: t.end };
	}

	/** `| a and not b within 6`: what is observed, or [] when there is no "|". */
	private given(): Observed[] {
		if (this.next.kind !== '|') return [];
		this.take();
		const observed: Observed[] = [];
		do {
			if (observed.length > 0) this.take();
			let happened = true;
			let start = this.next.start;
			if (this.isKeyword('not')) {
				start = this.take().start;
				happened = false;
			}
			const event = this.eventTerm(false);
			observed.push({ ...event, happened, start });
		} while (this.isKeyword('and'));
		return observed;
	}

	private name(what: string, example: string): Name {
		const t = this.next;
		if (t.kind === 'keyword')
			throw new QueryError(
				`"${t.text}" is a keyword, not ${what}`,
				t.start,
				`name ${what}, ${example}`
			);
		const token = this.expect('name', what, `name ${what}, ${example}`);
		return { text: token.text, start: token.start, end: token.end };
	}

	private under(): Setting[] {
		if (!this.isKeyword('under')) return [];
		this.take();
		const settings = [this.setting()];
		while (this.next.kind === ',') {
			this.take();
			settings.push(this.setting());
		}
		return settings;
	}

	private setting(): Setting {
		const choice = this.name('a choice (actor.choice)', 'such as russia.response=full');
		this.expect('=', `"=" after ${choice.text}`, `write ${choice.text}=<option>`);
		const option = this.name('an option', `such as ${choice.text}=<option>`);
		return { choice, option, start: choice.start, end: option.end };
	}
}
