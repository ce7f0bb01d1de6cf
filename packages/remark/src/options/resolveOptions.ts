import {DEFAULT_PYTHON_LANGUAGES, type PythonLanguages, pythonLanguages} from '../languages/pythonLanguages.js';
import {nodeBuiltin} from '../files/nodeBuiltin.js';
import type {ResolveDocument} from '../myst/docRole.js';
import type {ResolveReference} from '../myst/refRole.js';
import type {ResolveImage} from '../myst/mystFigures.js';
import {suggestClosest} from '../problems/suggestClosest.js';

/** Options of `remarkPythonCells`. */
export interface RemarkPythonCellsOptions {
  /**
   * Which python fences become cells: `'marked'` only those with the `run`
   * flag, `'all'` every one except those with `norun`. A page can override it
   * with front matter `pyodide: {runnable: ...}`.
   * @default 'marked'
   */
  runnable?: 'marked' | 'all' | undefined;
  /**
   * JSX name of the cell element; must start with an uppercase letter so MDX
   * treats it as a component.
   * @default 'PyodocsPythonCell'
   */
  componentName?: string | undefined;
  /**
   * When set, pages with cells get `import <componentName> from '<importSource>'`.
   * Leave unset when the component comes from the MDX provider instead.
   */
  importSource?: string | undefined;
  /**
   * Info-string languages treated as Python (compared case-insensitively).
   * @default ['python', 'py', 'python3']
   */
  languages?: readonly string[] | undefined;
  /**
   * `'throw'`: after reporting every problem of a page, throw one error
   * listing them. `'warn'`: keep the messages on the file and leave the
   * faulty fences as static code.
   * @default 'throw'
   */
  onError?: 'throw' | 'warn' | undefined;
  /**
   * Doctest blocks (```` ```pycon ```` or Python starting with `>>> `):
   * `'all'` gives every one a "Try it" button (except those marked `notry`),
   * `'marked'` only those marked `try`, `false` leaves them all static.
   * @default 'all'
   */
  doctest?: 'all' | 'marked' | false | undefined;
  /** JSX name of the doctest element. @default 'PyodocsDoctest' */
  doctestComponentName?: string | undefined;
  /** As `importSource`, for the doctest component (the Docusaurus plugin sets '@theme/PythonDoctest'). */
  doctestImportSource?: string | undefined;
  /**
   * Where `$…$`, `$$…$$`, the `{math}` role and directive are typeset with
   * KaTeX at build: `'myst'` in MyST notebooks (pages with `jupytext:` or
   * `kernelspec:` front matter), `'all'` on every page, `false` nowhere. A
   * page can say `pyodide: {math: true | false}`.
   * @default 'myst'
   */
  math?: 'myst' | 'all' | false | undefined;
  /**
   * The stylesheet pages with math import (a module specifier), or `false`
   * when the site loads KaTeX's CSS itself.
   * @default the `katex/dist/katex.min.css` of the KaTeX that typesets the math, by absolute path
   */
  mathStylesheet?: string | false | undefined;
  /**
   * Told of each file the pass reads, or tries to read, for a page (the
   * targets of `{include}`, nested ones too, and the pages `{doc}` roles
   * link, whose title and URL the link shows), as it reads it, also when the
   * page then fails: a build tool watches them so the page is compiled again
   * when one changes or a missing one appears.
   */
  onFileRead?: ((read: PageFileRead) => void) | undefined;
  /**
   * Finds the page a MyST `{doc}` role names (its URL and title); the role
   * becomes a link to it. Unset, `{doc}` roles stay as written. The
   * Docusaurus plugin gives the site's pages.
   */
  resolveDocument?: ResolveDocument | undefined;
  /**
   * Finds the `(label)=` target a MyST `{ref}` role names, in any page (its
   * URL with the anchor, and the title of the section it labels); the role
   * becomes a link to it. Unset, `{ref}` roles stay as written.
   */
  resolveReference?: ResolveReference | undefined;
  /**
   * Finds the image a MyST `{image}` or `{figure}` shows (a module request
   * for the bundler, or a URL, and its size). Unset, the image's URL is used
   * as written. The Docusaurus plugin bundles local files as Docusaurus does
   * a Markdown image's.
   */
  resolveImage?: ResolveImage | undefined;
  /**
   * A `{doc}` or `{ref}` that links nothing: `'throw'`, an authoring problem
   * of the page; a function, told the message (`path:line:col: …`) while the
   * role shows its text without a link, as Docusaurus treats a broken
   * Markdown link under `markdown.hooks.onBrokenMarkdownLinks: 'warn'`.
   * @default 'throw'
   */
  onBrokenReference?: 'throw' | ((message: string) => void) | undefined;
  /**
   * Where a page imports the components that show sphinx-design's
   * `{tab-set}` and `{tab-item}` (Docusaurus: `{tabs: '@theme/Tabs', tabItem:
   * '@theme/TabItem'}`, props `groupId`, `value`, `label`, `default`).
   * Unset, those directives stay as written.
   */
  tabComponents?: {tabs: string; tabItem: string} | undefined;
  /**
   * An `{image}` or `{figure}` whose file `resolveImage` does not find:
   * `'throw'`, an authoring problem of the page; a function, told the
   * message while the image keeps its URL as written (Docusaurus's
   * `markdown.hooks.onBrokenMarkdownImages: 'warn'`).
   * @default 'throw'
   */
  onBrokenImage?: 'throw' | ((message: string) => void) | undefined;
}

