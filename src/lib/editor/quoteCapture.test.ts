import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchorQuote, normalizeText } from '../scenario/anchor';
import { captureQuote } from './quoteCapture';

const memo = 'Talks may fail. If they fail, the sides will probably fight. Talks may fail again.';

describe('captureQuote', () => {
	it('a unique passage needs no context', () => {
		const start = memo.indexOf('the sides');
		const result = captureQuote(memo, start, start + 'the sides will probably fight'.length);
		expect(result).toEqual({
			ok: true,
			value: { quote: 'the sides will probably fight', start, end: start + 29 }
		});
	});

	it('a repeated passage gets the words after it that tell it apart', () => {
		// "Talks may fail" occurs twice: once followed by ".", once by " again.".
		const first = captureQuote(memo, 0, 'Talks may fail'.length);
		expect(first).toEqual({
			ok: true,
			value: { quote: 'Talks may fail', suffix: '.', start: 0, end: 14 }
		});
	});

	it('…or, at the end of the text, the words before it', () => {
		const text = 'war comes. Then war comes';
		const start = text.lastIndexOf('war comes');
		const result = captureQuote(text, start, text.length);
		expect(result).toEqual({
			ok: true,
			value: { quote: 'war comes', prefix: 'Then', start, end: text.length }
		});
	});

	it('trims white space around the selection and accepts it backwards', () => {
		const start = memo.indexOf(' If they');
		const result = captureQuote(memo, start + ' If they '.length, start);
		expect(result.ok && result.value.quote).toBe('If they');
	});

	it('a selection inside a word anchors with the word pieces as context', () => {
		const text = 'fail failing fail';
		// "fail" inside "failing": its suffix is the rest of the word.
		const result = captureQuote(text, 5, 9);
		expect(result.ok).toBe(true);
		if (result.ok) {
			const found = anchorQuote(normalizeText(text), result.value);
			expect(found).toEqual({ ok: true, start: 5, end: 9 });
		}
	});

	it.each([
		['an empty selection', 3, 3],
		['only white space', 15, 16]
	])('refuses %s', (_, start, end) => {
		expect(captureQuote(memo, start, end)).toEqual({
			ok: false,
			message: 'select some words of the source first'
		});
	});

	it('refuses when no context of 12 words on either side tells two places apart', () => {
		const block = Array.from({ length: 14 }, () => 'same words').join(' ');
		const text = `${block} X ${block} X ${block}`;
		const at = text.indexOf('X');
		const result = captureQuote(text, at, at + 1);
		expect(result.ok).toBe(false);
	});

	it('on the shipped article, any selection of whole words anchors back to itself', () => {
		const article = readFileSync(
			resolve(import.meta.dirname, '../../../scenarios/sources/putin-iran-2024.txt'),
			'utf8'
		);
		const normalized = normalizeText(article);
		const words = [...article.matchAll(/\S+/g)].map((m) => [m.index, m.index + m[0].length]);
		fc.assert(
			fc.property(fc.nat({ max: words.length - 1 }), fc.integer({ min: 1, max: 8 }), (i, n) => {
				const start = words[i][0];
				const end = words[Math.min(words.length - 1, i + n - 1)][1];
				const result = captureQuote(article, start, end, normalized);
				expect(result.ok).toBe(true);
				if (!result.ok) return;
				// Without the start hint: the context alone must single out this place.
				const { start: _, end: __, ...selector } = result.value;
				expect(anchorQuote(normalized, selector)).toEqual({ ok: true, start, end });
			}),
			{ seed: 7, numRuns: 500 }
		);
	});
});
