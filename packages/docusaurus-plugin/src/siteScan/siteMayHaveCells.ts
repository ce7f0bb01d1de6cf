import {type CellOptions, mayHaveCells} from './mayHaveCells.js';
import {type SiteSource, pyodideSetting} from './siteSources.js';

/** Code that renders a cell itself: a React page or component importing a cell part. */
export const CELL_IMPORT = /@theme[\w-]*\/Python(Cell|Doctest|PageActions)|@pyodocs\/react/;

/**
 * Whether any page of the site may hold a cell or doctest block (see
 * mayHaveCells.ts), or any file of the site's `src/` renders one itself
 * (its swizzled cell parts aside).
 * Read once per build, before webpack compiles a page: a production build
 * of a site without cells then gets no cell components, styles or data.
 */
export function siteMayHaveCells(sources: readonly SiteSource[], options: CellOptions): boolean {
  for (const source of sources) {
    // Swizzled cell parts render inside cells only: they alone make no cell.
    if (source.cellPart) continue;
    if (CELL_IMPORT.test(source.text) || (source.markdown && mayHaveCells(source.text, pageOptions(source, options))))
      return true;
  }
  return false;
}

/** The options as a page's parsed front matter may change them, erring on "may": any `runnable` counts as 'all'. */
function pageOptions(source: SiteSource, options: CellOptions): CellOptions {
  const runnable = pyodideSetting(source, 'runnable');
  const doctest = pyodideSetting(source, 'doctest');
  return {
    runnable: runnable === undefined ? options.runnable : 'all',
    doctest: doctest === undefined ? options.doctest : doctest === false ? false : 'all',
  };
}
