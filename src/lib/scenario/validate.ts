/**
 * Static validation of a parsed scenario document: structure (the Zod schema), references and
 * evidence anchoring. Each problem becomes a located diagnostic with a hint; nothing throws. A
 * valid document may carry warnings (one wording given two bands: wordingBands.ts).
 */
import type { z } from 'zod';
import { AnchorBudget, anchorQuote, overBudget, quoteProblem } from './anchor';
import { checkClaims, type ClaimQuote } from './claims';
import { overrideProblem, scenarioConfidence } from './confidence';
import { suggestion, type Diagnostic, type Path } from './diagnostics';
import { fieldsAt } from './fields';
import { estimativeTerms, estimativeWordings } from './icd203';
import { proposalProblem } from './likelihood';
import { buildModel, type Model } from './model';
import { diagnosticAt, type ParsedDocument } from './parse';
import { scenarioSchema, type Scenario } from './schema';
import type { SourceResolver, SourceText } from './sources';
import { wordingWarnings } from './wordingBands';

/** A quote located in its source: character offsets into the stored text. */
export interface AnchoredQuote {
	transition: number;
	evidence: number;
	source: string;
	start: number;
	end: number;
}

export interface ValidatedScenario {
	scenario: Scenario;
	model: Model;
	sources: Map<string, SourceText>;
	quotes: AnchoredQuote[];
	/** The claims' quotes, anchored. */
	claimQuotes: ClaimQuote[];
}

export type ValidationResult =
	| { ok: true; value: ValidatedScenario; warnings: Diagnostic[] }
	| { ok: false; diagnostics: Diagnostic[] };

const formHints: Record<string, string> = {
	likelihood: `write an estimative term (${estimativeTerms.join(', ')}), a number in [0, 1], a range [low, high], rest, or { term | value | range | rest, basis }`,
	when: 'write a condition: { choice: actor.choice, is: option }, { in: state.path }, { indicator: name, atLeast: n }, or { all | any: [...] }, { not: ... }',
	options: 'write an option as a label string, or { label, description }'
};

function unknownFieldHint(key: string, allowed: string[]): string {
	const near = suggestion(key, allowed);
	if (near) return near;
	return allowed.length > 0
		? `fields allowed here: ${allowed.join(', ')}`
		: 'remove it, or check docs/scenario-format.md';
}

function missingField(document: ParsedDocument, path: Path): Diagnostic {
	const key = String(path.at(-1));
	// The hints name the scenario format's fields: only a scenario's own `id` is its file's slug.
	const hint = path.length > 1 && key === 'id' ? undefined : missingHint(document, key);
	return diagnosticAt(
		document,
		path,
		`missing required field "${key}"`,
		hint ?? formHint(path) ?? `add ${key}:, as in docs/scenario-format.md`
	);
}

/** What to add for a missing field, with an example from the document where one helps. */
function missingHint(document: ParsedDocument, key: string): string | undefined {
	switch (key) {
		case 'id':
			return `add id: ${toSlug(document.file.replace(/^.*[\\/]/, '').replace(/\.\w+$/, ''))}, in lower-case letters, digits and hyphens`;
		case 'title':
		case 'label':
			return `add ${key}: and a short name`;
		case 'actors':
			return 'add actors: {} when nobody decides, or declare the actors named in by:';
		case 'statechart':
			return 'add statechart: with initial: and states:, as in docs/scenario-format.md';
		case 'by': {
			const actors = valueAt(document.value, ['actors']);
			const first = actors && typeof actors === 'object' ? Object.keys(actors)[0] : undefined;
			return `add by: chance, or by: ${first ? `<an actor id such as ${first}>` : '<an actor id>'}`;
		}
		default:
			return undefined;
	}
}

/** `toSlug('Ladder Two') === 'ladder-two'` */
function toSlug(text: string): string {
	const slug = text
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
	return /^[a-z]/.test(slug) ? slug : `scenario-${slug}`.replace(/-$/, '');
}

const typeNames: Record<string, string> = {
	array: 'a list',
	object: 'a mapping',
	int: 'a whole number',
	boolean: 'true or false'
};

