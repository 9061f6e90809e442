/**
 * The computed styles that draw SVG marks and text, written onto a copy (browser-only), for the
 * chart files (svgFile.ts) and the legend swatches drawn into them (svgCaption.ts).
 */

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

export const svgNs = 'http://www.w3.org/2000/svg';

/**
 * A copy of an element whose computed styles are written onto it, element by element: Svelte
 * scopes chart styles to classes that do not travel with the markup.
 */
export function styledCopy<E extends Element>(source: E): E {
	const copy = source.cloneNode(true) as E;
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
	return copy;
}
