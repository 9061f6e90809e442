/**
 * Property tests (fast-check): generated scenario documents, and mutations of valid ones, never
 * make the loader throw; it either accepts a scenario, which then explores and solves with
 * probabilities that add up to 1 and a seeded Monte Carlo that agrees with the exact result, or it
 * returns well-formed diagnostics. Seeded: a failure prints its seed and path, and
 * `FC_SEED=<seed> npx vitest run tests/unit/property.test.ts` replays the same cases.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { analyze } from '../../src/lib/engine/analyze';
import { loadScenario, type LoadResult } from '../../src/lib/engine/load';
import { monteCarlo, standardError } from '../../src/lib/engine/montecarlo';
import type { Diagnostic } from '../../src/lib/scenario/diagnostics';
import { resolverFromFiles } from '../../src/lib/scenario/sources';
import { fixturesDir } from './fixtures';

const seed = Number(process.env.FC_SEED ?? 20261124);
/**
 * How many cases a property draws. `npm test` draws a quarter of the full count (the same cases
 * each time: the seed is fixed), enough to meet every kind of mutation many times over; before a
 * change to the loader, `FC_RUNS=full npx vitest run tests/unit/property.test.ts` draws them all.
 */
const share = process.env.FC_RUNS === 'full' ? 1 : 1 / 4;
const draws = (full: number) => Math.ceil(full * share);
const resolveSource = resolverFromFiles((path) => {
	try {
		return readFileSync(resolve(fixturesDir, path));
	} catch {
		return undefined;
	}
}, 'tests/fixtures/valid');
const load = (text: string | Uint8Array): LoadResult =>
	loadScenario('generated.yaml', text, resolveSource);

/** What every diagnostic must look like: a place, a message in words, no leaked internals. */
function expectWellFormed(diagnostics: Diagnostic[]): void {
	expect(diagnostics.length).toBeGreaterThan(0);
	for (const d of diagnostics) {
		expect(d.file).toMatch(/\S/);
		expect(d.line).toBeGreaterThanOrEqual(0);
		expect(d.column).toBeGreaterThanOrEqual(0);
		expect(d.message).toMatch(/\S/);
		const text = `${d.message} ${d.hint ?? ''}`;
		expect(text).not.toMatch(/\[object Object\]|\bundefined\b|\n\s+at |TypeError|ReferenceError/);
	}
}

// ---------------------------------------------------------------- generated scenarios

interface Spec {
	states: number;
	finals: number;
	/** Per transient state: its branches as [target index, weight, effect]. */
	branches: [number, number, number][][];
	guarded: boolean;
	ranged: boolean;
	/** Give state i a first branch to state i + 1 (the last to the first final), so most specs are valid. */
	forward: boolean;
}

const specArbitrary: fc.Arbitrary<Spec> = fc
	.record({ states: fc.integer({ min: 1, max: 6 }), finals: fc.integer({ min: 1, max: 3 }) })
	.chain(({ states, finals }) =>
		fc.record({
			states: fc.constant(states),
			finals: fc.constant(finals),
			branches: fc.array(
				fc.array(
					fc.tuple(
						fc.integer({ min: 0, max: states + finals - 1 }),
						fc.integer({ min: 1, max: 9 }),
						fc.integer({ min: -1, max: 1 })
					),
					{ minLength: 1, maxLength: 3 }
				),
				{ minLength: states, maxLength: states }
			),
			guarded: fc.boolean(),
			ranged: fc.boolean(),
			forward: fc.integer({ min: 0, max: 3 }).map((n) => n > 0)
		})
	);

