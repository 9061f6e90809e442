import { describe, expect, it } from 'vitest';
import { loadFixture } from '../../../tests/unit/fixtures';
import type { Likelihood, Proposal } from '../scenario/likelihood';
import type { TransitionInfo } from '../scenario/model';
import type { EvidenceSpec } from '../scenario/schema';
import { listProposals, proposalQuotes, toLikelihoodText, toTermText } from './proposal';

const likely: Likelihood = { kind: 'range', low: 0.55, high: 0.8, term: 'likely' };

function transition(
	evidence: [EvidenceSpec['stance'], string][],
	likelihood: Likelihood = likely
): TransitionInfo {
	return {
		index: 0,
		id: 'supplied:russia.supply',
		event: 'russia.supply',
		source: 'supplied',
		target: 'full',
		by: 'chance',
		label: 'Russia supplies',
		when: [],
		whenIsList: false,
		likelihood,
		effects: {},
		set: {},
		evidence: evidence.map(([stance, quote]) => ({ stance, quote })),
		signposts: [],
		region: '',
		docPath: ['statechart', 'states', 'supplied', 'on', 0]
	};
}

const resist = 'will find it hard to resist Tehran’s appeals';
const record = (
	decision: Proposal['decision'],
	term: Proposal['term'] = 'very likely',
	wording = 'hard to resist'
): Proposal => ({ term, wording, decision });

describe('listProposals', () => {
	it.each<{
		name: string;
		evidence: [EvidenceSpec['stance'], string][];
		likelihood?: Likelihood;
		expected: { proposed?: { term: string; wording: string }; state: string } | undefined;
	}>([
		{
			name: 'a supporting quote with a wording, no decision yet',
			evidence: [['supports', resist]],
			expected: { proposed: { term: 'very likely', wording: 'hard to resist' }, state: 'open' }
		},
		{
			name: 'supports before context, whatever the order written',
			evidence: [
				['context', 'Iran could strike'],
				['supports', resist]
			],
			expected: { proposed: { term: 'very likely', wording: 'hard to resist' }, state: 'open' }
		},
		{
			name: 'context when no supporting quote has a wording',
			evidence: [
				['supports', 'Putin met Khamenei'],
				['context', 'Iran could strike']
			],
			expected: { proposed: { term: 'roughly even chance', wording: 'could' }, state: 'open' }
		},
		{
			name: 'never a contradicting quote',
			evidence: [['contradicts', 'another potentially calamitous error, guaranteed']],
			expected: undefined
		},
		{
			name: 'no wording at all',
			evidence: [['supports', 'Putin met Khamenei']],
			expected: undefined
		},
		{
			name: 'accepted, and still what the evidence proposes',
			evidence: [['supports', resist]],
			likelihood: {
				kind: 'range',
				low: 0.8,
				high: 0.95,
				term: 'very likely',
				proposal: record('accepted')
			},
			expected: { proposed: { term: 'very likely', wording: 'hard to resist' }, state: 'accepted' }
		},
		{
			name: 'overridden; the wording compares as words',
			evidence: [['supports', 'will find it Hard  to resist']],
			likelihood: { ...likely, proposal: record('overridden') },
			expected: {
				proposed: { term: 'very likely', wording: 'Hard  to resist' },
				state: 'overridden'
			}
		},
		{
			name: 'stale: the evidence now proposes another term',
			evidence: [['supports', 'Russia could supply jets']],
			likelihood: { ...likely, proposal: record('overridden') },
			expected: { proposed: { term: 'roughly even chance', wording: 'could' }, state: 'stale' }
		},
		{
			name: 'stale: the same term from other words',
			evidence: [['supports', 'it is highly likely']],
			likelihood: { ...likely, proposal: record('overridden') },
			expected: { proposed: { term: 'very likely', wording: 'highly likely' }, state: 'stale' }
		},
		{
			name: 'stale: the evidence proposes nothing any more',
			evidence: [['supports', 'Putin met Khamenei']],
			likelihood: { ...likely, proposal: record('overridden') },
			expected: { proposed: undefined, state: 'stale' }
		},
		{
			name: 'a fixed value gets a proposal',
			evidence: [['supports', resist]],
			likelihood: { kind: 'fixed', value: 0.4 },
			expected: { proposed: { term: 'very likely', wording: 'hard to resist' }, state: 'open' }
		},
		{
			name: 'rest gets none',
			evidence: [['supports', resist]],
			likelihood: { kind: 'rest' },
			expected: undefined
		},
		{
			name: 'a certain step (no likelihood) gets none',
			evidence: [['supports', resist]],
			likelihood: { kind: 'certain' },
			expected: undefined
		}
	])('$name', ({ evidence, likelihood, expected }) => {
		const t = transition(evidence, likelihood);
		const [found, ...more] = listProposals([t]);
		expect(more).toEqual([]);
		if (expected === undefined) return expect(found).toBeUndefined();
		expect({ proposed: found.proposed, state: found.state }).toEqual(expected);
		expect(found.transition).toBe(t);
		expect(found.likelihood).toBe(t.likelihood);
		expect(found.recorded).toBe(t.likelihood.proposal);
	});

	it('does not change the transitions', () => {
		const t = transition([['supports', resist]], { ...likely, proposal: record('overridden') });
		const before = structuredClone(t);
		listProposals([t]);
		expect(t).toEqual(before);
	});

	it('lists ladder.yaml’s two chance steps with a number, not its actor step or rests', () => {
		const { model } = loadFixture('ladder.yaml');
		expect(
			listProposals(model.transitions).map((p) => [p.transition.id, p.proposed?.term, p.state])
		).toEqual([
			['talks:talks.fail', 'roughly even chance', 'open'],
			['crisis:crisis.fight', 'likely', 'open']
		]);
	});
});

describe('proposalQuotes', () => {
	it('reads supports, then context, never contradicts', () => {
		const t = transition([
			['context', 'c1'],
			['contradicts', 'x'],
			['supports', 's1'],
			['supports', 's2']
		]);
		expect(proposalQuotes(t)).toEqual(['s1', 's2', 'c1']);
	});
});

describe('toLikelihoodText', () => {
	it.each<{ likelihood: Likelihood; expected: string }>([
		{ likelihood: likely, expected: 'likely (55–80\u00a0%)' },
		{ likelihood: { kind: 'fixed', value: 0.4 }, expected: '40\u00a0%' },
		{ likelihood: { kind: 'fixed', value: 0.125 }, expected: '12.5\u00a0%' },
		{ likelihood: { kind: 'range', low: 0.3, high: 0.6 }, expected: '30–60\u00a0%' },
		{ likelihood: { kind: 'rest' }, expected: 'the rest' },
		{ likelihood: { kind: 'certain' }, expected: 'certain' }
	])('$expected', ({ likelihood, expected }) =>
		expect(toLikelihoodText(likelihood)).toBe(expected)
	);

	it('toTermText', () =>
		expect(toTermText('almost no chance')).toBe('almost no chance (1–5\u00a0%)'));
});
