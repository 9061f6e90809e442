/**
 * The `claims:` of a scenario checked as the rest of the file is: each quote anchored in its
 * source (the same matching and messages as evidence), each `holds:` expression parsed and its
 * names checked against the model, every problem at its line and column. Also the outcomes'
 * `rationale:` (each must name a dimension the outcome scores).
 */
import { checkNames } from '../query/names';
import { parseExpression } from '../query/parse';
import type { QueryError } from '../query/errors';
import { anchorQuote, overBudget, quoteProblem, type AnchorBudget } from './anchor';
import { didYouMean, type Path } from './diagnostics';
import { checkQuoteSource, type Model, type Report } from './model';
import type { ParsedDocument } from './parse';
import type { SourceText } from './sources';

/** A claim's quote located in its source. */
export interface ClaimQuote {
	claim: string;
	source: string;
	start: number;
	end: number;
}

/** Check every claim and rationale; returns the claims' anchored quotes. */
export function checkClaims(
	document: ParsedDocument,
	model: Model,
	sources: Map<string, SourceText>,
	budget: AnchorBudget,
	report: Report,
	reportAt: (line: number, column: number, path: Path, message: string, hint?: string) => void
): ClaimQuote[] {
	const { scenario } = model;
	const quotes: ClaimQuote[] = [];
	for (const state of model.states.values()) {
		const scores = Object.keys(state.outcome?.scores ?? {});
		for (const dim of Object.keys(state.outcome?.rationale ?? {}))
			if (!scores.includes(dim))
				report(
					[...state.docPath, 'outcome', 'rationale', dim],
					`a rationale for "${dim}", which the outcome does not score`,
					didYouMean(dim, scores) ?? 'give the score under scores:, or remove the rationale'
				);
	}
	const claims = Object.entries(scenario.claims ?? {});
	for (const [n, [id, claim]] of claims.entries()) {
		const path = ['claims', id];
		const sourceId =
			claim.source ?? (scenario.sources.length === 1 ? scenario.sources[0] : undefined);
		checkQuoteSource(scenario, claim.source, path, 'claim', report);
		const source = sourceId === undefined ? undefined : sources.get(sourceId);
		if (source && sourceId !== undefined && !budget.spent) {
			if (budget.spend(source.normalized.text.length)) {
				const { quote, prefix, suffix, start } = claim;
				const result = anchorQuote(source.normalized, { quote, prefix, suffix, start });
				if (result.ok)
					quotes.push({ claim: id, source: sourceId, start: result.start, end: result.end });
				else {
					const problem = quoteProblem(result, sourceId, source.text);
					report([...path, 'quote'], problem.message, problem.hint);
				}
			} else {
				const { message, hint } = overBudget(claims.length - n - 1);
				report([...path, 'quote'], message, hint);
				budget.spent = true;
			}
		}
		const parsed = parseExpression(claim.holds);
		const problems = parsed.ok ? checkNames(parsed.expression, model) : [parsed.error];
		for (const problem of problems) {
			const { line, column } = expressionPosition(
				document,
				[...path, 'holds'],
				claim.holds,
				problem
			);
			reportAt(
				line,
				column,
				[...path, 'holds'],
				`${problem.message} (column ${problem.column} of the expression)`,
				problem.hint
			);
		}
	}
	return quotes;
}

/**
 * Where a problem of an expression stands in the file: the value's own line, moved along to the
 * problem's column when the value is written on one line as it reads (plain or quoted); else the
 * value's start (the message gives the column in the expression).
 */
function expressionPosition(
	document: ParsedDocument,
	path: Path,
	expression: string,
	problem: QueryError
): { line: number; column: number } {
	const at = document.locate(path);
	const lineText = document.text?.split(/\r?\n/)[at.line - 1];
	if (lineText === undefined) return at;
	const rest = lineText.slice(at.column - 1);
	if (rest.startsWith(expression)) return { line: at.line, column: at.column + problem.offset };
	if (/^['"]/.test(rest) && rest.slice(1).startsWith(expression))
		return { line: at.line, column: at.column + 1 + problem.offset };
	return at;
}