/** A scenario document from a spec: states s0…, finals f0…, chance branches with fixed shares. */
function toDocument(spec: Spec): Record<string, unknown> {
	const name = (i: number) => (i < spec.states ? `s${i}` : `f${i - spec.states}`);
	const states: Record<string, unknown> = {};
	spec.branches.forEach((drawn, i) => {
		const branches: [number, number, number][] = spec.forward ? [[i + 1, 3, 0], ...drawn] : drawn;
		const total = branches.reduce((sum, [, w]) => sum + w, 0);
		states[name(i)] = {
			on: branches.map(([target, weight, effect], k) => {
				const last = k === branches.length - 1;
				const share = Math.round((weight / total) * 1000) / 1000;
				const likelihood = last
					? 'rest'
					: spec.ranged && k === 0
						? [Math.max(0, share - 0.05), share]
						: share;
				return {
					event: `e${i}.${k}`,
					target: name(target),
					by: 'chance',
					likelihood,
					...(spec.guarded && i === 0 && k === 0
						? { when: { choice: 'west.posture', is: 'press' } }
						: {}),
					...(effect !== 0 ? { effects: { level: effect } } : {}),
					assumption: `generated branch ${k} of state ${i}`
				};
			})
		};
	});
	for (let f = 0; f < spec.finals; f++)
		states[`f${f}`] = { type: 'final', outcome: { label: `End ${f}` } };
	return {
		id: 'generated',
		title: 'Generated',
		actors: {
			west: {
				label: 'West',
				choices: {
					posture: { label: 'Posture', default: 'wait', options: { wait: 'W', press: 'P' } }
				}
			}
		},
		indicators: { level: { label: 'Level', initial: 2, min: 0, max: 4 } },
		statechart: { initial: 's0', states }
	};
}

describe('generated scenarios', () => {
	it('load without throwing; an accepted one solves to probabilities adding up to 1, and Monte Carlo agrees', () => {
		let accepted = 0;
		let refused = 0;
		fc.assert(
			fc.property(specArbitrary, (spec) => {
				const result = load(stringify(toDocument(spec)));
				if (!result.ok) {
					refused++;
					expectWellFormed(result.diagnostics);
					return;
				}
				accepted++;
				for (const choices of [{}, { 'west.posture': 'press' }] as Record<string, string>[]) {
					const { chain, exact } = analyze(result.value.compiled, { choices });
					const total = exact.outcomes.reduce((sum, o) => sum + o.probability, 0);
					expect(total).toBeCloseTo(1, 9);
					const runs = 4_000;
					const mc = monteCarlo(chain, runs, { seed: `${seed}` });
					for (const o of exact.outcomes) {
						const estimate = mc.outcomes.find((m) => m.id === o.id)?.probability ?? 0;
						// 5 standard errors, and at least a few runs' worth where p is near 0 or 1.
						const p = Math.min(1, Math.max(0, o.probability));
						expect(Math.abs(estimate - p)).toBeLessThanOrEqual(
							5 * standardError(p, runs) + 3 / runs
						);
					}
				}
			}),
			{ seed, numRuns: 300 }
		);
		// Both sides of the property were exercised.
		expect(accepted).toBeGreaterThan(50);
		expect(refused).toBeGreaterThan(5);
	});
});

// ---------------------------------------------------------------- mutations

const ladderText = readFileSync(resolve(fixturesDir, 'ladder.yaml'), 'utf8');
const regionsText = readFileSync(resolve(fixturesDir, 'regions.yaml'), 'utf8');
const documents = [parse(ladderText), parse(regionsText)] as Record<string, unknown>[];

