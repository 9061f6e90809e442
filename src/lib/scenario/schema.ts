/**
 * The scenario format as a Zod schema: the one definition from which both validation and the
 * published JSON Schema (`npm run schema`) derive. docs/scenario-format.md explains each field.
 */
import { z } from 'zod';
import { confidenceLevels, sourceGenreIds } from './confidence';
import { estimativeWordings } from './icd203';
import { reportKinds } from './reportKinds';
import { stances } from './stance';

// Zod would probe for eval while the schemas below are built, and compile parsers with
// `new Function`: the site's Content Security Policy has no 'unsafe-eval', so in the browser the
// probe is a reported violation. Interpreted parsers are fast enough for a scenario file.
z.config({ jitless: true });

const id = z
	.string()
	.regex(
		/^[A-Za-z][A-Za-z0-9_-]*$/,
		'must start with a letter and use only letters, digits, _ and -'
	);
const text = z.string().min(1, 'must not be empty');
const probability = z.number().min(0, 'must be at least 0').max(1, 'must be at most 1');

export const optionSchema = z.union([
	text.describe('Shorthand: the option label.'),
	z.strictObject({ label: text, description: z.string().optional() })
]);

export const choiceSchema = z.strictObject({
	label: text.describe('What the actor decides, as a question or a short phrase.'),
	description: z.string().optional(),
	default: id.describe('The option used when the user has not chosen one.'),
	options: z.record(id, optionSchema).describe('The options, by id.')
});

export const actorSchema = z.strictObject({
	label: text,
	description: z.string().optional(),
	choices: z.record(id, choiceSchema).default({})
});

/** Names of a scale's whole-number values: `{ 0: calm, 1: cross-border fire }`. */
export const levelsSchema = z
	.record(z.string().regex(/^-?\d+$/, 'name whole-number levels, such as 0, 1 or -1'), text)
	.describe(
		'A name for each whole-number value, shown with the number: 0: calm, 1: cross-border fire.'
	);

const unitSchema = text.describe(
	'What the numbers count, in the plural, such as rungs or points (default: points for a dimension, levels for an indicator).'
);

export const indicatorSchema = z.strictObject({
	label: text,
	description: z.string().optional(),
	unit: unitSchema.optional(),
	levels: levelsSchema.optional(),
	initial: z.number().default(0),
	min: z.number().optional(),
	max: z.number().optional()
});

export const dimensionSchema = z.strictObject({
	label: text,
	description: z.string().optional(),
	unit: unitSchema.optional(),
	levels: levelsSchema.optional(),
	min: z.number().optional(),
	max: z.number().optional()
});

const termSchema = z.enum(estimativeWordings as [string, ...string[]]);
const rangeSchema = z.tuple([probability, probability]).describe('[low, high]');

export const proposalSchema = z
	.strictObject({
		term: termSchema.describe('The ICD 203 term the editor proposed.'),
		wording: text.describe('The words of the evidence that carried it, such as "hard to resist".'),
		decision: z
			.enum(['accepted', 'overridden'])
			.describe('Whether the analyst took the proposed term or kept a likelihood of their own.'),
		reason: text
			.optional()
			.describe(
				'Why the analyst departs from the proposed term (with decision: overridden), such as what else the source says.'
			)
	})
	.describe(
		"The editor's proposal from the evidence's wording and the analyst's decision: a record; the engine does not use it."
	);

export const likelihoodSchema = z.union([
	termSchema.describe('An ICD 203 estimative term; the engine uses its band as a range.'),
	probability.describe('A fixed probability.'),
	rangeSchema,
	z.literal('rest').describe('One minus the other enabled branches of the same region.'),
	z.strictObject({
		term: termSchema.optional(),
		value: probability.optional(),
		range: rangeSchema.optional(),
		rest: z.literal(true).optional(),
		basis: z
			.string()
			.optional()
			.describe('The source wording the likelihood comes from, or "silent" when it says nothing.'),
		note: z.string().optional(),
		proposal: proposalSchema.optional()
	})
]);

export const evidenceSchema = z.strictObject({
	quote: text.describe('Exact words of the source (typography and white space are forgiven).'),
	source: id.optional().describe('Source id; may be left out when the scenario cites one source.'),
	stance: z.enum(stances),
	prefix: z.string().optional().describe('Text just before the quote, to tell repeats apart.'),
	suffix: z.string().optional().describe('Text just after the quote, to tell repeats apart.'),
	start: z
		.number()
		.int()
		.min(0, 'must be at least 0')
		.optional()
		.describe(
			'Character offset in the stored text near which the quote stands: picks the nearest of equal matches.'
		),
	note: z.string().optional()
});