/** A file read for a page: see `onFileRead`. */
export interface PageFileRead {
  /** The page's absolute path (for a nested include, the outermost page). */
  page: string;
  /** The file's absolute path. */
  file: string;
  /** False when there is no such file (watch for it to appear). */
  exists: boolean;
}

/** The options checked and completed with defaults, once per processor. */
export interface ResolvedPythonCellsOptions {
  runnable: 'marked' | 'all';
  componentName: string;
  importSource: string | undefined;
  languages: PythonLanguages;
  onError: 'throw' | 'warn';
  doctest: 'all' | 'marked' | false;
  doctestComponentName: string;
  doctestImportSource: string | undefined;
  math: 'myst' | 'all' | false;
  mathStylesheet: string | false;
  onFileRead: ((read: PageFileRead) => void) | undefined;
  resolveDocument: ResolveDocument | undefined;
  resolveReference: ResolveReference | undefined;
  resolveImage: ResolveImage | undefined;
  onBrokenReference: 'throw' | ((message: string) => void);
  onBrokenImage: 'throw' | ((message: string) => void);
  tabComponents: {tabs: string; tabItem: string} | undefined;
}

const OPTION_NAMES = [
  'runnable',
  'componentName',
  'importSource',
  'languages',
  'onError',
  'doctest',
  'doctestComponentName',
  'doctestImportSource',
  'math',
  'mathStylesheet',
  'onFileRead',
  'resolveDocument',
  'resolveReference',
  'resolveImage',
  'onBrokenImage',
  'tabComponents',
  'onBrokenReference',
];
const COMPONENT_NAME = /^[A-Z][A-Za-z0-9_$]*$/;

