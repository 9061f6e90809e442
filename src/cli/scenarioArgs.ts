/**
 * The arguments `simulate` and `export` share: one scenario (an id or a file), the user's
 * choices and likelihoods, the reading of the source, and the seed.
 */
import type { ParseArgsConfig } from 'node:util';
import type { Settings } from '../lib/engine/compile';
import type { LoadedScenario } from '../lib/engine/load';
import type { Seed } from '../lib/engine/rng';
import { formatDiagnostic } from '../lib/scenario/diagnostics';
import { loadScenarioFile, toScenarioFile } from './files';
import { toPairs, UsageError, err } from './run';

export const settingsOptions = {
	set: { type: 'string', multiple: true },
	likelihood: { type: 'string', multiple: true },
	reading: { type: 'string' },
	seed: { type: 'string' }
} as const satisfies ParseArgsConfig['options'];

/** `--set`, `--likelihood`, `--reading` and `--seed` as settings; a malformed value is a UsageError. */
export function toSettings(flags: {
	set?: string[];
	likelihood?: string[];
	reading?: string;
	seed?: string;
}): {
	settings: Required<Omit<Settings, 'observations'>>;
	seed: Seed;
} {
	const likelihoods = Object.fromEntries(
		Object.entries(toPairs(flags.likelihood, '--likelihood')).map(([id, v]) => {
			const value = Number(v);
			if (!Number.isFinite(value))
				throw new UsageError(`--likelihood ${id} takes a number, got "${v}"`);
			return [id, value];
		})
	);
	const seedText = flags.seed ?? '1';
	const seed = /^\d+$/.test(seedText) ? Number(seedText) : seedText;
	return {
		settings: { choices: toPairs(flags.set, '--set'), likelihoods, reading: flags.reading ?? '' },
		seed
	};
}

/**
 * The one scenario the positionals name, loaded; its diagnostics are printed and `undefined`
 * returned when it does not load.
 */
export function loadNamedScenario(
	positionals: string[],
	usage: string
): LoadedScenario | undefined {
	if (positionals.length !== 1) throw new UsageError(`give one scenario id or file\n${usage}`);
	const loaded = loadScenarioFile(toScenarioFile(positionals[0]));
	if (loaded.ok) return loaded.value;
	for (const d of loaded.diagnostics) err(`${formatDiagnostic(d)}\n`);
	return undefined;
}
