import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../tests/unit/fixtures';
import { analyze, intervalsFor } from '../engine/analyze';
import { monteCarlo } from '../engine/montecarlo';
import { resultBasis } from '../scenario/confidenceWords';
import { csvCell, resultsTable, toCsv, toResultsJson, type ResultRow } from './results';

const ladder = loadFixture('ladder.yaml');
const analysis = analyze(ladder.compiled);
const base = { model: ladder.model, exact: analysis.exact };
// The ladder cites one memo of unstated genre and no author; 2 of its 5 steps quote nothing.
const basis = resultBasis(ladder);

describe('resultsTable', () => {
	it('has one row per outcome, then one per dimension, with the hand-computed values', () => {
		// talks fail 0.4 then fight 0.75 → war 0.3; everything else settles (0.7); peace 0.7 − 0.3.
		const rows = resultsTable(base);
		expect(rows.map((r) => [r.kind, r.id, r.label])).toEqual([
			['outcome', 'settled', 'Settled'],
			['outcome', 'war', 'War'],
			['dimension', 'peace', 'Peace']
		]);
		expect(rows[0].exact).toBeCloseTo(0.7, 12);
		expect(rows[1].exact).toBeCloseTo(0.3, 12);
		expect(rows[2].exact).toBeCloseTo(0.4, 12);
		expect(rows.every((r) => r.low === undefined && r.monteCarlo === undefined)).toBe(true);
	});

	it('adds the Monte Carlo estimate and its standard error when there is a run', () => {
		const mc = monteCarlo(analysis.chain, 1000, { seed: 7 });
		const rows = resultsTable({ ...base, monteCarlo: { ...mc, seed: 7 } });
		const war = rows.find((r) => r.id === 'war')!;
		expect(war.monteCarlo).toBe(mc.outcomes[1].probability);
		const p = war.monteCarlo!;
		expect(war.standardError).toBeCloseTo(Math.sqrt((p * (1 - p)) / 1000), 15);
		expect(rows.find((r) => r.id === 'peace')).toMatchObject({ monteCarlo: mc.dimensions.peace });
		expect(rows.find((r) => r.id === 'peace')!.standardError).toBeUndefined();
	});

	it('adds low, median and high when there are intervals', () => {
		const regions = loadFixture('regions.yaml');
		const a = analyze(regions.compiled);
		const intervals = intervalsFor(a, 200, 1);
		expect(intervals).toBeDefined();
		const rows = resultsTable({ model: regions.model, exact: a.exact, intervals });
		for (const row of rows.filter((r) => r.kind === 'outcome')) {
			const i = intervals!.outcomes[row.id];
			expect([row.low, row.median, row.high]).toEqual([i.low, i.median, i.high]);
		}
		expect(rows.some((r) => r.region !== '')).toBe(true);
	});
});

describe('csvCell', () => {
	it.each<{ input: string | number | undefined; expected: string }>([
		{ input: 'plain', expected: 'plain' },
		{ input: 'a,b', expected: '"a,b"' },
		{ input: 'say "no"', expected: '"say ""no"""' },
		{ input: 'two\nlines', expected: '"two\nlines"' },
		{ input: 'cr\r\nlf', expected: '"cr\r\nlf"' },
		{ input: '=HYPERLINK("x")', expected: `"'=HYPERLINK(""x"")"` },
		{ input: '+1', expected: "'+1" },
		{ input: '-cmd', expected: "'-cmd" },
		{ input: '@SUM(A1)', expected: "'@SUM(A1)" },
		{ input: '\tx', expected: "'\tx" },
		{ input: '-0.5', expected: '-0.5' },
		{ input: '-2e-7', expected: '-2e-7' },
		{ input: -0.25, expected: '-0.25' },
		{ input: 0.1 + 0.2, expected: '0.30000000000000004' },
		{ input: undefined, expected: '' },
		{ input: '', expected: '' }
	])('$input → $expected', ({ input, expected }) => {
		expect(csvCell(input)).toBe(expected);
	});
});