/** Check user options and fill in defaults; throws an Error that says what to change. */
export function resolvePythonCellsOptions(
  options: RemarkPythonCellsOptions | null | undefined,
): ResolvedPythonCellsOptions {
  if (options === null || options === undefined) options = {};
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw optionsError(`options must be an object, got ${JSON.stringify(options)}.`);
  }
  for (const name of Object.keys(options)) {
    if (!OPTION_NAMES.includes(name)) {
      const suggestion = suggestClosest(name, OPTION_NAMES);
      throw optionsError(
        `unknown option "${name}".` +
          (suggestion ? ` Did you mean "${suggestion}"?` : '') +
          ` Valid options: ${OPTION_NAMES.join(', ')}.`,
      );
    }
  }

  const {
    runnable = 'marked',
    componentName = 'PyodocsPythonCell',
    importSource,
    languages = DEFAULT_PYTHON_LANGUAGES,
    onError = 'throw',
    doctest = 'all',
    doctestComponentName = 'PyodocsDoctest',
    doctestImportSource,
    math = 'myst',
    mathStylesheet = katexStylesheet(),
    onFileRead,
    resolveDocument,
    resolveReference,
    resolveImage,
    onBrokenReference = 'throw',
    onBrokenImage = 'throw',
    tabComponents,
  } = options;

  if (runnable !== 'marked' && runnable !== 'all') {
    throw optionsError(`option "runnable" must be 'marked' or 'all', got ${JSON.stringify(runnable)}.`);
  }
  if (typeof componentName !== 'string' || !COMPONENT_NAME.test(componentName)) {
    throw optionsError(
      `option "componentName" must be a JavaScript identifier starting with an uppercase letter (MDX renders lowercase names as HTML tags), got ${JSON.stringify(componentName)}.`,
    );
  }
  if (
    importSource !== undefined &&
    (typeof importSource !== 'string' || importSource.trim() === '' || /[\r\n]/.test(importSource))
  ) {
    throw optionsError(
      `option "importSource" must be a non-empty module specifier such as '@theme/PythonCell', got ${JSON.stringify(importSource)}.`,
    );
  }
  if (
    !Array.isArray(languages) ||
    languages.length === 0 ||
    !languages.every((language) => typeof language === 'string' && /^\S+$/.test(language))
  ) {
    throw optionsError(
      `option "languages" must be a non-empty array of language names without spaces, got ${JSON.stringify(languages)}.`,
    );
  }
  if (onError !== 'throw' && onError !== 'warn') {
    throw optionsError(`option "onError" must be 'throw' or 'warn', got ${JSON.stringify(onError)}.`);
  }

  if (doctest !== 'all' && doctest !== 'marked' && doctest !== false) {
    throw optionsError(`option "doctest" must be 'all', 'marked' or false, got ${JSON.stringify(doctest)}.`);
  }
  if (typeof doctestComponentName !== 'string' || !COMPONENT_NAME.test(doctestComponentName)) {
    throw optionsError(
      `option "doctestComponentName" must be a JavaScript identifier starting with an uppercase letter, got ${JSON.stringify(doctestComponentName)}.`,
    );
  }
  if (
    doctestImportSource !== undefined &&
    (typeof doctestImportSource !== 'string' || doctestImportSource.trim() === '' || /[\r\n]/.test(doctestImportSource))
  ) {
    throw optionsError(
      `option "doctestImportSource" must be a non-empty module specifier such as '@theme/PythonDoctest', got ${JSON.stringify(doctestImportSource)}.`,
    );
  }

  if (math !== 'myst' && math !== 'all' && math !== false) {
    throw optionsError(`option "math" must be 'myst', 'all' or false, got ${JSON.stringify(math)}.`);
  }
  if (
    mathStylesheet !== false &&
    (typeof mathStylesheet !== 'string' || mathStylesheet.trim() === '' || /[\r\n]/.test(mathStylesheet))
  ) {
    throw optionsError(
      `option "mathStylesheet" must be a module specifier such as 'katex/dist/katex.min.css', or false, got ${JSON.stringify(mathStylesheet)}.`,
    );
  }

  if (onFileRead !== undefined && typeof onFileRead !== 'function') {
    throw optionsError(`option "onFileRead" must be a function, got ${JSON.stringify(onFileRead)}.`);
  }
  if (resolveDocument !== undefined && typeof resolveDocument !== 'function') {
    throw optionsError(`option "resolveDocument" must be a function, got ${JSON.stringify(resolveDocument)}.`);
  }
  if (onBrokenReference !== 'throw' && typeof onBrokenReference !== 'function') {
    throw optionsError(
      `option "onBrokenReference" must be 'throw' or a function, got ${JSON.stringify(onBrokenReference)}.`,
    );
  }
  if (resolveReference !== undefined && typeof resolveReference !== 'function') {
    throw optionsError(`option "resolveReference" must be a function, got ${JSON.stringify(resolveReference)}.`);
  }
  if (
    tabComponents !== undefined &&
    (typeof tabComponents !== 'object' ||
      tabComponents === null ||
      typeof tabComponents.tabs !== 'string' ||
      typeof tabComponents.tabItem !== 'string')
  ) {
    throw optionsError(
      `option "tabComponents" must be {tabs: 'module', tabItem: 'module'}, got ${JSON.stringify(tabComponents)}.`,
    );
  }
  if (onBrokenImage !== 'throw' && typeof onBrokenImage !== 'function') {
    throw optionsError(`option "onBrokenImage" must be 'throw' or a function, got ${JSON.stringify(onBrokenImage)}.`);
  }
  if (resolveImage !== undefined && typeof resolveImage !== 'function') {
    throw optionsError(`option "resolveImage" must be a function, got ${JSON.stringify(resolveImage)}.`);
  }

  return {
    math,
    mathStylesheet,
    onFileRead,
    resolveDocument,
    resolveReference,
    resolveImage,
    onBrokenReference,
    onBrokenImage,
    tabComponents,
    doctest,
    doctestComponentName,
    doctestImportSource,
    runnable,
    componentName,
    importSource,
    languages: pythonLanguages(languages),
    onError,
  };
}

/**
 * KaTeX's stylesheet, by the absolute path of the KaTeX this package
 * typesets with: the CSS always matches the HTML, and a site need not
 * depend on KaTeX itself. Outside Node, the bare specifier.
 */
function katexStylesheet(): string {
  const specifier = 'katex/dist/katex.min.css';
  const nodeModule = nodeBuiltin<{createRequire(url: string): {resolve(id: string): string}}>('node:module');
  // `ImportMeta#url` is typed by Node's or the DOM's types, neither of which this build includes.
  const moduleUrl = (import.meta as {url?: string}).url;
  try {
    return (moduleUrl && nodeModule?.createRequire(moduleUrl).resolve(specifier)) || specifier;
  } catch {
    return specifier;
  }
}

function optionsError(message: string): Error {
  return new Error(`@pyodocs/remark: ${message}`);
}