export const reportKindSchema = z
	.enum(reportKinds)
	.describe(
		'The kind of public report: official statement, wire report, news report, investigative report, satellite imagery, open-source tracking or analysis.'
	);

export const signpostSchema = z
	.strictObject({
		watch: text.describe(
			'What a reader would see if the step were happening, worded as a report would put it: reports of SU-35 deliveries to Iran.'
		),
		kind: reportKindSchema.describe('The kind of public report that would show it.'),
		note: z
			.string()
			.optional()
			.describe('Why it is a sign of this step, or what it would not show.')
	})
	.describe('An observable indicator that the step is happening.');

export type Condition =
	| { choice: string; is: string | string[] }
	| { choice: string; isNot: string | string[] }
	| { in: string }
	| { notIn: string }
	| { indicator: string; atLeast?: number; atMost?: number }
	| { all: Condition[] }
	| { any: Condition[] }
	| { not: Condition };

const oneOrMany = z.union([id, z.array(id).min(1)]);
export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
	z.union([
		z.strictObject({ choice: z.string(), is: oneOrMany }),
		z.strictObject({ choice: z.string(), isNot: oneOrMany }),
		z.strictObject({ in: z.string().describe('A state path, such as ties.strained.') }),
		z.strictObject({ notIn: z.string() }),
		z.strictObject({
			indicator: id,
			atLeast: z.number().optional(),
			atMost: z.number().optional()
		}),
		z.strictObject({ all: z.array(conditionSchema).min(1) }),
		z.strictObject({ any: z.array(conditionSchema).min(1) }),
		z.strictObject({ not: conditionSchema })
	])
);

export const transitionSchema = z.strictObject({
	event: z
		.string()
		.regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, 'use letters, digits, dots, _ and -, as in russia.supply')
		.describe('Event name, such as russia.supply.'),
	target: z
		.string()
		.describe('A sibling state name, or a path from the root such as ties.strained.'),
	by: id.describe('The actor id whose decision this is, or "chance".'),
	label: z.string().optional(),
	description: z.string().optional(),
	when: z.union([conditionSchema, z.array(conditionSchema)]).optional(),
	likelihood: likelihoodSchema.optional(),
	effects: z
		.record(id, z.number())
		.optional()
		.describe('Indicator changes, added and then clamped.'),
	set: z.record(id, z.number()).optional().describe('Indicator values set outright.'),
	evidence: z.array(evidenceSchema).optional(),
	assumption: z
		.string()
		.optional()
		.describe('Why the model needs a step its sources do not state.'),
	signposts: z
		.array(signpostSchema)
		.optional()
		.describe('What to watch: observable, public indicators that this step is happening.')
});

export const outcomeSchema = z.strictObject({
	label: text,
	description: z.string().optional(),
	scores: z.record(id, z.number()).default({}),
	rationale: z
		.record(id, text)
		.optional()
		.describe('Why each score is what it is, by dimension: what the outcome gains and loses.')
});

export const claimSchema = z.strictObject({
	label: text.describe('The claim in a few words, as a reader sees it.'),
	quote: text.describe("The article's words the claim states (anchored as an evidence quote is)."),
	source: id.optional().describe('Source id; may be left out when the scenario cites one source.'),
	prefix: evidenceSchema.shape.prefix,
	suffix: evidenceSchema.shape.suffix,
	start: evidenceSchema.shape.start,
	holds: text.describe(
		'The proposition, in the expression language: E[dim] under actor.choice=option < E[dim], P(state.path) >= 95%.'
	),
	note: z
		.string()
		.optional()
		.describe('How the claim is read into the model, and what it leaves out.')
});

export interface StateNodeInput {
	label?: string;
	description?: string;
	type?: 'compound' | 'parallel' | 'final';
	initial?: string;
	pace?: number;
	states?: Record<string, StateNodeInput>;
	on?: z.input<typeof transitionSchema>[];
	outcome?: z.input<typeof outcomeSchema>;
}

export const stateNodeSchema: z.ZodType<StateNodeInput> = z.lazy(() =>
	z.strictObject({
		label: z.string().optional(),
		description: z.string().optional(),
		type: z.enum(['compound', 'parallel', 'final']).optional(),
		initial: id.optional(),
		pace: z
			.number()
			.positive()
			.optional()
			.describe('Relative pace of a parallel region (default 1).'),
		states: z.record(id, stateNodeSchema).optional(),
		on: z.array(transitionSchema).optional(),
		outcome: outcomeSchema.optional()
	})
);

