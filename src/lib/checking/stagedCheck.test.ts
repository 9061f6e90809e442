/**
 * The check in stages (stagedCheck.ts) must answer as the one-call check does (answerDraft, which
 * runs the command line's loader), stop where it is told to, send the lines before the results,
 * and skip the check of every combination only when it found nothing for the same scenario but
 * for its title and summary.
 */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { talksScenario } from '../../../tests/unit/talks';
import { analysisDiagnostics } from '$lib/engine/check';
import { answerDraft, type DraftAnswer, type DraftInput } from './draftAnswer';
import { answerInStages, checkKey, type CheckMemo } from './stagedCheck';

// Counts the checks of every combination (the real one runs).
vi.mock('$lib/engine/check', async (original) => {
	const real = await original<typeof import('$lib/engine/check')>();
	return { ...real, analysisDiagnostics: vi.fn(real.analysisDiagnostics) };
});
const combinations = vi.mocked(analysisDiagnostics);
// (A block: a function returned by beforeEach is run as its clean-up.)
beforeEach(() => {
	combinations.mockClear();
});

const draft = (scenario: string, name = 'talks'): DraftInput => ({
	name,
	format: 'yaml',
	scenario,
	sources: {}
});
const talks = (title = 'Talks') => draft(talksScenario({ id: 'talks', title }));
/** The layout left out (ELK is slow and not what is tested here). */
const results = vi.fn(async () => ({ title: 'stand-in' }) as never);
const goOn = async () => true;
const staged = (input: DraftInput, memo: CheckMemo = {}, checked?: (a: DraftAnswer) => void) =>
	answerInStages(input, { between: goOn, memo, checked, results });

describe('the check in stages', () => {
	const broken = {
		'a syntax error': talksScenario({ id: 'talks', title: 'Talks' }).replace('on:', 'on: [oops'),
		'a validation error': talksScenario({ id: 'talks', title: 'Talks' }).replace(
			'likelihood: 0.25',
			'likelihood: 1.25'
		),
		'a state never reached (the combinations’ check)': talksScenario({
			id: 'talks',
			title: 'Talks'
		}).replace('target: war', 'target: peace'),
		'a valid text': talksScenario({ id: 'talks', title: 'Talks' })
	};
	for (const [what, text] of Object.entries(broken))
		it(`answers ${what} with the one-call check's lines`, async () => {
			const got = await staged(draft(text));
			const expected = await answerDraft(draft(text), results);
			expect(got).toEqual(expected);
		});

	for (const id of ['regional-escalation', 'hezbollah-escalation'])
		it(`answers the shipped ${id} as the one-call check does`, async () => {
			const text = readFileSync(`scenarios/${id}.yaml`, 'utf8');
			const got = await staged(draft(text, id));
			expect(got).toEqual(await answerDraft(draft(text, id), results));
			expect(got?.lines.at(-1)?.kind).toBe('ok');
		}, 60_000);

	it('sends the lines of a valid text before its results', async () => {
		const order: string[] = [];
		const answer = await answerInStages(talks(), {
			between: goOn,
			memo: {},
			checked: (lines) => {
				order.push('checked');
				expect(lines.results).toBeUndefined();
				expect(lines.lines.at(-1)?.kind).toBe('ok');
			},
			results: async () => {
				order.push('results');
				return { title: 'stand-in' } as never;
			}
		});
		expect(order).toEqual(['checked', 'results']);
		expect(answer?.results).toEqual({ title: 'stand-in' });
	});

	it('stops at the pause it is told to stop at, and says so with no answer', async () => {
		for (let stopAt = 1; stopAt <= 3; stopAt++) {
			let pauses = 0;
			const computed = vi.fn(async () => ({ title: 'stand-in' }) as never);
			const got = await answerInStages(talks(), {
				between: async () => ++pauses < stopAt,
				memo: {},
				results: computed
			});
			expect(got).toBeUndefined();
			expect(pauses).toBe(stopAt);
			expect(computed).not.toHaveBeenCalled();
		}
	});

	it('skips the combinations’ check when only the title changed since it found nothing', async () => {
		const memo: CheckMemo = {};
		await staged(talks('Talks'), memo);
		expect(combinations).toHaveBeenCalledTimes(1);
		const retitled = await staged(talks('Talks, a draft'), memo);
		expect(combinations).toHaveBeenCalledTimes(1);
		expect(retitled).toEqual(await answerDraft(talks('Talks, a draft'), results));
	});

	it('checks again when anything but the title or summary changed', async () => {
		const memo: CheckMemo = {};
		await staged(talks(), memo);
		const other = talksScenario({ id: 'talks', title: 'Talks', assumption: 'One in five.' });
		await staged(draft(other), memo);
		expect(combinations).toHaveBeenCalledTimes(2);
		// A state no longer reached is found, though the last check found nothing.
		const unreached = other.replace('target: war', 'target: peace');
		const got = await staged(draft(unreached), memo);
		expect(got?.lines.some((l) => l.kind === 'error' && /never reached/.test(l.text))).toBe(true);
		// and found again at the next title change: a report with something in it is not kept.
		await staged(draft(unreached.replace('title: Talks', 'title: Talks again')), memo);
		expect(combinations).toHaveBeenCalledTimes(4);
	});

	it('keys the combinations’ check on the document without its title and summary', () => {
		expect(checkKey({ id: 'a', title: 'A', summary: 'S', actors: {} })).toBe(
			checkKey({ id: 'a', title: 'B', actors: {} })
		);
		expect(checkKey({ id: 'a', actors: {} })).not.toBe(checkKey({ id: 'b', actors: {} }));
		expect(checkKey(['a list'])).toBeUndefined();
	});
});
