import { describe, expect, it } from 'vitest';
import {
	fixtureResolver,
	fixtureText,
	loadFixture,
	loadShippedScenario
} from '../../../tests/unit/fixtures';
import { loadScenario } from '../engine/load';
import {
	deriveConfidence,
	describeSource,
	independentSources,
	scenarioConfidence,
	type ConfidenceInput,
	type ConfidenceSource
} from './confidence';
import { confidenceAside, confidenceLine, levelText, numbersNote } from './confidenceWords';

const opinionAnonymous: ConfidenceSource = { genre: 'opinion', author: null, outlet: null };
const opinionSigned: ConfidenceSource = { genre: 'opinion', author: 'A. Writer', outlet: null };
const news: ConfidenceSource = { genre: 'news', author: null, outlet: 'The Wire' };
const analysis: ConfidenceSource = { genre: 'analysis', author: 'B. Analyst', outlet: 'A Journal' };

/** Every step quoted: only the sources limit the level. */
const quoted = (sources: ConfidenceSource[]): ConfidenceInput => ({
	sources,
	steps: 20,
	assumptionOnly: 0
});
const limitOf = (input: ConfidenceInput, factor: 'sources' | 'assumptions') =>
	deriveConfidence(input).reasons.find((r) => r.factor === factor)!.limit;

describe('deriveConfidence: the sources', () => {
	const cases: { name: string; sources: ConfidenceSource[]; expected: string }[] = [
		{ name: 'no source', sources: [], expected: 'low' },
		{
			name: 'one opinion piece, no author, no outlet',
			sources: [opinionAnonymous],
			expected: 'low'
		},
		{ name: 'one signed opinion piece', sources: [opinionSigned], expected: 'moderate' },
		{ name: 'one news report (outlet named)', sources: [news], expected: 'moderate' },
		{
			name: 'one news report naming neither author nor outlet',
			sources: [{ genre: 'news', author: null, outlet: null }],
			expected: 'low'
		},
		{
			name: 'two independent opinion pieces, both signed',
			sources: [opinionSigned, { ...opinionSigned, author: 'C. Other' }],
			expected: 'moderate'
		},
		{
			name: 'a signed opinion piece and a news report',
			sources: [opinionSigned, news],
			expected: 'high'
		},
		{
			name: 'two reports from the same outlet (one independent source)',
			sources: [analysis, { ...analysis, author: 'D. Colleague' }],
			expected: 'moderate'
		},
		{
			name: 'genre not stated, author named',
			sources: [
				{ author: 'E. Someone', outlet: 'Somewhere' },
				{ author: 'F. Else', outlet: null }
			],
			expected: 'moderate'
		}
	];
	for (const { name, sources, expected } of cases)
		it(`${name}: at most ${expected}`, () => {
			expect(limitOf(quoted(sources), 'sources')).toBe(expected);
			expect(deriveConfidence(quoted(sources)).derived).toBe(expected);
		});

	it('describes the sources in words a reader understands', () => {
		expect(deriveConfidence(quoted([opinionAnonymous])).reasons[0].text).toBe(
			'one source, an opinion piece by an unnamed author in an unnamed outlet'
		);
		expect(deriveConfidence(quoted([opinionSigned, news])).reasons[0].text).toBe(
			'2 independent sources: an opinion piece by A. Writer in an unnamed outlet; a news report by an unnamed author in The Wire'
		);
		expect(
			deriveConfidence(quoted([analysis, { ...analysis, author: 'X' }])).reasons[0].text
		).toMatch(/^2 sources, 1 of them independent: /);
		expect(describeSource({ author: null })).toBe(
			'a text of unstated genre by an unnamed author in an unnamed outlet'
		);
	});

	it('counts sources sharing a named author or outlet once, anonymous ones once each', () => {
		expect(independentSources([])).toBe(0);
		expect(independentSources([opinionAnonymous, opinionAnonymous])).toBe(2);
		expect(independentSources([opinionSigned, { ...news, author: 'a. writer ' }])).toBe(1);
		// A links to B by author, B to C by outlet: one group.
		const chain: ConfidenceSource[] = [
			{ author: 'A', outlet: null },
			{ author: 'A', outlet: 'O' },
			{ author: null, outlet: 'O' }
		];
		expect(independentSources(chain)).toBe(1);
	});
});

describe('deriveConfidence: the share of assumption-only steps', () => {
	// Two independent, signed, non-opinion sources: the sources allow high.
	const strong = [analysis, news];
	const cases: { assumptionOnly: number; expected: string }[] = [
		{ assumptionOnly: 0, expected: 'high' },
		{ assumptionOnly: 24, expected: 'high' },
		{ assumptionOnly: 25, expected: 'moderate' },
		{ assumptionOnly: 49, expected: 'moderate' },
		{ assumptionOnly: 50, expected: 'low' },
		{ assumptionOnly: 100, expected: 'low' }
	];
	for (const { assumptionOnly, expected } of cases)
		it(`${assumptionOnly} of 100: ${expected}`, () => {
			const c = deriveConfidence({ sources: strong, steps: 100, assumptionOnly });
			expect(c.reasons[1]).toMatchObject({ factor: 'assumptions', limit: expected });
			expect(c.derived).toBe(expected);
		});

	it('says the count in words, singular and plural', () => {
		expect(
			deriveConfidence({ sources: strong, steps: 48, assumptionOnly: 17 }).reasons[1].text
		).toBe('17 of 48 steps rest on the model’s assumption only');
		expect(deriveConfidence({ sources: strong, steps: 1, assumptionOnly: 1 }).reasons[1].text).toBe(
			'1 of 1 step rests on the model’s assumption only'
		);
	});

	it('takes the lowest limit of its reasons', () => {
		const c = deriveConfidence({ sources: [opinionSigned], steps: 10, assumptionOnly: 6 });
		expect(c.reasons.map((r) => r.limit)).toEqual(['moderate', 'low']);
		expect(c.derived).toBe('low');
	});
});

