/**
 * A scenario's analytic confidence (ICD 203 keeps it apart from likelihood): how much weight the
 * basis of its numbers can bear, derived from its sources (how many, how independent, of which
 * genre, by whom) and from the share of its steps that rest on the model's assumption only. A
 * scenario may state a level of its own (`confidence: { level, reason }`); a level that departs
 * from the derived one needs a reason (validate.ts). The rule and its thresholds are documented in
 * docs/scenario-format.md, "Confidence". Pure: no DOM, no svelte.
 */
import type { Model, TransitionInfo } from './model';
import type { Scenario, SourceMeta } from './schema';

export const confidenceLevels = ['low', 'moderate', 'high'] as const;
export type ConfidenceLevel = (typeof confidenceLevels)[number];

/** A source's genre: its id in the file, and what it is in words. */
export const sourceGenres = {
	opinion: 'opinion piece',
	news: 'news report',
	analysis: 'analysis',
	official: 'official statement'
} as const;
export type SourceGenre = keyof typeof sourceGenres;
export const sourceGenreIds = Object.keys(sourceGenres) as [SourceGenre, ...SourceGenre[]];

/** Shares of assumption-only steps at and above which the level is held to moderate, and to low. */
export const assumptionThresholds = { moderate: 0.25, low: 0.5 } as const;

/** What a source contributes: its genre and who stands behind it (the metadata's own fields). */
export type ConfidenceSource = Pick<SourceMeta, 'author' | 'outlet'> & { genre?: SourceGenre };

export interface ConfidenceReason {
	/** `reading`: the reading the results stand under departs from the source (readingConfidence.ts). */
	factor: 'sources' | 'assumptions' | 'reading';
	/** A phrase a reader understands: `17 of 48 steps rest on the model’s assumption only`. */
	text: string;
	/** The highest level this factor allows. */
	limit: ConfidenceLevel;
}

export interface Confidence {
	/** The level that stands: the stated one when the scenario states one, else the derived one. */
	level: ConfidenceLevel;
	derived: ConfidenceLevel;
	reasons: ConfidenceReason[];
	/** The scenario's own statement, when it makes one. */
	override?: { level: ConfidenceLevel; reason?: string };
	/** The reading the results stand under, when it departs from the source (readingConfidence.ts). */
	reading?: { id: string; label: string; departures: number };
}

/** A step that no quote stands behind: the count the home page and the article panel show. */
export const restsOnAssumptionOnly = (t: Pick<TransitionInfo, 'evidence'>): boolean =>
	t.evidence.length === 0;

const known = (name: string | null | undefined): name is string =>
	typeof name === 'string' && name.trim() !== '';

export const lower = (a: ConfidenceLevel, b: ConfidenceLevel): ConfidenceLevel =>
	confidenceLevels.indexOf(a) <= confidenceLevels.indexOf(b) ? a : b;

/**
 * How many of the sources are independent: sources that share a named author or a named outlet
 * count once. Sources that name neither cannot be told apart and count once each.
 */
export function independentSources(sources: readonly ConfidenceSource[]): number {
	const groups: Set<string>[] = [];
	for (const s of sources) {
		const keys = [
			...(known(s.author) ? [`author:${s.author.trim().toLowerCase()}`] : []),
			...(known(s.outlet) ? [`outlet:${s.outlet.trim().toLowerCase()}`] : [])
		];
		const joined = groups.filter((g) => keys.some((k) => g.has(k)));
		const merged = new Set([...keys, ...joined.flatMap((g) => [...g])]);
		for (const g of joined) groups.splice(groups.indexOf(g), 1);
		groups.push(merged.size > 0 ? merged : new Set([`anonymous:${groups.length}`]));
	}
	return groups.length;
}

/** `an opinion piece by an unnamed author in an unnamed outlet` */
export function describeSource(s: ConfidenceSource): string {
	const genre = s.genre ? sourceGenres[s.genre] : 'text of unstated genre';
	const article = /^[aeiou]/.test(genre) ? 'an' : 'a';
	const author = known(s.author) ? `by ${s.author.trim()}` : 'by an unnamed author';
	const outlet = known(s.outlet) ? `in ${s.outlet.trim()}` : 'in an unnamed outlet';
	return `${article} ${genre} ${author} ${outlet}`;
}

