/**
 * The compiled tables against the XState machine they are compiled from: exploring on the tables
 * (explore) and with XState's `transition` (exploreMachine) must give the same chain, state for
 * state and edge for edge, or the same refusal. Every shipped scenario under a set of combinations
 * of choices in which every three choices meet in every way (every combination with FC_RUNS=full)
 * and every reading, the fixtures, and generated statecharts that nest compound and
 * parallel states, cross regions, target ancestors, compound and parallel states, guard on
 * states, choices and indicators, and move indicators.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadFixture, loadShippedScenario, shippedIds } from '../../../tests/unit/fixtures';
import { choiceCombinations } from './check';
import { compile, likelihoodValues, type Compiled } from './compile';
import { explore, ExploreError, type Chain } from './explore';
import { exploreMachine } from './exploreMachine';
import { withReading } from './reading';
import { parseText } from '../scenario/parse';
import { validateDocument } from '../scenario/validate';

function expectSameChain(reference: Chain, chain: Chain): void {
	expect(chain.size).toBe(reference.size);
	expect(chain.leaves).toEqual(reference.leaves);
	expect(chain.indicators).toEqual(reference.indicators);
	expect(chain.rowStart).toEqual(reference.rowStart);
	expect(chain.edgeTarget).toEqual(reference.edgeTarget);
	expect(chain.edgeTransition).toEqual(reference.edgeTransition);
	expect(chain.edgeShare).toEqual(reference.edgeShare);
	expect(chain.edgeSet).toEqual(reference.edgeSet);
	expect(chain.sets).toEqual(reference.sets);
	expect(chain.edgeProbability).toEqual(reference.edgeProbability);
}

type Explored = { chain: Chain } | { refused: ExploreError['problem'] };

function run(
	how: typeof explore,
	compiled: Compiled,
	choices: Record<string, string>,
	max?: number
): Explored {
	try {
		return { chain: how(compiled, choices, likelihoodValues(compiled), max) };
	} catch (error) {
		if (error instanceof ExploreError) return { refused: error.problem };
		throw error;
	}
}

/** Both ways under the choices; returns whether the machine explored (not refused). */
function expectSame(compiled: Compiled, choices: Record<string, string>, max?: number): boolean {
	const reference = run(exploreMachine, compiled, choices, max);
	const tables = run(explore, compiled, choices, max);
	if ('refused' in reference) {
		expect(tables).toEqual(reference);
		return false;
	}
	expect('chain' in tables, JSON.stringify(tables)).toBe(true);
	expectSameChain(reference.chain, (tables as { chain: Chain }).chain);
	return true;
}

/**
 * `npm test` compares the chains under a covering set of the combinations of choices (below);
 * `FC_RUNS=full npx vitest run src/lib/engine/tables.test.ts` compares them under every
 * combination and draws every generated statechart, as tests/unit/property.test.ts does.
 */
const full = process.env.FC_RUNS === 'full';

/**
 * The combinations in which every three choices meet in every way they can (every option of one
 * beside every option of two others): all of them when a scenario has three choices or fewer.
 * Every guard on a choice is met, with each option of every other two choices beside it; a
 * scenario's guards name one choice each (with states and indicators), so what the full product
 * adds is the same guards again under more neighbours. Picked greedily, in the combinations'
 * order, the same set each run: regional-escalation's 648 combinations come down to a few dozen.
 */
function coveringCombinations(combinations: Record<string, string>[]): Record<string, string>[] {
	const triplesOf = (choices: Record<string, string>): string[] => {
		const keys = Object.keys(choices).sort();
		if (keys.length <= 3) return [keys.map((k) => `${k}=${choices[k]}`).join('|')];
		const triples: string[] = [];
		for (let i = 0; i < keys.length; i++)
			for (let j = i + 1; j < keys.length; j++)
				for (let k = j + 1; k < keys.length; k++)
					triples.push(
						[keys[i], keys[j], keys[k]].map((key) => `${key}=${choices[key]}`).join('|')
					);
		return triples;
	};
	const triples = combinations.map(triplesOf);
	const uncovered = new Set(triples.flat());
	const picked: Record<string, string>[] = [];
	while (uncovered.size > 0) {
		let best = 0;
		let bestGain = -1;
		triples.forEach((own, index) => {
			const gain = own.filter((t) => uncovered.has(t)).length;
			if (gain > bestGain) [best, bestGain] = [index, gain];
		});
		picked.push(combinations[best]);
		for (const t of triples[best]) uncovered.delete(t);
	}
	return picked;
}

