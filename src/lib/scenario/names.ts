/**
 * What a reader sees of the model's parts: labels, never ids. A step is named by its label, the
 * state it leaves and who takes it; where two steps still read alike (the same label from the same
 * state, as "Israel strikes the Russian-supplied systems" after a war and after none), by the
 * conditions that set them apart, in words. Ids stay in machine-facing places (data attributes,
 * links, exports).
 */
import { levelName } from './levels';
import { chance, type Model, type TransitionInfo } from './model';
import type { Condition, Scenario } from './schema';

/**
 * A state's label by its path; an end state without a label of its own reads as its outcome, and
 * the root as "the scenario".
 */
export function stateLabel(model: Model, path: string): string {
	if (path === '') return 'the scenario';
	const state = model.states.get(path);
	if (!state) return path;
	return state.label === state.key && state.outcome ? state.outcome.label : state.label;
}

/** Who takes a step: the actor's label, or "chance". */
export function actorLabel(scenario: Scenario, by: string): string {
	if (by === chance) return 'chance';
	return Object.hasOwn(scenario.actors, by) ? scenario.actors[by].label : by;
}

/** `choiceLabel(scenario, 'russia.response')` → `Russia: How does Russia answer …?` */
export function choiceLabel(scenario: Scenario, key: string): string | undefined {
	const [actorId, choiceId] = key.split('.');
	const actor = Object.hasOwn(scenario.actors, actorId) ? scenario.actors[actorId] : undefined;
	const choice =
		actor && Object.hasOwn(actor.choices, choiceId) ? actor.choices[choiceId] : undefined;
	return actor && choice ? `${actor.label}: ${choice.label}` : undefined;
}

/** An option's label: `optionLabel(scenario, 'russia.response', 'full')` → `Full support`. */
export function optionLabel(scenario: Scenario, key: string, option: string): string | undefined {
	const [actorId, choiceId] = key.split('.');
	const options = scenario.actors[actorId]?.choices[choiceId]?.options;
	if (!options || !Object.hasOwn(options, option)) return undefined;
	const o = options[option];
	return typeof o === 'string' ? o : o.label;
}

/** Every option's label of every choice, by choice key then option id. */
export function optionLabels(scenario: Scenario): Record<string, Record<string, string>> {
	const all: Record<string, Record<string, string>> = {};
	for (const [actorId, actor] of Object.entries(scenario.actors))
		for (const [choiceId, choice] of Object.entries(actor.choices))
			all[`${actorId}.${choiceId}`] = Object.fromEntries(
				Object.entries(choice.options).map(([id, o]) => [id, typeof o === 'string' ? o : o.label])
			);
	return all;
}

/** `from “Iran asks Moscow to repay the favour”, by Iran`: where a step leaves from and who takes it. */
export function whence(model: Model, t: TransitionInfo): string {
	return `from “${stateLabel(model, t.source)}”, by ${actorLabel(model.scenario, t.by)}`;
}

const quoted = (labels: string[]) =>
	labels.length === 1
		? `“${labels[0]}”`
		: `${labels
				.slice(0, -1)
				.map((l) => `“${l}”`)
				.join(', ')} or “${labels.at(-1)}”`;

/**
 * A condition in words: `{ any: [{ in: 'north.won' }, { in: 'north.lost' }] }` reads
 * `“Won” or “Lost” (The north)`; a choice reads `Israel chooses “Strike”`.
 */
