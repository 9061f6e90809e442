/**
 * The resolved model: every state node indexed by its path, every transition with its target
 * resolved and its likelihood normalised. Semantic checks run while it is built; each problem is
 * reported with the document path it concerns.
 */
import { buildReadings, type ReadingInfo } from './readings';
import { didYouMean, type Path } from './diagnostics';
import { limits } from './limits';
import { likelihoodHint, toLikelihood, type Likelihood } from './likelihood';
import type {
	Condition,
	EvidenceSpec,
	OutcomeSpec,
	Scenario,
	SignpostSpec,
	StateNodeInput
} from './schema';

export type StateKind = 'atomic' | 'compound' | 'parallel' | 'final';

export interface StateInfo {
	/** Dotted path from the root; the root itself is ''. */
	path: string;
	key: string;
	parent: string | null;
	kind: StateKind;
	label: string;
	description?: string;
	children: string[];
	initial?: string;
	/** The region this node moves in: the nearest ancestor-or-self whose parent is parallel, or ''. */
	region: string;
	pace: number;
	outcome?: OutcomeSpec;
	docPath: Path;
}

export interface TransitionInfo {
	index: number;
	/** `source:event`, unique in the scenario. */
	id: string;
	event: string;
	source: string;
	target: string;
	by: string;
	label: string;
	description?: string;
	when: Condition[];
	/** Whether the file wrote `when` as a list (for locating problems in it). */
	whenIsList: boolean;
	likelihood: Likelihood;
	effects: Record<string, number>;
	set: Record<string, number>;
	evidence: EvidenceSpec[];
	assumption?: string;
	/** What to watch: public indicators that the step is happening (none when the file lists none). */
	signposts: SignpostSpec[];
	region: string;
	docPath: Path;
}

export interface Model {
	scenario: Scenario;
	states: Map<string, StateInfo>;
	transitions: TransitionInfo[];
	/** Ids of the regions (the root '' and every child of a parallel state). */
	regions: string[];
	/** Rival readings of the source (readings.ts), in the file's order. */
	readings: ReadingInfo[];
}

export type Report = (path: Path, message: string, hint?: string) => void;

export const chance = 'chance';

/**
 * Whether a quote supports the step. A step without one is the model's assumption, whatever
 * context or contradicting quotes it carries.
 */
export function isSupported(t: Pick<TransitionInfo, 'evidence'>): boolean {
	return t.evidence.some((e) => e.stance === 'supports');
}

/** `joinPath('a.b', 'c') === 'a.b.c'`, `joinPath('', 'c') === 'c'` */
export function joinPath(parent: string, key: string): string {
	return parent === '' ? key : `${parent}.${key}`;
}

/** Ancestors of a path, nearest first, ending with the root ''. */
export function ancestors(path: string): string[] {
	const result: string[] = [];
	let p = path;
	while (p !== '') {
		p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '';
		result.push(p);
	}
	return result;
}

export function isAncestorOrSelf(ancestor: string, path: string): boolean {
	return ancestor === '' || path === ancestor || path.startsWith(`${ancestor}.`);
}

/** Each region's heading: its state's label, by region path (`'crisis.arms'` → 'Russian arms to Iran'). */
export function regionLabelsOf(model: Model): Record<string, string> {
	return Object.fromEntries(model.regions.map((r) => [r, model.states.get(r)?.label ?? r]));
}

function kindOf(node: StateNodeInput): StateKind {
	if (node.type === 'parallel' || node.type === 'final') return node.type;
	return node.states && Object.keys(node.states).length > 0 ? 'compound' : 'atomic';
}

