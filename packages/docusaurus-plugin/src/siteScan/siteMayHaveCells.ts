import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import type {SitePage} from '../pages/sitePages.js';
import {type CellOptions, mayHaveCells} from './mayHaveCells.js';

/** Site code that renders a cell itself: a React page or component importing a cell part. */
const CELL_IMPORT = /@theme[\w-]*\/Python(Cell|Doctest|PageActions)|@pyodocs\/react/;
const CODE_FILE = /\.(jsx?|tsx?|mdx?)$/;

/**
 * Whether any page of the site may hold a cell or doctest block (see
 * mayHaveCells.ts), or any file of the site's `src/` renders one itself
 * (its swizzled cell parts aside).
 * Read once per build, before webpack compiles a page: a production build
 * of a site without cells then gets no cell components, styles or data.
 */
export function siteMayHaveCells(pages: readonly SitePage[], siteDir: string, options: CellOptions): boolean {
  if (pages.some((page) => mayHaveCells(readFileSync(page.source, 'utf8'), options))) return true;
  const srcDir = path.join(siteDir, 'src');
  if (!existsSync(srcDir)) return false;
  for (const file of readdirSync(srcDir, {recursive: true, encoding: 'utf8'})) {
    const parts = file.split(path.sep);
    // Swizzled cell parts render inside cells only: they alone make no cell.
    if (
      !CODE_FILE.test(file) ||
      parts.includes('node_modules') ||
      (parts[0] === 'theme' && /^Python/.test(parts[1] ?? ''))
    )
      continue;
    const text = readFileSync(path.join(srcDir, file), 'utf8');
    if (CELL_IMPORT.test(text) || (/\.mdx?$/.test(file) && mayHaveCells(text, options))) return true;
  }
  return false;
}