/** Every path to a node of a plain JSON-like value. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
	const here = [prefix];
	if (Array.isArray(value)) return here.concat(...value.map((v, i) => pathsOf(v, [...prefix, i])));
	if (value && typeof value === 'object')
		return here.concat(...Object.entries(value).map(([k, v]) => pathsOf(v, [...prefix, k])));
	return here;
}

const junk = fc.oneof(
	fc.constant(null),
	fc.boolean(),
	fc.integer(),
	fc.double(),
	fc.string({ maxLength: 12 }),
	fc.constantFrom('rest', 'likely', 'final', 'parallel', '', '<script>x</script>', 's0', 'crisis'),
	fc.array(fc.integer(), { maxLength: 3 }),
	fc.dictionary(fc.string({ maxLength: 6 }), fc.integer(), { maxKeys: 2 })
);

type Mutation =
	| { kind: 'set'; at: number; value: unknown }
	| { kind: 'delete'; at: number }
	| { kind: 'rename'; at: number; name: string }
	| { kind: 'copy'; at: number; to: number };

const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
	fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: junk }),
	fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
	fc.record({
		kind: fc.constant('rename' as const),
		at: fc.nat(),
		name: fc.oneof(
			fc.string({ maxLength: 8 }),
			fc.constantFrom('on', 'type', 'initial', '__proto__')
		)
	}),
	fc.record({ kind: fc.constant('copy' as const), at: fc.nat(), to: fc.nat() })
);

function mutate(document: unknown, mutations: Mutation[]): unknown {
	const root = structuredClone(document);
	for (const m of mutations) {
		const paths = pathsOf(root).filter((p) => p.length > 0);
		if (paths.length === 0) break;
		const path = paths[m.at % paths.length];
		let parent = root as Record<string | number, unknown>;
		for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
		const key = path[path.length - 1];
		if (m.kind === 'set') parent[key] = m.value;
		else if (m.kind === 'delete') {
			if (Array.isArray(parent)) parent.splice(Number(key), 1);
			else delete parent[key];
		} else if (m.kind === 'rename' && !Array.isArray(parent)) {
			const value = parent[key];
			delete parent[key];
			Object.defineProperty(parent, m.name, {
				value,
				enumerable: true,
				writable: true,
				configurable: true
			});
		} else if (m.kind === 'copy') {
			const from = paths[m.to % paths.length];
			let source = root as Record<string | number, unknown>;
			for (const k of from) source = source[k] as Record<string | number, unknown>;
			parent[key] = structuredClone(source);
		}
	}
	return root;
}

describe('mutated scenarios never break the loader', () => {
	it('structural mutations of valid documents (as YAML and as JSON)', () => {
		let refused = 0;
		fc.assert(
			fc.property(
				fc.constantFrom(0, 1),
				fc.array(mutationArbitrary, { minLength: 1, maxLength: 4 }),
				fc.boolean(),
				(which, mutations, asJson) => {
					const document = mutate(documents[which], mutations);
					const text = asJson ? JSON.stringify(document, null, 1) : stringify(document);
					const result = load(text ?? '');
					if (result.ok) expect(result.value.compiled.model.states.size).toBeGreaterThan(0);
					else {
						refused++;
						expectWellFormed(result.diagnostics);
					}
				}
			),
			{ seed, numRuns: draws(2_000) }
		);
		expect(refused).toBeGreaterThan(draws(500));
	});

	it('character-level damage to the text (inserted, deleted and replaced characters and bytes)', () => {
		const edit = fc.record({
			at: fc.nat(),
			remove: fc.integer({ min: 0, max: 8 }),
			insert: fc.oneof(
				fc.string({ maxLength: 6 }),
				fc.constantFrom(
					':',
					'- ',
					'\t',
					'&a ',
					'*a',
					'[',
					'{',
					'"',
					"'",
					'|',
					'>',
					'#',
					'\n  ',
					'\u0000',
					'\uFEFF'
				)
			)
		});
		let refused = 0;
		fc.assert(
			fc.property(
				fc.constantFrom(ladderText, regionsText),
				fc.array(edit, { minLength: 1, maxLength: 5 }),
				fc.boolean(),
				(original, edits, asBytes) => {
					let text = original;
					for (const { at, remove, insert } of edits) {
						const i = at % (text.length + 1);
						text = text.slice(0, i) + insert + text.slice(i + remove);
					}
					const input = asBytes ? new TextEncoder().encode(text) : text;
					const result = load(input);
					if (!result.ok) {
						refused++;
						expectWellFormed(result.diagnostics);
					}
				}
			),
			{ seed, numRuns: draws(2_000) }
		);
		expect(refused).toBeGreaterThan(draws(200));
	});
});
