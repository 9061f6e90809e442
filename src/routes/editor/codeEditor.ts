/**
 * The editor's CodeMirror 6 view, loaded by the /editor page with a dynamic import so that
 * CodeMirror stays out of every other page's download.
 *
 * Why a shadow root: CodeMirror styles itself by adding a <style> element (style-mod), which the
 * site's policy (`style-src 'self'`, svelte.config.js) blocks, and a prerendered page has no
 * per-response nonce to give `EditorView.cspNonce`. Inside a shadow root, style-mod uses a
 * constructed style sheet (`adoptedStyleSheets`) instead, which the policy does not govern, so
 * the editor is styled without loosening the policy.
 */
import { basicSetup, EditorView } from 'codemirror';
import {
	autocompletion,
	type CompletionContext,
	type CompletionResult
} from '@codemirror/autocomplete';
import { json } from '@codemirror/lang-json';
import { yaml } from '@codemirror/lang-yaml';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { hoverTooltip, tooltips } from '@codemirror/view';
import { hintsAt, hoverAt, type Format, type JsonSchema } from '$lib/editor/schemaHints';
// Imported here, in the chunk the page loads on demand, so that only /editor downloads it.
import scenarioSchema from '../../../scenarios/scenario.schema.json';

const schema = scenarioSchema as JsonSchema;

export interface CodeEditor {
	/** Show a new document (another draft); fires no change. */
	load(text: string, format: 'yaml' | 'json'): void;
	text(): string;
	/** Replace the underlines and gutter marks. */
	mark(diagnostics: Diagnostic[]): void;
	/** Put the cursor at `offset`, scroll there and focus the editor. */
	moveTo(offset: number): void;
	/** Replace `from`–`to` with `insert`, as an edit the person can undo; fires a change. */
	replace(from: number, to: number, insert: string): void;
	destroy(): void;
}

const theme = EditorView.theme({
	'&': {
		height: '100%',
		fontSize: '0.9rem',
		backgroundColor: 'white',
		border: '1px solid #c8ccd2',
		borderRadius: '6px'
	},
	'&.cm-focused': { outline: '2px solid #1f5fa8', outlineOffset: '1px' },
	'.cm-scroller': {
		fontFamily: "ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace",
		lineHeight: '1.45'
	},
	'.cm-gutters': { backgroundColor: '#f4f5f7', color: '#4a5360', borderRight: '1px solid #dde0e4' },
	'.cm-activeLineGutter': { backgroundColor: '#e3e8ef' },
	'.cm-lintRange-error': { textDecorationColor: '#b0151b' },
	// Completion list and hover notes: dark text on white (15:1), the picked option white on the
	// focus blue (6.5:1), secondary text #4a5360 (7.6:1 on white); kept narrow enough for a phone.
	'.cm-tooltip': {
		backgroundColor: 'white',
		color: '#1b1f24',
		border: '1px solid #8a929c',
		borderRadius: '4px',
		boxShadow: '0 2px 8px rgb(0 0 0 / 0.18)'
	},
	'.cm-tooltip.cm-tooltip-autocomplete > ul': {
		fontFamily: "ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace",
		maxHeight: '15em',
		maxWidth: 'min(28em, calc(100vw - 2rem))'
	},
	'.cm-tooltip.cm-tooltip-autocomplete > ul > li': {
		padding: '2px 8px 2px 4px',
		lineHeight: '1.5'
	},
	'.cm-tooltip-autocomplete ul li[aria-selected]': { backgroundColor: '#1f5fa8', color: 'white' },
	'.cm-completionIcon': { opacity: '1', color: '#4a5360' },
	'.cm-completionDetail': { color: '#4a5360', fontStyle: 'normal', marginLeft: '0.75em' },
	'.cm-tooltip-autocomplete ul li[aria-selected] .cm-completionIcon, .cm-tooltip-autocomplete ul li[aria-selected] .cm-completionDetail':
		{ color: 'white' },
	'.cm-tooltip.cm-completionInfo': {
		padding: '6px 10px',
		maxWidth: 'min(22em, calc(100vw - 2rem))',
		lineHeight: '1.45',
		fontSize: '0.85rem',
		// The note's lines (description, type, values) as written.
		whiteSpace: 'pre-line'
	},
	'.cm-tooltip-hover': {
		maxWidth: 'min(30em, calc(100vw - 2rem))',
		padding: '6px 10px',
		fontSize: '0.85rem',
		lineHeight: '1.45'
	},
	'.cm-schema-note-title': {
		fontFamily: "ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace",
		fontWeight: '600'
	},
	'.cm-schema-note-line': { margin: '0.15em 0 0', overflowWrap: 'anywhere' }
});

