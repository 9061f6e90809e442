/**
 * The editor's proposals: for each transition whose evidence carries a likelihood wording, the
 * ICD 203 term that wording maps to, beside the likelihood the transition has now and what the
 * analyst decided (the `proposal` record of the likelihood's long form).
 *
 * Which quotes count: `supports` first, then `context`, in the order written; never
 * `contradicts`, whose words measure the opposite claim ("cannot afford to … potentially
 * calamitous" argues against the step, so its band is not this step's). Which transitions: those
 * with a likelihood to decide on. A `rest` likelihood is what its siblings leave and a transition
 * without one is certain (an actor's choice): setting a term on either would change what the
 * step means, not just its band, so they get no proposal.
 */
import { estimativeBands, type EstimativeTerm } from '../scenario/icd203';
import type { Likelihood, Proposal } from '../scenario/likelihood';
import type { TransitionInfo } from '../scenario/model';
import { proposeTerm } from './wording';

/**
 * - `open`: proposed, no decision recorded yet;
 * - `accepted` / `overridden`: the recorded decision, about what the evidence proposes now;
 * - `stale`: a decision is recorded, but about a term or wording the evidence no longer proposes.
 */
export type ProposalState = 'open' | 'accepted' | 'overridden' | 'stale';

export interface WordingProposal {
	transition: TransitionInfo;
	/** What the evidence proposes now; undefined when only a stale record is left. */
	proposed?: { term: EstimativeTerm; wording: string };
	/** The transition's likelihood as it stands. */
	likelihood: Likelihood;
	/** The record in the text, if any. */
	recorded?: Proposal;
	state: ProposalState;
}

const stanceOrder = ['supports', 'context'] as const;

/** Wordings compare as words: `Hard  to Resist` is `hard to resist`. */
const sameWording = (a: string, b: string) =>
	a.trim().replace(/\s+/g, ' ').toLowerCase() === b.trim().replace(/\s+/g, ' ').toLowerCase();

/** The quotes a proposal is read from, in the order they are read. */
export function proposalQuotes(transition: TransitionInfo): string[] {
	return stanceOrder.flatMap((stance) =>
		transition.evidence.filter((e) => e.stance === stance).map((e) => e.quote)
	);
}

/**
 * One entry per transition that has a proposal or a record, in the model's order.
 * For ladder.yaml's `crisis.fight` (likelihood 0.75, quoting "the sides will probably fight"):
 * `{ proposed: { term: 'likely', wording: 'probably' }, state: 'open', … }`.
 */
export function listProposals(transitions: readonly TransitionInfo[]): WordingProposal[] {
	const found: WordingProposal[] = [];
	for (const transition of transitions) {
		const { likelihood } = transition;
		if (likelihood.kind === 'certain' || likelihood.kind === 'rest') continue;
		const match = proposeTerm(proposalQuotes(transition));
		const proposed = match && { term: match.term, wording: match.text };
		const recorded = likelihood.proposal;
		if (!proposed && !recorded) continue;
		const current =
			proposed &&
			recorded &&
			recorded.term === proposed.term &&
			sameWording(recorded.wording, proposed.wording);
		const state: ProposalState = !recorded ? 'open' : current ? recorded.decision : 'stale';
		found.push({ transition, proposed, likelihood, recorded, state });
	}
	return found;
}

const percent = (p: number) => `${Math.round(p * 1000) / 10}`;

/**
 * A likelihood for people: `likely (55–80 %)`, `40 %`, `30–60 %`, `the rest`, `certain`.
 * `toLikelihoodText({ kind: 'fixed', value: 0.4 }) === '40 %'`
 */
export function toLikelihoodText(likelihood: Likelihood): string {
	switch (likelihood.kind) {
		case 'certain':
			return 'certain';
		case 'rest':
			return 'the rest';
		case 'fixed':
			return `${percent(likelihood.value)}\u00a0%`;
		case 'range': {
			const band = `${percent(likelihood.low)}–${percent(likelihood.high)}\u00a0%`;
			return likelihood.term ? `${likelihood.term} (${band})` : band;
		}
	}
}

/** The band of a term for people: `toTermText('very likely') === 'very likely (80–95 %)'`. */
export function toTermText(term: EstimativeTerm): string {
	const [low, high] = estimativeBands[term];
	return toLikelihoodText({ kind: 'range', low, high, term });
}