export function describeCondition(model: Model, c: Condition): string {
	const region = (path: string) => {
		const r = model.states.get(path)?.region ?? '';
		return r === '' ? '' : ` (${stateLabel(model, r)})`;
	};
	if ('in' in c) return `${quoted([stateLabel(model, c.in)])}${region(c.in)}`;
	if ('notIn' in c) return `not ${quoted([stateLabel(model, c.notIn)])}${region(c.notIn)}`;
	if ('any' in c) {
		const paths = c.any.map((x) => ('in' in x ? x.in : undefined));
		const regions = new Set(paths.map((p) => (p === undefined ? undefined : region(p))));
		if (paths.every((p) => p !== undefined) && regions.size === 1)
			return `${quoted(paths.map((p) => stateLabel(model, p!)))}${[...regions][0]}`;
		return c.any.map((x) => describeCondition(model, x)).join(' or ');
	}
	if ('all' in c) return c.all.map((x) => describeCondition(model, x)).join(' and ');
	if ('not' in c) return `not (${describeCondition(model, c.not)})`;
	if ('indicator' in c) {
		const indicator = Object.hasOwn(model.scenario.indicators, c.indicator)
			? model.scenario.indicators[c.indicator]
			: undefined;
		const name = indicator?.label ?? c.indicator;
		// A named level reads with its name: `Russian hardware delivered at least 1 (air defence)`.
		const level = (value: number) => {
			const named = indicator && levelName(indicator, value);
			return named ? `${value} (${named})` : String(value);
		};
		if (c.atLeast !== undefined && c.atMost !== undefined)
			return `${name} from ${level(c.atLeast)} to ${level(c.atMost)}`;
		return c.atLeast !== undefined
			? `${name} at least ${level(c.atLeast)}`
			: `${name} at most ${level(c.atMost!)}`;
	}
	const values = 'is' in c ? c.is : c.isNot;
	const [actorId] = c.choice.split('.');
	const labels = (Array.isArray(values) ? values : [values]).map(
		(o) => optionLabel(model.scenario, c.choice, o) ?? o
	);
	const who = actorLabel(model.scenario, actorId);
	return `${who} ${'is' in c ? 'chooses' : 'does not choose'} ${quoted(labels)}`;
}

/**
 * A name for each transition that no other transition of the model shares, in words:
 * `Israel strikes the Russian-supplied systems, from “Russian air defence in Iran”, by chance,
 * when “Iran defeated” or “Iran holds” (The northern front)`. The conditions every look-alike
 * shares are left out; the target, then a count, settle what words cannot.
 */
export function transitionNames(model: Model): Map<string, string> {
	const details = transitionDetails(model);
	return new Map(model.transitions.map((t) => [t.id, `${t.label}, ${details.get(t.id)}`]));
}

/** What `transitionNames` adds to each label: `from “…”, by chance, when …`. */
export function transitionDetails(model: Model): Map<string, string> {
	const details = new Map(model.transitions.map((t) => [t.id, whence(model, t)]));
	const settle = (extend: (t: TransitionInfo, group: TransitionInfo[]) => string) => {
		for (const group of lookAlikes(model.transitions, details)) {
			const extensions = group.map((t) => extend(t, group));
			group.forEach((t, i) => {
				if (extensions[i]) details.set(t.id, `${details.get(t.id)}${extensions[i]}`);
			});
		}
	};
	settle((t, group) => {
		const own = t.when.map((c) => describeCondition(model, c));
		const shared = (phrase: string) =>
			group.every((u) => u.when.some((c) => describeCondition(model, c) === phrase));
		const telling = own.filter((phrase) => !shared(phrase));
		return telling.length > 0 ? `, when ${telling.join(' and ')}` : '';
	});
	settle((t) => `, to “${stateLabel(model, t.target)}”`);
	settle((t, group) => ` (${group.indexOf(t) + 1} of ${group.length})`);
	return details;
}

/** Groups of two or more transitions with the same label and details so far. */
function lookAlikes(
	transitions: TransitionInfo[],
	details: Map<string, string>
): TransitionInfo[][] {
	const byName = new Map<string, TransitionInfo[]>();
	for (const t of transitions) {
		const name = `${t.label}, ${details.get(t.id)}`;
		byName.set(name, [...(byName.get(name) ?? []), t]);
	}
	return [...byName.values()].filter((group) => group.length > 1);
}

/** A sentence id in words: `sentenceName('p12.s1')` → `paragraph 12, sentence 1`. */
export function sentenceName(id: string): string {
	const match = /^p(\d+)\.s(\d+)$/.exec(id);
	return match ? `paragraph ${match[1]}, sentence ${match[2]}` : id;
}
