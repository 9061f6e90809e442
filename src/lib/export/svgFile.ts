/**
 * A chart on the page as a stand-alone SVG or PNG file. Browser-only, and loaded only when a
 * person asks for a file. Svelte scopes chart styles to classes that do not travel with the
 * markup, so the computed styles that draw the chart are written onto each element; the file
 * gets its namespace, a size, a viewBox and a white background.
 */
import { saveFile } from './download';

/** The properties that decide how SVG marks and text look. */
const properties = [
	'display',
	'visibility',
	'opacity',
	'fill',
	'fill-opacity',
	'fill-rule',
	'stroke',
	'stroke-width',
	'stroke-dasharray',
	'stroke-dashoffset',
	'stroke-linecap',
	'stroke-linejoin',
	'stroke-opacity',
	'paint-order',
	'marker-start',
	'marker-end',
	'font-family',
	'font-size',
	'font-weight',
	'font-style',
	'font-variant-numeric',
	'letter-spacing',
	'text-anchor',
	'dominant-baseline',
	'alignment-baseline',
	'text-decoration'
];

const svgNs = 'http://www.w3.org/2000/svg';

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

function inlineStyles(source: Element, copy: Element): void {
	const sources = [source, ...source.querySelectorAll('*')];
	const copies = [copy, ...copy.querySelectorAll('*')];
	sources.forEach((element, i) => {
		const computed = getComputedStyle(element);
		const style = properties
			.map((p) => [p, computed.getPropertyValue(p)])
			.filter(([, value]) => value !== '')
			.map(([p, value]) => `${p}:${value}`)
			.join(';');
		copies[i].setAttribute('style', style);
		copies[i].removeAttribute('class');
	});
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

/**
 * The SVGs, stacked, as one SVG document. `view` replaces the viewBox of a single SVG (the
 * statechart's whole layout rather than the zoomed view) and sets its size.
 */
export function toSvgText(svgs: SVGSVGElement[], view?: Box): string {
	const root = document.createElementNS(svgNs, 'svg');
	// A margin, so that marks and labels at the chart's edge do not touch the file's edge.
	const margin = 8;
	let y = margin;
	let width = 0;
	for (const svg of svgs) {
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
		const rect = svg.getBoundingClientRect();
		const w = view?.w ?? rect.width;
		const h = view?.h ?? rect.height;
		const copy = svg.cloneNode(true) as SVGSVGElement;
		inlineStyles(svg, copy);
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
		width = Math.max(width, w);
	}
	const [w, h] = [Math.ceil(width + 2 * margin), Math.ceil(y + margin)];
	root.setAttribute('xmlns', svgNs);
	root.setAttribute('width', String(w));
	root.setAttribute('height', String(h));
	root.setAttribute('viewBox', `0 0 ${w} ${h}`);
	const background = document.createElementNS(svgNs, 'rect');
	for (const [name, value] of Object.entries({ width: '100%', height: '100%', fill: 'white' }))
		background.setAttribute(name, value);
	root.prepend(background);
	return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}`;
}

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
	view?: Box
): Promise<string> {
	if (svgs.length === 0) throw new Error('there is no chart to export');
	const text = toSvgText(svgs, view);
	if (format === 'svg') return saveFile(`${name}.svg`, text, 'image/svg+xml');
	return saveFile(`${name}.png`, await toPngBlob(text));
}
