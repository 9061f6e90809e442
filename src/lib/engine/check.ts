/**
 * Checks that need the state space: under every combination of choices (or, when there are too
 * many, the defaults and each single change), explore the chain and report sets of likelihoods
 * that do not add up, states that cannot be left, loops with no exit and states never reached.
 */
import type { Diagnostic } from '../scenario/diagnostics';
import { limits } from '../scenario/limits';
import { bounds, smallestLikelihood } from '../scenario/likelihood';
import { ancestors } from '../scenario/model';
import { diagnosticAt, type ParsedDocument } from '../scenario/parse';
import { likelihoodValues, type Compiled } from './compile';
import { explore, ExploreError, isAbsorbing, type Chain } from './explore';
import { withReading } from './reading';
import { components } from './solve';
import { stronglyConnected } from './graph';

/** The choice combinations to explore: all of them, or defaults plus one change at a time. */
export function choiceCombinations(compiled: Compiled): {
	combinations: Record<string, string>[];
	complete: boolean;
} {
	const keys = Object.keys(compiled.defaultChoices);
	const optionsOf = (key: string) => {
		const [actor, choice] = key.split('.');
		return Object.keys(compiled.model.scenario.actors[actor].choices[choice].options);
	};
	const total = keys.reduce((n, key) => n * optionsOf(key).length, 1);
	if (total <= limits.maxChoiceCombinations) {
		let combinations: Record<string, string>[] = [{}];
		for (const key of keys)
			combinations = combinations.flatMap((c) => optionsOf(key).map((o) => ({ ...c, [key]: o })));
		return { combinations, complete: true };
	}
	const combinations = [{ ...compiled.defaultChoices }];
	for (const key of keys) {
		for (const option of optionsOf(key)) {
			if (option !== compiled.defaultChoices[key])
				combinations.push({ ...compiled.defaultChoices, [key]: option });
		}
	}
	return { combinations, complete: false };
}

function describeChoices(compiled: Compiled, choices: Record<string, string>): string {
	const changed = Object.entries(choices).filter(([k, v]) => compiled.defaultChoices[k] !== v);
	return changed.length === 0
		? 'with the default choices'
		: `with ${changed.map(([k, v]) => `${k}=${v}`).join(', ')}`;
}

/** Loops that, once entered, can never be left: components with no edge out and no end inside. */
export function traps(chain: Chain, order = components(chain)): number[][] {
	return closedLoops(chain, order, chain.rowStart, chain.edgeTarget);
}

/**
 * The components (of the graph `rowStart`/`edgeTarget`: the chain's states, some of its edges)
 * that no edge leaves, other than the chain's end states.
 */
function closedLoops(
	chain: Chain,
	found: number[][],
	rowStart: Int32Array,
	edgeTarget: Int32Array
): number[][] {
	return found.filter((component) => {
		if (component.length === 1 && isAbsorbing(chain, component[0])) return false;
		const inside = new Set(component);
		return component.every((s) => {
			for (let e = rowStart[s]; e < rowStart[s + 1]; e++)
				if (!inside.has(edgeTarget[e])) return false;
			return true;
		});
	});
}

/**
 * Loops that some values in the likelihood ranges close: every way out has a likelihood that can
 * be 0 (a value of 0, a range from 0, a "rest" the others can use up). The analyses that sweep
 * the ranges (sensitivity, intervals, claims) would meet a loop with no exit there.
 */
export function closableLoops(chain: Chain): number[][] {
	const { transitions } = chain.compiled.model;
	const canBeZero = (e: number): boolean => {
		const t = transitions[chain.edgeTransition[e]];
		const l = t.likelihood;
		if (l.kind !== 'rest') return bounds(l)[0] < smallestLikelihood;
		let high = 0;
		for (const other of chain.sets[chain.edgeSet[e]])
			if (other !== t.index) high += bounds(transitions[other].likelihood)[1];
		return 1 - high < smallestLikelihood;
	};
	const rowStart = new Int32Array(chain.size + 1);
	const targets: number[] = [];
	for (let s = 0; s < chain.size; s++) {
		for (let e = chain.rowStart[s]; e < chain.rowStart[s + 1]; e++)
			if (!canBeZero(e)) targets.push(chain.edgeTarget[e]);
		rowStart[s + 1] = targets.length;
	}
	const edgeTarget = Int32Array.from(targets);
	return closedLoops(
		chain,
		stronglyConnected(chain.size, rowStart, edgeTarget),
		rowStart,
		edgeTarget
	);
}

