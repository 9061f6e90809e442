/**
 * A chart on the page as a stand-alone SVG or PNG file. Browser-only, and loaded only when a
 * person asks for a file. Svelte scopes chart styles to classes that do not travel with the
 * markup, so the computed styles that draw the chart are written onto each element; the file
 * gets its namespace, a size, a viewBox and a white background, and carries its context as text:
 * the title, the scenario and source, the legend, the settings, the date and the view's link
 * (chartCaption.ts), also as its <title> and <desc>.
 */
import { chartCaption, type ChartContext } from './chartCaption';
import { saveFile } from './download';
import { drawLegend, drawLines, measurer, type Pen } from './svgCaption';
import { styledCopy, svgNs } from './svgStyle';

export interface Box {
	x: number;
	y: number;
	w: number;
	h: number;
}

/** The chart's own SVGs in a frame's body: not the legend's swatches, not decorations. */
export function chartSvgs(body: Element): SVGSVGElement[] {
	const all = [...body.querySelectorAll('svg')];
	const charts = all.filter(
		(svg) => svg.getAttribute('aria-hidden') !== 'true' && !svg.closest('.legend')
	);
	return charts.length > 0 ? charts : all.slice(0, 1);
}

/**
 * A heading just before the SVG (a region's name above its bars), kept as a line of text; also
 * when the SVG is the first thing in a wrapper (the plot that holds the "Why?" controls over it).
 */
function headingOf(svg: SVGSVGElement): Element | undefined {
	const isHeading = (e: Element | null) => e !== null && /^H[1-6]$/.test(e.tagName);
	const before = svg.previousElementSibling;
	if (isHeading(before)) return before!;
	const wrapper = svg.parentElement;
	if (before === null && wrapper && isHeading(wrapper.previousElementSibling))
		return wrapper.previousElementSibling!;
	return undefined;
}

/** What a file holds beside the chart's SVGs. */
export interface ChartFile {
	/** The chart's title, the file's first line. */
	title: string;
	/** The view the chart was saved from (charts/chartContext.ts); none outside the dashboard. */
	context?: ChartContext;
	/** The frame's legend, drawn between the caption and the chart. */
	legend?: Element | null;
	/** Replaces the viewBox of a single SVG (the statechart's whole layout) and sets its size. */
	view?: Box;
	/** The ISO date the file is made (default: today, in UTC). */
	date?: string;
}

/** A margin, so that marks and labels at the chart's edge do not touch the file's edge. */
const margin = 12;
/** The caption's narrowest width: a narrow chart's file grows to it. */
const minWidth = 320;

/** The SVGs, stacked, as one SVG document, with the file's caption and the legend. */
export function toSvgText(svgs: SVGSVGElement[], file: ChartFile): string {
	const { view } = file;
	const root = document.createElementNS(svgNs, 'svg');
	const sizes = svgs.map((svg) => {
		const rect = svg.getBoundingClientRect();
		return { w: view?.w ?? rect.width, h: view?.h ?? rect.height };
	});
	const width = Math.max(minWidth, ...sizes.map((size) => size.w));
	const family = getComputedStyle(svgs[0]).fontFamily || 'sans-serif';
	const pen: Pen = { x: margin, width, family, measure: measurer(family) };
	const caption = chartCaption(file.title, file.context, file.date ?? today());

	let y = drawLines(root, 'caption-above', caption.above, pen, margin) + 4;
	if (file.legend) y = drawLegend(root, file.legend, pen, y) + 4;
	y += 4;
	svgs.forEach((svg, i) => {
		const heading = headingOf(svg);
		if (heading) {
			const font = getComputedStyle(heading);
			const size = parseFloat(font.fontSize) || 14;
			const text = document.createElementNS(svgNs, 'text');
			text.textContent = heading.textContent?.trim() ?? '';
			text.setAttribute('x', String(margin));
			text.setAttribute('y', String(y + size));
			text.setAttribute(
				'style',
				`font-family:${font.fontFamily};font-size:${font.fontSize};font-weight:${font.fontWeight};fill:${font.color}`
			);
			root.append(text);
			y += size * 1.5;
		}
		const { w, h } = sizes[i];
		const copy = styledCopy(svg);
		const own = svg.viewBox.baseVal;
		const box: Box =
			view ??
			(svg.hasAttribute('viewBox') && own
				? { x: own.x, y: own.y, w: own.width, h: own.height }
				: { x: 0, y: 0, w, h });
		copy.setAttribute('viewBox', `${box.x} ${box.y} ${box.w} ${box.h}`);
		copy.setAttribute('x', String(margin));
		copy.setAttribute('y', String(y));
		copy.setAttribute('width', String(w));
		copy.setAttribute('height', String(h));
		root.append(copy);
		y += h;
	});
	y = drawLines(root, 'caption-below', caption.below, pen, y + 10);

	const [w, h] = [Math.ceil(width + 2 * margin), Math.ceil(y + margin)];
	root.setAttribute('xmlns', svgNs);
	root.setAttribute('width', String(w));
	root.setAttribute('height', String(h));
	root.setAttribute('viewBox', `0 0 ${w} ${h}`);
	const background = document.createElementNS(svgNs, 'rect');
	for (const [name, value] of Object.entries({ width: '100%', height: '100%', fill: 'white' }))
		background.setAttribute(name, value);
	// The caption also as the file's title and description, for readers that read those.
	const title = document.createElementNS(svgNs, 'title');
	title.textContent = file.title;
	const desc = document.createElementNS(svgNs, 'desc');
	desc.textContent = [...caption.above, ...caption.below].map((line) => line.text).join('\n');
	root.prepend(title, desc, background);
	return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}`;
}

/** Today as an ISO date (UTC): `2025-03-01`. */
const today = () => new Date().toISOString().slice(0, 10);

/** The SVG document drawn at `scale` times its size on a canvas, as a PNG. */
export async function toPngBlob(svgText: string, scale = 2): Promise<Blob> {
	const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
	try {
		const image = new Image();
		image.src = url;
		await image.decode();
		const canvas = document.createElement('canvas');
		canvas.width = Math.round(image.naturalWidth * scale);
		canvas.height = Math.round(image.naturalHeight * scale);
		const context = canvas.getContext('2d');
		if (!context) throw new Error('this browser cannot draw on a canvas');
		context.fillStyle = 'white';
		context.fillRect(0, 0, canvas.width, canvas.height);
		context.drawImage(image, 0, 0, canvas.width, canvas.height);
		return await new Promise<Blob>((resolve, reject) =>
			canvas.toBlob(
				(blob) => (blob ? resolve(blob) : reject(new Error('no PNG made'))),
				'image/png'
			)
		);
	} finally {
		URL.revokeObjectURL(url);
	}
}

/** Save the SVGs as `<name>.svg` or a 2× `<name>.png`; returns the file name. */
export async function saveChart(
	svgs: SVGSVGElement[],
	name: string,
	format: 'svg' | 'png',
	file: ChartFile
): Promise<string> {
	if (svgs.length === 0) throw new Error('there is no chart to export');
	const text = toSvgText(svgs, file);
	if (format === 'svg') return saveFile(`${name}.svg`, text, 'image/svg+xml');
	return saveFile(`${name}.png`, await toPngBlob(text));
}
