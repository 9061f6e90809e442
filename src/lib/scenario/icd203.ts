/**
 * The ICD 203 estimative scale (US Intelligence Community Directive 203, "Analytic Standards"):
 * each term names a probability band. Scenario files may give a likelihood as one of these terms;
 * the engine then treats it as a range over the band.
 */
export const estimativeBands = {
	'almost no chance': [0.01, 0.05],
	'very unlikely': [0.05, 0.2],
	unlikely: [0.2, 0.45],
	'roughly even chance': [0.45, 0.55],
	likely: [0.55, 0.8],
	'very likely': [0.8, 0.95],
	'almost certain': [0.95, 0.99]
} as const satisfies Record<string, readonly [number, number]>;

export type EstimativeTerm = keyof typeof estimativeBands;

export const estimativeTerms = Object.keys(estimativeBands) as EstimativeTerm[];

/** ICD 203 pairs each term with an alternative wording; both are accepted. */
export const estimativeSynonyms = {
	remote: 'almost no chance',
	'highly improbable': 'very unlikely',
	improbable: 'unlikely',
	'roughly even odds': 'roughly even chance',
	probable: 'likely',
	'highly probable': 'very likely',
	'nearly certain': 'almost certain'
} as const satisfies Record<string, EstimativeTerm>;

/** Every wording accepted as a likelihood term: the terms, then their alternatives. */
export const estimativeWordings = [...estimativeTerms, ...Object.keys(estimativeSynonyms)];

/** `isEstimativeTerm('likely') === true`; alternatives such as 'probable' count too. */
export function isEstimativeTerm(value: unknown): value is string {
	return (
		typeof value === 'string' &&
		(Object.hasOwn(estimativeBands, value) || Object.hasOwn(estimativeSynonyms, value))
	);
}

/** The standard term for a wording: `toStandardTerm('probable') === 'likely'`. */
export function toStandardTerm(wording: string): EstimativeTerm | undefined {
	if (Object.hasOwn(estimativeBands, wording)) return wording as EstimativeTerm;
	if (Object.hasOwn(estimativeSynonyms, wording))
		return estimativeSynonyms[wording as keyof typeof estimativeSynonyms];
	return undefined;
}

/** The band whose range holds `p` (the lower band on a shared edge), or undefined outside 1–99 %. */
export function toEstimativeTerm(p: number): EstimativeTerm | undefined {
	return estimativeTerms.find((term) => {
		const [low, high] = estimativeBands[term];
		return p >= low && p <= high;
	});
}
