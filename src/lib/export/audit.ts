/**
 * The audit bundle: everything needed to check a result by hand and to reproduce it. The
 * scenario's content hash, every source's hash and provenance, the settings, the steps taken, the
 * results, and each transition the result rests on with the likelihood it was given and the exact
 * words of the sources behind it (or the assumption it states instead).
 */
import type { IntervalResult } from '../engine/interval';
import type { ExactResult } from '../engine/solve';
import { resultBasis } from '../scenario/confidenceWords';
import type { Likelihood } from '../scenario/likelihood';
import type { Model, TransitionInfo } from '../scenario/model';
import type { ScenarioPayload, SourcePayload } from '../scenarios/payload';
import type { AnchoredQuote } from '../scenario/validate';
import { sortedSettings, toResults, type ExportSettings, type MonteCarloResults } from './results';

export interface AuditInput {
	/** The scenario as the page holds it (on the command line: `toPayload(loaded)`). */
	payload: ScenarioPayload;
	model: Model;
	settings: ExportSettings;
	/** The likelihood value each transition was given, by index (NaN for `rest`). */
	values: ArrayLike<number>;
	/** Transition ids of the steps taken in the step-through, in order. */
	steps: string[];
	exact: ExactResult;
	intervals?: IntervalResult;
	monteCarlo?: MonteCarloResults;
	/** When the bundle was made (ISO 8601); left out unless given, so that bundles compare. */
	createdAt?: string;
	/** The version of Brink that made it. */
	toolVersion?: string;
}

export const auditFormat = { format: 'brink-audit', version: 1 } as const;

/**
 * The bundle as plain JSON-able data; the same input gives the same JSON.
 *
 * `auditBundle(input).transitions[0]` is `{ id: 'talks:talks.fail', …, evidence: [{ text: 'Talks may fail.', sentences: ['p1.s1'], … }] }`.
 */
export function auditBundle(input: AuditInput) {
	const { payload, model, settings, steps, createdAt, toolVersion } = input;
	const taken = new Map<string, number>();
	for (const id of steps) taken.set(id, (taken.get(id) ?? 0) + 1);
	const used = model.transitions.filter(
		(t) => input.exact.transitionFlow[t.index] > 0 || taken.has(t.id)
	);
	const reading = model.readings.find((r) => r.id === settings.reading);
	const { confidence, note } = resultBasis({ ...payload, model }, reading);
	return {
		...auditFormat,
		...(toolVersion !== undefined && { tool: { name: 'brink', version: toolVersion } }),
		...(createdAt !== undefined && { createdAt }),
		scenario: {
			id: payload.scenario.id,
			title: payload.scenario.title,
			file: payload.file,
			sha256: payload.sha256
		},
		// How much weight the results bear, and what they are (confidence.ts, confidenceWords.ts).
		confidence,
		note,
		sources: payload.sources.map(toAuditSource),
		settings: sortedSettings(settings),
		steps,
		results: toResults(input),
		transitions: used.map((t) => ({
			id: t.id,
			label: t.label,
			event: t.event,
			by: t.by,
			from: t.source,
			to: t.target,
			likelihood: toAuditLikelihood(
				t.likelihood,
				input.values[t.index],
				t.id in settings.likelihoods
			),
			expectedFlow: input.exact.transitionFlow[t.index],
			taken: taken.get(t.id) ?? 0,
			...toAuditEvidence(t, payload)
		}))
	};
}

export type AuditBundle = ReturnType<typeof auditBundle>;

function toAuditSource(source: SourcePayload) {
	// Everything the source's metadata says about where the text came from, minus its own schema.
	// eslint-disable-next-line @typescript-eslint/no-unused-vars -- dropped on purpose
	const { $schema, id, title, ...provenance } = source.meta;
	return { id: source.id, title, sha256: source.sha256, ...provenance };
}

function toAuditLikelihood(likelihood: Likelihood, value: number, setByUser: boolean) {
	return {
		kind: likelihood.kind,
		// JSON has no NaN: a `rest` likelihood is whatever its siblings leave, worked out per state.
		value: Number.isFinite(value) ? value : null,
		...(likelihood.kind === 'range' && {
			range: [likelihood.low, likelihood.high],
			...(likelihood.term !== undefined && { term: likelihood.term })
		}),
		...(likelihood.basis !== undefined && { basis: likelihood.basis }),
		...(likelihood.note !== undefined && { note: likelihood.note }),
		// The editor's proposal from the evidence's wording, and whether the analyst took it.
		...(likelihood.proposal !== undefined && { proposal: likelihood.proposal }),
		...(setByUser && { setByUser: true })
	};
}

function toAuditEvidence(t: TransitionInfo, payload: ScenarioPayload) {
	if (t.evidence.length === 0) return { assumption: true as const, basis: t.assumption ?? '' };
	const evidence = t.evidence.map((e, i) => {
		const anchor = payload.quotes.find((q) => q.transition === t.index && q.evidence === i);
		const sourceId = anchor?.source ?? e.source ?? payload.scenario.sources[0];
		const source = payload.sources.find((s) => s.id === sourceId);
		return {
			source: sourceId,
			stance: e.stance,
			quote: e.quote,
			...(anchor && source ? located(anchor, source) : { text: null, sentences: [] }),
			...(e.note !== undefined && { note: e.note })
		};
	});
	return { evidence, ...(t.assumption !== undefined && { basis: t.assumption }) };
}

/** The quote's exact words in the stored text, where they are, and the sentences they touch. */
function located(anchor: AnchoredQuote, source: SourcePayload) {
	return {
		text: source.text.slice(anchor.start, anchor.end),
		start: anchor.start,
		end: anchor.end,
		sentences: source.sentences
			.filter((s) => s.start < anchor.end && s.end > anchor.start)
			.map((s) => s.id)
	};
}