/** What to write instead of a value of the wrong type, with the field's key as the example. */
function typeHint(path: Path, expected: string, got: unknown): string | undefined {
	const key = path.at(-1);
	const as = (value: string) => (typeof key === 'string' ? `${key}: ${value}` : value);
	switch (expected) {
		case 'string':
			return typeof got === 'number' || typeof got === 'boolean'
				? `write text, quoted if it looks like a number: ${as(`'${String(got)}'`)}`
				: 'write text';
		case 'number':
		case 'int': {
			const numeral = typeof got === 'string' ? Number(got.trim()) : Number.NaN;
			if (typeof got === 'string' && got.trim() !== '' && Number.isFinite(numeral))
				return `write it without quotes: ${as(String(numeral))}`;
			const word = typeof got === 'string' ? numberWords.indexOf(got.trim().toLowerCase()) : -1;
			return `write a number, such as ${as(String(word >= 0 ? word : 3))}`;
		}
		case 'array':
			return typeof got === 'string' || typeof got === 'number'
				? `write a list: ${as(`[${String(got)}]`)}`
				: `write a list: ${as('[a, b]')}`;
		case 'object':
			return `write ${typeof key === 'string' ? `${key}: followed by ` : ''}indented name: value lines`;
		case 'boolean':
			return `write ${as('true')} or ${as('false')}`;
		default:
			return undefined;
	}
}

const numberWords = [
	'zero',
	'one',
	'two',
	'three',
	'four',
	'five',
	'six',
	'seven',
	'eight',
	'nine',
	'ten'
];

function unknownTerm(document: ParsedDocument, path: Path, value: string): Diagnostic {
	const percent = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(value);
	if (percent) {
		const share = Number(percent[1]) / 100;
		return diagnosticAt(
			document,
			path,
			`"${value}" is a percent: likelihoods are written as numbers in [0, 1]`,
			share <= 1
				? `write ${Number(share.toPrecision(12))}`
				: 'write a number in [0, 1]: a percent over 100 is not a likelihood'
		);
	}
	return diagnosticAt(
		document,
		path,
		`unknown estimative term "${value}"`,
		suggestion(value, estimativeWordings) ??
			`choose one of ${estimativeTerms.join(', ')}, and keep the source's word as basis: { term: almost certain, basis: "${value}" }`
	);
}

function formHint(path: Path): string | undefined {
	for (let i = path.length - 1; i >= 0; i--) {
		const key = path[i];
		if (typeof key === 'string' && formHints[key]) return formHints[key];
	}
	return undefined;
}

type Issue = z.core.$ZodIssue;

/** A union branch that failed only as a nested union stands for that union's best branch. */
function flatten(branch: Issue[]): Issue[] {
	if (branch.length === 1 && branch[0].code === 'invalid_union' && branch[0].path.length === 0) {
		return bestBranch(branch[0]) ?? branch;
	}
	return branch;
}

/** For a union that failed, the branch that got furthest stands for the others. */
function bestBranch(issue: Issue & { code: 'invalid_union' }): Issue[] | undefined {
	const branches = issue.errors.filter((b) => b.length > 0).map(flatten);
	if (branches.length === 0) return undefined;
	const depth = (b: Issue[]) => Math.max(...b.map((i) => i.path.length));
	const deepest = Math.max(...branches.map(depth));
	if (deepest === 0) return undefined;
	return branches.filter((b) => depth(b) === deepest).sort((a, b) => a.length - b.length)[0];
}

/**
 * The diagnostics for Zod's issues with a document checked against `schema` (the scenario format,
 * or another format such as an event log's): each located, with a hint where one helps.
 */
export function schemaDiagnostics(
	document: ParsedDocument,
	issues: readonly Issue[],
	schema: z.ZodType = scenarioSchema
): Diagnostic[] {
	return dedupe(issues.flatMap((issue) => issueDiagnostics(document, issue, [], schema)));
}

