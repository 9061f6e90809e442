/**
 * A chart file's words drawn as SVG text (browser-only): the caption's lines (chartCaption.ts)
 * wrapped to the file's width, and the frame's legend, its swatches copied with their computed
 * styles and its words beside them (legendFlow.ts). Widths are measured on a canvas in the
 * page's font, the font the file names.
 */
import { captionStyles, type CaptionLine, type CaptionStyle } from './chartCaption';
import { legendFlow } from './legendFlow';
import { styledCopy, svgNs } from './svgStyle';
import { wrapText, type Measure } from './wrapText';

/** Where and how to draw: the left edge, the width to fit, the font family and its measure. */
export interface Pen {
	x: number;
	width: number;
	family: string;
	measure: (style: CaptionStyle) => Measure;
}

const lineHeight = (style: CaptionStyle) => Math.round(captionStyles[style].size * 1.35);

/** A measure per caption style, in `family`, from a canvas (character counts if there is none). */
export function measurer(family: string): Pen['measure'] {
	const canvas = document.createElement('canvas').getContext('2d');
	return (style) => {
		const { size, weight } = captionStyles[style];
		const font = `${weight} ${size}px ${family}`;
		return (text) => {
			if (!canvas) return text.length * size * 0.6;
			canvas.font = font;
			return canvas.measureText(text).width;
		};
	};
}

function text(pen: Pen, content: string, x: number, y: number, style: CaptionStyle): SVGElement {
	const { size, weight, color } = captionStyles[style];
	const element = document.createElementNS(svgNs, 'text');
	element.textContent = content;
	element.setAttribute('x', String(Math.round(x * 10) / 10));
	element.setAttribute('y', String(Math.round(y * 10) / 10));
	element.setAttribute(
		'style',
		`font-family:${pen.family};font-size:${size}px;font-weight:${weight};fill:${color}`
	);
	return element;
}

/** A group for one part of the file (`data-part` names it). */
function part(root: Element, name: string): SVGGElement {
	const group = document.createElementNS(svgNs, 'g');
	group.setAttribute('data-part', name);
	root.append(group);
	return group;
}

/** Draw `lines` wrapped from `top` into a group named `name`; returns the y below them. */
export function drawLines(
	root: Element,
	name: string,
	lines: CaptionLine[],
	pen: Pen,
	top: number
): number {
	const group = part(root, name);
	let y = top;
	for (const line of lines) {
		const { size, maxLines } = captionStyles[line.style];
		for (const piece of wrapText(line.text, pen.width, pen.measure(line.style), maxLines)) {
			const element = text(pen, piece, pen.x, y + size, line.style);
			element.setAttribute('data-style', line.style);
			group.append(element);
			y += lineHeight(line.style);
		}
	}
	return y;
}

/**
 * A legend's items: each child element (a list item, a key) is a swatch and its words; in a
 * paragraph, each bare swatch takes the words that follow it.
 */
function legendItems(legend: Element): { swatch?: Element; text: string }[] {
	const items: { swatch?: Element; text: string }[] = [];
	let open = false;
	for (const node of legend.childNodes) {
		if (node instanceof SVGSVGElement) {
			items.push({ swatch: node, text: '' });
			open = true;
		} else if (node instanceof HTMLElement) {
			items.push({ swatch: swatchIn(node), text: node.textContent ?? '' });
			open = false;
		} else if (node.nodeType === Node.TEXT_NODE && node.textContent?.trim()) {
			if (open) items[items.length - 1].text += node.textContent;
			else items.push({ text: node.textContent });
		}
	}
	return items
		.map((item) => ({ ...item, text: item.text.replace(/[ \t\r\n]+/g, ' ').trim() }))
		.filter((item) => item.text !== '' || item.swatch);
}

/** An item's swatch: its SVG, or a box drawn by CSS (a coloured span). */
function swatchIn(item: Element): Element | undefined {
	return (
		item.querySelector('svg') ??
		[...item.querySelectorAll('*')].find(
			(e) => getComputedStyle(e).backgroundColor.replace(/\s/g, '') !== 'rgba(0,0,0,0)'
		)
	);
}

/** The swatch as SVG at (x, y): the SVG copied with its styles, a CSS box as a rect. */
function drawSwatch(swatch: Element, x: number, y: number): SVGElement {
	const { width, height } = swatch.getBoundingClientRect();
	const at = { x: String(x), y: String(y), width: String(width), height: String(height) };
	let element: SVGElement;
	if (swatch instanceof SVGSVGElement) {
		element = styledCopy(swatch);
	} else {
		const style = getComputedStyle(swatch);
		element = document.createElementNS(svgNs, 'rect');
		const stroke = parseFloat(style.borderTopWidth) > 0 ? style.borderTopColor : 'none';
		element.setAttribute('style', `fill:${style.backgroundColor};stroke:${stroke}`);
	}
	for (const [name, value] of Object.entries(at)) element.setAttribute(name, value);
	return element;
}

/** Draw the frame's legend from `top`; returns the y below it. */
export function drawLegend(root: Element, legend: Element, pen: Pen, top: number): number {
	const items = legendItems(legend);
	const group = part(root, 'legend');
	const { placed, height } = legendFlow(
		items.map(({ swatch, text }) => {
			const box = swatch?.getBoundingClientRect();
			return { text, swatch: box && { width: box.width, height: box.height } };
		}),
		pen.width,
		pen.measure('legend'),
		{ size: captionStyles.legend.size, lineHeight: lineHeight('legend') }
	);
	placed.forEach((place, i) => {
		const swatch = items[i].swatch;
		if (swatch && place.swatch)
			group.append(drawSwatch(swatch, pen.x + place.swatch.x, top + place.swatch.y));
		for (const line of place.lines)
			group.append(text(pen, line.text, pen.x + line.x, top + line.y, 'legend'));
	});
	return top + height;
}
