/**
 * A chain explored at build time and shipped with the page (toChainData → the page's serialised
 * data → fromChainData) must give exactly what exploring in the browser gives, for every analysis
 * the dashboard runs on it. structuredClone stands in for the page's serialisation: it keeps typed
 * arrays, and refuses functions, so a chain that still held the XState machine would fail here.
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir, loadFixture } from '../../../tests/unit/fixtures';
import { loadScenarioFile, toScenarioFile } from '../../cli/files';
import { analyze } from './analyze';
import { explore, fromChainData, toChainData } from './explore';
import { indicatorFan } from './fan';
import { likelihoodIntervals } from './interval';
import type { LoadedScenario } from './load';
import { createMonteCarlo } from './montecarlo';
import { likelyPaths } from './paths';
import { solveExact } from './solve';

const shipped = [
	'regional-escalation',
	'russia-arms-to-iran',
	'israel-russia-ties',
	'hezbollah-escalation'
];

function loadShipped(id: string): LoadedScenario {
	const result = loadScenarioFile(toScenarioFile(id));
	if (!result.ok) throw new Error(`${id} does not load`);
	return result.value;
}

const cases: [string, () => LoadedScenario][] = [
	...shipped.map((id): [string, () => LoadedScenario] => [id, () => loadShipped(id)]),
	...readdirSync(fixturesDir)
		.filter((f) => /\.(ya?ml|json)$/.test(f))
		.map((f): [string, () => LoadedScenario] => [f, () => loadFixture(resolve(fixturesDir, f))])
];

describe('a chain shipped as data', () => {
	it.each(cases)('%s: every analysis equals the explored chain’s', (_name, load) => {
		const loaded = load();
		const { chain, values } = analyze(loaded.compiled);
		const data = structuredClone(toChainData(chain));
		expect(data).not.toHaveProperty('snapshots');
		expect(data).not.toHaveProperty('compiled');
		const rebuilt = fromChainData(loaded.compiled, data);

		expect(solveExact(rebuilt)).toEqual(solveExact(chain));
		expect(likelihoodIntervals(rebuilt, values, 50, 7)).toEqual(
			likelihoodIntervals(chain, values, 50, 7)
		);
		expect(likelyPaths(rebuilt, { perOutcome: 2, maxPaths: 10 })).toEqual(
			likelyPaths(chain, { perOutcome: 2, maxPaths: 10 })
		);
		expect(indicatorFan(rebuilt)).toEqual(indicatorFan(chain));
		const run = (c: typeof chain) => {
			const mc = createMonteCarlo(c, { seed: 3 });
			mc.run(2_000);
			return mc.result();
		};
		expect(run(rebuilt)).toEqual(run(chain));
	});

	it('is the chain explored under the same choices, field by field', () => {
		const loaded = loadShipped('regional-escalation');
		const { chain, choices, values } = analyze(loaded.compiled);
		const again = explore(loaded.compiled, choices, values);
		expect(toChainData(again)).toEqual(toChainData(chain));
		expect(Object.keys(toChainData(chain)).sort()).toEqual(
			Object.keys(chain)
				.filter((k) => k !== 'compiled' && k !== 'snapshots')
				.sort()
		);
	});
});

describe('analyze with a chain computed ahead', () => {
	const regions = loadFixture('regions.yaml');
	const flare = 'crisis.front.quiet:front.flare';

	it('uses it when its choices and likelihoods are the settings’, with the same result', () => {
		const settings = { likelihoods: { [flare]: 0.6 } };
		const ahead = analyze(regions.compiled, settings);
		const known = {
			chain: structuredClone(toChainData(ahead.chain)),
			likelihoods: { [flare]: 0.6 }
		};
		const again = analyze(regions.compiled, settings, known);
		// Rebuilt from the data: it did not explore (the very arrays it was given).
		expect(again.chain.edgeTarget).toBe(known.chain.edgeTarget);
		expect(again.exact).toEqual(ahead.exact);
	});

	it('explores afresh when the likelihoods or the choices differ', () => {
		const known = { chain: toChainData(analyze(regions.compiled).chain), likelihoods: {} };
		const set = analyze(regions.compiled, { likelihoods: { [flare]: 0.6 } }, known);
		expect(set.chain.edgeTarget).not.toBe(known.chain.edgeTarget);
		expect(set.exact).toEqual(analyze(regions.compiled, { likelihoods: { [flare]: 0.6 } }).exact);
		const [key, choice] = Object.entries(regions.compiled.model.scenario.actors).flatMap(
			([actor, a]) => Object.entries(a.choices).map(([c, ch]) => [`${actor}.${c}`, ch] as const)
		)[0];
		const other = Object.keys(choice.options).find(
			(o) => o !== regions.compiled.defaultChoices[key]
		)!;
		const chosen = analyze(regions.compiled, { choices: { [key]: other } }, known);
		expect(chosen.chain.edgeTarget).not.toBe(known.chain.edgeTarget);
		expect(chosen.choices[key]).toBe(other);
	});
});
