import { describe, expect, it } from 'vitest';
import type { Explanation } from '../engine/explain';
import { deriveConfidence } from '../scenario/confidence';
import { confidenceLine } from '../scenario/confidenceWords';
import { toWhyView, whyLabel, whyTitle } from './whyView';

const plain = (s: string) => s.replaceAll('\u00a0', ' ');

const step = {
	transition: 'talks:talks.fail',
	label: 'Talks fail',
	region: '',
	by: { id: 'chance', label: 'chance' },
	likelihood: { word: 'unlikely', value: 0.4, text: 'unlikely (20–45\u00a0%)' },
	quote: {
		text: 'Talks may fail.',
		stance: 'supports' as const,
		source: 'memo',
		sourceTitle: 'Memo'
	},
	supported: true
};
const assumed = {
	transition: 'crisis:crisis.fight',
	label: 'They fight',
	region: '',
	by: { id: 'west', label: 'The West' },
	likelihood: { word: 'likely', value: 0.75, text: 'likely (55–80\u00a0%)' },
	assumption: 'The model says so.',
	supported: false
};

const explanation: Explanation = {
	outcome: 'war',
	label: 'War',
	probability: 0.3,
	interval: { low: 0.25, median: 0.3, high: 0.341 },
	mode: 'region',
	region: '',
	paths: [
		{
			kind: 'path',
			steps: [step, assumed],
			probability: 0.27,
			share: 0.9,
			merged: 2,
			likeliest: ['talks:talks.fail', 'crisis:crisis.fight']
		},
		{ kind: 'other', probability: 0.03, share: 0.1, paths: 3, unexplored: 0 }
	],
	complete: true,
	assumptions: [
		{
			transition: 'crisis:crisis.fight',
			label: 'They fight',
			region: '',
			onPaths: true,
			assumption: 'The model says so.',
			probability: 0.3,
			share: 1.0000000000000002
		}
	],
	factors: [
		{
			kind: 'choice',
			id: 'west.posture',
			label: 'Posture',
			low: 0,
			high: 0.3,
			lowAt: 'press',
			highAt: 'wait',
			lowLabel: 'Press',
			highLabel: 'Wait',
			effect: 0.3
		}
	],
	sentence: 'In this model of “Memo”, “War” follows in about 30 % of runs.'
};

describe('whyLabel and whyTitle', () => {
	it.each([
		{ p: 0.129, label: 'Why 13 %? Ties ruptured', title: 'Why “Ties ruptured” is about 13 %' },
		{ p: 0.004, label: 'Why 0.4 %? Ties ruptured', title: 'Why “Ties ruptured” is about 0.4 %' },
		{ p: 0.0002, label: 'Why < 0.1 %? Ties ruptured', title: 'Why “Ties ruptured” is < 0.1 %' },
		{ p: 0, label: 'Why 0 %? Ties ruptured', title: 'Why “Ties ruptured” is 0 %' },
		{ p: 1, label: 'Why 100 %? Ties ruptured', title: 'Why “Ties ruptured” is 100 %' }
	])('$p', ({ p, label, title }) => {
		expect(plain(whyLabel('Ties ruptured', p))).toBe(label);
		expect(plain(whyTitle('Ties ruptured', p))).toBe(title);
	});
});

describe('toWhyView', () => {
	it('with the scenario’s basis, the sentence ends with its confidence, and the line is there', () => {
		const confidence = deriveConfidence({
			sources: [{ genre: 'opinion', author: null, outlet: null }],
			steps: 5,
			assumptionOnly: 2
		});
		const basis = { confidence, line: confidenceLine(confidence), note: '' };
		const view = toWhyView(explanation, new Map(), basis);
		expect(explanation.sentence).toMatch(/\.$/);
		expect(view.sentence).toBe(
			`${explanation.sentence.slice(0, -1)} (low confidence: one source, an opinion piece by an unnamed author in an unnamed outlet; 2 of 5 steps rest on the model’s assumption only).`
		);
		expect(view.confidence).toBe(basis.line);
		expect(toWhyView(explanation)).not.toHaveProperty('confidence');
	});

	it('writes the figures, the paths with their steps, the rest, assumptions and factors', () => {
		const view = toWhyView(explanation);
		expect(view.label).toBe('War');
		expect(plain(view.title)).toBe('Why “War” is about 30 %');
		expect(plain(view.figure)).toBe('30 %');
		expect(plain(view.interval!)).toBe('25–34 %');
		expect(view.sentence).toBe(explanation.sentence);
		expect(view.paths).toHaveLength(1);
		expect(view.paths[0]).toMatchObject({ share: 0.9, merged: 2 });
		expect(plain(view.paths[0].shareText)).toBe('90 %');
		expect(view.paths[0].steps).toEqual([
			{
				transition: 'talks:talks.fail',
				label: 'Talks fail',
				who: 'Chance',
				likelihood: 'unlikely (20–45\u00a0%)',
				quote: { text: 'Talks may fail.', stance: 'supports', source: 'Memo' }
			},
			{
				transition: 'crisis:crisis.fight',
				label: 'They fight',
				who: 'The West',
				likelihood: 'likely (55–80\u00a0%)',
				assumption: 'The model says so.'
			}
		]);
		expect(plain(view.other!.text)).toBe('Other paths: 3 more, 10 % of it');
		expect(view.assumptions.map((a) => plain(a.weight))).toEqual([
			'100 % of “War” passes through it'
		]);
		expect(view.factors.map((f) => plain(f.text))).toEqual(['0 % (Press) to 30 % (Wait)']);
		expect(view.factors.map((f) => f.label)).toEqual(['Posture']);
	});

	it('names a factor by the name given for it, where there is one', () => {
		const names = new Map([['west.posture', 'West: Posture, pressed or not']]);
		expect(toWhyView(explanation, names).factors[0].label).toBe('West: Posture, pressed or not');
	});

	it("carries the outcome's description when it has one, and nothing otherwise", () => {
		expect(toWhyView(explanation)).not.toHaveProperty('description');
		const description = 'The sides fight a war.';
		expect(toWhyView({ ...explanation, description }).description).toBe(description);
	});

	it.each([
		{
			name: 'unexplored mass',
			other: { kind: 'other' as const, probability: 0.03, share: 0.1, paths: 1, unexplored: 0.015 },
			text: 'Other paths: 1 more, 10 % of it; 5 % of it in runs not followed to an end'
		},
		{
			name: 'no path found beyond the listed ones',
			other: { kind: 'other' as const, probability: 0.03, share: 0.1, paths: 0, unexplored: 0.03 },
			text: 'Other paths: 10 % of it; 10 % of it in runs not followed to an end'
		}
	])('the other paths: $name', ({ other, text }) => {
		const view = toWhyView({ ...explanation, paths: [explanation.paths[0], other] });
		expect(plain(view.other!.text)).toBe(text);
	});

	it('leaves out what the explanation has not: no interval, no other paths', () => {
		const { interval: _, ...rest } = explanation;
		const view = toWhyView({ ...rest, paths: [explanation.paths[0]] });
		expect(view.interval).toBeUndefined();
		expect(view.other).toBeUndefined();
	});

	it('does not change the explanation', () => {
		const copy = structuredClone(explanation);
		toWhyView(explanation);
		expect(explanation).toEqual(copy);
	});
});
