import {EditorView} from '../vendor/codemirror.js';

// The editor takes the place of the site's static code block, so it borrows
// the same look through CSS variables (Infima's when present); the variables
// change under [data-theme='dark'], so one theme serves light and dark.
export const editorTheme = EditorView.theme({
  '&': {
    color: 'var(--pyodocs-code-color)',
    backgroundColor: 'var(--pyodocs-code-background)',
    fontSize: 'var(--pyodocs-code-font-size)',
    borderRadius: 'var(--pyodocs-code-radius)',
  },
  '&.cm-focused': {
    outline: '2px solid var(--pyodocs-focus-color)',
    outlineOffset: '-2px',
  },
  '.cm-scroller': {
    fontFamily: 'var(--pyodocs-code-font-family)',
    lineHeight: 'var(--pyodocs-code-line-height)',
  },
  '.cm-content': {
    padding: 'var(--pyodocs-code-padding) 0',
    caretColor: 'var(--pyodocs-code-color)',
  },
  '.cm-line': {
    padding: '0 var(--pyodocs-code-padding)',
  },
  '.cm-cursor, .cm-dropCursor': {
    borderLeftColor: 'var(--pyodocs-code-color)',
  },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection':
    {backgroundColor: 'var(--pyodocs-selection-background)'},
  '.cm-gutters': {
    backgroundColor: 'var(--pyodocs-code-background)',
    color: 'var(--pyodocs-gutter-color)',
    border: 'none',
  },
});
