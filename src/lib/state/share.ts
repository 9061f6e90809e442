/**
 * The dashboard's view as URL query parameters, so that a link reproduces it: the choices that
 * differ from the defaults (`c.russia.response=full`), the likelihoods set (`p.<transition id>=0.3`),
 * the seed (`seed=7`), the steps taken (`steps=<id>,<id>`) and a pinned baseline for comparison
 * (`base=1` with its own `b.c.…`, `b.p.…` and `b.r`), the reading of the source (`r=sceptic`) and the outcome whose explanation is open
(`why=crisis.ties.ruptured`, "Why this number?") and what was marked as observed
 * (`o=crisis.arms.fullPackage,!crisis.ties.ruptured~6`: `!` did not happen, `~k` within k steps). Reading is tolerant: whatever cannot be used is left
 * out and named in `ignored`, so the page opens with the rest.
 */
import type { Compiled } from '$lib/engine/compile';
import { maxWithin, resolveEvent, type Observation } from '$lib/engine/observe';
import { withReading } from '$lib/engine/reading';
import { limits } from '$lib/scenario/limits';
import { choiceLabel, transitionDetails } from '$lib/scenario/names';

/** Choices, likelihoods and the reading: a view's own, or its baseline's. */
export interface SharedSettings {
	choices: Record<string, string>;
	likelihoods: Record<string, number>;
	/** A reading's id; none (or '') for the scenario's own. */
	reading?: string;
}

export interface SharedView extends SharedSettings {
	seed?: number;
	steps: string[];
	/** The pinned baseline, if the link holds one. */
	baseline?: SharedSettings;
	/** The outcome (a final state's path) whose explanation the link opens. */
	why?: string;
	/** What was marked as observed. */
	observations?: Observation[];
	/** What the link held that could not be used, in words. */
	ignored: string[];
}

/** Longest query string read; the rest of a longer one is ignored (and said to be). */
export const maxQueryLength = limits.maxLinkLength;

export function toQuery(
	compiled: Compiled,
	view: SharedSettings & {
		seed: number;
		steps: string[];
		baseline?: SharedSettings | null;
		why?: string | null;
		observations?: Observation[];
	}
): string {
	const params = new URLSearchParams();
	const settings = (prefix: string, { choices, likelihoods, reading }: SharedSettings) => {
		if (reading) params.set(`${prefix}r`, reading);
		for (const [key, option] of Object.entries(choices)) {
			if (compiled.defaultChoices[key] !== option) params.set(`${prefix}c.${key}`, option);
		}
		for (const [id, value] of Object.entries(likelihoods))
			params.set(`${prefix}p.${id}`, String(value));
	};
	settings('', view);
	if (view.seed !== 1) params.set('seed', String(view.seed));
	if (view.steps.length > 0) params.set('steps', view.steps.join(','));
	if (view.baseline) {
		params.set('base', '1');
		settings('b.', view.baseline);
	}
	if (view.why) params.set('why', view.why);
	if (view.observations?.length) params.set('o', view.observations.map(observationText).join(','));
	return params.toString();
}

/** One observation in a link: `!id~6` (did not happen within 6 steps). */
const observationText = (o: Observation) =>
	`${o.happened ? '' : '!'}${o.event}${o.within === undefined ? '' : `~${o.within}`}`;

/** An observation read back from a link, or undefined when it is malformed or names nothing. */
function readObservation(compiled: Compiled, part: string): Observation | undefined {
	const match = /^(!?)([^~!]+)(?:~(\d{1,4}))?$/.exec(part);
	if (!match || !resolveEvent(compiled.model, match[2])) return undefined;
	const within = match[3] === undefined ? undefined : Number(match[3]);
	if (within !== undefined && (within < 1 || within > maxWithin)) return undefined;
	return { event: match[2], happened: match[1] === '', ...(within !== undefined && { within }) };
}

const shorten = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

