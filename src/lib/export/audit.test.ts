import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir, loadFixture } from '../../../tests/unit/fixtures';
import { analyze, intervalsFor } from '../engine/analyze';
import { toPayload } from '../scenarios/payload';
import { auditBundle, type AuditInput } from './audit';

const ladder = loadFixture('ladder.yaml');
const payload = toPayload(ladder);

function input(choices: Record<string, string> = {}, steps: string[] = []): AuditInput {
	const analysis = analyze(ladder.compiled, { choices });
	return {
		payload,
		model: ladder.model,
		settings: { choices: analysis.choices, likelihoods: {}, seed: 1 },
		values: analysis.values,
		steps,
		exact: analysis.exact
	};
}

const fileHash = (name: string) =>
	createHash('sha256')
		.update(readFileSync(join(fixturesDir, name)))
		.digest('hex');

describe('auditBundle', () => {
	it('names its format and the scenario with the hash of its file', () => {
		const bundle = auditBundle(input());
		expect(bundle).toMatchObject({
			format: 'brink-audit',
			version: 1,
			scenario: { id: 'ladder', title: 'Ladder', sha256: fileHash('ladder.yaml') }
		});
		expect(bundle.scenario.file).toMatch(/ladder\.yaml$/);
		expect(bundle).not.toHaveProperty('createdAt');
		expect(bundle).not.toHaveProperty('tool');
	});

	it('states the confidence with its reasons, and what the numbers are', () => {
		const bundle = auditBundle(input());
		// The memo names no author and no genre: low; talks.hold and crisis.calm quote nothing.
		expect(bundle.confidence).toMatchObject({ level: 'low', derived: 'low' });
		expect(bundle.confidence.reasons.map((r) => r.text)).toEqual([
			'one source, a text of unstated genre by an unnamed author in an unnamed outlet',
			'2 of 5 steps rest on the model’s assumption only'
		]);
		expect(bundle.note).toBe(
			'These are the probabilities of a model of one argument (“A short memo used by the tests”), not a forecast.'
		);
	});

	it('lists each source with the hash of its text and its provenance', () => {
		const [memo] = auditBundle(input()).sources;
		expect(memo).toEqual({
			id: 'memo',
			title: 'A short memo used by the tests',
			sha256: fileHash('sources/memo.txt'),
			file: 'memo.txt',
			author: null
		});
	});

	it('holds every transition with positive expected flow, in order, and no other', () => {
		// Waiting: talks fail (0.4) or hold (0.6); then the sides fight (0.4 × 0.75) or calm down (0.4 × 0.25).
		const bundle = auditBundle(input());
		expect(bundle.transitions.map((t) => [t.id, t.expectedFlow])).toEqual([
			['talks:talks.fail', 0.4],
			['talks:talks.hold', expect.closeTo(0.6, 12)],
			['crisis:crisis.fight', expect.closeTo(0.3, 12)],
			['crisis:crisis.calm', expect.closeTo(0.1, 12)]
		]);
		const pressing = auditBundle(input({ 'west.posture': 'press' }));
		expect(pressing.transitions.map((t) => t.id)).toEqual([
			'talks:talks.fail',
			'talks:talks.hold',
			'crisis:west.press'
		]);
		expect(pressing.settings.choices).toEqual({ 'west.posture': 'press' });
	});

	it('counts a step taken even where its expected flow is zero', () => {
		const zeroed = input();
		zeroed.exact = { ...zeroed.exact, transitionFlow: new Float64Array(5) };
		zeroed.steps = ['talks:talks.fail', 'crisis:crisis.fight'];
		const bundle = auditBundle(zeroed);
		expect(bundle.transitions.map((t) => [t.id, t.taken])).toEqual([
			['talks:talks.fail', 1],
			['crisis:crisis.fight', 1]
		]);
		expect(bundle.steps).toEqual(['talks:talks.fail', 'crisis:crisis.fight']);
	});

	it('gives each quote its exact words in the source, its sentences, stance and source', () => {
		const [fail, hold, fight] = auditBundle(input()).transitions;
		expect(fail).toMatchObject({
			label: 'talks.fail',
			from: 'talks',
			to: 'crisis',
			by: 'chance',
			likelihood: { kind: 'fixed', value: 0.4 },
			evidence: [
				{
					source: 'memo',
					stance: 'supports',
					quote: 'Talks may fail.',
					text: 'Talks may fail.',
					start: 0,
					end: 15,
					sentences: ['p1.s1']
				}
			]
		});
		expect(fight).toMatchObject({
			evidence: [{ text: 'the sides will probably fight', sentences: ['p1.s2'] }]
		});
		// No quote: the assumption and its stated basis instead.
		expect(hold).toMatchObject({
			likelihood: { kind: 'rest', value: null },
			assumption: true,
			basis: 'The memo does not say what happens when talks hold.'
		});
		expect(hold).not.toHaveProperty('evidence');
	});

	it('finds a quote whose typography differs from the source, and gives the source words', () => {
		const press = auditBundle(input({ 'west.posture': 'press' })).transitions[2];
		expect('evidence' in press && press.evidence[0]).toMatchObject({
			quote: 'A "ceasefire" is likely - but not certain',
			text: 'A “ceasefire” is likely – but not certain'
		});
	});

	it('gives a range its band and term, and marks likelihoods the user set', () => {
		const regions = loadFixture('regions.yaml');
		const flare = regions.model.transitions.find((t) => t.event === 'front.flare')!;
		const analysis = analyze(regions.compiled, { likelihoods: { [flare.id]: 0.6 } });
		const bundle = auditBundle({
			payload: toPayload(regions),
			model: regions.model,
			settings: { choices: analysis.choices, likelihoods: { [flare.id]: 0.6 }, seed: 'x' },
			values: analysis.values,
			steps: [],
			exact: analysis.exact,
			intervals: intervalsFor(analysis, 100, 1),
			createdAt: '2026-01-02T03:04:05Z',
			toolVersion: '0.1.0'
		});
		expect(bundle.transitions.find((t) => t.id === flare.id)!.likelihood).toEqual({
			kind: 'range',
			value: 0.6,
			range: [0.55, 0.8],
			term: 'likely',
			basis: 'likely',
			setByUser: true
		});
		expect(bundle).toMatchObject({
			createdAt: '2026-01-02T03:04:05Z',
			tool: { name: 'brink', version: '0.1.0' }
		});
	});

	it("records the editor's proposal and the analyst's decision beside the likelihood", () => {
		const proposal = { term: 'likely', wording: 'probably', decision: 'overridden' } as const;
		const base = input({}, ['talks:talks.fail']);
		const model = {
			...base.model,
			transitions: base.model.transitions.map((t) =>
				t.event === 'crisis.fight' ? { ...t, likelihood: { ...t.likelihood, proposal } } : t
			)
		};
		const { transitions } = auditBundle({ ...base, model });
		expect(transitions.find((t) => t.event === 'crisis.fight')!.likelihood).toEqual({
			kind: 'fixed',
			value: 0.75,
			proposal
		});
		expect(transitions.find((t) => t.event === 'talks.fail')!.likelihood).not.toHaveProperty(
			'proposal'
		);
	});

	it('is deterministic JSON, whatever order the settings were made in, and leaves its input alone', () => {
		const a = input();
		a.settings.likelihoods = { b: 0.1, a: 0.2 };
		const b = input();
		b.settings.likelihoods = { a: 0.2, b: 0.1 };
		const before = structuredClone(a.settings);
		expect(JSON.stringify(auditBundle(a))).toBe(JSON.stringify(auditBundle(b)));
		expect(a.settings).toEqual(before);
	});

	it('carries the results: outcomes, dimensions and expected steps', () => {
		const { results } = auditBundle(input());
		expect(results.outcomes.map((o) => [o.id, o.exact])).toEqual([
			['settled', expect.closeTo(0.7, 12)],
			['war', expect.closeTo(0.3, 12)]
		]);
		expect(results.dimensions[0]).toMatchObject({ id: 'peace', exact: expect.closeTo(0.4, 12) });
		expect(results.expectedSteps).toBeCloseTo(1.4, 12);
	});
});