/** Build the model, reporting every semantic problem found. */
export function buildModel(scenario: Scenario, report: Report): Model {
	const states = new Map<string, StateInfo>();
	const pending: {
		spec: NonNullable<StateNodeInput['on']>[number];
		source: string;
		docPath: Path;
	}[] = [];

	const visit = (node: StateNodeInput, path: string, parent: StateInfo | null, docPath: Path) => {
		const kind = kindOf(node);
		const key = path === '' ? '(root)' : path.slice(path.lastIndexOf('.') + 1);
		const region = parent === null ? '' : parent.kind === 'parallel' ? path : parent.region;
		const info: StateInfo = {
			path,
			key,
			parent: parent?.path ?? null,
			kind,
			label: node.label ?? key,
			description: node.description,
			children: [],
			initial: node.initial,
			region,
			pace: node.pace ?? 1,
			outcome: node.outcome as OutcomeSpec | undefined,
			docPath
		};
		states.set(path, info);
		if (states.size > limits.maxStates) return;
		const children = Object.entries(node.states ?? {});
		if (kind === 'final' && children.length > 0) {
			report(
				[...docPath, 'states'],
				'a final state cannot have child states',
				'remove type: final or the states'
			);
		}
		if (kind === 'final' && node.on?.length) {
			report(
				[...docPath, 'on'],
				'a final state cannot have transitions',
				'remove type: final or the transitions'
			);
		}
		if (node.outcome && kind !== 'final') {
			report([...docPath, 'outcome'], 'only a final state can carry an outcome', 'add type: final');
		}
		if (node.pace !== undefined && (node.pace < 0.001 || node.pace > 1000)) {
			report(
				[...docPath, 'pace'],
				`pace ${node.pace} is outside 0.001 to 1,000, the paces Brink keeps exact`,
				'paces are relative to each other: scale them all into that range'
			);
		} else if (node.pace !== undefined && parent?.kind !== 'parallel') {
			report([...docPath, 'pace'], 'pace applies only to a region (a child of a parallel state)');
		}
		if (kind === 'compound') {
			const keys = children.map(([k]) => k);
			if (node.initial === undefined) {
				info.initial = keys[0];
			} else if (!keys.includes(node.initial)) {
				report(
					[...docPath, 'initial'],
					`initial state "${node.initial}" is not a child of this state`,
					didYouMean(node.initial, keys)
				);
				info.initial = keys[0];
			}
		} else if (node.initial !== undefined) {
			report([...docPath, 'initial'], `a ${kind} state has no initial child`, 'remove initial');
		}
		for (const [childKey, child] of children) {
			const childPath = joinPath(path, childKey);
			info.children.push(childPath);
			visit(child, childPath, info, [...docPath, 'states', childKey]);
		}
		(node.on ?? []).forEach((spec, i) =>
			pending.push({ spec, source: path, docPath: [...docPath, 'on', i] })
		);
	};
	visit(scenario.statechart, '', null, ['statechart']);
	if (states.size > limits.maxStates) {
		report(
			['statechart'],
			`more than ${limits.maxStates.toLocaleString('en')} states, the most a scenario may have`,
			'split the scenario'
		);
	}
	if (pending.length > limits.maxTransitions) {
		report(
			['statechart'],
			`${pending.length.toLocaleString('en')} transitions, over the limit of ${limits.maxTransitions.toLocaleString('en')}`,
			'split the scenario'
		);
	}

	const transitions: TransitionInfo[] = [];
	const seenIds = new Map<string, Path>();
	for (const { spec, source, docPath } of pending.slice(0, limits.maxTransitions)) {
		const target = resolveTarget(states, source, spec.target);
		if (target === undefined) {
			const known = [...states.keys()].filter((p) => p !== '');
			const keys = [...new Set(known.map((p) => p.slice(p.lastIndexOf('.') + 1)))];
			report(
				[...docPath, 'target'],
				`unknown state "${spec.target}"`,
				didYouMean(spec.target, [...keys, ...known]) ??
					'name a sibling state, or a path from the root such as ties.strained'
			);
		}
		const likelihood = toLikelihood(spec.likelihood);
		if (typeof likelihood === 'string')
			report([...docPath, 'likelihood'], likelihood, likelihoodHint(spec.likelihood));
		const id = `${source === '' ? '(root)' : source}:${spec.event}`;
		if (seenIds.has(id)) {
			report(
				[...docPath, 'event'],
				`event "${spec.event}" already leaves this state`,
				'give each transition out of a state its own event name'
			);
		}
		seenIds.set(id, docPath);
		if ((spec.evidence ?? []).length === 0 && !spec.assumption?.trim()) {
			report(
				docPath,
				'transition has neither evidence nor an assumption',
				'quote the source that supports it, or add assumption: "why the model needs this step"'
			);
		}
		transitions.push({
			index: transitions.length,
			id,
			event: spec.event,
			source,
			target: target ?? source,
			by: spec.by,
			label: spec.label ?? spec.event,
			description: spec.description,
			when: spec.when === undefined ? [] : Array.isArray(spec.when) ? spec.when : [spec.when],
			whenIsList: Array.isArray(spec.when),
			likelihood: typeof likelihood === 'string' ? { kind: 'certain' } : likelihood,
			effects: spec.effects ?? {},
			set: spec.set ?? {},
			evidence: spec.evidence ?? [],
			assumption: spec.assumption,
			signposts: spec.signposts ?? [],
			region: states.get(source)?.region ?? '',
			docPath
		});
	}
	const regions = [...states.values()].filter((s) => s.region === s.path).map((s) => s.path);
	const readings = buildReadings(scenario, transitions, report);
	const model: Model = { scenario, states, transitions, regions, readings };
	checkReferences(model, report);
	checkEventConflicts(model, report);
	return model;
}

