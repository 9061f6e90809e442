/**
 * A count and its noun, agreeing in number: the one rule the page, the validator and the command
 * line share, so that no message reads "1 quotes". English only; irregular plurals (and a verb
 * that must agree) are given whole.
 */

/**
 * `plural(1, 'quote') === '1 quote'`, `plural(3, 'quote') === '3 quotes'`,
 * `plural(0, 'entry', 'entries') === '0 entries'`, `plural(1200, 'run') === '1,200 runs'`,
 * `plural(1, 'transition rests', 'transitions rest') === '1 transition rests'`.
 */
export function plural(count: number, one: string, many = `${one}s`): string {
	return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}
