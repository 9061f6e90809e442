import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureResolver, loadShippedScenario } from '../../../tests/unit/fixtures';
import { toSentences } from '../scenario/sentences';
import { analyze } from './analyze';
import { SettingsError, likelihoodValues } from './compile';
import { toChainData } from './explore';
import { loadScenario } from './load';
import { withReading } from './reading';
import { sensitivity } from './sensitivity';

const dir = resolve(import.meta.dirname, '../../../tests/fixtures/valid');
const ladder = readFileSync(join(dir, 'ladder.yaml'), 'utf8');

/** The ladder (P(war) = 0.4 × 0.75 = 0.3 under "wait") with readings appended. */
function load(readings: string) {
	return loadScenario('ladder.yaml', `${ladder}\nreadings:\n${readings}`, fixtureResolver);
}

function loaded(readings: string) {
	const result = load(readings);
	if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
	return result.value;
}

const gloomy = `
  gloomy:
    label: A gloomy reading
    likelihoods:
      talks:talks.fail:
        likelihood: 0.8
        reason: Talks fail more often than the memo says.
  same:
    label: The memo's own values
    likelihoods:
      crisis:crisis.fight:
        likelihood: 0.75
        reason: As the memo has it.
`;

const warOf = (exact: { outcomes: { id: string; probability: number }[] }) =>
	exact.outcomes.find((o) => o.id === 'war')?.probability ?? 0;

describe('withReading', () => {
	it("replaces the named steps' likelihoods and leaves the scenario's own untouched", () => {
		const { compiled } = loaded(gloomy);
		// Under "wait": fail × fight. The scenario's own: 0.4 × 0.75; the gloomy reading: 0.8 × 0.75.
		expect(warOf(analyze(compiled).exact)).toBeCloseTo(0.3, 12);
		expect(warOf(analyze(compiled, { reading: 'gloomy' }).exact)).toBeCloseTo(0.6, 12);
		expect(warOf(analyze(compiled, { reading: 'same' }).exact)).toBeCloseTo(0.3, 12);
		expect(compiled.model.transitions.find((t) => t.id === 'talks:talks.fail')?.likelihood).toEqual(
			{ kind: 'fixed', value: 0.4 }
		);
		expect(likelihoodValues(withReading(compiled, 'gloomy'))[0]).toBe(0.8);
	});

	it('marks a value outside the scenario’s own band as a departure, and one inside it not', () => {
		const { compiled } = loaded(gloomy);
		const [g, s] = compiled.model.readings;
		expect(g).toMatchObject({ id: 'gloomy', label: 'A gloomy reading' });
		expect(g.changes.map((c) => c.departs)).toEqual([true]);
		expect(s.changes.map((c) => c.departs)).toEqual([false]);
	});

	it('builds each reading once, reads a reading again from its base, and gives the base for none', () => {
		const { compiled } = loaded(gloomy);
		const g = withReading(compiled, 'gloomy');
		expect(withReading(compiled, 'gloomy')).toBe(g);
		expect(withReading(g, 'same')).toBe(withReading(compiled, 'same'));
		expect(withReading(g, undefined)).toBe(compiled);
		expect(withReading(g, '')).toBe(compiled);
		expect(g.machine).toBe(compiled.machine);
		expect(g.reading?.id).toBe('gloomy');
	});

	it('refuses an unknown reading with its name and a suggestion', () => {
		const { compiled } = loaded(gloomy);
		expect(() => withReading(compiled, 'glomy')).toThrow(SettingsError);
		expect(() => withReading(compiled, 'glomy')).toThrow(
			'unknown reading "glomy" (did you mean "gloomy"?): its readings are gloomy, same'
		);
	});

	it('does not reuse a chain explored under another reading', () => {
		const { compiled } = loaded(gloomy);
		const own = analyze(compiled);
		const known = { chain: toChainData(own.chain), likelihoods: {} };
		expect(warOf(analyze(compiled, { reading: 'gloomy' }, known).exact)).toBeCloseTo(0.6, 12);
		expect(
			warOf(analyze(compiled, { reading: 'gloomy' }, { ...known, reading: 'gloomy' }).exact)
		).toBeCloseTo(0.3, 12); // the caller vouched for it: reused as given
	});

	it('lets a likelihood set by hand stay within the reading’s band, not the scenario’s', () => {
		const { compiled } = loaded(`
  wide:
    label: Wide
    likelihoods:
      talks:talks.fail:
        likelihood: [0.6, 0.9]
        reason: Wider.
`);
		expect(() => analyze(compiled, { likelihoods: { 'talks:talks.fail': 0.7 } })).toThrow(
			SettingsError
		);
		const a = analyze(compiled, { reading: 'wide', likelihoods: { 'talks:talks.fail': 0.7 } });
		expect(warOf(a.exact)).toBeCloseTo(0.7 * 0.75, 12);
		expect(a.reading).toBe('wide');
	});
});

