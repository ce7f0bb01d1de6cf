// What the editor uses of CodeMirror, in one module that the package build
// bundles and minifies (scripts/bundleVendor.mjs): a site's bundler then
// takes one pre-minified module instead of CodeMirror's sources, and the
// Docusaurus plugin keeps it out of the site's minimizer (issue 13).
export {defaultKeymap, history, historyKeymap, indentWithTab} from '@codemirror/commands';
export {python} from '@codemirror/lang-python';
export {
  bracketMatching,
  defaultHighlightStyle,
  HighlightStyle,
  indentOnInput,
  indentUnit,
  syntaxHighlighting,
} from '@codemirror/language';
export {EditorState, type Extension, Prec} from '@codemirror/state';
export {drawSelection, EditorView, keymap, lineNumbers} from '@codemirror/view';
