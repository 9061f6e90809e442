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
import { json } from '@codemirror/lang-json';
import { yaml } from '@codemirror/lang-yaml';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';

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
	'.cm-lintRange-error': { textDecorationColor: '#b0151b' }
});

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