/** Keys and values from the scenario schema and the document (src/lib/editor/schemaHints.ts). */
function completeFrom(format: Format) {
	return (context: CompletionContext): CompletionResult | null => {
		const hints = hintsAt(schema, context.state.doc.toString(), format, context.pos);
		if (!hints) return null;
		// While typing, open on a begun word, or for a value just after `key: `; not on an empty
		// key, so that Enter at the end of a line still makes a new line.
		const begun = hints.from < context.pos;
		const afterColon =
			hints.kind === 'value' && /:\s$/.test(context.state.sliceDoc(context.pos - 2, context.pos));
		if (!context.explicit && !begun && !afterColon) return null;
		return {
			from: hints.from,
			to: Math.max(hints.to, context.pos),
			options: hints.options.map(({ label, insert, type, detail, info, sortText }) => ({
				label,
				apply: insert,
				type,
				detail,
				info,
				sortText
			}))
		};
	};
}

/** The description, type and values of the key under the pointer. */
function noteFrom(format: Format) {
	return hoverTooltip((view, pos) => {
		const note = hoverAt(schema, view.state.doc.toString(), format, pos);
		if (!note) return null;
		return {
			pos: note.from,
			end: note.to,
			above: true,
			create() {
				const dom = document.createElement('div');
				dom.className = 'cm-schema-note';
				const title = dom.appendChild(document.createElement('div'));
				title.className = 'cm-schema-note-title';
				title.textContent = note.title;
				for (const line of note.text.split('\n')) {
					const p = dom.appendChild(document.createElement('p'));
					p.className = 'cm-schema-note-line';
					p.textContent = line;
				}
				return { dom };
			}
		};
	});
}

/** Mount an editor in `host` (once per host); `onchange` gets the text after each edit. */
export function createCodeEditor(
	host: HTMLElement,
	{ label, onchange }: { label: string; onchange: (text: string) => void }
): CodeEditor {
	const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
	let view: EditorView | undefined;

	const make = (doc: string, format: 'yaml' | 'json') =>
		new EditorView({
			doc,
			root,
			parent: root,
			extensions: [
				basicSetup,
				format === 'json' ? json() : yaml(),
				// basicSetup already has autocompletion(): this configures it (configurations merge).
				autocompletion({
					override: [completeFrom(format)],
					// After a key, show its values (`stance: ` → supports, contradicts, context).
					activateOnCompletion: (c) => c.type === 'property' && `${c.apply}`.endsWith(': ')
				}),
				noteFrom(format),
				// Popups stay within the editor's frame rather than spill over the results beside it.
				tooltips({ tooltipSpace: (view) => view.dom.getBoundingClientRect() }),
				lintGutter(),
				theme,
				EditorView.lineWrapping,
				EditorView.contentAttributes.of({
					'aria-label': label,
					// A contenteditable is not "focusable" to axe's scrollable-region rule without it.
					tabindex: '0',
					autocapitalize: 'off',
					autocorrect: 'off',
					spellcheck: 'false'
				}),
				EditorView.updateListener.of((update) => {
					if (update.docChanged) onchange(update.state.doc.toString());
				})
			]
		});

	return {
		load(text, format) {
			view?.destroy();
			view = make(text, format);
		},
		text: () => view?.state.doc.toString() ?? '',
		mark(diagnostics) {
			if (!view) return;
			const length = view.state.doc.length;
			const inside = diagnostics.map((d) => ({
				...d,
				from: Math.min(d.from, length),
				to: Math.min(d.to, length)
			}));
			view.dispatch(setDiagnostics(view.state, inside));
		},
		moveTo(offset) {
			if (!view) return;
			const anchor = Math.min(offset, view.state.doc.length);
			view.dispatch({ selection: { anchor }, scrollIntoView: true });
			view.focus();
		},
		replace(from, to, insert) {
			view?.dispatch({ changes: { from, to, insert }, scrollIntoView: true });
		},
		destroy() {
			view?.destroy();
			view = undefined;
		}
	};
}