describe('a reading in the file, checked', () => {
	const errors = (readings: string) => {
		const result = load(readings);
		return result.ok ? [] : result.diagnostics.map((d) => [d.path, d.message, d.hint]);
	};

	it('names an unknown step with a suggestion', () => {
		expect(
			errors(`
  r:
    label: R
    likelihoods:
      talks:talks.fial:
        likelihood: 0.5
        reason: x
`)
		).toEqual([
			[
				'readings.r.likelihoods.talks:talks.fial',
				'unknown step "talks:talks.fial"',
				'did you mean "talks:talks.fail"?'
			]
		]);
	});

	it('refuses a step that takes the rest or has no likelihood, and a reading of "rest"', () => {
		expect(
			errors(`
  r:
    label: R
    likelihoods:
      talks:talks.hold:
        likelihood: 0.5
        reason: x
      crisis:west.press:
        likelihood: 0.5
        reason: x
      talks:talks.fail:
        likelihood: rest
        reason: x
`).map(([path, message]) => [path, message])
		).toEqual([
			[
				'readings.r.likelihoods.talks:talks.hold',
				'"talks.hold" takes the rest of its alternatives; a reading sets the others'
			],
			[
				'readings.r.likelihoods.crisis:west.press',
				'"west.press" has no likelihood of its own (it is certain), so a reading cannot change it'
			],
			[
				'readings.r.likelihoods.talks:talks.fail.likelihood',
				'a reading gives a step a term, a value or a range'
			]
		]);
	});

	it('refuses a reading whose values make a set of alternatives add up to over 1', () => {
		// talks.hold fixed at 0.6 beside talks.fail at 0.4: sound; the reading's 0.95 is not.
		const text = ladder.replace(
			/likelihood: rest\n {10}assumption: The memo does not say/,
			'likelihood: 0.6\n          assumption: The memo does not say'
		);
		expect(text).not.toBe(ladder);
		const result = loadScenario(
			'ladder.yaml',
			`${text}\nreadings:\n  r:\n    label: Rash\n    likelihoods:\n      talks:talks.fail:\n        likelihood: 0.95\n        reason: x\n`,
			fixtureResolver
		);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.diagnostics.map((d) => [d.path, d.line > 0])).toEqual([
			['readings.r.likelihoods.talks:talks.fail.likelihood', true]
		]);
		expect(result.diagnostics[0].message).toMatch(
			/^in the reading "Rash": the likelihoods .* add up to 1\.55, not 1 \(talks\.fail 0\.95, talks\.hold 0\.6\)/
		);
	});
});

describe("regional-escalation's sceptic reading", () => {
	const scenario = loadShippedScenario('regional-escalation');
	const { compiled } = scenario;
	const prob = (reading: string | undefined, id: string) =>
		analyze(compiled, { reading }).exact.outcomes.find((o) => o.id === id)!.probability;

	it('gives each step it changes a reason and names the passages it leans on', () => {
		const sceptic = compiled.model.readings.find((r) => r.id === 'sceptic')!;
		expect(sceptic.changes.length).toBeGreaterThanOrEqual(4);
		for (const change of sceptic.changes) {
			expect(change.reason.length).toBeGreaterThan(40);
			expect(change.reason).toMatch(/\(p\d+\.s\d+\)/);
		}
		// Every sentence a reason names is one the scenario quotes somewhere (an anchored quote
		// starts in it), so the reader finds it highlighted in the article.
		const sentences = toSentences(scenario.sources.get('putin-iran-2024')!.text);
		const quoted = new Set(
			scenario.quotes.map((q) => sentences.find((s) => s.start <= q.start && q.start < s.end)?.id)
		);
		const named = sceptic.changes.flatMap((c) => c.reason.match(/p\d+\.s\d+/g) ?? []);
		expect(named.length).toBeGreaterThan(0);
		for (const id of named) expect(quoted, id).toContain(id);
	});

	it('turns the ties: a rupture is less likely than the article’s reading gives it', () => {
		const ruptured = 'crisis.ties.ruptured';
		expect(prob('sceptic', ruptured)).toBeLessThan(prob(undefined, ruptured) / 2);
	});

	it('runs through the sensitivity sweep and the intervals with its own ranges', () => {
		const outcome = 'crisis.ties.ruptured';
		const own = sensitivity(compiled, {}, outcome);
		const sceptic = sensitivity(compiled, { reading: 'sceptic' }, outcome);
		expect(sceptic.base).toBeCloseTo(prob('sceptic', outcome), 12);
		expect(sceptic.base).not.toBeCloseTo(own.base, 3);
	});
});
