/**
 * Tokens of the claims' expression language. Names are dotted identifiers
 * (`crisis.north.directWar`) or transition ids (`crisis.ties.strained:ties.rupture`); numbers may carry a percent sign (`95%`, `95 %`). A character the
 * language does not use is refused at its column.
 */
import { QueryError } from './errors';

export type TokenKind =
	| 'name'
	| 'number'
	| 'percent'
	| 'keyword'
	| 'op'
	| '('
	| ')'
	| '['
	| ']'
	| ','
	| '='
	| '|'
	| '*'
	| '..'
	| 'end';

export interface Token {
	kind: TokenKind;
	text: string;
	start: number;
	end: number;
}

/** Words with a meaning of their own; they cannot be used as names. */
export const keywords = ['and', 'or', 'not', 'under', 'within', 'until', 'P', 'E'] as const;

const single: Record<string, TokenKind> = {
	'(': '(',
	')': ')',
	'[': '[',
	']': ']',
	',': ',',
	'|': '|',
	'*': '*'
};

/**
 * A dotted name, or a transition id: a state path, a colon, and the event's dotted name
 * (`crisis.ties.strained:ties.rupture`).
 */
const segment = '[A-Za-z_][A-Za-z0-9_-]*';
const path = `${segment}(\\.${segment})*`;
const dotted = new RegExp(`^${path}(:${path})?`);

/** `tokenize('P(a) >= 95%')` → name-less tokens P ( a ) >= 95 % end. Throws `QueryError`. */
export function tokenize(text: string): Token[] {
	const tokens: Token[] = [];
	let i = 0;
	const push = (kind: TokenKind, start: number, end: number) =>
		tokens.push({ kind, text: text.slice(start, end), start, end });
	while (i < text.length) {
		const c = text[i];
		if (/\s/.test(c)) {
			i++;
			continue;
		}
		if (text.startsWith('..', i)) {
			push('..', i, i + 2);
			i += 2;
			continue;
		}
		const number = /^(\d+(\.\d+)?|\.\d+)/.exec(text.slice(i));
		if (number) {
			push('number', i, i + number[0].length);
			i += number[0].length;
			continue;
		}
		const name = dotted.exec(text.slice(i));
		if (name) {
			const word = name[0];
			push((keywords as readonly string[]).includes(word) ? 'keyword' : 'name', i, i + word.length);
			i += word.length;
			continue;
		}
		const op = /^(<=|>=|<|>|≤|≥)/.exec(text.slice(i));
		if (op) {
			push('op', i, i + op[0].length);
			i += op[0].length;
			continue;
		}
		if (c === '=' && text[i + 1] === '=')
			throw new QueryError('"==" is not a comparison here', i, 'compare with <, <=, > or >=');
		if (c === '=') {
			push('=', i, i + 1);
			i++;
			continue;
		}
		if (c === '%') {
			push('percent', i, i + 1);
			i++;
			continue;
		}
		if (single[c]) {
			push(single[c], i, i + 1);
			i++;
			continue;
		}
		throw new QueryError(
			`unexpected character "${c}"`,
			i,
			c === '!'
				? 'write not ( … ) to negate'
				: c === '&'
					? 'write and'
					: 'see the grammar in docs/scenario-format.md, "Claims"'
		);
	}
	push('end', text.length, text.length);
	return tokens;
}
