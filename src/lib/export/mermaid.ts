/**
 * The statechart as a Mermaid `stateDiagram-v2`, for pasting into Markdown, GitHub or an editor:
 * compound states nest, a parallel state's regions are separated by `--`, each level starts at
 * `[*]` and final states end in `[*]`. Ids and labels are rewritten where Mermaid would trip.
 *
 * One arrow per move: transitions between the same two states that would print the same label
 * (a scenario often writes one step several times, under guards for different choices: Israel
 * strikes when its choice says so, or by chance when the choice is left open, with a likelihood
 * for each of Russia's postures) are one arrow. Identical arrows side by side read as distinct
 * moves, or as a glitch, and nothing on them would tell them apart; the guards say in which
 * settings each copy applies, which the dashboard shows and no arrow label can hold legibly. What
 * does change how the arrow reads is who takes the step, so where the merged copies differ in
 * that, the label says it: `Israel strikes (by Israel or by chance)`.
 */
import {
	ancestors,
	chance,
	joinPath,
	type Model,
	type StateInfo,
	type TransitionInfo
} from '../scenario/model';

/** Words Mermaid's state grammar reads as keywords, never as ids. */
const reserved = new Set([
	'state',
	'note',
	'end',
	'as',
	'direction',
	'class',
	'classdef',
	'click',
	'style',
	'hide',
	'empty',
	'description',
	'fork',
	'join',
	'choice',
	'default'
]);

/**
 * A label Mermaid reads as plain text: no quotes (an apostrophe becomes ’), colons, semicolons,
 * braces, #, angle brackets or line breaks.
 *
 * `toMermaidLabel('Say "no": {now}; #1') === 'Say no - (now), no. 1'`
 */
export function toMermaidLabel(text: string): string {
	return text
		.replace(/["`]/g, '')
		.replace(/'/g, '’')
		.replace(/\s*:\s*/g, ' - ')
		.replace(/\s*;\s*/g, ', ')
		.replace(/\{/g, '(')
		.replace(/\}/g, ')')
		.replace(/#\s*/g, 'no. ')
		.replace(/-->/g, '→')
		.replace(/<|>/g, '')
		.replace(/\s+/g, ' ')
		.trim();
}

/** Mermaid-safe ids for every state path: dots and other marks become `_`, clashes get a number. */
export function toMermaidIds(paths: string[]): Map<string, string> {
	const ids = new Map<string, string>();
	const taken = new Set<string>();
	for (const path of paths) {
		let base = path.replace(/[^A-Za-z0-9_]/g, '_');
		if (!/^[A-Za-z]/.test(base) || reserved.has(base.toLowerCase())) base = `s_${base}`;
		let id = base;
		for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
		taken.add(id);
		ids.set(path, id);
	}
	return ids;
}

/**
 * `toMermaid(model)` starts `stateDiagram-v2\n\t[*] --> talks\n\tstate "Talks" as talks`.
 * A transition is written inside the innermost compound state that holds both its ends (Mermaid
 * cannot draw an arrow declared in a composite state it does not belong to).
 */
export function toMermaid(model: Model): string {
	const root = model.states.get('')!;
	const ids = toMermaidIds([...model.states.keys()].filter((p) => p !== ''));
	const id = (path: string) => ids.get(path)!;
	const scopeOf = new Map<string, string[]>();
	for (const move of toMoves(model)) {
		const [t] = move;
		const scope = enclosingScope(model, t.source, t.target);
		const line = `${id(t.source)} --> ${id(t.target)} : ${moveLabel(model, move)}`;
		scopeOf.set(scope, [...(scopeOf.get(scope) ?? []), line]);
	}
	const lines = ['stateDiagram-v2'];
	const write = (depth: number, text: string) => lines.push(`${'\t'.repeat(depth)}${text}`);

	/** A state's children, its own transitions' lines and its ends, at `depth`. */
	const body = (state: StateInfo, depth: number) => {
		if (state.kind === 'parallel') {
			state.children.forEach((child, i) => {
				if (i > 0) write(depth, '--');
				node(model.states.get(child)!, depth);
			});
		} else {
			if (state.initial !== undefined)
				write(depth, `[*] --> ${id(joinPath(state.path, state.initial))}`);
			for (const child of state.children) node(model.states.get(child)!, depth);
		}
		for (const line of scopeOf.get(state.path) ?? []) write(depth, line);
		for (const child of state.children) {
			if (model.states.get(child)!.kind === 'final') write(depth, `${id(child)} --> [*]`);
		}
	};
	const node = (state: StateInfo, depth: number) => {
		const head = `state "${toMermaidLabel(state.label) || state.key}" as ${id(state.path)}`;
		if (state.children.length === 0) return write(depth, head);
		write(depth, `${head} {`);
		body(state, depth + 1);
		write(depth, '}');
	};

	if (root.kind === 'parallel') {
		// Mermaid has no regions at the top level: wrap them in a state named after the scenario.
		ids.set('', toMermaidIds([...ids.values(), model.scenario.id]).get(model.scenario.id)!);
		write(1, `[*] --> ${id('')}`);
		node({ ...root, label: model.scenario.title }, 1);
	} else body(root, 1);
	return `${lines.join('\n')}\n`;
}

const labelOf = (t: TransitionInfo) => toMermaidLabel(t.label) || t.event;

/**
 * The transitions grouped into moves, in the order of each move's first transition: the same
 * source, target and printed label.
 */
function toMoves(model: Model): TransitionInfo[][] {
	const moves = new Map<string, TransitionInfo[]>();
	for (const t of model.transitions) {
		const key = JSON.stringify([t.source, t.target, labelOf(t)]);
		moves.set(key, [...(moves.get(key) ?? []), t]);
	}
	return [...moves.values()];
}

/**
 * A move's label: its transitions' label, and who takes it when they differ in that
 * (`Israel strikes (by Israel or by chance)`, actors by their labels, in the file's order).
 */
function moveLabel(model: Model, move: TransitionInfo[]): string {
	const label = labelOf(move[0]);
	const takers = [...new Set(move.map((t) => t.by))];
	if (takers.length < 2) return label;
	const who = takers.map((by) =>
		by === chance ? 'by chance' : `by ${toMermaidLabel(model.scenario.actors[by]?.label ?? by)}`
	);
	return `${label} (${who.slice(0, -1).join(', ')} or ${who.at(-1)})`;
}

/** The innermost compound (not parallel) state that contains both ends, or the root ''. */
function enclosingScope(model: Model, source: string, target: string): string {
	const chain = ancestors(source);
	for (const scope of chain) {
		const inside = scope === '' || target.startsWith(`${scope}.`);
		if (inside && (scope === '' || model.states.get(scope)!.kind !== 'parallel')) return scope;
	}
	return '';
}
