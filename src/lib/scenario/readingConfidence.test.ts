import { describe, expect, it } from 'vitest';
import { loadShippedScenario } from '../../../tests/unit/fixtures';
import { confidenceOf, deriveConfidence, type Confidence } from './confidence';
import { confidenceLine, resultBasis } from './confidenceWords';
import { departureText, readingConfidence } from './readingConfidence';
import type { ReadingChange } from './readings';

/** A confidence at `level`, as two independent named sources of the given genre would give. */
function at(level: 'low' | 'moderate' | 'high'): Confidence {
	const source = (n: number) => ({
		genre: level === 'low' ? ('opinion' as const) : ('analysis' as const),
		author: level === 'low' ? null : `Author ${n}`,
		outlet: level === 'low' ? null : `Outlet ${n}`
	});
	const c = deriveConfidence({
		sources: level === 'moderate' ? [source(1)] : [source(1), source(2)],
		steps: 10,
		assumptionOnly: 0
	});
	expect(c.level).toBe(level);
	return c;
}

const change = (departs: boolean): ReadingChange => ({
	transition: 0,
	likelihood: { kind: 'fixed', value: 0.5 },
	reason: 'r',
	departs
});
const reading = (...departs: boolean[]) => ({
	id: 'sceptic',
	label: "A sceptic's reading",
	changes: departs.map(change)
});

describe('readingConfidence', () => {
	it('leaves the confidence as it is with no reading, or one that stays inside every band', () => {
		const c = at('high');
		expect(readingConfidence(c, undefined)).toBe(c);
		expect(readingConfidence(c, reading(false, false))).toBe(c);
	});

	it.each([
		['high', 'moderate'],
		['moderate', 'low'],
		['low', 'low']
	] as const)('a reading that departs takes %s down to %s, never higher', (from, to) => {
		const c = at(from);
		const r = readingConfidence(c, reading(true, false, true));
		expect(r.level).toBe(to);
		expect(r.reasons.slice(0, -1)).toEqual(c.reasons);
		expect(r.reasons.at(-1)).toEqual({
			factor: 'reading',
			text: "a sceptic's reading departs from the source in 2 steps",
			limit: to
		});
		expect(r.reading).toEqual({ id: 'sceptic', label: "A sceptic's reading", departures: 2 });
	});

	it('does not change the confidence it is given', () => {
		const c = at('high');
		const copy = structuredClone(c);
		readingConfidence(c, reading(true));
		expect(c).toEqual(copy);
	});
});

describe('departureText', () => {
	it.each([
		["A sceptic's reading", 1, "a sceptic's reading departs from the source in 1 step"],
		['Gloomy', 3, 'the reading “Gloomy” departs from the source in 3 steps']
	])('%s, %i', (label, n, expected) => {
		expect(departureText(label, n)).toBe(expected);
	});
});

describe("regional-escalation under the sceptic's reading", () => {
	const loaded = loadShippedScenario('regional-escalation');
	const sceptic = loaded.model.readings.find((r) => r.id === 'sceptic')!;
	// Each of its six steps leaves the scenario's band: "risks damaging" read below even chance,
	// "guaranteed" as 60–90 %, and four silent ranges turned (see the reading's reasons).
	const departures = sceptic.changes.filter((c) => c.departs).length;

	it('says in the confidence line that the reading departs, and is no higher than the scenario', () => {
		expect(departures).toBe(6);
		const basis = resultBasis(loaded, sceptic);
		expect(basis.line).toBe(
			`${confidenceLine(confidenceOf(loaded)).replace(/\.$/, '')}; a sceptic's reading departs from the source in 6 steps.`
		);
		expect(basis.confidence.level).toBe('low');
		expect(resultBasis(loaded).line).not.toMatch(/departs/);
	});
});
