import {fileURLToPath} from 'node:url';
import {ServerStandInPlugin, reactLibFiles} from './serverStandIns.js';

/**
 * `@pyodocs/react`'s modules that only a reader's browser runs, each behind
 * a dynamic import() called on intent, on Run or on a click, never while a
 * page renders: the run code (and with it `@pyodocs/runtime`), the editor
 * (and CodeMirror), the saved edits' storage, the notebook download and the
 * `input()` field.
 */
const BROWSER_ONLY_MODULES = [
  'live/liveCode.js',
  'editor/createPythonEditor.js',
  'persistence/savedEditsIO.js',
  'notebook/downloadPageNotebook.js',
  'cell/CellInputField.js',
];

/** What the server bundle holds in their place: a module that throws if a render ever imports one. */
const ON_SERVER = fileURLToPath(new URL('./browserOnlyOnServer.cjs', import.meta.url));

/**
 * Keeps the browser-only modules out of the server bundle. Docusaurus's
 * server compilation bundles every dynamic import into its one chunk, so it
 * compiled the run code, `@pyodocs/runtime`, the editor and CodeMirror
 * (370 kB) in every build for pages that never run them there (issue 13,
 * build row). A render that imported one would fail the build with the
 * stand-in's message, not ship a page without it.
 */
export class BrowserOnlyModulesPlugin extends ServerStandInPlugin {
  constructor(files: readonly string[] = browserOnlyModuleFiles()) {
    super(files, ON_SERVER);
  }
}

/** The modules' files where webpack resolves them. */
export function browserOnlyModuleFiles(): string[] {
  return reactLibFiles(BROWSER_ONLY_MODULES);
}
