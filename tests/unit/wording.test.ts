/**
 * Issue 14, section 2: one wording, one band, across the four shipped scenarios together and
 * against the editor's word list (src/lib/editor/wording.ts), the one place where a wording's band
 * is stated. A step may depart only where it records why (`proposal` overridden, with a reason).
 */
import { describe, expect, it } from 'vitest';
import { listProposals } from '../../src/lib/editor/proposal';
import { findWordings } from '../../src/lib/editor/wording';
import { estimativeBands, estimativeTerms } from '../../src/lib/scenario/icd203';
import { isBandOf } from '../../src/lib/scenario/likelihood';
import {
	isRecordedDeparture,
	toWordingKey,
	wordingConflicts
} from '../../src/lib/scenario/wordingBands';
import { loadShippedScenario, shippedIds } from './fixtures';

const ids = shippedIds;
const scenarios = ids.map(loadShippedScenario);
/** Every transition of every shipped scenario, named `scenario/state:event`. */
const steps = scenarios.flatMap((s) =>
	s.model.transitions.map((t) => ({ ...t, id: `${s.scenario.id}/${t.id}` }))
);

describe('one wording, one band', () => {
	it.each(ids)('%s loads with no wording warning', (id) => {
		const { warnings } = scenarios[ids.indexOf(id)];
		expect(warnings.filter((w) => w.message.includes('one wording, one band'))).toEqual([]);
	});

	it('holds across the four scenarios together', () => {
		const conflicts = wordingConflicts(steps).map(
			(c) => `"${c.wording}": ${c.step.id} ${c.band.text} ≠ ${c.first.id} ${c.firstBand.text}`
		);
		expect(conflicts).toEqual([]);
		// The check has something to compare: wordings that more than one step rests on.
		const worded = steps.filter((t) => {
			const key = toWordingKey(t.likelihood.basis ?? '');
			return key !== '' && key !== 'silent' && t.likelihood.kind !== 'rest';
		});
		const counts = new Map<string, number>();
		for (const t of worded) {
			const key = toWordingKey(t.likelihood.basis!);
			counts.set(key, (counts.get(key) ?? 0) + 1);
		}
		expect([...counts.values()].filter((n) => n > 1).length).toBeGreaterThan(2);
	});

	it("uses a band of the scale for every wording, and wide ranges only for the article's silence", () => {
		const offScale = steps.filter((t) => {
			const { likelihood } = t;
			if (likelihood.kind !== 'range' || toWordingKey(likelihood.basis ?? '') === 'silent')
				return false;
			return !estimativeTerms.some((term) => isBandOf(likelihood, term));
		});
		expect(offScale.map((t) => t.id)).toEqual([]);
	});
});

describe("the editor's word list and the shipped scenarios agree", () => {
	it("gives each basis that holds one of the list's wordings the band the list gives it", () => {
		const checked: string[] = [];
		for (const t of steps) {
			const [wording] = findWordings(t.likelihood.basis ?? '');
			if (!wording || t.likelihood.kind === 'rest') continue;
			checked.push(wording.text);
			const departs =
				isRecordedDeparture(t.likelihood) && t.likelihood.proposal?.term === wording.term;
			expect(
				isBandOf(t.likelihood, wording.term) || departs,
				`${t.id}: "${wording.text}" is ${wording.term} ${estimativeBands[wording.term].join('–')}`
			).toBe(true);
		}
		expect(new Set(checked)).toEqual(new Set(['hard to resist', 'risks', 'guaranteed']));
	});

	it("records a decision on every proposal the editor makes from a step's quotes", () => {
		const proposals = scenarios.flatMap((s) =>
			listProposals(s.model.transitions).map((p) => ({
				id: `${s.scenario.id}/${p.transition.id}`,
				state: p.state,
				proposed: p.proposed?.term,
				agrees:
					p.state === 'accepted' || (p.state === 'overridden' && isRecordedDeparture(p.likelihood))
			}))
		);
		expect(proposals.length).toBeGreaterThanOrEqual(8);
		expect(proposals.filter((p) => !p.agrees)).toEqual([]);
	});
});
