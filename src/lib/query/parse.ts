/**
 * The claims' expression language: text to a tree (ast.ts), or a located `QueryError`.
 *
 *   expression  := or
 *   or          := and ("or" and)*
 *   and         := unary ("and" unary)*
 *   unary       := "not" unary | "(" or ")" | term comparator term
 *   comparator  := "<" | "<=" | ">" | ">="
 *   term        := number ["%"] ["*" measure] | measure
 *   measure     := ("P(" name ["within" number] ["|" name] ")" | "E[" name "]")
 *                  ["under" setting ("," setting)*]
 *   setting     := actor.choice "=" option
 *
 * `within` and `|` are parsed so that observations (issue 15) can give them a meaning without
 * changing how claims are written; until then the checker refuses them (names.ts).
 */
import type { Comparator, Expectation, Expression, Name, Probability, Setting, Term } from './ast';
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

	private measure(): Probability | Expectation {
		const head = this.take();
		if (head.text === 'P') {
			this.expect('(', '"(" after P', 'write P(state.path)');
			const event = this.name('a state path', 'such as crisis.north.iranDefeated');
			let within: { steps: number; start: number; end: number } | undefined;
			if (this.isKeyword('within')) {
				const w = this.take();
				const k = this.expect('number', 'a number of steps after within', 'write within 6');
				within = { steps: Number(k.text), start: w.start, end: k.end };
			}
			let given: Name | undefined;
			if (this.next.kind === '|') {
				this.take();
				given = this.name('a state path after "|"', 'such as crisis.arms.inService');
			}
			const close = this.expect(')', '")" to close P(', 'P( takes one state path');
			const under = this.under();
			return {
				kind: 'probability',
				event,
				within,
				given,
				under,
				scale: 1,
				start: head.start,
				end: under.at(-1)?.end ?? close.end
			};
		}
		this.expect('[', '"[" after E', 'write E[dimension]');
		const dimension = this.name('a dimension', 'such as russiaPosition');
		const close = this.expect(']', '"]" to close E[', 'E[ takes one dimension');
		const under = this.under();
		return {
			kind: 'expectation',
			dimension,
			under,
			scale: 1,
			start: head.start,
			end: under.at(-1)?.end ?? close.end
		};
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