function issueDiagnostics(
	document: ParsedDocument,
	issue: Issue,
	base: Path = [],
	schema: z.ZodType = scenarioSchema
): Diagnostic[] {
	const path = [...base, ...issue.path] as Path;
	switch (issue.code) {
		case 'invalid_union': {
			if (valueAt(document.value, path) === undefined) return [missingField(document, path)];
			const best = bestBranch(issue);
			if (best) return best.flatMap((i) => issueDiagnostics(document, i, path, schema));
			const value = valueAt(document.value, path);
			if (path.at(-1) === 'likelihood' && typeof value === 'string')
				return [unknownTerm(document, path, value)];
			if (typeof value === 'number' && !Number.isFinite(value))
				return [notFinite(document, path, value)];
			return [diagnosticAt(document, path, 'does not match any allowed form', formHint(path))];
		}
		case 'unrecognized_keys': {
			const allowed = fieldsAt(schema, path);
			return issue.keys.map((key) =>
				diagnosticAt(
					document,
					[...path, key],
					`unknown field "${key}"`,
					unknownFieldHint(key, allowed)
				)
			);
		}
		case 'invalid_type': {
			const got = valueAt(document.value, path);
			if (got === undefined) return [missingField(document, path)];
			if (typeof got === 'number' && !Number.isFinite(got) && issue.expected === 'number')
				return [notFinite(document, path, got)];
			return [
				diagnosticAt(
					document,
					path,
					`expected ${typeNames[issue.expected] ?? issue.expected}, got ${describe(got)}`,
					formHint(path) ?? typeHint(path, issue.expected, got)
				)
			];
		}
		case 'invalid_value': {
			const value = valueAt(document.value, path);
			// The long form { term: … } says what the short form says.
			if (path.at(-1) === 'term' && path.at(-2) === 'likelihood' && typeof value === 'string')
				return [unknownTerm(document, path, value)];
			return [
				diagnosticAt(
					document,
					path,
					`${describe(valueAt(document.value, path))} is not allowed`,
					`use one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`
				)
			];
		}
		case 'invalid_key':
			if (path.at(-2) === 'levels')
				return [
					diagnosticAt(
						document,
						path,
						`level "${String(path.at(-1))}" is not a whole number`,
						'name whole-number levels, such as 0, 1 or -1'
					)
				];
			return [badKey(document, path)];
		default: {
			const value = valueAt(document.value, path);
			if (issue.code === 'invalid_format' && path.length === 1 && path[0] === 'id')
				return [
					diagnosticAt(
						document,
						path,
						`invalid id ${describe(value)}`,
						`use lower-case letters, digits and hyphens: ${toSlug(String(value))}`
					)
				];
			if ((issue.code === 'too_small' || issue.code === 'too_big') && /^Too /.test(issue.message))
				return [outOfRange(document, path, issue)];
			return [
				diagnosticAt(
					document,
					path,
					`${describe(valueAt(document.value, path))}: ${issue.message.replace(/^Invalid input: /, '')}`,
					formHint(path)
				)
			];
		}
	}
}

/** `.inf`, `-.inf` or `.nan` where a number belongs: YAML reads them, no analysis can use them. */
function notFinite(document: ParsedDocument, path: Path, value: number): Diagnostic {
	const key = path.at(-1);
	const written = Number.isNaN(value) ? '.nan' : value > 0 ? '.inf' : '-.inf';
	return diagnosticAt(
		document,
		path,
		`${written} is not a finite number`,
		formHint(path) ?? `write a finite number, such as ${typeof key === 'string' ? `${key}: ` : ''}3`
	);
}

/** A number past a bound Zod states in its own words ("Too small: expected number to be >0"). */
function outOfRange(
	document: ParsedDocument,
	path: Path,
	issue: Issue & { code: 'too_small' | 'too_big' }
): Diagnostic {
	const small = issue.code === 'too_small';
	const bound = Number(small ? issue.minimum : issue.maximum);
	const relation = small
		? issue.inclusive
			? `at least ${bound}`
			: `greater than ${bound}`
		: issue.inclusive
			? `at most ${bound}`
			: `less than ${bound}`;
	const key = path.at(-1);
	const value = valueAt(document.value, path);
	if (issue.origin !== 'number')
		return diagnosticAt(document, path, `${describe(value)}: must have ${relation} items`);
	const example = small
		? issue.inclusive
			? bound
			: bound + 1
		: issue.inclusive
			? bound
			: bound - 1;
	return diagnosticAt(
		document,
		path,
		`${describe(value)}: must be ${relation}`,
		key === 'pace'
			? `write a pace greater than 0, such as pace: 2 (twice the default, 1), or remove pace: for the default`
			: (formHint(path) ??
					`write a number ${relation}, such as ${typeof key === 'string' ? `${key}: ` : ''}${example}`)
	);
}