describe('a stated confidence', () => {
	const base = { sources: [opinionAnonymous], steps: 48, assumptionOnly: 17 };

	it('stands over the derived level, which is kept and shown beside it', () => {
		const c = deriveConfidence({
			...base,
			stated: { level: 'moderate', reason: 'The steps follow from public commitments.' }
		});
		expect(c).toMatchObject({
			level: 'moderate',
			derived: 'low',
			override: { level: 'moderate', reason: 'The steps follow from public commitments.' }
		});
		expect(levelText(c)).toBe(
			'moderate (derived: low — overridden because the steps follow from public commitments.)'
		);
	});

	it('without a reason keeps the stated level, and the record shows no reason', () => {
		const c = deriveConfidence({ ...base, stated: { level: 'high' } });
		expect(c.level).toBe('high');
		expect(c.override).toEqual({ level: 'high' });
	});

	it('equal to the derived level reads as the plain level', () => {
		expect(levelText(deriveConfidence({ ...base, stated: { level: 'low' } }))).toBe('low');
	});
});

describe('the words', () => {
	const c = deriveConfidence({ sources: [opinionAnonymous], steps: 48, assumptionOnly: 17 });

	it('one line with the level and its reasons', () => {
		expect(confidenceLine(c)).toBe(
			'Confidence: low — one source, an opinion piece by an unnamed author in an unnamed outlet; 17 of 48 steps rest on the model’s assumption only.'
		);
		expect(confidenceAside(c)).toMatch(/^\(low confidence: one source, .* only\)$/);
	});

	it('says what the numbers are', () => {
		expect(numbersNote(['An article'])).toBe(
			'These are the probabilities of a model of one argument (“An article”), not a forecast.'
		);
		expect(numbersNote([])).toBe(
			'These are the probabilities of a model that cites no source, not a forecast.'
		);
		expect(numbersNote(['A', 'B'])).toMatch(/drawn from 2 sources \(“A”; “B”\), not a forecast\.$/);
	});
});

describe('scenarioConfidence on scenario files', () => {
	it('a fixture citing an opinion column and a news report', () => {
		const loaded = loadFixture('two-sources.yaml');
		const metas = [...loaded.sources.values()].map((s) => s.meta);
		expect(metas.map((m) => m.genre)).toEqual(['opinion', 'news']);
		const c = scenarioConfidence(loaded.scenario, loaded.model, metas);
		// Two independent sources, one not opinion, one author named: the sources allow high.
		// talks.hold and crisis.calm state an assumption and quote nothing: 2 of 5 is 40 %.
		expect(c.reasons).toEqual([
			{
				factor: 'sources',
				text: '2 independent sources: an opinion piece by C. Columnist in an unnamed outlet; a news report by an unnamed author in Fixture Wire',
				limit: 'high'
			},
			{
				factor: 'assumptions',
				text: '2 of 5 steps rest on the model’s assumption only',
				limit: 'moderate'
			}
		]);
		expect(c.level).toBe('moderate');
	});

	it('regional-escalation: one anonymous opinion piece, low', () => {
		const loaded = loadShippedScenario('regional-escalation');
		const metas = [...loaded.sources.values()].map((s) => s.meta);
		const c = scenarioConfidence(loaded.scenario, loaded.model, metas);
		const silent = loaded.model.transitions.filter((t) => t.evidence.length === 0).length;
		expect(c.level).toBe('low');
		expect(c.reasons[0].text).toBe(
			'one source, an opinion piece by an unnamed author in an unnamed outlet'
		);
		expect(c.reasons[1].text).toBe(
			`${silent} of ${loaded.model.transitions.length} steps rest on the model’s assumption only`
		);
	});
});

describe('the validator and a stated confidence', () => {
	const ladder = fixtureText('ladder.yaml');
	const withConfidence = (block: string) =>
		loadScenario(
			'ladder.yaml',
			ladder.replace('dimensions:\n  peace: { label: Peace }\n', `$&${block}`),
			fixtureResolver
		);

	it('accepts a departure with a reason, and the level stands', () => {
		const result = withConfidence(
			'confidence: { level: moderate, reason: The memo is the official record. }\n'
		);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const { scenario, model, sources } = result.value;
		const metas = [...sources.values()].map((s) => s.meta);
		expect(scenarioConfidence(scenario, model, metas)).toMatchObject({
			level: 'moderate',
			derived: 'low'
		});
	});

	it('accepts the derived level stated without a reason', () => {
		expect(withConfidence('confidence: { level: low }\n').ok).toBe(true);
	});

	it('refuses a departure without a reason, at the level, saying what to do', () => {
		const result = withConfidence('confidence: { level: high }\n');
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.diagnostics).toHaveLength(1);
		expect(result.diagnostics[0]).toMatchObject({
			path: 'confidence.level',
			message: expect.stringMatching(/^confidence "high" departs from the derived level "low"/),
			hint: expect.stringMatching(/^add reason: /)
		});
	});
});