/** Read a query string (with or without `?`) against a compiled scenario. */
export function fromQuery(compiled: Compiled, query: string): SharedView {
	const view: SharedView = { choices: {}, likelihoods: {}, steps: [], ignored: [] };
	let text = query.startsWith('?') ? query.slice(1) : query;
	if (text.length > maxQueryLength) {
		view.ignored.push(
			`the link is ${text.length.toLocaleString('en')} characters long, over the limit of ${maxQueryLength.toLocaleString('en')}: only the first ${maxQueryLength.toLocaleString('en')} were read`
		);
		text = text.slice(0, maxQueryLength);
	}
	let params: URLSearchParams;
	try {
		params = new URLSearchParams(text);
	} catch {
		view.ignored.push('the link could not be read');
		return view;
	}
	// A reading first: the likelihoods a link sets are checked against its bands.
	const readingIn = (key: string, of: string): string | undefined => {
		const id = params.get(key);
		if (id === null) return undefined;
		if (compiled.model.readings.some((r) => r.id === id)) return id;
		view.ignored.push(`no ${of}reading "${shorten(id)}"`);
		return undefined;
	};
	const ownReading = readingIn('r', '');
	const baseReading = readingIn('b.r', 'baseline ');
	if (ownReading) view.reading = ownReading;
	const transitionsOf = (reading: string | undefined) =>
		new Map(withReading(compiled, reading).model.transitions.map((t) => [t.id, t]));
	const ownTransitions = transitionsOf(ownReading);
	const baseTransitions = transitionsOf(baseReading);
	// What the reader sees names the model's parts by their labels; the link's own text is quoted.
	const details = transitionDetails(compiled.model);
	const stepName = (t: (typeof compiled.model.transitions)[number]) =>
		`"${t.label}" (${details.get(t.id)})`;
	const baseline: SharedSettings = {
		choices: {},
		likelihoods: {},
		...(baseReading && { reading: baseReading })
	};
	let pinned = false;
	let baselineParts = 0;
	/** Read a `c.` or `p.` part into `into`; false if the key is neither. */
	const setting = (key: string, value: string, into: SharedSettings, of: string): boolean => {
		if (key === 'r') return true; // read above
		if (key.startsWith('c.')) {
			const choice = key.slice(2);
			const [actor, name] = choice.split('.');
			const options = Object.hasOwn(compiled.defaultChoices, choice)
				? Object.keys(compiled.model.scenario.actors[actor].choices[name].options)
				: undefined;
			if (!options) view.ignored.push(`unknown ${of}choice "${shorten(choice)}"`);
			else if (!options.includes(value))
				view.ignored.push(
					`"${shorten(value)}" is not an option of ${of}“${choiceLabel(compiled.model.scenario, choice)}”`
				);
			else into.choices[choice] = value;
			return true;
		}
		if (key.startsWith('p.')) {
			const id = key.slice(2);
			const t = (into === baseline ? baseTransitions : ownTransitions).get(id);
			const v = Number(value);
			if (!t) view.ignored.push(`no uncertain ${of}likelihood "${shorten(id)}"`);
			else if (t.likelihood.kind !== 'range')
				view.ignored.push(`${stepName(t)} has no uncertain ${of}likelihood`);
			else if (!(value.trim() !== '' && v >= t.likelihood.low && v <= t.likelihood.high)) {
				view.ignored.push(
					`${of}likelihood ${shorten(value)} for ${stepName(t)} is outside ${t.likelihood.low}–${t.likelihood.high}`
				);
			} else into.likelihoods[id] = v;
			return true;
		}
		return false;
	};
	for (const [key, value] of params) {
		if (setting(key, value, view, '')) continue;
		if (key.startsWith('b.') && setting(key.slice(2), value, baseline, 'baseline ')) {
			baselineParts++;
		} else if (key === 'base') {
			if (value === '1') pinned = true;
			else view.ignored.push(`baseline flag "${shorten(value)}" (expected base=1)`);
		} else if (key === 'seed') {
			const seed = Number(value);
			if (/^\d{1,9}$/.test(value) && Number.isSafeInteger(seed)) view.seed = seed;
			else view.ignored.push(`seed "${shorten(value)}" is not a whole number`);
		} else if (key === 'steps') {
			view.steps = value.split(',').filter(Boolean);
		} else if (key === 'why') {
			if (compiled.model.states.get(value)?.kind === 'final') view.why = value;
			else view.ignored.push(`no outcome "${shorten(value)}" to explain`);
		} else if (key === 'o') {
			const observations: Observation[] = [];
			for (const part of value.split(',').filter(Boolean)) {
				const o = readObservation(compiled, part);
				if (o) observations.push(o);
				else
					view.ignored.push(
						`observation "${shorten(part)}" names no state or step of the scenario`
					);
			}
			if (observations.length > 0) view.observations = observations;
		} else {
			view.ignored.push(`unknown part "${shorten(key)}"`);
		}
	}
	if (pinned) view.baseline = baseline;
	else if (baselineParts > 0) view.ignored.push('baseline settings without base=1');
	return view;
}
