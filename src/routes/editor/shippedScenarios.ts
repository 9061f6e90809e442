/**
 * The shipped scenario files, for forking in the editor. Lazy: only the names are in the editor's
 * chunk; a file's text is downloaded when it is forked, and never by another page. Their titles
 * come from the page's data (+page.server.ts, at build time).
 */
const loaders = import.meta.glob('/scenarios/*.yaml', {
	query: '?raw',
	import: 'default'
}) as Record<string, () => Promise<string>>;

/** `[{ id: 'ladder', load }]`, sorted by id. */
export const shippedScenarios = Object.entries(loaders)
	.map(([path, load]) => ({ id: path.replace(/^.*\/|\.yaml$/g, ''), load }))
	.sort((a, b) => a.id.localeCompare(b.id));

/**
 * The scenarios to fork, each with its title (its file name when the title is not known), in
 * the order of their titles: `toForkable({ ladder: 'Ladder' })` → `[{ id: 'ladder', title:
 * 'Ladder', load }]`.
 */
export const toForkable = (titles: Record<string, string>) =>
	shippedScenarios
		.map((s) => ({ ...s, title: titles[s.id] ?? s.id }))
		.sort((a, b) => a.title.localeCompare(b.title, 'en'));
