/** One cell or doctest block of a page, in document order. */
export interface PageManifestCell {
  /** A live cell (python fence, MyST code-cell) or a doctest block with "Try it". */
  kind: 'cell' | 'doctest';
  /** The element's id: `id=` as written, else generated from the code (unique on the page). */
  id: string;
  session: string;
  /** Python to run: the fence content; for a doctest, the examples' sources without prompts. */
  code: string;
  /** Doctest only: the block exactly as documented. */
  source?: string;
  /** Top-level modules `code` imports, as Pyodide's `find_imports` finds them (sorted). */
  imports: string[];
  /** Declared packages (the page's front matter, the block's `packages=`, then what its `%pip install` lines name), as written. */
  packages: string[];
  /** MyST cell tags, and `raises-exception` for a fence with that flag (empty for other plain fences). */
  tags: string[];
  /** `timeout=SECONDS` of the block. */
  timeout?: number;
  /** How the block runs when the site executes its pages at build: the block's `execute=`, else the page's `pyodide.execute`; absent when neither says. */
  execute?: 'off' | 'cache' | 'force';
  /** Start of the block in the source file (absent for nodes without positions). */
  position?: {line: number; column: number};
}

/**
 * The page as notebook cells, for "Open in JupyterLite" and notebook
 * downloads: markdown sliced from the source between blocks, code cells by
 * the id of their manifest cell.
 */
export type PageNotebookCell = {type: 'markdown'; source: string} | {type: 'code'; id: string};

/**
 * What every build-time consumer needs to know about a page's Python; set on
 * `file.data.pyodocs` by `remarkPythonCells` on every page (empty lists on
 * pages without cells).
 */
export interface PageManifest {
  /** Page source path relative to `file.cwd`, with `/` separators (undefined without a path). */
  path: string | undefined;
  /** Cells and doctest blocks in document order. */
  cells: PageManifestCell[];
  /** Session names in first-use order. */
  sessions: string[];
  /** Packages declared for the page's cells (front matter and block meta), as written, without repeats. */
  packages: string[];
  /** Top-level modules imported by any cell or doctest, sorted, without repeats. */
  imports: string[];
  /** The page as notebook cells (empty on pages without cells). */
  notebook: PageNotebookCell[];
  /** Absolute paths of the files the page's `{include}` directives read (nested ones too), in the order first read: a host rebuilds the page when one changes. */
  includes: string[];
}

declare module 'vfile' {
  interface DataMap {
    pyodocs: PageManifest;
  }
}
