/**
 * What a saved chart says about itself, as a figure in a newspaper does: its title, the scenario
 * and the source it models, and under it the settings that differ from the defaults, the date it
 * was made and the link that opens the same view. Pure: the page gives the context (the dashboard
 * through Svelte context, see charts/chartContext.ts), svgCaption.ts draws the lines.
 */
import type { ResultBasis } from '$lib/scenario/confidenceWords';
import type { SourceMeta } from '$lib/scenario/schema';

/** A setting that differs from its default, in words (as `settingsDiff` gives it). */
export interface CaptionChange {
	/** Who decides what, or which likelihood. */
	label: string;
	/** The default. */
	from: string;
	/** The setting now. */
	to: string;
}

/** The view a chart was saved from: what the page knows and the chart does not. */
export interface ChartContext {
	/** The scenario's title. */
	scenario: string;
	/** The sources the scenario cites, as its payload names them. */
	sources: Pick<SourceMeta, 'title' | 'author' | 'outlet' | 'date' | 'url'>[];
	/** The choices and likelihoods that differ from the defaults. */
	changes: CaptionChange[];
	/** The seed of the Monte Carlo runs and chance's steps. */
	seed: number;
	/** A pinned baseline's differences from the defaults; undefined when none is pinned. */
	baseline?: CaptionChange[];
	/** The share link of this view, absolute. */
	link: string;
	/** The scenario's confidence and what the numbers are, written under the source line. */
	basis?: Pick<ResultBasis, 'line' | 'note'>;
}

/** How a line is set: its size and weight in px, its colour, and how many lines it may take. */
export const captionStyles = {
	title: { size: 16, weight: 700, color: '#1b1f2a', maxLines: 2 },
	subtitle: { size: 13, weight: 400, color: '#1b1f2a', maxLines: 2 },
	note: { size: 11, weight: 400, color: '#4d5566', maxLines: 4 },
	legend: { size: 12, weight: 400, color: '#4d5566', maxLines: 3 },
	/** A link wraps whole: cut, it would not open the view. */
	link: { size: 11, weight: 400, color: '#1f4e8c', maxLines: Infinity }
} as const;

export type CaptionStyle = keyof typeof captionStyles;

export interface CaptionLine {
	text: string;
	style: CaptionStyle;
}

/** The seed a view starts with (share.ts leaves it out of the link). */
const defaultSeed = 1;

const dateOf = (date: SourceMeta['date']) =>
	date === undefined ? undefined : typeof date === 'string' ? date : `${date.from} – ${date.to}`;

/** `Source: <title>, by <author>, <outlet> (<date>), <url>`, each part as far as it is known. */
export function sourceLine(sources: ChartContext['sources']): string {
	if (sources.length === 0) return 'Source: none cited; every step is the model’s assumption.';
	const one = (s: ChartContext['sources'][number]) => {
		const date = dateOf(s.date);
		return [
			`“${s.title}”`,
			s.author ? `, by ${s.author}` : '',
			s.outlet ? `, ${s.outlet}` : '',
			date ? ` (${date})` : '',
			s.url ? `, ${s.url}` : ''
		].join('');
	};
	return `${sources.length === 1 ? 'Source' : 'Sources'}: ${sources.map(one).join('; ')}`;
}

/**
 * A change in words: `Russia: How does Russia answer…? Full package (default: Decline)`; a label
 * that does not end in a question or a colon gets one.
 */
export function changeInWords({ label, from, to }: CaptionChange): string {
	return `${label}${/[?:]$/.test(label) ? '' : ':'} ${to} (default: ${from})`;
}

/**
 * The lines above the chart (title, scenario, source, confidence, what the numbers are) and below it (settings, date and link).
 * Without a context (a chart outside the dashboard) the title and the date alone. `date` is the
 * ISO date the file is made (`2025-03-01`), given so that the lines do not depend on the clock.
 */
export function chartCaption(
	title: string,
	context: ChartContext | undefined,
	date: string
): { above: CaptionLine[]; below: CaptionLine[] } {
	const at = (style: CaptionStyle, text: string): CaptionLine => ({ text, style });
	const made = `Made with Brink on ${date}.`;
	if (!context) return { above: [at('title', title)], below: [at('note', made)] };
	const changes = (intro: string, list: CaptionChange[]) =>
		list.length === 0
			? [at('note', `${intro}: the scenario’s defaults.`)]
			: [
					at('note', `${intro}, changed from the defaults:`),
					...list.map((c) => at('note', `• ${changeInWords(c)}`))
				];
	const seed = `Seed ${context.seed} (default ${defaultSeed}) for the Monte Carlo runs and chance’s steps.`;
	return {
		above: [
			at('title', title),
			at('subtitle', context.scenario),
			at('note', sourceLine(context.sources)),
			...(context.basis ? [at('note', context.basis.line), at('note', context.basis.note)] : [])
		],
		below: [
			...changes('Settings', context.changes),
			...(context.seed === defaultSeed ? [] : [at('note', seed)]),
			...(context.baseline ? changes('Baseline pinned for comparison', context.baseline) : []),
			at('note', `${made} This view:`),
			at('link', context.link)
		]
	};
}