/** Names of the characters an id most often picks up by accident, for messages. */
const characterNames: Record<number, string> = {
	0x00a0: 'NO-BREAK SPACE',
	0x00ad: 'SOFT HYPHEN',
	0x200b: 'ZERO WIDTH SPACE',
	0x200c: 'ZERO WIDTH NON-JOINER',
	0x200d: 'ZERO WIDTH JOINER',
	0x200e: 'LEFT-TO-RIGHT MARK',
	0x200f: 'RIGHT-TO-LEFT MARK',
	0x202a: 'LEFT-TO-RIGHT EMBEDDING',
	0x202b: 'RIGHT-TO-LEFT EMBEDDING',
	0x202c: 'POP DIRECTIONAL FORMATTING',
	0x202d: 'LEFT-TO-RIGHT OVERRIDE',
	0x202e: 'RIGHT-TO-LEFT OVERRIDE',
	0x2060: 'WORD JOINER',
	0x2066: 'LEFT-TO-RIGHT ISOLATE',
	0x2067: 'RIGHT-TO-LEFT ISOLATE',
	0x2068: 'FIRST STRONG ISOLATE',
	0x2069: 'POP DIRECTIONAL ISOLATE',
	0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
	0x0020: 'SPACE',
	0x002e: 'FULL STOP'
};

const scripts = ['Cyrillic', 'Greek', 'Armenian', 'Hebrew', 'Arabic', 'Latin', 'Han'] as const;

/**
 * The code point, its name where it is one we know, and what it looks like:
 * `describeCharacter('\u200b') === 'U+200B ZERO WIDTH SPACE'`,
 * `describeCharacter('і') === 'U+0456, the Cyrillic letter "і"'`.
 */
export function describeCharacter(c: string): string {
	const code = c.codePointAt(0) ?? 0;
	const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
	if (characterNames[code]) return `${hex} ${characterNames[code]}`;
	const script = scripts.find((s) => new RegExp(`^\\p{Script=${s}}$`, 'u').test(c));
	if (script && /^\p{L}$/u.test(c)) {
		const kind = script === 'Latin' ? 'accented Latin letter' : `${script} letter`;
		return `${hex}, the ${kind} "${c}"`;
	}
	if (/^[\p{Cf}\p{Cc}\p{Z}]$/u.test(c)) return `${hex}, an invisible character`;
	return `${hex} "${c}"`;
}

/**
 * A name (a record's key) that is not an id: points at the first character ids do not allow,
 * with its code point and name, so a zero-width space or a Cyrillic "і" can be found and retyped.
 */
function badKey(document: ParsedDocument, path: Path): Diagnostic {
	const key = String(path.at(-1));
	const chars = [...key];
	const at = chars.findIndex((c, i) => !(i === 0 ? /[A-Za-z]/ : /[A-Za-z0-9_-]/).test(c));
	const { line, column } = (document.locateKey ?? document.locate)(path);
	const hint = 'names use the letters a-z and A-Z, digits, _ and -, starting with a letter';
	// Invisible characters shown as \u200b, so the quoted name shows where they stand.
	const shown = key.replace(
		/[\p{Cf}\p{Cc}\u00a0]/gu,
		(x) => `\\u${(x.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`
	);
	const diagnostic = diagnosticAt(document, path, `name "${shown}" is not an id`, hint);
	if (at < 0) return diagnostic;
	const offset = chars.slice(0, at).join('').length;
	const c = chars[at];
	const visible = chars.filter((x) => !/^[\p{Cf}\p{Cc}]$/u.test(x)).join('');
	const retype =
		/^[\p{Cf}\p{Z}]$/u.test(c) && /^[A-Za-z][A-Za-z0-9_-]*$/.test(visible)
			? `delete it (the name then reads "${visible}")`
			: /^\p{L}$/u.test(c)
				? 'retype it as a plain letter a-z'
				: 'remove or replace it';
	return {
		...diagnostic,
		line,
		column: column + offset,
		message: `name "${shown}" has ${describeCharacter(c)} at column ${column + offset}`,
		hint: `${retype}: ${hint}`
	};
}