export const readingChangeSchema = z.strictObject({
	likelihood: likelihoodSchema.describe(
		"The step's likelihood in this reading: a term, a value or a range (not rest)."
	),
	reason: text.describe(
		'Why this reading gives the step this likelihood, such as which passage of the source it leans on.'
	)
});

export const readingSchema = z
	.strictObject({
		label: text.describe("The reading's name, such as A sceptic's reading."),
		description: z
			.string()
			.optional()
			.describe('What the reading takes from the source, in a sentence or two.'),
		likelihoods: z
			.record(z.string(), readingChangeSchema)
			.describe(
				'Steps by transition id (state path:event, as in crisis.ties.strained:ties.rupture).'
			)
	})
	.describe(
		"A rival reading of the source: other likelihoods for some steps, each with its reason. Values outside the scenario's own band are allowed and shown as departures."
	);

export const scenarioSchema = z.strictObject({
	$schema: z.string().optional(),
	id: z
		.string()
		.regex(
			/^[a-z][a-z0-9-]*$/,
			'use lower-case letters, digits and hyphens, as in russia-arms-to-iran'
		),
	title: text,
	summary: z.string().optional(),
	version: z.union([z.string(), z.number()]).optional(),
	sources: z.array(id).default([]).describe('Ids of sources under scenarios/sources/.'),
	actors: z.record(id, actorSchema),
	indicators: z.record(id, indicatorSchema).default({}),
	dimensions: z.record(id, dimensionSchema).default({}),
	confidence: z
		.strictObject({
			level: z.enum(confidenceLevels),
			reason: text
				.optional()
				.describe('Why the level departs from the derived one; required when it does.')
		})
		.optional()
		.describe(
			'Analytic confidence, stated: without it the level is derived from the sources and the share of assumption-only steps.'
		),
	statechart: stateNodeSchema,
	claims: z
		.record(id, claimSchema)
		.optional()
		.describe("The source's claims as propositions the model tests, by id."),
	readings: z
		.record(id, readingSchema)
		.default({})
		.describe('Rival readings of the source, by id (see docs/scenario-format.md, Readings).')
});

const lineNumber = z.number().int().min(1, 'must be at least 1');

export const ingestSchema = z.strictObject({
	raw: text.describe('The name of the raw file the text was ingested from.'),
	sha256: z
		.string()
		.regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hexadecimal digits')
		.describe('SHA-256 of the raw file, in hexadecimal.'),
	dropped: z
		.array(
			z.strictObject({
				from: lineNumber.describe('First dropped line of the raw file, counted from 1.'),
				to: lineNumber.describe('Last dropped line, included.'),
				text: z.string().describe('The dropped lines (for part of a line, that part).'),
				reason: text.describe('Why the lines were left out.'),
				column: lineNumber
					.optional()
					.describe(
						'For part of a line: the column (from 1) of the raw line where the dropped text stood; the rest of the line is kept.'
					)
			})
		)
		.describe('The lines of the raw file left out of the text, and why.')
});

export const sourceMetaSchema = z.strictObject({
	$schema: z.string().optional(),
	id,
	title: text,
	file: z.string().describe('The text file, relative to this metadata file.'),
	genre: z
		.enum(sourceGenreIds)
		.optional()
		.describe(
			'opinion, news (a news report), analysis or official (an official statement): feeds the confidence.'
		),
	author: z.string().nullable().optional(),
	outlet: z.string().nullable().optional(),
	date: z
		.union([z.string(), z.strictObject({ from: z.string(), to: z.string() })])
		.optional()
		.describe('A date, or the range the text implies.'),
	url: z.string().optional(),
	note: z.string().optional(),
	ingest: ingestSchema
		.optional()
		.describe('How `npm run ingest` made the text from a raw file; written by it.')
});

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Scenario = z.output<typeof scenarioSchema>;
export type TransitionSpec = z.output<typeof transitionSchema>;
export type EvidenceSpec = z.output<typeof evidenceSchema>;
export type LikelihoodSpec = z.output<typeof likelihoodSchema>;
export type ProposalSpec = z.output<typeof proposalSchema>;
export type OutcomeSpec = z.output<typeof outcomeSchema>;
export type ClaimSpec = z.output<typeof claimSchema>;
export type SignpostSpec = z.output<typeof signpostSchema>;
export type SourceMeta = z.output<typeof sourceMetaSchema>;
