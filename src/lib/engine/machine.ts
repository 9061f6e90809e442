/**
 * Compile a validated model into an XState 5 machine, built with `setup(...).createMachine(...)`.
 * Stepping, exploration and simulation all run on this machine; the likelihood, actor and
 * evidence of each transition travel in its `meta`.
 */
import {
	and,
	assign,
	not,
	or,
	setup,
	stateIn,
	type AnyMachineSnapshot,
	type StateValue
} from 'xstate';
import type { Model, StateInfo, TransitionInfo } from '../scenario/model';
import { addToIndicator } from './indicators';
import type { Condition } from '../scenario/schema';

export interface BrinkContext {
	/** The option chosen for each `actor.choice`. */
	choices: Record<string, string>;
	indicators: Record<string, number>;
}

export interface BrinkInput {
	choices: Record<string, string>;
}

export interface TransitionMeta {
	index: number;
	id: string;
}

/** The state value that `snapshot.matches` accepts for a dotted path: 'a.b.c' → { a: { b: 'c' } }. */
export function toStateValue(path: string): StateValue {
	const keys = path.split('.');
	let value: StateValue = keys[keys.length - 1];
	for (let i = keys.length - 2; i >= 0; i--) value = { [keys[i]]: value };
	return value;
}

function clamp(value: number, min = -Infinity, max = Infinity): number {
	return Math.min(max, Math.max(min, value));
}

/** The machine for a model. Its id is the scenario id; state ids are `id.path`. */
export function toMachine(model: Model) {
	const { indicators } = model.scenario;
	const machineSetup = setup({
		types: {
			context: {} as BrinkContext,
			input: {} as BrinkInput,
			events: {} as { type: string }
		},
		guards: {
			choiceIs: ({ context }, params: { choice: string; options: string[] }) =>
				params.options.includes(context.choices[params.choice]),
			indicatorWithin: (
				{ context },
				params: { indicator: string; atLeast?: number; atMost?: number }
			) => {
				const v = context.indicators[params.indicator];
				return v >= (params.atLeast ?? -Infinity) && v <= (params.atMost ?? Infinity);
			}
		},
		actions: {
			applyEffects: assign(
				({ context }, params: { effects: Record<string, number>; set: Record<string, number> }) => {
					const next = { ...context.indicators };
					for (const [name, value] of Object.entries(params.set)) next[name] = value;
					for (const [name, delta] of Object.entries(params.effects))
						next[name] = addToIndicator(next[name], delta);
					for (const name of Object.keys(params.set).concat(Object.keys(params.effects))) {
						next[name] = clamp(next[name], indicators[name]?.min, indicators[name]?.max);
					}
					return { indicators: next };
				}
			)
		}
	});

	// Guards built from the setup's named guards and XState's combinators. The machine config is
	// generated from data, so its guard objects are typed loosely here and checked by the tests.
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	type Guard = any;
	const toGuard = (c: Condition): Guard => {
		if ('all' in c) return and(c.all.map(toGuard));
		if ('any' in c) return or(c.any.map(toGuard));
		if ('not' in c) return not(toGuard(c.not));
		if ('in' in c) return stateIn(toStateValue(c.in));
		if ('notIn' in c) return not(stateIn(toStateValue(c.notIn)));
		if ('indicator' in c) {
			return {
				type: 'indicatorWithin',
				params: { indicator: c.indicator, atLeast: c.atLeast, atMost: c.atMost }
			};
		}
		const is = 'is' in c;
		const values = is ? c.is : c.isNot;
		const guard: Guard = {
			type: 'choiceIs',
			params: { choice: c.choice, options: Array.isArray(values) ? values : [values] }
		};
		return is ? guard : not(guard);
	};

	const byState = new Map<string, TransitionInfo[]>();
	for (const t of model.transitions) byState.set(t.source, [...(byState.get(t.source) ?? []), t]);
	const machineId = model.scenario.id;

	const toTransition = (t: TransitionInfo) => ({
		target: `#${machineId}.${t.target}`,
		reenter: true,
		guard:
			t.when.length === 0
				? undefined
				: t.when.length === 1
					? toGuard(t.when[0])
					: and(t.when.map(toGuard)),
		actions:
			Object.keys(t.effects).length + Object.keys(t.set).length > 0
				? [{ type: 'applyEffects' as const, params: { effects: t.effects, set: t.set } }]
				: [],
		description: t.description ?? t.label,
		meta: { index: t.index, id: t.id } satisfies TransitionMeta
	});

	const toNode = (state: StateInfo): Record<string, unknown> => {
		const node: Record<string, unknown> = { description: state.description ?? state.label };
		if (state.kind === 'parallel' || state.kind === 'final') node.type = state.kind;
		if (state.kind === 'compound')
			node.initial = state.initial!.slice(state.initial!.lastIndexOf('.') + 1);
		if (state.children.length > 0) {
			node.states = Object.fromEntries(
				state.children.map((child) => [
					model.states.get(child)!.key,
					toNode(model.states.get(child)!)
				])
			);
		}
		const out = byState.get(state.path) ?? [];
		if (out.length > 0) node.on = Object.fromEntries(out.map((t) => [t.event, [toTransition(t)]]));
		if (state.outcome) node.meta = { outcome: state.outcome };
		return node;
	};

	const root = toNode(model.states.get('')!);
	const initialIndicators = Object.fromEntries(
		Object.entries(indicators).map(([name, ind]) => [name, ind.initial])
	);
	return machineSetup.createMachine({
		...(root as object),
		id: machineId,
		context: ({ input }) => ({
			choices: { ...input.choices },
			indicators: { ...initialIndicators }
		})
	} as Parameters<typeof machineSetup.createMachine>[0]);
}

export type BrinkMachine = ReturnType<typeof toMachine>;
export type BrinkSnapshot = AnyMachineSnapshot & { context: BrinkContext };

/** Dotted paths of the active leaf states, sorted: a canonical name for a configuration. */
export function activeLeaves(value: StateValue, prefix = ''): string[] {
	if (typeof value === 'string') return [prefix === '' ? value : `${prefix}.${value}`];
	const leaves: string[] = [];
	for (const key of Object.keys(value).sort()) {
		const path = prefix === '' ? key : `${prefix}.${key}`;
		const child = value[key];
		if (child === undefined || (typeof child === 'object' && Object.keys(child).length === 0))
			leaves.push(path);
		else leaves.push(...activeLeaves(child, path));
	}
	return leaves;
}