/** A sibling (or an ancestor's sibling, nearest first), or a path from the root. */
export function resolveTarget(
	states: Map<string, StateInfo>,
	source: string,
	target: string
): string | undefined {
	for (const scope of [source, ...ancestors(source)]) {
		const parent = states.get(scope)?.parent;
		if (parent === null || parent === undefined) continue;
		const candidate = joinPath(parent, target);
		if (states.has(candidate)) return candidate;
	}
	return states.has(target) && target !== '' ? target : undefined;
}

function checkReferences(model: Model, report: Report): void {
	const { scenario, states } = model;
	const actorIds = Object.keys(scenario.actors);
	for (const [actorId, actor] of Object.entries(scenario.actors)) {
		if (actorId === chance)
			report(
				['actors', actorId],
				'"chance" is reserved for chance transitions',
				'rename the actor'
			);
		for (const [choiceId, choice] of Object.entries(actor.choices)) {
			const options = Object.keys(choice.options);
			if (options.length === 0)
				report(
					['actors', actorId, 'choices', choiceId, 'options'],
					'a choice needs at least one option'
				);
			else if (!options.includes(choice.default)) {
				report(
					['actors', actorId, 'choices', choiceId, 'default'],
					`default "${choice.default}" is not one of the options`,
					didYouMean(choice.default, options)
				);
			}
		}
	}
	for (const [id, ind] of Object.entries(scenario.indicators)) {
		if (ind.min !== undefined && ind.max !== undefined && ind.min > ind.max) {
			report(
				['indicators', id],
				`min ${ind.min} is greater than max ${ind.max}`,
				`swap them: min: ${ind.max}, max: ${ind.min}, or lower min to at most ${ind.max}`
			);
		} else if (
			(ind.min !== undefined && ind.initial < ind.min) ||
			(ind.max !== undefined && ind.initial > ind.max)
		) {
			report(['indicators', id, 'initial'], `initial value ${ind.initial} is outside [min, max]`);
		}
	}
	for (const kind of ['indicators', 'dimensions'] as const)
		for (const [id, scale] of Object.entries(scenario[kind]))
			for (const level of Object.keys(scale.levels ?? {})) {
				const value = Number(level);
				if ((scale.min ?? -Infinity) <= value && value <= (scale.max ?? Infinity)) continue;
				report(
					[kind, id, 'levels', level],
					`level ${value} is outside the range [${scale.min ?? '-∞'}, ${scale.max ?? '∞'}]`,
					'name only values from min to max, or widen the range'
				);
			}
	const indicatorIds = Object.keys(scenario.indicators);
	const dimensionIds = Object.keys(scenario.dimensions);
	for (const state of states.values()) {
		for (const [dim, score] of Object.entries(state.outcome?.scores ?? {})) {
			const bounds = Object.hasOwn(scenario.dimensions, dim) ? scenario.dimensions[dim] : undefined;
			if (bounds && (score < (bounds.min ?? -Infinity) || score > (bounds.max ?? Infinity))) {
				report(
					[...state.docPath, 'outcome', 'scores', dim],
					`score ${score} is outside the dimension's range [${bounds.min ?? '-∞'}, ${bounds.max ?? '∞'}]`,
					`change the score, or the min and max of dimensions.${dim}`
				);
			}
			if (!dimensionIds.includes(dim)) {
				report(
					[...state.docPath, 'outcome', 'scores', dim],
					`unknown dimension "${dim}"`,
					didYouMean(dim, dimensionIds) ?? 'declare it under dimensions'
				);
			}
		}
		if (state.kind === 'parallel' && state.children.length < 2) {
			report(
				state.docPath,
				'a parallel state needs at least two regions',
				'add a second region, or remove type: parallel'
			);
		}
	}
	for (const t of model.transitions) {
		if (t.by !== chance && !actorIds.includes(t.by)) {
			report(
				[...t.docPath, 'by'],
				`unknown actor "${t.by}"`,
				didYouMean(t.by, [...actorIds, chance])
			);
		}
		for (const key of ['effects', 'set'] as const) {
			for (const name of Object.keys(t[key])) {
				if (!indicatorIds.includes(name)) {
					report(
						[...t.docPath, key, name],
						`unknown indicator "${name}"`,
						didYouMean(name, indicatorIds) ?? 'declare it under indicators'
					);
				}
			}
		}
		const whenPath = [...t.docPath, 'when'];
		t.when.forEach((c, i) =>
			checkCondition(model, c, t.whenIsList ? [...whenPath, i] : whenPath, report)
		);
		if (t.source === '')
			report(t.docPath, 'the root state cannot have transitions', 'put them on a child state');
		t.evidence.forEach((e, i) =>
			checkQuoteSource(scenario, e.source, [...t.docPath, 'evidence', i], 'evidence', report)
		);
	}
}