function sourcesReason(sources: readonly ConfidenceSource[]): ConfidenceReason {
	if (sources.length === 0)
		return { factor: 'sources', text: 'no source: every step is the model’s own', limit: 'low' };
	const independent = independentSources(sources);
	const weighty = sources.some((s) => s.genre !== undefined && s.genre !== 'opinion');
	const named = sources.some((s) => known(s.author));
	const placed = sources.some((s) => known(s.outlet));
	let limit: ConfidenceLevel = 'high';
	if (independent === 1) limit = lower(limit, 'moderate');
	if (!weighty) limit = lower(limit, named ? 'moderate' : 'low');
	if (!named) limit = lower(limit, placed ? 'moderate' : 'low');
	const count =
		sources.length === 1
			? 'one source'
			: independent === sources.length
				? `${sources.length} independent sources`
				: `${sources.length} sources, ${independent} of them independent`;
	const described = sources.map(describeSource);
	const text =
		sources.length === 1 ? `${count}, ${described[0]}` : `${count}: ${described.join('; ')}`;
	return { factor: 'sources', text, limit };
}

function assumptionsReason(steps: number, assumptionOnly: number): ConfidenceReason {
	const share = steps === 0 ? 0 : assumptionOnly / steps;
	const limit: ConfidenceLevel =
		share >= assumptionThresholds.low
			? 'low'
			: share >= assumptionThresholds.moderate
				? 'moderate'
				: 'high';
	const text = `${assumptionOnly} of ${steps} ${steps === 1 ? 'step' : 'steps'} ${assumptionOnly === 1 ? 'rests' : 'rest'} on the model’s assumption only`;
	return { factor: 'assumptions', text, limit };
}

export interface ConfidenceInput {
	sources: readonly ConfidenceSource[];
	/** Transitions in the scenario, and those that rest on an assumption only. */
	steps: number;
	assumptionOnly: number;
	stated?: { level: ConfidenceLevel; reason?: string };
}

/**
 * The confidence the basis bears: the lowest limit of its reasons, or the stated level.
 *
 * `deriveConfidence({ sources: [{ genre: 'opinion', author: null }], steps: 48, assumptionOnly: 17 })`
 * is low: one opinion piece by an unnamed author in an unnamed outlet.
 */
export function deriveConfidence(input: ConfidenceInput): Confidence {
	const reasons = [
		sourcesReason(input.sources),
		assumptionsReason(input.steps, input.assumptionOnly)
	];
	const derived = reasons.reduce<ConfidenceLevel>((level, r) => lower(level, r.limit), 'high');
	const { stated } = input;
	return {
		level: stated?.level ?? derived,
		derived,
		reasons,
		...(stated && {
			override: {
				level: stated.level,
				...(stated.reason?.trim() ? { reason: stated.reason.trim() } : {})
			}
		})
	};
}

/** A scenario's confidence, from its model and its sources' metadata. */
export function scenarioConfidence(
	scenario: Pick<Scenario, 'confidence'>,
	model: Pick<Model, 'transitions'>,
	sources: readonly ConfidenceSource[]
): Confidence {
	return deriveConfidence({
		sources,
		steps: model.transitions.length,
		assumptionOnly: model.transitions.filter(restsOnAssumptionOnly).length,
		...(scenario.confidence && { stated: scenario.confidence })
	});
}

/** Why a stated level may not stand: it departs from the derived one and gives no reason. */
export function overrideProblem(c: Confidence): string | undefined {
	if (!c.override || c.override.level === c.derived || c.override.reason) return undefined;
	return `confidence "${c.override.level}" departs from the derived level "${c.derived}" (${c.reasons.map((r) => r.text).join('; ')}) without a reason`;
}

/**
 * The confidence of a loaded scenario or a page's payload: `confidenceOf(loaded)` with the
 * sources as a map, `confidenceOf({ scenario, model, sources: payload.sources })` as a list.
 */
export function confidenceOf(loaded: {
	scenario: Pick<Scenario, 'confidence'>;
	model: Pick<Model, 'transitions'>;
	sources: Iterable<{ meta: SourceMeta }> | Map<string, { meta: SourceMeta }>;
}): Confidence {
	const list = loaded.sources instanceof Map ? loaded.sources.values() : loaded.sources;
	return scenarioConfidence(
		loaded.scenario,
		loaded.model,
		[...list].map((s) => s.meta)
	);
}
