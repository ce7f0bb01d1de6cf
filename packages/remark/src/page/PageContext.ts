import type {Code, Root} from 'mdast';
import type {MdxJsxFlowElement} from 'mdast-util-mdx-jsx';
import type {VFile} from 'vfile';
import {readFrontMatter} from '../frontMatter/readFrontMatter.js';
import {type PageSettings, pageKernelLanguage, readPageSettings} from '../frontMatter/readPageSettings.js';
import type {PageManifestCell} from '../manifest/PageManifest.js';
import type {SourcePoint} from '../meta/locateFenceMeta.js';
import type {ResolvedPythonCellsOptions} from '../options/resolveOptions.js';
import {PageProblems} from '../problems/PageProblems.js';
import {relativePagePath} from './relativePagePath.js';

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

/**
 * One page's context, built once by `remarkPythonCells` and handed to every
 * transform: the front matter read once, the settings and defaults it
 * decides, one problem list, and the blocks made so far (keyed by their
 * element: explicit ids of cells and doctests share one namespace).
 */
export interface PageContext {
  /** The page's source text, which node positions index. */
  readonly source: string;
  /** Page path relative to `file.cwd`, `/` separators; undefined without a path. */
  readonly path: string | undefined;
  readonly options: ResolvedPythonCellsOptions;
  /** The `pyodide:` front matter. */
  readonly settings: PageSettings;
  /** The jupytext kernel language of a MyST notebook. */
  readonly kernelLanguage: string | undefined;
  /** `runnable` for this page: the front matter's, else the option's. */
  readonly runnable: 'marked' | 'all';
  /** "Try it" on doctest blocks for this page: the front matter's, else the option's. */
  readonly doctest: 'all' | 'marked' | false;
  /** Session of the blocks without `session=`: front matter `pyodide.session`, else `page:<path>`. */
  readonly defaultSession: string;
  readonly problems: PageProblems;
  readonly blocks: Map<MdxJsxFlowElement, PageBlock>;
  /** Parses Markdown in the page's own syntax (MDX or CommonMark + directives), for directive bodies. */
  readonly parseMarkdown: ((markdown: string) => Root) | undefined;
}

/** Reads the front matter (once) and reports its problems into the page's list. */
export function createPageContext(
  tree: Root,
  file: VFile,
  options: ResolvedPythonCellsOptions,
  parseMarkdown?: (markdown: string) => Root,
): PageContext {
  const problems = new PageProblems(file);
  const frontMatter = readFrontMatter(tree, file);
  const {settings, problems: settingsProblems} = readPageSettings(frontMatter);
  for (const problem of [...frontMatter.problems, ...settingsProblems]) {
    problems.report(problem.ruleId, problem.message, problem.place);
  }
  const path = relativePagePath(file);
  return {
    source: String(file.value ?? ''),
    path,
    options,
    settings,
    kernelLanguage: pageKernelLanguage(frontMatter),
    runnable: settings.runnable ?? options.runnable,
    doctest: settings.doctest ?? options.doctest,
    defaultSession: settings.session ?? (path ? `page:${path}` : 'page'),
    problems,
    blocks: new Map(),
    parseMarkdown,
  };
}
