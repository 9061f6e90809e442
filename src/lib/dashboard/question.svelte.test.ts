/**
 * The question panel's controller on the real engine and an in-process worker: problems at once
 * with their column, answers from the worker under the settings with the page's observations
 * joined (checked by hand on the ladder: P(war) = 0.3, P(war | crisis) = 0.75).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeWorker } from '../../../tests/unit/fakeWorker';
import { loadFixture } from '../../../tests/unit/fixtures';
import { toPayload } from '$lib/scenarios/payload';
import { AnalysisWorker } from '$lib/workers/client';
import { exampleQuestions, QuestionView, type QuestionSettings } from './question.svelte';

const loaded = loadFixture('ladder.yaml');
const payload = toPayload(loaded);

beforeAll(() => {
	vi.stubGlobal('requestAnimationFrame', (f: () => void) => setTimeout(f, 0));
	vi.stubGlobal('cancelAnimationFrame', (id: ReturnType<typeof setTimeout>) => clearTimeout(id));
});
afterAll(() => vi.unstubAllGlobals());

function view() {
	const settings: QuestionSettings = $state({
		choices: { ...loaded.compiled.defaultChoices },
		likelihoods: {},
		reading: '',
		seed: 1,
		observations: []
	});
	const worker = new AnalysisWorker(() => fakeWorker());
	const question = new QuestionView(
		payload,
		() => loaded.compiled,
		() => settings,
		() => worker
	);
	return { question, settings };
}

describe('QuestionView', () => {
	it('says where it stands: empty, a problem, working, ready', async () => {
		const { question } = view();
		expect(question.status).toBe('empty');
		question.text = 'P(war';
		expect(question.status).toBe('problem');
		question.text = 'P(war)';
		expect(question.status).toBe('working');
		const ready = question.ready();
		question.follow();
		await ready;
		expect(question.status).toBe('ready');
	});

	it('says what is wrong at once, with the column, and asks nothing', () => {
		const { question } = view();
		question.text = 'P(war';
		expect(question.problem?.column).toBe(6);
		expect(question.follow()).toBeUndefined();
		question.text = 'P(wars)';
		expect(question.problem?.message).toMatch(/wars/);
		expect(question.problem?.hint).toMatch(/war/);
	});

	it('answers in the worker, with the page’s observations joined to the question', async () => {
		const { question, settings } = view();
		question.text = 'P(war)';
		let ready = question.ready();
		question.follow();
		expect((await ready)?.value).toBeCloseTo(0.3, 12);
		expect(question.current).toBe(true);
		expect(question.answer?.observed).toBeUndefined();

		settings.observations = [{ event: 'crisis', happened: true }];
		expect(question.current).toBe(false);
		expect(question.measure?.given.map((g) => g.event.text)).toEqual(['crisis']);
		ready = question.ready();
		question.follow();
		const answer = await ready;
		expect(answer?.value).toBeCloseTo(0.75, 12);
		expect(answer?.observed?.probability).toBeCloseTo(0.4, 12);
		expect(answer?.observed?.text).toEqual(['“crisis” happened']);
		// Asked again in the question: not joined twice.
		question.text = 'P(war | crisis)';
		expect(question.measure?.given.map((g) => g.event.text)).toEqual(['crisis']);
	});

	it('an observation the question cannot have: the worker says why', async () => {
		const { question } = view();
		question.text = 'P(war | settled within 1 and not talks:talks.hold)';
		expect(question.problem).toBeUndefined();
		const ready = question.ready();
		question.follow();
		await ready;
		expect(question.error).toMatch(/cannot both hold|impossible/);
	});

	it('offers examples that read without a problem', () => {
		const examples = exampleQuestions(loaded.compiled);
		expect(examples.length).toBeGreaterThanOrEqual(2);
		const { question } = view();
		for (const e of examples) {
			question.text = e.text;
			expect(question.problem, e.text).toBeUndefined();
		}
	});
});
