/**
 * Which parts of a scenario are the model's assumptions, and how each is swung in the key
 * assumptions check (`assumptions.ts`):
 * - a transition no quote supports (no `supports` evidence: the page labels it "the model's
 *   assumption"), by its likelihood: a range across its full width (low end vs high end); a
 *   certain step (no likelihood, or exactly 1) from 50 % to 100 %; another number across the ICD 203
 *   band that holds it; a `rest` across what its ranged siblings leave (all at their high ends vs
 *   all at their low ends), or, when it is the remainder of one ranged assumption, on that
 *   assumption's row;
 * - each outcome's score on each dimension (the format gives scores no quotes), by ±1 on its
 *   scale, clamped to the dimension's `min` and `max`.
 */
import { estimativeBands, toEstimativeTerm } from '../scenario/icd203';
import { isSupported, type Model, type TransitionInfo } from '../scenario/model';

export type AssumptionKind = 'range' | 'certain' | 'fixed' | 'rest' | 'score';

export interface AssumptionSpec {
	kind: AssumptionKind;
	/** A transition id, or `<outcome state path>:<dimension>` for a score. */
	id: string;
	/** Transition indices set to `low` / `high` at the two ends (empty for a score). */
	swung: number[];
	/** For a `rest`: its ranged siblings, set to their own high ends (rest low) and low ends (rest high). */
	siblings?: TransitionInfo[];
	/** The ends of the swing: a likelihood, or a score. */
	low: number;
	high: number;
	/** `rest` transitions without a supporting quote that take what this range leaves. */
	remainders: TransitionInfo[];
	transition?: TransitionInfo;
	/** For a score: the outcome's state path and the dimension. */
	outcome?: string;
	dimension?: string;
}

/** The steps enabled with `t` under the same conditions (the same state, the same `when`). */
function siblingsOf(model: Model, t: TransitionInfo): TransitionInfo[] {
	const here = model.transitions.filter((x) => x !== t && x.source === t.source);
	const when = JSON.stringify(t.when);
	const same = here.filter((x) => JSON.stringify(x.when) === when);
	return same.length > 0 ? same : here;
}

function rangeEnd(t: TransitionInfo, end: 'low' | 'high'): number {
	return t.likelihood.kind === 'range' ? t.likelihood[end] : 0;
}

/** The assumptions of a model, in the scenario's order: transitions first, then scores. */
export function assumptionList(model: Model): AssumptionSpec[] {
	const specs: AssumptionSpec[] = [];
	const merged = new Set<TransitionInfo>();
	const open = model.transitions.filter((t) => !isSupported(t));
	// A rest whose only ranged sibling is itself an assumption is that assumption's remainder.
	const remainderOf = new Map<TransitionInfo, TransitionInfo>();
	for (const r of open.filter((t) => t.likelihood.kind === 'rest')) {
		const ranged = siblingsOf(model, r).filter((x) => x.likelihood.kind === 'range');
		if (ranged.length === 1 && !isSupported(ranged[0])) remainderOf.set(r, ranged[0]);
	}
	for (const t of open) {
		const l = t.likelihood;
		const base = { id: t.id, transition: t, remainders: [] as TransitionInfo[] };
		if (l.kind === 'range') {
			const remainders = [...remainderOf].filter(([, of]) => of === t).map(([r]) => r);
			remainders.forEach((r) => merged.add(r));
			specs.push({
				...base,
				kind: 'range',
				swung: [t.index],
				low: l.low,
				high: l.high,
				remainders
			});
		} else if (l.kind === 'certain' || (l.kind === 'fixed' && l.value === 1)) {
			specs.push({ ...base, kind: 'certain', swung: [t.index], low: 0.5, high: 1 });
		} else if (l.kind === 'fixed') {
			const term = toEstimativeTerm(l.value);
			const [low, high] = term ? estimativeBands[term] : [l.value, l.value];
			specs.push({ ...base, kind: 'fixed', swung: [t.index], low, high });
		} else if (!remainderOf.has(t)) {
			const siblings = siblingsOf(model, t).filter((x) => x.likelihood.kind === 'range');
			const span = (end: 'low' | 'high') =>
				Math.max(0, 1 - siblings.reduce((sum, x) => sum + rangeEnd(x, end), 0));
			specs.push({
				...base,
				kind: 'rest',
				swung: siblings.map((x) => x.index),
				siblings,
				low: span('high'),
				high: span('low')
			});
		}
	}
	for (const state of model.states.values()) {
		for (const [dimension, score] of Object.entries(state.outcome?.scores ?? {})) {
			const { min = -Infinity, max = Infinity } = model.scenario.dimensions[dimension] ?? {};
			specs.push({
				kind: 'score',
				id: `${state.path}:${dimension}`,
				swung: [],
				remainders: [],
				low: Math.max(min, score - 1),
				high: Math.min(max, score + 1),
				outcome: state.path,
				dimension
			});
		}
	}
	return specs;
}

/**
 * The width of a dimension's scale, the yardstick of a score change: `max − min` where both are
 * given, else the span of what is known of it (its bounds, its named levels, the outcomes' scores
 * and 0, the score of an outcome that gives none); 1 when that span is empty.
 */
export function scaleWidth(model: Model, dimension: string): number {
	const d = model.scenario.dimensions[dimension];
	if (d?.min !== undefined && d.max !== undefined && d.max > d.min) return d.max - d.min;
	const known = [0, d?.min, d?.max, ...Object.keys(d?.levels ?? {}).map(Number)];
	for (const state of model.states.values()) known.push(state.outcome?.scores[dimension]);
	const values = known.filter((v): v is number => v !== undefined && Number.isFinite(v));
	const span = Math.max(...values) - Math.min(...values);
	return span > 0 ? span : 1;
}