/** The paths of every own "__proto__" key in a plain value (as YAML builds them), in order. */
function protoKeys(value: unknown, path: Path = []): Path[] {
	if (value === null || typeof value !== 'object') return [];
	const found: Path[] = [];
	if (Array.isArray(value)) value.forEach((v, i) => found.push(...protoKeys(v, [...path, i])));
	else
		for (const key of Object.keys(value)) {
			if (key === '__proto__') found.push([...path, key]);
			found.push(...protoKeys((value as Record<string, unknown>)[key], [...path, key]));
		}
	return found;
}

function valueAt(value: unknown, path: Path): unknown {
	let v = value;
	for (const key of path) {
		if (v === null || typeof v !== 'object') return undefined;
		v = (v as Record<string | number, unknown>)[key];
	}
	return v;
}

function describe(value: unknown): string {
	if (value === undefined) return 'nothing';
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'a mapping';
	const shown = JSON.stringify(value);
	return shown.length > 40 ? `${shown.slice(0, 37)}…` : shown;
}

/** Validate a parsed document; sources are looked up through `resolveSource`. */
export function validateDocument(
	document: ParsedDocument,
	resolveSource: SourceResolver
): ValidationResult {
	if (
		document.value === null ||
		typeof document.value !== 'object' ||
		Array.isArray(document.value)
	) {
		return {
			ok: false,
			diagnostics: [
				diagnosticAt(
					document,
					[],
					`expected a mapping at the top of the file, got ${describe(document.value)}`,
					'a scenario starts with id:, title:, actors: and statechart:'
				)
			]
		};
	}
	const parsed = scenarioSchema.safeParse(document.value);
	// Zod skips a "__proto__" name in a mapping of names (states, actors, options, effects …)
	// without a word; a strict object already reports it as an unknown field.
	const protos = protoKeys(document.value).map((path) => ({
		...diagnosticAt(
			document,
			path,
			'the name "__proto__" is not allowed',
			'rename it: names use the letters a-z and A-Z, digits, _ and -, starting with a letter'
		),
		...(document.locateKey ?? document.locate)(path)
	}));
	if (!parsed.success) {
		const schemaProblems = schemaDiagnostics(document, parsed.error.issues);
		const reported = new Set(schemaProblems.map((d) => d.path));
		return {
			ok: false,
			diagnostics: [...schemaProblems, ...protos.filter((d) => !reported.has(d.path))]
		};
	}
	if (protos.length > 0) return { ok: false, diagnostics: protos };
	const diagnostics: Diagnostic[] = [];
	const report = (path: Path, message: string, hint?: string) =>
		diagnostics.push(diagnosticAt(document, path, message, hint));
	const scenario = parsed.data;
	const model = buildModel(scenario, report);

	const sources = new Map<string, SourceText>();
	scenario.sources.forEach((id, i) => {
		const found = resolveSource(id);
		if (Array.isArray(found)) diagnostics.push(...found);
		else if ('missing' in found) {
			const near = suggestion(id, found.known);
			const create = `create ${found.missing} with id, title and file`;
			report(
				['sources', i],
				`source "${id}" not found`,
				near ? `${near} Otherwise ${create}` : create
			);
		} else sources.set(id, found);
	});
	for (const t of model.transitions) {
		const problem = proposalProblem(t.likelihood);
		if (problem)
			report([...t.docPath, 'likelihood', 'proposal', 'decision'], problem.message, problem.hint);
	}
	const quotes: AnchoredQuote[] = [];
	const budget = new AnchorBudget();
	let remaining =
		model.transitions.reduce((n, t) => n + t.evidence.length, 0) +
		Object.keys(scenario.claims ?? {}).length;
	for (const t of model.transitions) {
		t.evidence.forEach((e, i) => {
			remaining--;
			const sourceId =
				e.source ?? (scenario.sources.length === 1 ? scenario.sources[0] : undefined);
			const source = sourceId === undefined ? undefined : sources.get(sourceId);
			if (!source || sourceId === undefined || budget.spent) return; // reported above
			if (!budget.spend(source.normalized.text.length)) {
				const { message, hint } = overBudget(remaining);
				report([...t.docPath, 'evidence', i, 'quote'], message, hint);
				budget.spent = true;
				return;
			}
			const { quote, prefix, suffix, start } = e;
			const result = anchorQuote(source.normalized, { quote, prefix, suffix, start });
			if (result.ok)
				quotes.push({
					transition: t.index,
					evidence: i,
					source: sourceId,
					start: result.start,
					end: result.end
				});
			else {
				const problem = quoteProblem(result, sourceId, source.text);
				report([...t.docPath, 'evidence', i, 'quote'], problem.message, problem.hint);
			}
		});
	}
	if (!budget.spent) checkBasisQuotes(model, scenario, sources, budget, report);
	const claimQuotes = checkClaims(
		document,
		model,
		sources,
		budget,
		report,
		(line, column, path, message, hint) =>
			diagnostics.push({ ...diagnosticAt(document, path, message, hint), line, column })
	);
	if (diagnostics.length > 0) return { ok: false, diagnostics: dedupe(diagnostics) };
	const stated = scenarioConfidence(
		scenario,
		model,
		[...sources.values()].map((s) => s.meta)
	);
	const departs = overrideProblem(stated);
	if (departs) {
		const where = ['confidence', scenario.confidence?.reason === undefined ? 'level' : 'reason'];
		const hint = `add reason: "why the basis bears ${stated.level} confidence", or remove confidence: to use the derived level`;
		return { ok: false, diagnostics: [diagnosticAt(document, where, departs, hint)] };
	}
	const warnings = wordingWarnings(document, model);
	return { ok: true, value: { scenario, model, sources, quotes, claimQuotes }, warnings };
}

