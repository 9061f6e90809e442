/**
 * The event log format as a Zod schema (docs/scenario-format.md, "Event logs"): what happened
 * after a scenario's source was written, each event with its public report and what it resolves
 * in the model. events.ts checks the references to the model; this file only the shape.
 */
import { z } from 'zod';
import { reportKindSchema } from './schema';

/** `isCalendarDate('2024-02-29') === true`, `isCalendarDate('2023-02-29') === false` */
export function isCalendarDate(text: string): boolean {
	const [y, m, d] = text.split('-').map(Number);
	const date = new Date(Date.UTC(y, m - 1, d));
	return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const text = z.string().min(1, 'must not be empty');
const isoDate = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'write a date as YYYY-MM-DD, such as 2024-09-17')
	.refine(isCalendarDate, 'is not a date on the calendar');

export const eventReportSchema = z
	.strictObject({
		kind: reportKindSchema,
		outlet: text.describe('Who published it: Reuters, The New York Times, the Kremlin.'),
		title: text.describe('Its headline or title, as published.'),
		date: isoDate.describe('When it was published (YYYY-MM-DD).'),
		url: z
			.string()
			.regex(/^https?:\/\/\S+$/, 'write a web address starting with https://')
			.optional()
			.describe('Where it can be read, when there is an address.'),
		note: z.string().optional()
	})
	.describe('The public report the event rests on.');

/**
 * One thing an event resolves in the model. Written as a mapping with exactly one of taken,
 * reached, outcome, none or unresolved (events.ts checks that), so that a misspelt key gets a
 * "did you mean" like any other field.
 */
export const resolutionSchema = z
	.strictObject({
		taken: z
			.string()
			.optional()
			.describe(
				'A transition taken, by id (state path:event): crisis.north.crossBorder:hezbollah.intensify.'
			),
		reached: z.string().optional().describe('A state reached, by path: crisis.north.intensified.'),
		outcome: z
			.string()
			.optional()
			.describe(
				'A final state: reached (occurred: true, the default) or ruled out (occurred: false).'
			),
		occurred: z
			.boolean()
			.optional()
			.describe('With outcome: false when the record rules the outcome out.'),
		none: text.optional().describe('Why the model has no counterpart: a finding about the model.'),
		unresolved: text.optional().describe('Why the public record does not settle it.'),
		note: z.string().optional().describe('How the event is read into the model.')
	})
	.describe('What the event resolves in the model.');

export const loggedEventSchema = z.strictObject({
	id: z
		.string()
		.regex(
			/^[A-Za-z][A-Za-z0-9_-]*$/,
			'must start with a letter and use only letters, digits, _ and -'
		),
	date: isoDate.describe('When it happened (YYYY-MM-DD); the first day of a span.'),
	until: isoDate.optional().describe('The last day of a span.'),
	what: text.describe("What happened, in the project's own words, no stronger than the record."),
	report: eventReportSchema,
	resolves: z.array(resolutionSchema).min(1, 'list at least one resolution'),
	note: z.string().optional()
});

export const eventLogSchema = z.strictObject({
	$schema: z.string().optional(),
	scenario: z
		.string()
		.regex(/^[a-z][a-z0-9-]*$/, 'write the id of a scenario, as in regional-escalation')
		.describe('The id of the scenario the log is replayed against.'),
	asOf: isoDate.describe("The source's date: the model as it stood then (YYYY-MM-DD)."),
	note: z.string().optional(),
	events: z.array(loggedEventSchema).min(1, 'list at least one event')
});

export type EventLogInput = z.input<typeof eventLogSchema>;
export type EventReport = z.output<typeof eventReportSchema>;
