/**
 * The words around a score or an indicator value: what its numbers mean and count, and a value
 * with its level's name. From the scenario's own definitions (`description`, `levels`, `unit`),
 * with a fallback that says what the file leaves out.
 *
 * `formatLevel(ties, -1) === '−1 (strained)'`, `scaleMeaning(ties) === '−2 ruptured, −1 strained,
 * 0 working.'`, `unitOf(ties, 'points') === 'points'`.
 */
import { levelName, namedLevels, type Leveled } from '../scenario/levels';
import { formatScore } from './outcomeBars';

/** An indicator's or a dimension's definition, as the scenario gives it. */
export interface ScaleSpec extends Leveled {
	label: string;
	description?: string;
	unit?: string;
	min?: number;
	max?: number;
}

/** What a dimension's scores count when the scenario does not say. */
export const scoreUnit = 'points';
/** What an indicator's values count when the scenario does not say. */
export const indicatorUnit = 'levels';

/** The unit the scenario gives, else the fallback: `unitOf({ label: 'x' }, 'points') === 'points'`. */
export function unitOf(scale: ScaleSpec, fallback: string): string {
	return scale.unit ?? fallback;
}

/** A value with its level's name where it has one: `2 (ruptured)`; else the number: `1.13`. */
export function formatLevel(scale: ScaleSpec, value: number): string {
	const name = levelName(scale, value);
	return name ? `${formatScore(value)} (${name})` : formatScore(value);
}

/** The named levels in words, lowest first: `−2 ruptured, −1 strained, 0 working`; '' when none. */
export function levelsText(scale: ScaleSpec): string {
	return namedLevels(scale)
		.map(({ value, name }) => `${formatScore(value)} ${name}`)
		.join(', ');
}

/**
 * What the numbers mean, as a sentence: the description, else the named levels, else a plain
 * admission that the scenario does not say.
 */
export function scaleMeaning(scale: ScaleSpec): string {
	const said = scale.description?.trim() || levelsText(scale);
	if (!said) return 'The scenario does not say what the values mean.';
	return /[.!?]$/.test(said) ? said : `${said}.`;
}

/**
 * The scale from end to end, the ends named where they are levels, and its unit:
 * `scaleRange(ties, -2, 0, 'points') === '−2 (ruptured) to 0 (working), in points'`.
 */
export function scaleRange(scale: ScaleSpec, min: number, max: number, unit: string): string {
	return `${formatLevel(scale, min)} to ${formatLevel(scale, max)}, in ${unit}`;
}

/**
 * What the numbers mean and count, in one line: `Negative is worse for Russia. In points.`; where
 * the meaning is the named levels, the unit leads: `Rungs: 0 calm, 1 fire, 2 war.`
 */
export function scaleNote(scale: ScaleSpec, fallbackUnit: string): string {
	const unit = unitOf(scale, fallbackUnit);
	const levels = levelsText(scale);
	if (!scale.description?.trim() && levels)
		return `${unit.charAt(0).toUpperCase()}${unit.slice(1)}: ${levels}.`;
	return `${scaleMeaning(scale)} In ${unit}.`;
}
