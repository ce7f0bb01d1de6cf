// The editor. Cells load it with a dynamic import() when a reader starts
// editing, so pages that are only read never download it. CodeMirror comes
// pre-minified from ../vendor/codemirror.js (see that file).
import {
  bracketMatching,
  defaultKeymap,
  drawSelection,
  EditorState,
  EditorView,
  type Extension,
  history,
  historyKeymap,
  indentOnInput,
  indentUnit,
  indentWithTab,
  keymap,
  lineNumbers,
  Prec,
  python,
  syntaxHighlighting,
} from '../vendor/codemirror.js';
import {editorTheme} from './editorTheme.js';
import {prismTokenClasses, themedHighlightStyle} from './themedHighlightStyle.js';

export interface PythonEditorOptions {
  /** Element the editor is appended to. */
  parent: HTMLElement;
  /** Initial code. */
  code: string;
  /** Accessible name of the editing area. */
  label: string;
  /** Id of an element describing the editor (keyboard help). */
  describedBy?: string;
  /** Called by Shift+Enter (and Ctrl/Cmd+Enter, as in Jupyter). */
  onRun: () => void;
  /** Called with the whole text after every change (the cell keeps the reader's edits). */
  onChange?: (code: string) => void;
  /** Off by default: cells are short and the static code has none. */
  lineNumbers?: boolean;
}

/** What a cell needs from its editor; CodeMirror's types stay in this module. */
export interface PythonEditor {
  getCode(): string;
  /** Replaces the whole text (Reset). */
  setCode(code: string): void;
  /** Focuses the editor, placing the cursor at the given viewport point when it falls on text. */
  focus(at?: {x: number; y: number}): void;
  destroy(): void;
}

export function createPythonEditor(options: PythonEditorOptions): PythonEditor {
  const runCell = (): boolean => {
    options.onRun();
    return true;
  };
  const runKeys = Prec.highest(
    keymap.of([
      {key: 'Shift-Enter', run: runCell},
      {key: 'Mod-Enter', run: runCell},
    ]),
  );
  const extensions: Extension[] = [
    runKeys,
    history(),
    drawSelection(),
    indentOnInput(),
    bracketMatching(),
    indentUnit.of('    '),
    EditorState.tabSize.of(4),
    python(),
    syntaxHighlighting(themedHighlightStyle),
    syntaxHighlighting(prismTokenClasses),
    // Tab indents (Python needs it); CodeMirror lets keyboard users leave
    // with Escape then Tab, which the cell's edit hint tells them.
    keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
    EditorView.contentAttributes.of({
      'aria-label': options.label,
      ...(options.describedBy ? {'aria-describedby': options.describedBy} : {}),
    }),
    editorTheme,
  ];
  const {onChange} = options;
  if (onChange) {
    extensions.push(
      EditorView.updateListener.of((update) => {
        if (update.docChanged) onChange(update.state.doc.toString());
      }),
    );
  }
  if (options.lineNumbers) extensions.push(lineNumbers());

  const view = new EditorView({
    parent: options.parent,
    state: EditorState.create({doc: options.code, extensions}),
  });

  return {
    getCode: () => view.state.doc.toString(),
    setCode(code) {
      view.dispatch({changes: {from: 0, to: view.state.doc.length, insert: code}, selection: {anchor: 0}});
    },
    focus(at) {
      view.focus();
      if (!at) return;
      const pos = view.posAtCoords(at);
      if (pos !== null) view.dispatch({selection: {anchor: pos}});
    },
    destroy: () => view.destroy(),
  };
}