function everyCombination(compiled: Compiled): number {
	const { combinations, complete } = choiceCombinations(compiled);
	expect(complete).toBe(true);
	const compared = full ? combinations : coveringCombinations(combinations);
	for (const choices of compared) expectSame(compiled, { ...compiled.defaultChoices, ...choices });
	return compared.length;
}

describe('exploration on compiled tables', () => {
	it.each(shippedIds)(
		'%s: the same chain as the machine wherever three choices meet (every combination: FC_RUNS=full)',
		(id) => {
			const { compiled } = loadShippedScenario(id);
			expect(everyCombination(compiled)).toBeGreaterThan(1);
			for (const reading of compiled.model.readings) {
				const under = withReading(compiled, reading.id);
				expect(expectSame(under, under.defaultChoices)).toBe(true);
			}
		}
	);

	it.each(['ladder.yaml', 'regions.yaml', 'readings.yaml', 'assumptions.yaml'])(
		'fixture %s: the same chain wherever three choices meet',
		(name) => {
			expect(everyCombination(loadFixture(name).compiled)).toBeGreaterThan(0);
		}
	);

	it('the covering set meets every three choices in every way, and is smaller than all', () => {
		const { compiled } = loadShippedScenario('regional-escalation');
		const { combinations } = choiceCombinations(compiled);
		const covering = coveringCombinations(combinations);
		const keys = Object.keys(compiled.defaultChoices);
		expect(keys.length).toBeGreaterThan(3);
		const meet = (set: Record<string, string>[], a: string, b: string, c: string) =>
			new Set(set.map((choices) => `${choices[a]}|${choices[b]}|${choices[c]}`));
		for (const [i, a] of keys.entries())
			for (const [j, b] of keys.entries())
				for (const c of keys.slice(Math.max(i, j) + 1))
					if (i < j) expect(meet(covering, a, b, c)).toEqual(meet(combinations, a, b, c));
		expect(covering.length).toBeLessThan(combinations.length / 5);
		// Three choices or fewer: every combination.
		const few = combinations.map(({ 'russia.response': r, 'iran.posture': p }) => ({
			'russia.response': r,
			'iran.posture': p
		}));
		expect(coveringCombinations(few).length).toBe(new Set(few.map((c) => JSON.stringify(c))).size);
	});

	it('refuses past the most reachable states in the same place as the machine', () => {
		const { compiled } = loadShippedScenario('regional-escalation');
		const full = explore(compiled, compiled.defaultChoices, likelihoodValues(compiled));
		const max = full.size - 1;
		expect(expectSame(compiled, compiled.defaultChoices, max)).toBe(false);
		expect(run(explore, compiled, compiled.defaultChoices, max)).toMatchObject({
			refused: { kind: 'limit' }
		});
	});

	it('a machine that is done takes no transition, even one out of a state still active', () => {
		// Each region can start again while the other has ended (a 0.5 beside its own "rest");
		// once both have ended the machine is done, and its region states take no transition.
		const region = (name: string, other: string) => ({
			initial: 'a',
			on: [{ ...move(`${name}.again`, `${name}.a`, 0.5), when: { in: `${other}.end` } }],
			states: {
				a: { on: [move(`${name}.end`, `${name}.end`)] },
				end: { type: 'final', outcome: { label: `${name} ends` } }
			}
		});
		const compiled = compileDocument('done', {
			type: 'parallel',
			states: { p: region('p', 'q'), q: region('q', 'p') }
		});
		const chain = explore(compiled, {}, likelihoodValues(compiled));
		expect(chain.leaves.at(-1)).toEqual(['p.end', 'q.end']);
		expect(chain.rowStart.at(-1)! - chain.rowStart.at(-2)!).toBe(0);
		expect(expectSame(compiled, {})).toBe(true);
	});

	it('keeps indicator steps on a grid: ±0.1 from 1 between 0 and 3 gives 31 levels, not a drift', () => {
		const step = (event: string, delta: number, likelihood: unknown) => ({
			...move(event, 's', likelihood),
			effects: { lvl: delta }
		});
		const compiled = compileDocument('drift', {
			initial: 's',
			states: {
				s: { on: [step('up', 0.1, 0.4), step('down', -0.1, 0.4), move('stop', 'end')] },
				end: { type: 'final', outcome: { label: 'End' } }
			}
		});
		const chain = explore(compiled, {}, likelihoodValues(compiled));
		const levels = new Set(chain.indicators);
		expect(levels.size).toBe(31);
		expect([...levels].every((v) => Math.round(v * 10) / 10 === v)).toBe(true);
		expect(chain.size).toBe(62);
		expect(expectSame(compiled, {})).toBe(true);
	});

	it('generated statecharts: the same chain, or the same refusal', () => {
		let explored = 0;
		let refused = 0;
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
				const compiled = compileGenerated(seed);
				for (const choice of ['x', 'y']) {
					if (expectSame(compiled, { 'a.c': choice }, 400)) explored++;
					else refused++;
				}
			}),
			{ numRuns: full ? 100 : 40, seed: 20261206 }
		);
		// The generator must reach both cases often enough for the comparison to mean something.
		expect(explored).toBeGreaterThan(full ? 60 : 24);
		expect(refused).toBeGreaterThan(5);
	});
});

