/**
 * One wording, one band: where two steps rest on the same words of the source (their
 * likelihoods' `basis`), they should carry the same band, since the words mean what they mean
 * wherever they stand. A step may depart when it says why: its `proposal` recorded as
 * `overridden`, with a `reason`. The validator warns about the others (`wordingWarnings`); the
 * shipped scenarios are checked against each other with `wordingConflicts`.
 */
import type { Diagnostic } from './diagnostics';
import type { Likelihood } from './likelihood';
import type { Model } from './model';
import { diagnosticAt, type ParsedDocument } from './parse';

/**
 * A wording as compared: lower case, punctuation and symbols dropped, white space collapsed.
 * `toWordingKey(' Risks  damaging… ') === 'risks damaging'`; `Iran’s` and `Iran's` compare equal.
 */
export function toWordingKey(basis: string): string {
	return basis
		.toLowerCase()
		.replace(/[\p{P}\p{S}]+/gu, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

export interface Band {
	/** Equal for equal bands: `likely` and `[0.55, 0.8]` are one band. */
	key: string;
	/** For people: `likely [0.55, 0.8]`, `[0.3, 0.6]`, `0.4`. */
	text: string;
}

/** The band a likelihood gives; undefined for `rest` and certain steps, which have none. */
export function toBand(likelihood: Likelihood): Band | undefined {
	if (likelihood.kind === 'fixed')
		return { key: String(likelihood.value), text: String(likelihood.value) };
	if (likelihood.kind !== 'range') return undefined;
	const range = `[${likelihood.low}, ${likelihood.high}]`;
	return { key: range, text: likelihood.term ? `${likelihood.term} ${range}` : range };
}

/** Whether a step records why it departs from the band its wording suggests. */
export function isRecordedDeparture(likelihood: Likelihood): boolean {
	const { proposal } = likelihood;
	return proposal?.decision === 'overridden' && Boolean(proposal.reason?.trim());
}

export interface WordingConflict<T> {
	/** The wording as compared (`toWordingKey`). */
	wording: string;
	/** The step whose band differs, and its band. */
	step: T;
	band: Band;
	/** The first step with the wording, and its band. */
	first: T;
	firstBand: Band;
}

/**
 * Steps whose wording another step, earlier in the list, gives a different band. Not compared:
 * likelihoods without a `basis`, `basis: silent` (the source's silence is not a wording), `rest`
 * and certain steps, and steps that record why they depart (`isRecordedDeparture`).
 */
export function wordingConflicts<T extends { likelihood: Likelihood }>(
	steps: readonly T[]
): WordingConflict<T>[] {
	const firsts = new Map<string, { step: T; band: Band }>();
	const conflicts: WordingConflict<T>[] = [];
	for (const step of steps) {
		const wording = toWordingKey(step.likelihood.basis ?? '');
		const band = toBand(step.likelihood);
		if (wording === '' || wording === 'silent' || !band) continue;
		if (isRecordedDeparture(step.likelihood)) continue;
		const first = firsts.get(wording);
		if (!first) firsts.set(wording, { step, band });
		else if (first.band.key !== band.key)
			conflicts.push({ wording, step, band, first: first.step, firstBand: first.band });
	}
	return conflicts;
}

/**
 * A warning at the `basis` of each step whose wording an earlier step gives another band:
 * `basis "risks damaging" gives [0.3, 0.6] here (ties:strainDefensive), but likely [0.55, 0.8]
 * at ties:strainFull (line 40)`, with what to do.
 */
export function wordingWarnings(document: ParsedDocument, model: Model): Diagnostic[] {
	return wordingConflicts(model.transitions).map(({ step, band, first, firstBand }) => {
		const basis = step.likelihood.basis?.trim() ?? '';
		const { line } = document.locate([...first.docPath, 'likelihood', 'basis']);
		return diagnosticAt(
			document,
			[...step.docPath, 'likelihood', 'basis'],
			`basis "${basis}" gives ${band.text} here (${step.id}), but ${firstBand.text} at ${first.id} (line ${line}): one wording, one band`,
			`give both steps the same band; or, if this step means something else, say why in its likelihood: proposal: { term, wording, decision: overridden, reason: "…" }`,
			'warning'
		);
	});
}
