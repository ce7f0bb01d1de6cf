import type {Code, Root} from 'mdast';
import type {MdxJsxFlowElement} from 'mdast-util-mdx-jsx';
import type {VFile} from 'vfile';
import {readFrontMatter} from '../frontMatter/readFrontMatter.js';
import {
  type ExecuteMode,
  isMystNotebookPage,
  type PageSettings,
  pageKernelLanguage,
  readPageSettings,
} from '../frontMatter/readPageSettings.js';
import type {PageManifestCell} from '../manifest/PageManifest.js';
import type {SourcePoint} from '../meta/locateFenceMeta.js';
import type {ResolvedPythonCellsOptions} from '../options/resolveOptions.js';
import {PageProblems} from '../problems/PageProblems.js';
import {relativePagePath} from './relativePagePath.js';

declare module 'mdast-util-mdx-jsx' {
  interface MdxJsxFlowElementData {
    /** The block's `execute` mode (manifest only), kept for a second run of the plugin on the same tree. */
    pyodocsExecute?: ExecuteMode;
  }
}

/** A cell or doctest element the pass made (or found made, on a second run), before ids are settled. */
export interface PageBlock {
  kind: 'cell' | 'doctest';
  element: MdxJsxFlowElement;
  /** The block as written: put back if it cannot stay an element (a duplicate id with `onError: 'warn'`); undefined for an element found made. */
  original: Code | undefined;
  /** `id=` as written (or the id of an element found made). */
  explicitId: string | undefined;
  /** Where `id=` is written. */
  idPlace: SourcePoint | undefined;
  /** The manifest entry, but for the id. */
  cell: Omit<PageManifestCell, 'id'>;
}

/** Parses Markdown in the page's own syntax; with `math: true`, also `$…$` and `$$…$$` as `inlineMath`. */
export type ParseMarkdown = (markdown: string, options?: {math?: boolean}) => Root;

/** Reader behaviour the page's front matter overrides (contract C8), as the cell elements' `behaviour` attribute carries it. */
export interface CellBehaviourOverride {
  runPrevious?: boolean;
  persistEdits?: boolean;
}

/**
 * One page's context, built once by `remarkPythonCells` and handed to every
 * transform: the front matter read once, the settings and defaults it
 * decides, one problem list, and the blocks made so far (keyed by their
 * element: explicit ids of cells and doctests share one namespace). A file
 * the page includes is transformed with a copy whose `source`, `filePath`
 * and `problems` are that file's; everything else is the page's.
 */
export interface PageContext {
  /** The text node positions index: the page's source, or an included file's. */
  readonly source: string;
  /** Absolute path of the file `source` is (resolved against `file.cwd`); undefined without a path. */
  readonly filePath: string | undefined;
  /** Page path relative to `file.cwd`, `/` separators; undefined without a path. */
  readonly path: string | undefined;
  /** `file.cwd` with `/` separators: what paths in messages are relative to, and `{include} /x.md` resolves against. */
  readonly cwd: string;
  readonly options: ResolvedPythonCellsOptions;
  /** The `pyodide:` front matter. */
  readonly settings: PageSettings;
  /** The jupytext kernel language of a MyST notebook. */
  readonly kernelLanguage: string | undefined;
  /** The page is a MyST notebook (jupytext or kernel front matter). */
  readonly mystNotebook: boolean;
  /** Typeset math on this page: front matter `pyodide.math`, else the `math` option (MyST notebooks only for `'myst'`). */
  readonly math: boolean;
  /** Front matter `pyodide.execute`: how the page's blocks run at build, unless a block says otherwise. */
  readonly execute: ExecuteMode | undefined;
  /** Front matter `pyodide.runPrevious` / `pyodide.persist`, set on every cell; undefined when the page overrides nothing. */
  readonly behaviour: CellBehaviourOverride | undefined;
  /** `runnable` for this page: the front matter's, else the option's. */
  readonly runnable: 'marked' | 'all';
  /** "Try it" on doctest blocks for this page: the front matter's, else the option's. */
  readonly doctest: 'all' | 'marked' | false;
  /** Session of the blocks without `session=`: front matter `pyodide.session`, else `page:<path>`. */
  readonly defaultSession: string;
  readonly problems: PageProblems;
  readonly blocks: Map<MdxJsxFlowElement, PageBlock>;
  /** Parses Markdown in the page's own syntax (MDX or CommonMark + directives), for directive bodies and included files; with `math`, `$…$` too. */
  readonly parseMarkdown: ParseMarkdown | undefined;
  /** Absolute paths of the files `{include}` read, in the order first read (nested includes too). */
  readonly includes: Set<string>;
  /** The files being included, outermost first, to refuse an include cycle. */
  readonly includeStack: readonly string[];
  /** In an included file: where the page's (outermost) `{include}` is, which blocks made here give as their position. */
  readonly includedAt: SourcePoint | undefined;
  /** The bundler's compilation the page is compiled for, as Docusaurus's loader tells it (`file.data.compilerName`: 'client' or 'server'). */
  readonly compiler: string | undefined;
  /**
   * Whether this compilation tells the warnings that are not problems of the
   * page (a broken link or image the site asks to be warned of): not a
   * server compilation, since its client compilation compiles the same page
   * and tells them (a Docusaurus build would print each twice).
   */
  readonly tellsWarnings: boolean;
}