// ---------------------------------------------------------------- generated statecharts

/** A small seeded generator (mulberry32), so a failing seed replays. */
function random(seed: number) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return {
		next,
		int: (n: number) => Math.floor(next() * n),
		pick: <T>(items: T[]) => items[Math.floor(next() * items.length)]
	};
}

interface Node {
	path: string;
	type: 'atomic' | 'final' | 'compound' | 'parallel';
	states: Record<string, Node>;
	on: Record<string, unknown>[];
	pace?: number;
}

/** A statechart from a seed, compiled without the state-space check (both explorers do that). */
function compileGenerated(seed: number): Compiled {
	const rand = random(seed);
	const nodes: Node[] = [];
	const make = (path: string, depth: number, inParallel: boolean): Node => {
		const roll = rand.next();
		const type: Node['type'] =
			path === ''
				? rand.pick(['compound', 'parallel'] as const)
				: inParallel
					? depth < 2 && roll < 0.2
						? 'parallel'
						: 'compound'
					: depth >= 3 || roll < 0.45
						? roll < 0.15 && !inParallel
							? 'final'
							: 'atomic'
						: roll < 0.75
							? 'compound'
							: 'parallel';
		const node: Node = { path, type, states: {}, on: [] };
		if (inParallel && rand.next() < 0.3) node.pace = 2;
		nodes.push(node);
		if (type === 'compound' || type === 'parallel') {
			const count = type === 'parallel' ? 2 + rand.int(2) : 2 + rand.int(3);
			for (let i = 0; i < count; i++) {
				const key = `s${i}`;
				node.states[key] = make(
					path === '' ? key : `${path}.${key}`,
					depth + 1,
					type === 'parallel'
				);
			}
			// Every compound state keeps a way out: a final child.
			if (type === 'compound' && !Object.values(node.states).some((c) => c.type === 'final'))
				node.states[`s${count}`] = make(`${path === '' ? '' : `${path}.`}s${count}`, 9, false);
		}
		return node;
	};
	const root = make('', 0, false);
	const targets = nodes.filter((n) => n.path !== '').map((n) => n.path);
	let events = 0;
	const condition = (): unknown => {
		const kind = rand.int(6);
		if (kind === 0) return { in: rand.pick(targets) };
		if (kind === 1) return { notIn: rand.pick(targets) };
		if (kind === 2) return { choice: 'a.c', is: rand.pick(['x', 'y']) };
		if (kind === 3) return { indicator: 'lvl', atLeast: rand.int(3) };
		if (kind === 4) return { any: [condition(), condition()] };
		return { not: condition() };
	};
	const guard = () => (rand.next() < 0.75 ? condition() : undefined);
	const transition = (likelihood: unknown, guarded: boolean) => {
		const when = guarded ? guard() : undefined;
		const moves = rand.int(4);
		return {
			event: `e${events++}`,
			target: rand.pick(targets),
			by: 'chance',
			likelihood,
			...(when !== undefined && { when }),
			...(moves === 1 && { effects: { lvl: rand.pick([-1, 1, 2]) } }),
			...(moves === 2 && { set: { lvl: rand.int(4) } }),
			assumption: 'generated'
		};
	};
	// Sets that add up: a transition out of a compound or parallel state takes "rest", and the
	// states below it in its region then give fixed likelihoods only (at most 0.5 in all).
	const parentOf = new Map<Node, Node>();
	for (const node of nodes)
		for (const child of Object.values(node.states)) parentOf.set(child, node);
	const restAbove = (node: Node): boolean => {
		for (let up = parentOf.get(node); up !== undefined; up = parentOf.get(up)) {
			if (up.type === 'parallel') return false;
			if (up.on.length > 0) return true;
		}
		return false;
	};
	for (const node of nodes) {
		if (node.type === 'atomic') {
			const fixed = restAbove(node);
			node.on.push(transition(fixed ? 0.2 : 'rest', false));
			if (rand.next() < 0.6) node.on.push(transition(0.3, true));
			// Now and then a set that cannot add up, to compare the refusals too.
			if (rand.next() < 0.05) node.on.push(transition('rest', true));
		} else if (node.type !== 'final' && !restAbove(node) && node.path !== '' && rand.next() < 0.4) {
			node.on.push(transition('rest', false));
		}
	}
	const toDocument = (node: Node): Record<string, unknown> => ({
		...(node.type === 'parallel' || node.type === 'final' ? { type: node.type } : {}),
		...(node.pace !== undefined && { pace: node.pace }),
		...(Object.keys(node.states).length > 0 && {
			states: Object.fromEntries(Object.entries(node.states).map(([k, c]) => [k, toDocument(c)]))
		}),
		...(node.on.length > 0 && { on: node.on }),
		...(node.type === 'final' && { outcome: { label: `End ${node.path}` } })
	});
	return compileDocument(`generated-${seed}`, toDocument(root));
}

/** A transition the generator's way: by chance, "rest" unless given, an assumption. */
function move(event: string, target: string, likelihood: unknown = 'rest') {
	return { event, target, by: 'chance', likelihood, assumption: 'generated' };
}

/** A scenario around a statechart, validated and compiled (throws on a diagnostic). */
function compileDocument(name: string, statechart: Record<string, unknown>): Compiled {
	const document = {
		id: 'generated',
		title: 'Generated',
		actors: {
			a: { label: 'A', choices: { c: { label: 'C', default: 'x', options: { x: 'X', y: 'Y' } } } }
		},
		indicators: { lvl: { label: 'Level', initial: 1, min: 0, max: 3 } },
		statechart
	};
	const parsed = parseText(`${name}.yaml`, stringify(document));
	if (!parsed.ok) throw new Error(parsed.diagnostics.map((d) => d.message).join('; '));
	const validated = validateDocument(parsed.document, (id) => ({ missing: id, known: [] }));
	if (!validated.ok) throw new Error(validated.diagnostics.map((d) => d.message).join('; '));
	return compile(validated.value.model);
}