function checkCondition(model: Model, c: Condition, path: Path, report: Report): void {
	if ('all' in c)
		return c.all.forEach((x, i) => checkCondition(model, x, [...path, 'all', i], report));
	if ('any' in c)
		return c.any.forEach((x, i) => checkCondition(model, x, [...path, 'any', i], report));
	if ('not' in c) return checkCondition(model, c.not, [...path, 'not'], report);
	if ('in' in c || 'notIn' in c) {
		const statePath = 'in' in c ? c.in : c.notIn;
		if (!model.states.has(statePath) || statePath === '') {
			const paths = [...model.states.keys()].filter(Boolean);
			const full = paths.filter((p) => p.endsWith(`.${statePath}`));
			const hint =
				full.length === 1
					? `conditions name states by their full path: write "${full[0]}"`
					: (didYouMean(statePath, paths) ?? 'use a path from the root, such as ties.strained');
			report([...path, 'in' in c ? 'in' : 'notIn'], `unknown state "${statePath}"`, hint);
		}
		return;
	}
	if ('indicator' in c) {
		const ids = Object.keys(model.scenario.indicators);
		if (!ids.includes(c.indicator))
			report(
				[...path, 'indicator'],
				`unknown indicator "${c.indicator}"`,
				didYouMean(c.indicator, ids)
			);
		if (c.atLeast === undefined && c.atMost === undefined)
			report(path, 'an indicator condition needs atLeast or atMost');
		return;
	}
	const [actorId, choiceId, ...rest] = c.choice.split('.');
	const actor = Object.hasOwn(model.scenario.actors, actorId)
		? model.scenario.actors[actorId]
		: undefined;
	if (!actor || choiceId === undefined || rest.length > 0) {
		const known = Object.entries(model.scenario.actors).flatMap(([a, x]) =>
			Object.keys(x.choices).map((ch) => `${a}.${ch}`)
		);
		report(
			[...path, 'choice'],
			`unknown choice "${c.choice}"`,
			didYouMean(c.choice, known) ?? 'write actor.choice, as in russia.response'
		);
		return;
	}
	const choice = Object.hasOwn(actor.choices, choiceId) ? actor.choices[choiceId] : undefined;
	if (!choice) {
		report(
			[...path, 'choice'],
			`actor "${actorId}" has no choice "${choiceId}"`,
			didYouMean(choiceId, Object.keys(actor.choices))
		);
		return;
	}
	const key = 'is' in c ? 'is' : 'isNot';
	const values = 'is' in c ? c.is : c.isNot;
	const options = Object.keys(choice.options);
	for (const option of Array.isArray(values) ? values : [values]) {
		if (!options.includes(option))
			report(
				[...path, key],
				`"${option}" is not an option of ${c.choice}`,
				didYouMean(option, options)
			);
	}
}

