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
	const value = plainTitle(text) ?? parsedTitle(text);
	if (typeof value !== 'string') return undefined;
	const title = value.replace(/\s+/g, ' ').trim();
	if (title === '') return undefined;
	if (title.length <= maxLength) return title;
	const cut = title.slice(0, maxLength - 1);
	const space = cut.lastIndexOf(' ');
	return `${space > maxLength / 2 ? cut.slice(0, space) : cut}…`;
}

/**
 * The title written as the template and the shipped scenarios write it, `title: <words>` on a
 * line of its own at the top, read without parsing the whole text: a fork of regional-escalation
 * is 49 KB, which the YAML parser takes tens of milliseconds to read, at every check. Undefined
 * for anything else (quoted, folded, commented, a number or a word YAML reads as true or null, more
 * than one document), which is parsed.
 */
function plainTitle(text: string): string | undefined {
	if (/^(?:---|\.\.\.|%)/m.test(text)) return undefined;
	const match = /^title:[ \t]+(.*?)[ \t]*(?:\r?\n|$)/m.exec(text);
	if (!match) return undefined;
	const value = match[1];
	const next = text.slice(match.index + match[0].length);
	// The next line indented, or blank, may continue the title.
	if (next !== '' && /^[\s]/.test(next)) return undefined;
	if (value === '' || /^[-?:,[\]{}#&*!|>'"%@`+.\d~]/.test(value)) return undefined;
	if (/: | #|:$/.test(value) || /^(?:true|false|null|yes|no|on|off)$/i.test(value))
		return undefined;
	return value;
}

/** The title as the YAML parser reads it (YAML or JSON); undefined when it is not a string. */
function parsedTitle(text: string): unknown {
	let doc;
	try {
		doc = parseDocument(text, { uniqueKeys: false });
	} catch {
		return undefined;
	}
	if (!isMap(doc.contents)) return undefined;
	const node = doc.contents.get('title', true);
	return isScalar(node) ? node.value : undefined;
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