export function analysisDiagnostics(compiled: Compiled, document: ParsedDocument): Diagnostic[] {
	const { model } = compiled;
	const diagnostics: Diagnostic[] = [];
	const seen = new Set<string>();
	// One report per place and problem, naming the first choices under which it shows.
	const report = (
		path: readonly (string | number)[],
		message: string,
		hint?: string,
		severity: Diagnostic['severity'] = 'error',
		under = ''
	) => {
		const key = `${path.join('.')}|${message}`;
		if (seen.has(key)) return;
		seen.add(key);
		diagnostics.push(
			diagnosticAt(document, path, under ? `${message} (${under})` : message, hint, severity)
		);
	};
	const statePath = (leaf: string) => model.states.get(leaf)?.docPath ?? ['statechart'];
	const values = likelihoodValues(compiled);
	const reached = new Set<string>(['']);
	const fired = new Set<number>();
	const { combinations, complete } = choiceCombinations(compiled);
	let explored = true;
	const ended = new Set<string>(); // leaves of the states where the scenario ends
	// One budget for the whole check: the states explored across all combinations.
	let budget = limits.maxCheckStates;
	for (const [done, choices] of combinations.entries()) {
		const under = describeChoices(compiled, choices);
		let chain: Chain;
		const max = Math.min(limits.maxReachable, budget);
		try {
			chain = explore(compiled, { ...compiled.defaultChoices, ...choices }, values, max);
		} catch (error) {
			if (!(error instanceof ExploreError)) throw error;
			const problem = error.problem;
			if (problem.kind === 'limit' && max < limits.maxReachable) {
				report(
					['statechart'],
					`checking every combination of choices would explore more than ${limits.maxCheckStates.toLocaleString('en')} states in all, the most the check explores (${done} of ${combinations.length.toLocaleString('en')} combinations checked)`,
					'bound the indicators with min and max, or give the actors fewer options'
				);
				return diagnostics;
			}
			if (problem.kind === 'limit')
				report(['statechart'], problem.message, problem.hint, 'error', under);
			else if (problem.kind === 'dead-end') {
				const stuck =
					problem.leaves.find((l) => model.states.get(l)?.kind !== 'final') ?? problem.leaves[0];
				report(statePath(stuck), problem.message, problem.hint, 'error', under);
			} else {
				const first = problem.problem.transitions[0];
				report(
					[...first.docPath, 'likelihood'],
					`${problem.problem.message}, in ${problem.leaves.join(' + ')}`,
					problem.problem.hint,
					'error',
					under
				);
			}
			explored = false;
			continue;
		}
		budget -= chain.size;
		const order = components(chain);
		const closed = traps(chain, order);
		for (const trap of closed) {
			const names = [...new Set(trap.flatMap((s) => chain.leaves[s]))];
			report(
				statePath(names[0]),
				`a loop with no exit: once in ${names.map((n) => `"${n}"`).join(', ')} the scenario can never end`,
				'add a transition out of the loop, such as a de-escalation or an end state',
				'error',
				under
			);
		}
		// A loop larger than the exact analysis solves at once is refused here, not at solve time.
		for (const component of order) {
			if (component.length <= limits.maxLoopBlock) continue;
			const names = [...new Set(component.flatMap((s) => chain.leaves[s]))];
			report(
				statePath(names[0]),
				`a loop of ${component.length.toLocaleString('en')} reachable states (${names
					.slice(0, 3)
					.map((n) => `"${n}"`)
					.join(
						', '
					)}${names.length > 3 ? ', …' : ''}), over the limit of ${limits.maxLoopBlock.toLocaleString('en')} the exact analysis solves at once`,
				'bound the indicators that change inside the loop with min and max, or give the loop fewer states',
				'error',
				under
			);
		}
		const trapped = new Set(closed.flat());
		for (const loop of closableLoops(chain)) {
			if (loop.some((s) => trapped.has(s))) continue;
			const names = [...new Set(loop.flatMap((s) => chain.leaves[s]))];
			report(
				statePath(names[0]),
				`a loop whose every way out can have likelihood 0: once in ${names.map((n) => `"${n}"`).join(', ')}, the scenario may never end for some values in the ranges`,
				'give a way out a likelihood above 0 (start its range above 0), or add another way out',
				'error',
				under
			);
		}
		// States in one configuration share their leaves: visit each configuration once.
		for (const leaves of new Set(chain.leaves))
			for (const leaf of leaves) for (const p of [leaf, ...ancestors(leaf)]) reached.add(p);
		for (const t of chain.edgeTransition) fired.add(t);
		for (let s = 0; s < chain.size; s++)
			if (isAbsorbing(chain, s)) for (const leaf of chain.leaves[s]) ended.add(leaf);
	}
	if (!explored) return diagnostics;
	for (const state of model.states.values()) {
		if (!reached.has(state.path)) {
			report(
				state.docPath,
				`state "${state.path}" is never reached${complete ? ' under any choices' : ' under the choices checked'}`,
				'add a transition into it, or remove it',
				complete ? 'error' : 'warning'
			);
		}
	}
	for (const state of model.states.values()) {
		if (state.kind === 'final' && reached.has(state.path) && !ended.has(state.path)) {
			report(
				state.outcome ? [...state.docPath, 'outcome'] : state.docPath,
				`final state "${state.path}" is reached, but a transition on an enclosing state always leaves it: the scenario never ends there${state.outcome ? ' and its outcome is never scored' : ''}`,
				'make the state non-final, or remove the transition that leaves it',
				'warning'
			);
		}
	}
	for (const t of model.transitions) {
		if (!fired.has(t.index) && reached.has(t.source)) {
			report(
				t.docPath,
				`transition "${t.id}" can never fire: its guard never holds where its source is active`,
				'check its when: conditions',
				'warning'
			);
		}
	}
	return diagnostics;
}