/**
 * Text in quotation marks inside a likelihood's `basis` claims to be the source's words: each such
 * passage is looked up as a quote is, in the sources the transition's evidence cites (or in every
 * listed source when it cites none), and reported where it is found in none of them.
 * `basis: the memo calls it "likely"` is checked; `basis: probably` is a paraphrase and is not.
 */
function checkBasisQuotes(
	model: Model,
	scenario: Scenario,
	sources: Map<string, SourceText>,
	budget: AnchorBudget,
	report: (path: Path, message: string, hint?: string) => void
): void {
	for (const t of model.transitions) {
		const basis = t.likelihood.basis;
		if (basis === undefined) continue;
		const cited = t.evidence.map(
			(e) => e.source ?? (scenario.sources.length === 1 ? scenario.sources[0] : undefined)
		);
		const ids = [...new Set(cited.filter((id) => id !== undefined))];
		const candidates = (ids.length > 0 ? ids : scenario.sources).filter((id) => sources.has(id));
		if (candidates.length === 0) continue;
		for (const [, quoted] of basis.matchAll(/["\u201c]([^"\u201c\u201d]+)["\u201d]/g)) {
			let first: { id: string; hint?: string } | undefined;
			const found = candidates.some((id) => {
				const source = sources.get(id)!;
				if (!budget.spend(source.normalized.text.length)) return true; // unchecked past the budget
				const result = anchorQuote(source.normalized, { quote: quoted });
				if (result.ok || result.reason === 'ambiguous') return true;
				first ??= { id, hint: result.hint };
				return false;
			});
			if (found || !first) continue;
			const shown = quoted.length > 60 ? `${quoted.slice(0, 57)}…` : quoted;
			const where =
				candidates.length === 1
					? `source "${first.id}"`
					: `sources ${candidates.map((id) => `"${id}"`).join(', ')}`;
			report(
				[...t.docPath, 'likelihood', 'basis'],
				`basis quotes "${shown}", which is not in the ${where}`,
				`${first.hint ?? 'copy the words exactly from the source text'}; or, if these are not the source's words, write them without quotation marks`
			);
		}
	}
}

function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
	const seen = new Set<string>();
	return diagnostics.filter((d) => {
		const key = `${d.line}:${d.column}:${d.path}:${d.message}`;
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}
