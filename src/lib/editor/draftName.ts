/**
 * A draft's name, taken from its scenario's title: a new draft (blank, forked, imported) is named
 * after the title, and the name follows the title as it is edited until the person renames the
 * draft. Names stay unique in the draft list the readable way (`Gulf talks`, `Gulf talks 2`).
 */
import { isMap, isScalar, parseDocument } from 'yaml';
import { uniqueName } from './draftList';

/** Longest name taken from a title; a longer title is cut at a word, with an ellipsis. */
const maxLength = 80;

/**
 * The scenario's `title`, as a name: white space collapsed, at most 80 characters; undefined
 * when the text has none (yet), or does not parse. YAML and JSON alike.
 *
 * `titleOf('id: x\ntitle: "Gulf  talks"\n') === 'Gulf talks'`
 */
export function titleOf(text: string): string | undefined {
	let doc;
	try {
		doc = parseDocument(text, { uniqueKeys: false });
	} catch {
		return undefined;
	}
	if (!isMap(doc.contents)) return undefined;
	const node = doc.contents.get('title', true);
	const value: unknown = isScalar(node) ? node.value : undefined;
	if (typeof value !== 'string') return undefined;
	const title = value.replace(/\s+/g, ' ').trim();
	if (title === '') return undefined;
	if (title.length <= maxLength) return title;
	const cut = title.slice(0, maxLength - 1);
	const space = cut.lastIndexOf(' ');
	return `${space > maxLength / 2 ? cut.slice(0, space) : cut}…`;
}

/**
 * The name of a draft that follows its title: the name it has while that is the title, or the
 * title with a number, and no other draft has it (so that the name does not move when another
 * draft comes or goes); otherwise the title, numbered past the names `taken` by the other drafts.
 * No title: the name stays.
 *
 * `toTitledName('New scenario', 'Gulf talks', ['Gulf talks']) === 'Gulf talks 2'`
 */
export function toTitledName(
	current: string,
	title: string | undefined,
	taken: readonly string[]
): string {
	if (title === undefined) return current;
	const isTitle = current === title || /^ \d+$/.test(current.slice(title.length));
	if (current.startsWith(title) && isTitle && !taken.includes(current)) return current;
	return uniqueName(title, taken);
}