/**
 * Two transitions on the same event must never be enabled in the same configuration, or sending
 * the event would be ambiguous: their sources must be in different branches of a compound state.
 */
function checkEventConflicts(model: Model, report: Report): void {
	const byEvent = new Map<string, TransitionInfo[]>();
	for (const t of model.transitions) byEvent.set(t.event, [...(byEvent.get(t.event) ?? []), t]);
	for (const group of byEvent.values()) {
		for (let i = 0; i < group.length; i++) {
			for (let j = 0; j < i; j++) {
				const [a, b] = [group[j], group[i]];
				if (a.source === b.source) continue; // reported as a duplicate already
				if (canBeActiveTogether(model, a.source, b.source)) {
					report(
						[...b.docPath, 'event'],
						`event "${b.event}" is also used by a transition from "${a.source || '(root)'}", which can be active at the same time`,
						'give one of them another event name'
					);
				}
			}
		}
	}
}

/** Two state nodes can be active at once when one contains the other or they meet in a parallel state. */
export function canBeActiveTogether(model: Model, a: string, b: string): boolean {
	if (isAncestorOrSelf(a, b) || isAncestorOrSelf(b, a)) return true;
	const chainA = [a, ...ancestors(a)];
	const common = [b, ...ancestors(b)].find((p) => chainA.includes(p)) ?? '';
	return model.states.get(common)?.kind === 'parallel';
}

/**
 * A quote's source (evidence's or a claim's): one listed under sources, or left out only when the
 * scenario lists exactly one. `what` names the quoting part: `evidence`, `claim`.
 */
export function checkQuoteSource(
	scenario: Scenario,
	source: string | undefined,
	path: Path,
	what: 'evidence' | 'claim',
	report: Report
): void {
	const { sources } = scenario;
	if (source !== undefined && !sources.includes(source)) {
		report(
			[...path, 'source'],
			`source "${source}" is not listed under sources`,
			didYouMean(source, sources)
		);
	} else if (source === undefined && sources.length !== 1) {
		const [quotes, must] =
			what === 'evidence' ? ['evidence', 'evidence'] : ['the claim', 'a claim'];
		report(
			path,
			sources.length === 0
				? `${quotes} quotes a source, but the scenario lists no sources`
				: `${must} must name its source when the scenario lists several`,
			sources.length ? `add source: ${sources[0]}` : 'list the source id under sources'
		);
	}
}
