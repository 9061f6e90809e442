import { describe, expect, it } from 'vitest';
import { fixtureResolver, fixtureText } from '../../../tests/unit/fixtures';
import { parseText } from './parse';
import { validateDocument } from './validate';

const text = fixtureText('ladder-claims.yaml');

function problems(from: string, to: string) {
	if (text.split(from).length !== 2) throw new Error(`"${from}" must occur once`);
	const parsed = parseText('ladder-claims.yaml', text.replace(from, to));
	if (!parsed.ok) throw new Error(parsed.diagnostics[0].message);
	const result = validateDocument(parsed.document, fixtureResolver);
	return result.ok ? [] : result.diagnostics;
}

const lineOf = (marker: string) => text.split('\n').findIndex((l) => l.includes(marker)) + 1;

describe('claims in the validator', () => {
	it('accepts the fixture and anchors its quotes', () => {
		const parsed = parseText('ladder-claims.yaml', text);
		if (!parsed.ok) throw new Error('parse');
		const result = validateDocument(parsed.document, fixtureResolver);
		expect(result.ok && result.value.claimQuotes.map((q) => q.claim)).toEqual([
			'warUnlikely',
			'pressHelps',
			'warNeedsCrisis'
		]);
	});

	it('places an unknown state at its line and column, with did-you-mean', () => {
		const [d] = problems('holds: P(war) < 20%', 'holds: P(wra) < 20%');
		expect(d).toMatchObject({
			line: lineOf('holds: P(war) < 20%'),
			column: '    holds: P('.length + 1,
			path: 'claims.warUnlikely.holds',
			message: 'unknown state "wra" (column 3 of the expression)',
			hint: 'did you mean "war"?'
		});
	});

	it('places a syntax error inside a quoted expression', () => {
		const [d] = problems('holds: P(war) < 20%', "holds: 'P(war) << 20%'");
		expect(d.message).toBe(
			'expected a number, P(…) or E[…], found "<" (column 9 of the expression)'
		);
		expect(d.column).toBe("    holds: 'P(war) <".length + 1);
	});

	it('reports a quote the source does not hold, as for evidence', () => {
		const [d] = problems(
			'quote: the sides will probably fight\n    holds',
			'quote: the sides will surely fight\n    holds'
		);
		expect(d.path).toBe('claims.warNeedsCrisis.quote');
		expect(d.message).toMatch(/source "memo"/);
	});

	it('refuses a rationale for a dimension the outcome does not score', () => {
		const [d] = problems(
			'outcome: { label: War, scores: { peace: -1 } }',
			'outcome: { label: War, scores: { peace: -1 }, rationale: { paece: why } }'
		);
		expect(d.message).toBe('a rationale for "paece", which the outcome does not score');
		expect(d.hint).toBe('did you mean "peace"?');
	});
});
