/**
 * The compiled statechart as XState JSON: the machine definition `machine.toJSON()` returns,
 * which the Stately editor and XState's tools read. Named guards and actions serialise as
 * `{ type, params }`; XState's guard combinators (`and`, `or`, `not`, `stateIn`) are functions,
 * which `JSON.stringify` would drop, so they are written out as `{ type: 'xstate.and', guards }`.
 */
import { toMachine } from '../engine/machine';
import type { Model } from '../scenario/model';

/** What XState's combinators carry besides being callable. */
interface Combinator {
	(...args: unknown[]): unknown;
	check: unknown;
	guards?: unknown[];
	stateValue?: unknown;
}

const isCombinator = (value: unknown): value is Combinator =>
	typeof value === 'function' && 'check' in value;

/** Keep combinator guards; leave everything else as `JSON.stringify` has it. */
function replacer(_key: string, value: unknown): unknown {
	if (!isCombinator(value)) return value;
	return {
		type: `xstate.${value.name}`,
		...(value.guards !== undefined && { guards: value.guards }),
		...(value.stateValue !== undefined && { params: { stateValue: value.stateValue } })
	};
}

/**
 * The machine definition as indented JSON text.
 *
 * `JSON.parse(toXStateJson(model)).id === model.scenario.id`
 */
export function toXStateJson(model: Model): string {
	return `${JSON.stringify(toMachine(model).toJSON(), replacer, 2)}\n`;
}
