/** One problem found in an input file, located as precisely as the format allows. */
export interface Diagnostic {
	file: string;
	/** 1-based; 0 when the problem concerns the whole file. */
	line: number;
	column: number;
	/** Path inside the document, dotted: `statechart.states.talks.on.0.target`. */
	path: string;
	message: string;
	hint?: string;
	severity: 'error' | 'warning';
}

export type Path = readonly (string | number)[];

/** `toPathString(['states', 'a', 'on', 0]) === 'states.a.on.0'` */
export function toPathString(path: Path): string {
	return path.length === 0 ? '(document)' : path.join('.');
}

/**
 * Control characters, and the invisible marks that reorder text (bidirectional overrides), as
 * visible `\u001b` escapes: a file's text quoted in a message can then neither move the cursor,
 * erase a line nor start a line of its own on a terminal. Line breaks and tabs are kept only with
 * `lines: true` (for output of several lines whose breaks are the program's own).
 *
 * `escapeControls('ok\u001b[2K\rfake') === 'ok\\u001b[2K\\u000dfake'`
 */
export function escapeControls(text: string, { lines = false }: { lines?: boolean } = {}): string {
	return text.replace(
		lines ? controlsButLines : controls,
		(c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
	);
}
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const controls = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const controlsButLines =
	// eslint-disable-next-line no-control-regex -- as above
	/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * `file:line:column: path: message (hint)` — the form editors and CI logs understand; one line
 * whatever the file holds (see escapeControls).
 */
export function formatDiagnostic(d: Diagnostic): string {
	const where = d.line > 0 ? `${d.file}:${d.line}:${d.column}` : d.file;
	const hint = d.hint ? ` (hint: ${d.hint})` : '';
	const level = d.severity === 'warning' ? 'warning: ' : '';
	return escapeControls(`${where}: ${d.path}: ${level}${d.message}${hint}`);
}

/** Thrown by the engine for a scenario it refuses to analyse; carries the diagnostics. */
export class ScenarioError extends Error {
	readonly diagnostics: Diagnostic[];
	constructor(diagnostics: Diagnostic[]) {
		super(diagnostics.map(formatDiagnostic).join('\n'));
		this.name = 'ScenarioError';
		this.diagnostics = diagnostics;
	}
}

function editDistance(a: string, b: string): number {
	const row = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		let previous = row[0];
		row[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const current = row[j];
			row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
			previous = current;
		}
	}
	return row[b.length];
}

/**
 * The closest known name, for "did you mean" hints; undefined when nothing is close.
 * `closest('tlaks', ['talks', 'war']) === 'talks'`
 */
export function closest(name: string, known: Iterable<string>): string | undefined {
	let best: string | undefined;
	let bestDistance = Infinity;
	for (const candidate of known) {
		const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
		if (distance < bestDistance) {
			best = candidate;
			bestDistance = distance;
		}
	}
	return best !== undefined && bestDistance <= Math.max(2, Math.floor(name.length / 3))
		? best
		: undefined;
}

/** "did you mean …?" when a known name is close, else undefined. */
export function suggestion(name: string, known: readonly string[]): string | undefined {
	const near = closest(name, known);
	return near === undefined || near === name ? undefined : `did you mean "${near}"?`;
}

/** A hint naming the closest known name, or listing the known names when there are few. */
export function didYouMean(name: string, names: readonly string[]): string | undefined {
	const known = [...new Set(names)];
	const near = suggestion(name, known);
	if (near) return near;
	if (known.length === 0) return undefined;
	const shown = known.slice(0, 8).map((k) => `"${k}"`);
	return `known: ${shown.join(', ')}${known.length > 8 ? ', …' : ''}`;
}

/** A problem with a file as a whole (missing, empty, binary, too large): no line to point at. */
export function fileDiagnostic(file: string, message: string, hint?: string): Diagnostic {
	return { file, line: 0, column: 0, path: '(document)', message, hint, severity: 'error' };
}
