/**
 * A compiled scenario under one of its readings (scenario/readings.ts): the same machine, with
 * the reading's likelihoods in place of the steps it names. Everything downstream (exploration,
 * intervals, sensitivity, the step-through) reads likelihoods from the model's transitions, so a
 * reading needs nothing else. Each reading is built once per compiled scenario.
 */
import { didYouMean } from '../scenario/diagnostics';
import { SettingsError, type Compiled } from './compile';

const built = new WeakMap<Compiled, Map<string, Compiled>>();

/**
 * `withReading(compiled, 'sceptic')`: the scenario as the sceptic's reading has it; `compiled`
 * itself for no reading (undefined or ''). A compiled reading given again is read from its base,
 * so readings never stack. Throws a SettingsError naming the readings for an unknown one.
 */
export function withReading(compiled: Compiled, reading: string | undefined): Compiled {
	const base = compiled.base ?? compiled;
	if (reading === undefined || reading === '') return base;
	let cache = built.get(base);
	if (!cache) built.set(base, (cache = new Map()));
	const known = cache.get(reading);
	if (known) return known;
	const info = base.model.readings.find((r) => r.id === reading);
	if (!info) {
		const ids = base.model.readings.map((r) => r.id);
		const hint = didYouMean(reading, ids);
		throw new SettingsError(
			`unknown reading "${reading}"${hint ? ` (${hint})` : ''}: ${
				ids.length === 0 ? 'this scenario has no readings' : `its readings are ${ids.join(', ')}`
			}`
		);
	}
	const transitions = [...base.model.transitions];
	for (const change of info.changes) {
		const t = transitions[change.transition];
		transitions[change.transition] = { ...t, likelihood: change.likelihood };
	}
	const result: Compiled = { ...base, model: { ...base.model, transitions }, base, reading: info };
	cache.set(reading, result);
	return result;
}
