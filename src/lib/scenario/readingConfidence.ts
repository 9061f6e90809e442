/**
 * The confidence of results under a rival reading (readings.ts). A reading that sets a step
 * outside the band the scenario gives it departs from what the source says: those numbers rest on
 * the reader's judgement, not on the source. The confidence shown with such a reading gets a reason
 * saying so and drops one level (low stays low); it is never higher than the scenario's own. A
 * reading that stays inside the source's bands changes nothing. Pure: no DOM, no svelte.
 */
import { confidenceLevels, lower, type Confidence, type ConfidenceLevel } from './confidence';
import type { ReadingInfo } from './readings';

/** One level below `level`, low at the bottom. */
const below = (level: ConfidenceLevel): ConfidenceLevel =>
	confidenceLevels[Math.max(0, confidenceLevels.indexOf(level) - 1)];

/**
 * `a sceptic's reading departs from the source in 6 steps`: the reading's label when it names
 * itself a reading, else `the reading “Gloomy” departs …`.
 */
export function departureText(label: string, departures: number): string {
	const name = /reading$/i.test(label.trim())
		? label.trim().charAt(0).toLowerCase() + label.trim().slice(1)
		: `the reading “${label.trim()}”`;
	return `${name} departs from the source in ${departures} ${departures === 1 ? 'step' : 'steps'}`;
}

/**
 * The confidence `c` (the scenario's) as it stands with `reading`: unchanged without a reading or
 * when the reading stays inside every band; otherwise with one more reason and one level lower.
 *
 * `readingConfidence(low, sceptic).reasons.at(-1).text` →
 * `a sceptic's reading departs from the source in 6 steps`
 */
export function readingConfidence(
	c: Confidence,
	reading: Pick<ReadingInfo, 'id' | 'label' | 'changes'> | undefined
): Confidence {
	const departures = reading?.changes.filter((change) => change.departs).length ?? 0;
	if (!reading || departures === 0) return c;
	const limit = below(c.level);
	return {
		...c,
		level: lower(c.level, limit),
		reasons: [
			...c.reasons,
			{ factor: 'reading', text: departureText(reading.label, departures), limit }
		],
		reading: { id: reading.id, label: reading.label, departures }
	};
}
