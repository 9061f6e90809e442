/**
 * The results beside a valid draft (draftResults.ts): the statechart's layout is made again only
 * when what it draws changed, not at each text checked.
 */
import { describe, expect, test } from 'vitest';
import { talksScenario } from '../../../tests/unit/talks';
import { checkDraft } from './draftCheck';
import { toResults } from './draftResults';

const resultsOf = (scenario: string) => {
	const { loaded } = checkDraft({ name: 'talks', format: 'yaml', scenario, sources: {} });
	if (!loaded) throw new Error('the scenario does not load');
	return toResults(loaded);
};

describe('the statechart layout', () => {
	test('kept when only words the diagram does not show changed (the title, an assumption)', async () => {
		const first = await resultsOf(talksScenario({ id: 'talks', title: 'Talks' }));
		const again = await resultsOf(
			talksScenario({ id: 'talks', title: 'Talks draft', assumption: 'One in five.' })
		);
		expect(again.title).toBe('Talks draft');
		expect(again.layout).toBe(first.layout);
	});

	test('made again when a state is renamed, and equal to a fresh one', async () => {
		const text = talksScenario({ id: 'talks', title: 'Talks' });
		const before = await resultsOf(text);
		const renamed = text.replace('    peace:\n', '    peace:\n      label: Lasting peace\n');
		const after = await resultsOf(renamed);
		expect(after.layout).not.toBe(before.layout);
		expect(after.layout.nodes.find((n) => n.path === 'peace')?.label).toBe('Lasting peace');
		// Back to the first text: laid out again, as it was.
		expect((await resultsOf(text)).layout).toEqual(before.layout);
	});
});
