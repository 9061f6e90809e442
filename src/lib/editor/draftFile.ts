/**
 * A draft as one file, to move it between browsers or keep it elsewhere: the scenario text and
 * every source text it carries, as JSON (`brink-draft`, version 1). Reading is strict about shape
 * and says what is wrong and what to do, so that a damaged file is refused without losing the
 * drafts already kept. `nameFollowsTitle` (false when the person named the draft) came after the
 * first files: a file without it is read as following its title.
 */
import { limits } from '../scenario/limits';
import type { Draft, DraftSource } from './drafts';

export const draftFormat = 'brink-draft';

export interface DraftFile {
	format: typeof draftFormat;
	version: 1;
	name: string;
	/** The name is the scenario's title, not one the person gave: an import names it afresh. */
	nameFollowsTitle: boolean;
	scenarioFormat: Draft['format'];
	scenario: string;
	sources: Record<string, DraftSource>;
}

/** The file's text for a draft (stable key order, two-space indent, a final newline). */
export function toDraftFile(draft: Draft): string {
	const file: DraftFile = {
		format: draftFormat,
		version: 1,
		name: draft.name,
		nameFollowsTitle: draft.followsTitle === true,
		scenarioFormat: draft.format,
		scenario: draft.scenario,
		sources: Object.fromEntries(
			Object.keys(draft.sources)
				.sort()
				.map((id) => [id, { meta: draft.sources[id].meta, text: draft.sources[id].text }])
		)
	};
	return `${JSON.stringify(file, null, 2)}\n`;
}

export type DraftFileResult =
	| {
			ok: true;
			value: Pick<Draft, 'name' | 'format' | 'scenario' | 'sources'> & { followsTitle: boolean };
	  }
	| { ok: false; message: string };

const isRecord = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/** Read a draft file; `file` names it in messages. Never throws. */
export function fromDraftFile(file: string, text: string): DraftFileResult {
	const fail = (message: string): DraftFileResult => ({
		ok: false,
		message: `${file}: ${message}`
	});
	// Several sources make a draft file larger than one scenario file may be.
	const maxChars = limits.maxFileBytes * 10;
	if (text.length > maxChars)
		return fail(
			`${text.length.toLocaleString('en')} characters, over ten times the limit maxFileBytes = ${limits.maxFileBytes.toLocaleString('en')} (hint: is this a draft file exported from Brink?)`
		);
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (error) {
		return fail(
			`not JSON: ${(error as Error).message} (hint: open the .json file that "Export draft" saved, or open a scenario's YAML with "Import a scenario file")`
		);
	}
	if (!isRecord(data) || data.format !== draftFormat)
		return fail(
			`not a Brink draft file: "format" is not "${draftFormat}" (hint: export the draft again from the editor)`
		);
	if (data.version !== 1)
		return fail(
			`draft file version ${JSON.stringify(data.version)} is not known here (hint: this editor reads version 1)`
		);
	const { name, nameFollowsTitle = true, scenarioFormat, scenario, sources } = data;
	if (typeof name !== 'string' || name.trim() === '') return fail('"name" must be non-empty text');
	if (typeof nameFollowsTitle !== 'boolean')
		return fail('"nameFollowsTitle" must be true or false');
	if (scenarioFormat !== 'yaml' && scenarioFormat !== 'json')
		return fail('"scenarioFormat" must be "yaml" or "json"');
	if (typeof scenario !== 'string') return fail('"scenario" must be the scenario file\'s text');
	if (!isRecord(sources)) return fail('"sources" must map source ids to { meta, text }');
	const read: Record<string, DraftSource> = {};
	for (const [id, source] of Object.entries(sources)) {
		if (!/^[a-z][a-z0-9-]*$/.test(id))
			return fail(`source id "${id.slice(0, 40)}" must use lower-case letters, digits and hyphens`);
		if (!isRecord(source) || typeof source.meta !== 'string' || typeof source.text !== 'string')
			return fail(`source "${id}" must have text fields "meta" and "text"`);
		read[id] = { meta: source.meta, text: source.text };
	}
	return {
		ok: true,
		value: {
			name: name.trim(),
			followsTitle: nameFollowsTitle,
			format: scenarioFormat,
			scenario,
			sources: read
		}
	};
}