/**
 * A reading that raises a step's upper bound may make a set of alternatives add up to over 1
 * where the scenario's own likelihoods did not: explore each such reading under the same
 * combinations of choices and report it at the reading's step. Readings that only lower bounds
 * leave every sum as sound as the scenario's own, and cost nothing.
 */
export function readingDiagnostics(compiled: Compiled, document: ParsedDocument): Diagnostic[] {
	const diagnostics: Diagnostic[] = [];
	const { transitions } = compiled.model;
	for (const reading of compiled.model.readings) {
		const raises = reading.changes.some(
			(c) => bounds(c.likelihood)[1] > bounds(transitions[c.transition].likelihood)[1]
		);
		if (!raises) continue;
		const under = withReading(compiled, reading.id);
		const values = likelihoodValues(under);
		for (const choices of choiceCombinations(under).combinations) {
			try {
				explore(under, { ...under.defaultChoices, ...choices }, values);
			} catch (error) {
				if (!(error instanceof ExploreError)) throw error;
				const problem = error.problem;
				if (problem.kind !== 'branches') break;
				const named = problem.problem.transitions.map((t) => t.index);
				const change =
					reading.changes.find((c) => named.includes(c.transition)) ?? reading.changes[0];
				diagnostics.push(
					diagnosticAt(
						document,
						[
							'readings',
							reading.id,
							'likelihoods',
							transitions[change.transition].id,
							'likelihood'
						],
						`in the reading "${reading.label}": ${problem.problem.message} (${describeChoices(compiled, choices)})`,
						"lower the reading's values so that the alternatives add up to at most 1"
					)
				);
				break;
			}
		}
	}
	return diagnostics;
}
