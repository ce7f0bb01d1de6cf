import type {PageManifestCell, PageNotebookCell} from '@pyodocs/remark';

/** What `pageDataPath` serves for a page with cells (contract C7). */
export interface PageData {
  /** Source path relative to the site dir. */
  path: string;
  /** The page's cells and doctest blocks, in order (the page manifest's). */
  cells: PageManifestCell[];
  /** The page as notebook cells: markdown as written, code cells by id. */
  notebook: PageNotebookCell[];
}
