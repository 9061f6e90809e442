/**
 * "Why this number?" as the reader sees it: an `Explanation` (engine/explain.ts) turned into
 * the texts and rows the explanation panel shows, every figure written by the one number-format
 * module. No DOM: WhyDialog.svelte renders it.
 */
import type { Explanation } from '../engine/explain';
import { formatInterval, formatPercent } from '../format/percent';
import { confidenceAside, type ResultBasis } from '../scenario/confidenceWords';

export interface WhyStep {
	transition: string;
	label: string;
	/** Who decides: an actor's name, or `Chance`. */
	who: string;
	/** The likelihood in words with its band: `likely (55–80 %)`. */
	likelihood: string;
	quote?: { text: string; stance: string; source?: string };
	/** The model's assumption, for a step no quote supports. */
	assumption?: string;
}

export interface WhyPath {
	/** Part of the outcome that follows the path, 0–1 (a bar's width), and in words. */
	share: number;
	shareText: string;
	steps: WhyStep[];
	/** Firing orders merged into this path, for the reader who wonders why the count is small. */
	merged: number;
	/** The likeliest firing order, to replay. */
	likeliest: string[];
}

export interface WhyView {
	/** The outcome's label. */
	label: string;
	/** What the ending means (its outcome's description), when the scenario says. */
	description?: string;
	/** `Why “Ties ruptured” is about 13 %`. */
	title: string;
	/** The figure as the chart writes it: `13 %`. */
	figure: string;
	/** `8–19 %`, when the likelihoods are ranges. */
	interval?: string;
	/** The sentence to copy; with a basis it ends `(low confidence: …).` */
	sentence: string;
	/** `Confidence: low — …`, with a basis. */
	confidence?: string;
	paths: WhyPath[];
	/** `Other paths: 3 more, 5 % of it`, when the listed paths do not add up to the outcome. */
	other?: { share: number; text: string };
	assumptions: { transition: string; label: string; text: string; weight: string }[];
	factors: { id: string; label: string; text: string }[];
}

/** `whyLabel('Ties ruptured', 0.129) === 'Why 13 %? Ties ruptured'` (no-break space). */
export function whyLabel(label: string, probability: number): string {
	return `Why ${formatPercent(probability)}? ${label}`;
}

/** `whyTitle('Ties ruptured', 0.129) === 'Why “Ties ruptured” is about 13 %'`. */
export function whyTitle(label: string, probability: number): string {
	const figure = formatPercent(probability);
	const exact = probability === 0 || probability === 1 || /^[<>]/.test(figure);
	return `Why “${label}” is ${exact ? '' : 'about '}${figure}`;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The panel's content: `toWhyView(explainOutcome(analysis, 'crisis.ties.ruptured')).paths[0]`
 * is the likeliest way into the outcome, with its share and its steps in words. `names` gives a
 * factor a name of its own where its label is shared (a likelihood: `transitionNames(model)`);
 * `basis` the scenario's confidence, which the sentence carries at its end.
 */
export function toWhyView(
	e: Explanation,
	names: Map<string, string> = new Map(),
	basis?: ResultBasis
): WhyView {
	const paths: WhyPath[] = [];
	let other: WhyView['other'];
	for (const p of e.paths) {
		if (p.kind === 'other') {
			const more = p.paths === 1 ? '1 more' : `${p.paths} more`;
			const unexplored =
				p.unexplored > 0
					? `; ${formatPercent(Math.min(1, p.unexplored / (e.probability || 1)))} of it in runs not followed to an end`
					: '';
			other = {
				share: p.share,
				text: `Other paths: ${p.paths > 0 ? `${more}, ` : ''}${formatPercent(clamp(p.share))} of it${unexplored}`
			};
			continue;
		}
		paths.push({
			share: clamp(p.share),
			shareText: formatPercent(clamp(p.share)),
			merged: p.merged,
			likeliest: p.likeliest,
			steps: p.steps.map((s) => ({
				transition: s.transition,
				label: s.label,
				who: capitalize(s.by.label),
				likelihood: s.likelihood.text,
				...(s.quote && {
					quote: {
						text: s.quote.text,
						stance: s.quote.stance,
						...((s.quote.sourceTitle ?? s.quote.source) !== undefined && {
							source: s.quote.sourceTitle ?? s.quote.source
						})
					}
				}),
				...(s.assumption !== undefined && !s.supported && { assumption: s.assumption })
			}))
		});
	}
	return {
		label: e.label,
		...(e.description && { description: e.description }),
		title: whyTitle(e.label, e.probability),
		figure: formatPercent(e.probability),
		...(e.interval && { interval: formatInterval(e.interval.low, e.interval.high) }),
		sentence: basis
			? `${e.sentence.replace(/\.$/, '')} ${confidenceAside(basis.confidence)}.`
			: e.sentence,
		...(basis && { confidence: basis.line }),
		paths,
		...(other && { other }),
		assumptions: e.assumptions.map((a) => ({
			transition: a.transition,
			label: a.label,
			text: a.assumption ?? 'No quote supports this step.',
			weight: `${formatPercent(clamp(a.share))} of “${e.label}” passes through it`
		})),
		factors: e.factors.map((f) => ({
			id: f.id,
			label: names.get(f.id) ?? f.label,
			text: `${formatPercent(f.low)} (${f.lowLabel}) to ${formatPercent(f.high)} (${f.highLabel})`
		}))
	};
}

/** Shares summed from floats can land a hair outside [0, 1]. */
function clamp(x: number): number {
	return Math.min(1, Math.max(0, x));
}
