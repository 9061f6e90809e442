import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../tests/unit/fixtures';
import { evidenceReport } from './coverage';

// The memo (tests/fixtures/valid/sources/memo.txt), by hand:
//   line 1, offsets 0–60:    "Talks may fail." (p1.s1, 0–15) "If they fail, the sides will probably fight." (p1.s2, 16–60)
//   line 2, offsets 61–131:  "A “ceasefire” is likely – but not certain – once both sides are tired." (p2.s1;
//                            "is likely" at 75–84)
//   line 3, offsets 132–147: "Talks may fail." (p3.s1)

describe('evidenceReport on the ladder', () => {
	const loaded = loadFixture('ladder.yaml');
	const report = evidenceReport(loaded);

	it('counts transitions with evidence and with only an assumption', () => {
		expect(report).toMatchObject({
			scenario: 'ladder',
			transitions: 5,
			evidenced: 3, // talks.fail, west.press, crisis.fight
			evidencedWithAssumption: 0,
			assumptionOnly: 2, // talks.hold, crisis.calm
			unanchored: [],
			stances: { supports: 3, contradicts: 0, context: 0 },
			sentenceCounts: { memo: 4 }
		});
	});

	it('places each quote in the memo and names the sentences it overlaps', () => {
		expect(report.quotes).toEqual([
			{
				transition: 'talks:talks.fail',
				source: 'memo',
				quote: 'Talks may fail.',
				start: 0,
				end: 15,
				stance: 'supports',
				sentences: ['p1.s1']
			},
			{
				transition: 'crisis:west.press',
				source: 'memo',
				quote: 'A "ceasefire" is likely - but not certain',
				start: 61,
				end: 102,
				stance: 'supports',
				sentences: ['p2.s1']
			},
			{
				transition: 'crisis:crisis.fight',
				source: 'memo',
				quote: 'the sides will probably fight',
				start: 30,
				end: 59,
				stance: 'supports',
				sentences: ['p1.s2']
			}
		]);
		const text = loaded.sources.get('memo')!.text;
		expect(text.slice(61, 102)).toBe('A \u201cceasefire\u201d is likely \u2013 but not certain');
	});

	it('lists the one sentence no transition cites: the second "Talks may fail."', () => {
		expect(report.uncitedSentences).toEqual([
			{ source: 'memo', id: 'p3.s1', text: 'Talks may fail.' }
		]);
	});

	it('gives each chance likelihood with its basis, and flags numbers without one', () => {
		expect(report.likelihoods).toEqual([
			{ transition: 'talks:talks.fail', by: 'chance', kind: 'fixed', value: 0.4, basis: null },
			{ transition: 'talks:talks.hold', by: 'chance', kind: 'rest', basis: null },
			{ transition: 'crisis:crisis.fight', by: 'chance', kind: 'fixed', value: 0.75, basis: null },
			{ transition: 'crisis:crisis.calm', by: 'chance', kind: 'rest', basis: null }
		]);
		expect(report.withoutBasis).toEqual(['talks:talks.fail', 'crisis:crisis.fight']);
	});
});

describe('evidenceReport on the regions', () => {
	const report = evidenceReport(loadFixture('regions.yaml'));

	it('counts by hand', () => {
		expect(report).toMatchObject({
			scenario: 'regions',
			transitions: 8,
			evidenced: 3, // front.flare, front.war, talks.collapse
			evidencedWithAssumption: 0,
			assumptionOnly: 5, // front.calm, front.cool, talks.deal, talks.stall, talks.wait
			unanchored: [],
			stances: { supports: 3, contradicts: 0, context: 0 }
		});
	});

	it('finds the quotes, the prefixed one on the memo’s last line', () => {
		expect(report.quotes.map((q) => [q.transition, q.start, q.end, q.sentences])).toEqual([
			['crisis.front.quiet:front.flare', 75, 84, ['p2.s1']],
			['crisis.front.hot:front.war', 40, 59, ['p1.s2']],
			['crisis.talks.open:talks.collapse', 132, 147, ['p3.s1']]
		]);
		expect(report.uncitedSentences.map((s) => s.id)).toEqual(['p1.s1']);
	});

	it('reports the term, its band and basis; a certain chance step; no actor step', () => {
		expect(report.likelihoods).toEqual([
			{
				transition: 'crisis.front.quiet:front.flare',
				by: 'chance',
				kind: 'range',
				term: 'likely',
				low: 0.55,
				high: 0.8,
				basis: 'likely'
			},
			{ transition: 'crisis.front.quiet:front.calm', by: 'chance', kind: 'rest', basis: null },
			{
				transition: 'crisis.front.hot:front.cool',
				by: 'chance',
				kind: 'fixed',
				value: 0.5,
				basis: null
			},
			{ transition: 'crisis.front.hot:front.war', by: 'chance', kind: 'rest', basis: null },
			{
				transition: 'crisis.talks.open:talks.deal',
				by: 'chance',
				kind: 'fixed',
				value: 0.3,
				basis: null
			},
			{ transition: 'crisis.talks.open:talks.stall', by: 'chance', kind: 'rest', basis: null },
			{ transition: 'crisis.talks.open:talks.wait', by: 'chance', kind: 'certain', basis: null }
		]);
		expect(report.withoutBasis).toEqual([
			'crisis.front.hot:front.cool',
			'crisis.talks.open:talks.deal'
		]);
	});
});

describe('evidenceReport: edge cases', () => {
	it('lists a quote that has no anchor as unanchored, and does not count it as evidence', () => {
		const loaded = loadFixture('ladder.yaml');
		const partial = { ...loaded, quotes: loaded.quotes.filter((q) => q.transition !== 3) };
		const report = evidenceReport(partial);
		expect(report.unanchored).toEqual([
			{
				transition: 'crisis:crisis.fight',
				evidence: 0,
				source: 'memo',
				quote: 'the sides will probably fight'
			}
		]);
		expect(report).toMatchObject({ evidenced: 2, assumptionOnly: 2, transitions: 5 });
		// The sentence that quote would have cited is now uncited.
		expect(report.uncitedSentences.map((s) => s.id)).toEqual(['p1.s2', 'p3.s1']);
	});

	it('a transition with evidence and an assumption counts once, as evidenced', () => {
		const loaded = loadFixture('ladder.yaml');
		const [fail] = loaded.model.transitions;
		const transitions = [
			{ ...fail, assumption: 'And more.' },
			...loaded.model.transitions.slice(1)
		];
		const report = evidenceReport({ ...loaded, model: { ...loaded.model, transitions } });
		expect(report).toMatchObject({ evidenced: 3, evidencedWithAssumption: 1, assumptionOnly: 2 });
	});

	it('does not change the scenario it reports on', () => {
		const loaded = loadFixture('regions.yaml');
		const before = structuredClone({
			quotes: loaded.quotes,
			transitions: loaded.model.transitions
		});
		evidenceReport(loaded);
		expect({ quotes: loaded.quotes, transitions: loaded.model.transitions }).toEqual(before);
	});
});
