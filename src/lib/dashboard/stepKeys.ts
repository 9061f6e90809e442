/**
 * The step-through's keys: 1–9 take the n-th option, C lets chance decide, U or Backspace undo,
 * R restarts. A key counts only when nothing else wants it: no modifier (Ctrl, Alt, Meta), and
 * not typed into a field, a menu or an editor.
 */

export type StepKey =
	{ kind: 'option'; n: number } | { kind: 'chance' } | { kind: 'undo' } | { kind: 'restart' };

/** The part of a keyboard event the mapping reads. */
export interface KeyInput {
	key: string;
	ctrlKey?: boolean;
	altKey?: boolean;
	metaKey?: boolean;
	/** The element the key went to. */
	target?: { tagName?: string; isContentEditable?: boolean; type?: string } | null;
}

/** Elements whose own use of these keys comes first. */
const typing = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/**
 * `toStepKey({ key: '2' })` → `{ kind: 'option', n: 2 }`; `toStepKey({ key: 'u' })` →
 * `{ kind: 'undo' }`; undefined for any other key, or one typed into a field.
 */
export function toStepKey(event: KeyInput): StepKey | undefined {
	if (event.ctrlKey || event.altKey || event.metaKey) return undefined;
	const target = event.target;
	if (target && (typing.has(target.tagName ?? '') || target.isContentEditable)) return undefined;
	const key = event.key;
	if (/^[1-9]$/.test(key)) return { kind: 'option', n: Number(key) };
	switch (key.toLowerCase()) {
		case 'c':
			return { kind: 'chance' };
		case 'u':
		case 'backspace':
			return { kind: 'undo' };
		case 'r':
			return { kind: 'restart' };
	}
	return undefined;
}

/** The legend shown beside the options. */
export const stepKeyLegend: { keys: string; does: string }[] = [
	{ keys: '1–9', does: 'take that option' },
	{ keys: 'C', does: 'let chance decide' },
	{ keys: 'U', does: 'undo' },
	{ keys: 'R', does: 'restart' }
];
