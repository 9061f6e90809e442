/** A source's metadata as the YAML file `npm run ingest` writes beside its text. */
import { Document, isMap, isScalar, Scalar } from 'yaml';
import type { SourceMeta } from './schema';

/** The fields in the order the file lists them; absent ones are left out. */
const order: (keyof SourceMeta)[] = [
	'id',
	'title',
	'file',
	'genre',
	'author',
	'outlet',
	'date',
	'url',
	'note',
	'ingest'
];

/**
 * The metadata file's text: the editor schema comment first, then the fields in a fixed order.
 * Dates stay quoted strings, so that no YAML 1.1 reader takes them for timestamps. The result is
 * valid YAML; the command line lays it out with Prettier as well.
 */
export function toSourceYaml(meta: SourceMeta): string {
	const ordered = Object.fromEntries(
		order.filter((key) => meta[key] !== undefined).map((key) => [key, meta[key]])
	);
	const doc = new Document(ordered);
	doc.commentBefore = [
		' yaml-language-server: $schema=./source.schema.json',
		` Written by npm run ingest${meta.ingest ? ` from ${meta.ingest.raw}` : ''}: run it again to change this file.`
	].join('\n');
	const date = doc.get('date', true);
	if (isScalar(date)) date.type = Scalar.QUOTE_SINGLE;
	if (isMap(date)) {
		date.flow = true;
		for (const pair of date.items) if (isScalar(pair.value)) pair.value.type = Scalar.QUOTE_SINGLE;
	}
	const note = doc.get('note', true);
	if (isScalar(note)) note.type = Scalar.BLOCK_FOLDED;
	const unnamed = [meta.author === null && 'no author', meta.outlet === null && 'no outlet'];
	const first = isMap(doc.contents)
		? doc.contents.items.find((p) => isScalar(p.key) && ['author', 'outlet'].includes(`${p.key}`))
		: undefined;
	if (first && isScalar(first.key) && unnamed.some(Boolean))
		first.key.commentBefore = ` The source names ${unnamed.filter(Boolean).join(' and ')}.`;
	// Wide enough for the title on one line; longer text is folded.
	return doc.toString({ lineWidth: Math.max(100, meta.title.length + 12), singleQuote: true });
}
