/**
 * How well a scenario rests on its sources: which transitions cite evidence and which only state
 * an assumption, where each quote stands in its source (offsets and sentence ids), the wording
 * behind each likelihood, and the sentences of the sources that no transition cites.
 */
import type { EvidenceSpec } from './schema';
import { sentencesIn, toSentences } from './sentences';
import type { ValidatedScenario } from './validate';

type Stance = EvidenceSpec['stance'];

export interface QuoteCoverage {
	/** The transition id, `state:event`. */
	transition: string;
	source: string;
	/** The quote as the scenario writes it. */
	quote: string;
	/** Offsets into the source text as stored: `text.slice(start, end)` is the passage. */
	start: number;
	end: number;
	stance: Stance;
	/** Ids of the sentences the passage overlaps, such as `p3.s2`. */
	sentences: string[];
}

export interface LikelihoodCoverage {
	transition: string;
	by: string;
	kind: 'certain' | 'fixed' | 'range' | 'rest';
	term?: string;
	low?: number;
	high?: number;
	value?: number;
	/** The source wording the likelihood rests on, `silent`, or null when none is given. */
	basis: string | null;
}

export interface EvidenceReport {
	scenario: string;
	transitions: number;
	/** Transitions with at least one anchored quote. */
	evidenced: number;
	/** Of those, the ones that also state an assumption. */
	evidencedWithAssumption: number;
	/** Transitions with no anchored quote, resting on an assumption only. */
	assumptionOnly: number;
	unanchored: { transition: string; evidence: number; source: string | null; quote: string }[];
	stances: Record<Stance, number>;
	quotes: QuoteCoverage[];
	uncitedSentences: { source: string; id: string; text: string }[];
	/** Number of sentences of each source. */
	sentenceCounts: Record<string, number>;
	/** Transitions with a likelihood of their own, and steps nobody decides (`by: chance`). */
	likelihoods: LikelihoodCoverage[];
	/** Ids of transitions with a number, term or range but no `basis`. */
	withoutBasis: string[];
}

/** The report for a validated (or loaded) scenario. */
export function evidenceReport(
	loaded: Pick<ValidatedScenario, 'scenario' | 'model' | 'sources' | 'quotes'>
): EvidenceReport {
	const { scenario, model, sources } = loaded;
	const sentences = new Map([...sources].map(([id, s]) => [id, toSentences(s.text)]));
	const anchored = new Map(loaded.quotes.map((q) => [`${q.transition}:${q.evidence}`, q]));
	const stances: Record<Stance, number> = { supports: 0, contradicts: 0, context: 0 };
	const quotes: QuoteCoverage[] = [];
	const unanchored: EvidenceReport['unanchored'] = [];
	let evidenced = 0;
	let evidencedWithAssumption = 0;
	let assumptionOnly = 0;
	for (const t of model.transitions) {
		let found = 0;
		t.evidence.forEach((e, i) => {
			stances[e.stance]++;
			const q = anchored.get(`${t.index}:${i}`);
			if (!q) {
				const source = e.source ?? (scenario.sources.length === 1 ? scenario.sources[0] : null);
				unanchored.push({ transition: t.id, evidence: i, source, quote: e.quote });
				return;
			}
			found++;
			const cited = sentencesIn(sentences.get(q.source) ?? [], q.start, q.end);
			quotes.push({
				transition: t.id,
				source: q.source,
				quote: e.quote,
				start: q.start,
				end: q.end,
				stance: e.stance,
				sentences: cited.map((s) => s.id)
			});
		});
		const assumes = (t.assumption ?? '').trim() !== '';
		if (found > 0) {
			evidenced++;
			if (assumes) evidencedWithAssumption++;
		} else if (assumes) assumptionOnly++;
	}

	const uncitedSentences = [...sentences].flatMap(([source, list]) => {
		const cited = new Set(quotes.filter((q) => q.source === source).flatMap((q) => q.sentences));
		return list.filter((s) => !cited.has(s.id)).map((s) => ({ source, id: s.id, text: s.text }));
	});

	const likelihoods: LikelihoodCoverage[] = model.transitions
		.filter((t) => t.by === 'chance' || t.likelihood.kind !== 'certain')
		.map((t) => {
			const l = t.likelihood;
			return {
				transition: t.id,
				by: t.by,
				kind: l.kind,
				...(l.kind === 'range'
					? { ...(l.term === undefined ? {} : { term: l.term }), low: l.low, high: l.high }
					: {}),
				...(l.kind === 'fixed' ? { value: l.value } : {}),
				basis: l.basis?.trim() ? l.basis : null
			};
		});
	const withoutBasis = likelihoods
		.filter((l) => (l.kind === 'fixed' || l.kind === 'range') && l.basis === null)
		.map((l) => l.transition);

	return {
		scenario: scenario.id,
		transitions: model.transitions.length,
		evidenced,
		evidencedWithAssumption,
		assumptionOnly,
		unanchored,
		stances,
		quotes,
		uncitedSentences,
		sentenceCounts: Object.fromEntries([...sentences].map(([id, list]) => [id, list.length])),
		likelihoods,
		withoutBasis
	};
}
