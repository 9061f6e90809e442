/**
 * The shipped scenario files, for forking in the editor. Lazy: only the names are in the editor's
 * chunk; a file's text is downloaded when it is forked, and never by another page.
 */
const loaders = import.meta.glob('/scenarios/*.yaml', {
	query: '?raw',
	import: 'default'
}) as Record<string, () => Promise<string>>;

/** `[{ id: 'ladder', load }]`, sorted by id. */
export const shippedScenarios = Object.entries(loaders)
	.map(([path, load]) => ({ id: path.replace(/^.*\/|\.yaml$/g, ''), load }))
	.sort((a, b) => a.id.localeCompare(b.id));
