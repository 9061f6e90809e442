/**
 * Named levels of a scale (an indicator or a dimension): `levels: { 0: calm, 1: cross-border fire }`
 * in the file. The keys are whole numbers written as text; a value between levels has no name.
 */

/** What a scale may name: its levels by whole-number value. */
export interface Leveled {
	levels?: Record<string, string>;
}

/** `levelName({ levels: { 2: 'ruptured' } }, 2) === 'ruptured'`; undefined for an unnamed value. */
export function levelName(scale: Leveled, value: number): string | undefined {
	if (!scale.levels || !Number.isInteger(value)) return undefined;
	const key = String(value === 0 ? 0 : value); // -0 reads as 0
	return Object.hasOwn(scale.levels, key) ? scale.levels[key] : undefined;
}

/** The named levels, lowest value first: `[{ value: -2, name: 'ruptured' }, …]`. */
export function namedLevels(scale: Leveled): { value: number; name: string }[] {
	return Object.entries(scale.levels ?? {})
		.map(([key, name]) => ({ value: Number(key), name }))
		.sort((a, b) => a.value - b.value);
}
