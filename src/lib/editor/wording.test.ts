import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { estimativeTerms } from '../scenario/icd203';
import { findWordings, proposeTerm } from './wording';

const terms = (text: string) => findWordings(text).map((m) => [m.text, m.term]);

describe('findWordings', () => {
	it.each([
		['Russia could supply jets.', [['could', 'roughly even chance']]],
		['It risks damaging ties.', [['risks', 'roughly even chance']]],
		['The offer is hard to resist.', [['hard to resist', 'very likely']]],
		['Victory is guaranteed.', [['guaranteed', 'almost certain']]],
		['Iran will likely respond.', [['likely', 'likely']]],
		['A war is highly unlikely.', [['highly unlikely', 'very unlikely']]],
		[
			'A war is unlikely; a deal is probable.',
			[
				['unlikely', 'unlikely'],
				['probable', 'likely']
			]
		],
		['Hard  to\nresist', [['Hard  to\nresist', 'very likely']]],
		['Likelihood and mayhem are not wordings.', []],
		['', []]
	])('%j', (text, expected) => {
		expect(terms(text)).toEqual(expected);
	});

	it('every ICD 203 term maps to itself', () => {
		for (const term of estimativeTerms) expect(terms(`It is ${term}.`)).toEqual([[term, term]]);
	});

	it('offsets point at the words in the text', () => {
		const text = 'Moscow may well find it hard to resist.';
		for (const m of findWordings(text)) expect(text.slice(m.start, m.end)).toBe(m.text);
		expect(findWordings(text).map((m) => m.text)).toEqual(['may', 'hard to resist']);
	});

	it('finds the article’s own likelihood words', () => {
		const article = readFileSync(
			resolve(import.meta.dirname, '../../../scenarios/sources/putin-iran-2024.txt'),
			'utf8'
		);
		const found = new Set(findWordings(article).map((m) => m.text.toLowerCase()));
		expect(found.size).toBeGreaterThan(3);
		expect([...found].some((w) => /could|risk|likely|may/.test(w))).toBe(true);
	});
});

describe('proposeTerm', () => {
	it('the first wording of the first quote that has one', () => {
		expect(
			proposeTerm(['Russia supplied radars.', 'It could send jets; war is likely.'])
		).toMatchObject({ text: 'could', term: 'roughly even chance' });
	});

	it('none when no quote carries likelihood', () => {
		expect(proposeTerm(['Russia supplied radars.'])).toBeUndefined();
		expect(proposeTerm([])).toBeUndefined();
	});
});
