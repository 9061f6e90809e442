/**
 * What the editor shows beside a valid draft: the exact outcome probabilities under the default
 * choices, and the statechart laid out by ELK. elkjs is large, so the layout module is imported
 * here, on first use, and lands in a chunk of its own that only the editor loads. The last layout
 * is kept: a text whose states and transitions are drawn as before (a title or a likelihood
 * typed) is not laid out again (ELK takes a few hundred ms on the largest shipped scenario).
 */
import type { StatechartLayout } from '$lib/charts/statechartLayout';
import { analyze } from '$lib/engine/analyze';
import type { LoadedScenario } from '$lib/engine/load';
import { activeLeaves } from '$lib/engine/machine';
import { options, startSession } from '$lib/engine/stepper';
import { ancestors, regionLabelsOf, type Model, type TransitionInfo } from '$lib/scenario/model';

export interface DraftResults {
	title: string;
	outcomes: ReturnType<typeof analyze>['exact']['outcomes'];
	expectedSteps: number;
	regionLabels: Record<string, string>;
	layout: StatechartLayout;
	/** The StatechartDiagram's props, as the dashboard computes them at the first step. */
	active: ReadonlySet<string>;
	flow: ReadonlyMap<string, number>;
	evidenced: ReadonlySet<string>;
	open: ReadonlySet<string>;
	transitions: readonly TransitionInfo[];
}

export async function toResults(loaded: LoadedScenario): Promise<DraftResults> {
	const { model } = loaded;
	const analysis = analyze(loaded.compiled);
	const session = startSession(loaded.compiled, analysis.choices, analysis.values);
	const active = new Set<string>();
	for (const leaf of activeLeaves(session.steps[0].snapshot.value))
		for (const p of [leaf, ...ancestors(leaf)]) active.add(p);
	return {
		title: model.scenario.title,
		outcomes: analysis.exact.outcomes,
		expectedSteps: analysis.exact.expectedSteps,
		regionLabels: regionLabelsOf(model),
		layout: await layoutOf(model),
		active,
		flow: new Map(model.transitions.map((t) => [t.id, analysis.exact.transitionFlow[t.index]])),
		evidenced: new Set(model.transitions.filter((t) => t.evidence.length > 0).map((t) => t.id)),
		open: new Set(options(session).map((b) => b.transition.id)),
		transitions: model.transitions
	};
}

/** The last layout made, and what it was made from. */
let last: { key: string; layout: StatechartLayout } | undefined;

/** The statechart's layout: the last one when the same states and transitions are laid out. */
async function layoutOf(model: Model): Promise<StatechartLayout> {
	const { layoutStatechart, toElkGraph } = await import('$lib/charts/statechartLayout');
	// What the layout reads: ELK's graph (sizes from the labels), and each box's and arrow's words.
	const key = JSON.stringify([
		toElkGraph(model),
		[...model.states.values()].map((s) => [s.path, s.label, s.kind, s.parent]),
		model.transitions.map((t) => [t.id, t.source, t.target, t.label])
	]);
	if (last?.key !== key) last = { key, layout: await layoutStatechart(model) };
	return last.layout;
}