describe('toCsv', () => {
	const row: ResultRow = {
		kind: 'outcome',
		region: '',
		id: 'a',
		label: '=Talks, "fail"',
		exact: 1 / 3,
		low: -0.5,
		standardError: 0.01
	};

	it('writes a header row and one line per row, CRLF-terminated, at full precision', () => {
		expect(toCsv([row])).toBe(
			'kind,region,id,label,exact,low,median,high,monteCarlo,standardError\r\n' +
				`outcome,,a,"'=Talks, ""fail""",0.3333333333333333,-0.5,,,,0.01\r\n`
		);
	});

	it('writes the header alone for no rows', () => {
		expect(toCsv([])).toBe(
			'kind,region,id,label,exact,low,median,high,monteCarlo,standardError\r\n'
		);
	});

	it('round-trips the ladder: one line per outcome and dimension, numbers parse back', () => {
		const lines = toCsv(resultsTable(base)).trimEnd().split('\r\n');
		expect(lines).toHaveLength(4);
		expect(lines[2].split(',').slice(0, 4)).toEqual(['outcome', '', 'war', 'War']);
		expect(Number(lines[2].split(',')[4])).toBe(analysis.exact.outcomes[1].probability);
	});

	it('records what the results are conditioned on, one row an observation, before the confidence', () => {
		const lines = toCsv(resultsTable(base), basis, ['“crisis” happened', '“war” did not happen'])
			.trimEnd()
			.split('\r\n');
		expect(lines).toHaveLength(1 + 3 + 2 + 2);
		expect(lines[4]).toBe('observed,,1,“crisis” happened,,,,,,');
		expect(lines[5]).toBe('observed,,2,“war” did not happen,,,,,,');
		expect(lines[6]).toMatch(/^confidence,/);
	});

	it('closes with the confidence and what the numbers are, when given them', () => {
		const lines = toCsv(resultsTable(base), basis).trimEnd().split('\r\n');
		expect(lines).toHaveLength(1 + 3 + 2);
		expect(lines[4]).toBe(
			`confidence,,low,"Confidence: low — one source, a text of unstated genre by an unnamed author in an unnamed outlet; 2 of 5 steps rest on the model’s assumption only.",,,,,,`
		);
		expect(lines[5]).toBe(
			`note,,model,"These are the probabilities of a model of one argument (“A short memo used by the tests”), not a forecast.",,,,,,`
		);
	});

	it('does not change the rows', () => {
		const copy = structuredClone(row);
		toCsv([row]);
		expect(row).toEqual(copy);
	});
});

describe('toResultsJson', () => {
	it('names the format, the scenario, sorted settings and the results', () => {
		const json = toResultsJson({
			...base,
			sha256: 'abc',
			settings: { choices: { 'west.posture': 'wait' }, likelihoods: { z: 0.1, a: 0.2 }, seed: 3 }
		});
		expect(json).toMatchObject({
			format: 'brink-results',
			version: 1,
			scenario: { id: 'ladder', title: 'Ladder', sha256: 'abc' },
			settings: { choices: { 'west.posture': 'wait' }, seed: 3 }
		});
		expect(Object.keys(json.settings.likelihoods)).toEqual(['a', 'z']);
		expect(json.results.outcomes.map((o) => o.id)).toEqual(['settled', 'war']);
		expect(json.results.expectedSteps).toBeCloseTo(1.4, 12);
		expect(json.results).not.toHaveProperty('intervals');
		expect(json.results).not.toHaveProperty('monteCarlo');
		expect(JSON.parse(JSON.stringify(json))).toEqual(json);
		expect(json).not.toHaveProperty('confidence');
	});

	it('records what the results are conditioned on, and nothing when none', () => {
		const observations = [{ event: 'crisis', happened: true, within: 3 }];
		const given = toResultsJson({
			...base,
			settings: { choices: {}, likelihoods: {}, seed: 1, observations }
		});
		expect(given.settings.observations).toEqual(observations);
		const none = toResultsJson({
			...base,
			settings: { choices: {}, likelihoods: {}, seed: 1, observations: [] }
		});
		expect(none.settings).not.toHaveProperty('observations');
	});

	it('carries the confidence, derived with its reasons, and what the numbers are', () => {
		const json = toResultsJson({
			...base,
			settings: { choices: {}, likelihoods: {}, seed: 1 },
			basis
		});
		expect(json.confidence).toEqual({
			level: 'low',
			derived: 'low',
			reasons: [
				{
					factor: 'sources',
					text: 'one source, a text of unstated genre by an unnamed author in an unnamed outlet',
					limit: 'low'
				},
				{
					factor: 'assumptions',
					text: '2 of 5 steps rest on the model’s assumption only',
					limit: 'moderate'
				}
			]
		});
		expect(json.note).toMatch(
			/^These are the probabilities of a model of one argument .*, not a forecast\.$/
		);
	});
});