/** Reads the front matter (once) and reports its problems into the page's list. */
export function createPageContext(
  tree: Root,
  file: VFile,
  options: ResolvedPythonCellsOptions,
  parseMarkdown?: ParseMarkdown,
): PageContext {
  const problems = new PageProblems(file);
  const frontMatter = readFrontMatter(tree, file);
  const {settings, problems: settingsProblems} = readPageSettings(frontMatter);
  for (const problem of [...frontMatter.problems, ...settingsProblems]) {
    problems.report(problem.ruleId, problem.message, problem.place);
  }
  const path = relativePagePath(file);
  const mystNotebook = isMystNotebookPage(frontMatter);
  const filePath = absoluteFilePath(file);
  return {
    source: String(file.value ?? ''),
    filePath,
    path,
    cwd: file.cwd.replaceAll('\\', '/').replace(/\/+$/, ''),
    options,
    settings,
    kernelLanguage: pageKernelLanguage(frontMatter),
    mystNotebook,
    math: settings.math ?? (options.math === 'all' || (options.math === 'myst' && mystNotebook)),
    execute: settings.execute,
    behaviour: behaviourOverride(settings),
    runnable: settings.runnable ?? options.runnable,
    doctest: settings.doctest ?? options.doctest,
    defaultSession: settings.session ?? (path ? `page:${path}` : 'page'),
    problems,
    blocks: new Map(),
    parseMarkdown,
    includes: new Set(),
    includeStack: filePath ? [filePath] : [],
    includedAt: undefined,
    compiler: typeof file.data['compilerName'] === 'string' ? file.data['compilerName'] : undefined,
    tellsWarnings: file.data['compilerName'] !== 'server',
  };
}

function behaviourOverride(settings: PageSettings): CellBehaviourOverride | undefined {
  const behaviour: CellBehaviourOverride = {};
  if (settings.runPrevious !== undefined) behaviour.runPrevious = settings.runPrevious;
  if (settings.persist !== undefined) behaviour.persistEdits = settings.persist;
  return Object.keys(behaviour).length > 0 ? behaviour : undefined;
}

/** The file's absolute path with `/` separators (`file.path` resolved against `file.cwd`). */
function absoluteFilePath(file: VFile): string | undefined {
  if (!file.path) return undefined;
  const path = file.path.replaceAll('\\', '/');
  if (path.startsWith('/') || /^[A-Za-z]:\//.test(path)) return path;
  return `${file.cwd.replaceAll('\\', '/').replace(/\/+$/, '')}/${path}`;
}
