import { describe, expect, it } from 'vitest';
import { newDraft } from './drafts';
import { fromDraftFile, toDraftFile } from './draftFile';

const draft = newDraft(
	{
		name: 'Mine',
		scenario: 'id: mine\ntitle: "Mine: <b>bold</b>"\n',
		sources: {
			memo: { meta: 'id: memo\ntitle: Memo\nfile: memo.txt\n', text: 'Talks may fail.' },
			abc: { meta: 'id: abc\n', text: 'ünïcödé ✓' }
		}
	},
	7,
	'd1'
);

describe('draft files', () => {
	it('round-trip: the name, format, scenario text and every source come back equal', () => {
		const back = fromDraftFile('mine.json', toDraftFile(draft));
		expect(back).toEqual({
			ok: true,
			value: {
				name: 'Mine',
				followsTitle: false,
				format: 'yaml',
				scenario: draft.scenario,
				sources: draft.sources
			}
		});
	});

	it('says whether the name follows the title; a file from before that reads as following it', () => {
		const titled = { ...draft, followsTitle: true };
		expect(JSON.parse(toDraftFile(titled)).nameFollowsTitle).toBe(true);
		expect(JSON.parse(toDraftFile(draft)).nameFollowsTitle).toBe(false);
		expect(fromDraftFile('t.json', toDraftFile(titled))).toMatchObject({
			ok: true,
			value: { followsTitle: true }
		});
		const { nameFollowsTitle: _, ...older } = JSON.parse(toDraftFile(draft));
		expect(fromDraftFile('old.json', JSON.stringify(older))).toMatchObject({
			ok: true,
			value: { name: 'Mine', followsTitle: true }
		});
		expect(fromDraftFile('x.json', JSON.stringify({ ...older, nameFollowsTitle: 'yes' }))).toEqual({
			ok: false,
			message: 'x.json: "nameFollowsTitle" must be true or false'
		});
	});

	it('is stable: sources sorted by id, the same draft gives the same file', () => {
		const text = toDraftFile(draft);
		expect(text.indexOf('"abc"')).toBeLessThan(text.indexOf('"memo"'));
		expect(toDraftFile(structuredClone(draft))).toBe(text);
		expect(text.endsWith('}\n')).toBe(true);
	});

	it.each([
		['{', /^x\.json: not JSON: .*\(hint: open the \.json file/],
		['[]', /not a Brink draft file/],
		['{"format":"brink-draft","version":2}', /version 2 is not known here/],
		[
			'{"format":"brink-draft","version":1,"name":" ","scenarioFormat":"yaml","scenario":"","sources":{}}',
			/"name" must be non-empty text/
		],
		[
			'{"format":"brink-draft","version":1,"name":"a","scenarioFormat":"toml","scenario":"","sources":{}}',
			/"scenarioFormat" must be "yaml" or "json"/
		],
		[
			'{"format":"brink-draft","version":1,"name":"a","scenarioFormat":"yaml","scenario":3,"sources":{}}',
			/"scenario" must be/
		],
		[
			'{"format":"brink-draft","version":1,"name":"a","scenarioFormat":"yaml","scenario":"","sources":[]}',
			/"sources" must map/
		],
		[
			'{"format":"brink-draft","version":1,"name":"a","scenarioFormat":"yaml","scenario":"","sources":{"Bad Id":{}}}',
			/source id "Bad Id"/
		],
		[
			'{"format":"brink-draft","version":1,"name":"a","scenarioFormat":"yaml","scenario":"","sources":{"m":{"meta":1}}}',
			/source "m" must have/
		]
	])('refuses %s with a message naming the file', (text, message) => {
		const result = fromDraftFile('x.json', text);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.message).toMatch(message);
	});

	it('refuses an oversized file without parsing it', () => {
		const result = fromDraftFile('big.json', ' '.repeat(10_000_001));
		expect(result).toEqual({
			ok: false,
			message: expect.stringMatching(/over ten times the limit maxFileBytes = 1,000,000/)
		});
	});
});
