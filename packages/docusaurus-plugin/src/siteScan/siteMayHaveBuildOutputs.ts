import type {ExecuteOptions} from '../options.js';
import type {SitePage} from '../pages/sitePages.js';
import {CELL_IMPORT} from './siteMayHaveCells.js';
import {siteSources} from './siteSources.js';

/**
 * Text of a page that may give a cell outputs at build: an `execute` setting
 * (front matter `pyodide.execute`, a fence's `execute=`), an `outputs` prop
 * written by hand, or text the scan cannot see: an `{include}`d file or an
 * imported Markdown partial.
 */
const OUTPUT_MARKERS = [
  /\bexecute\b["']?\s*[:=]/,
  /\boutputs\b["']?\s*[:=]/,
  /\{include\}/,
  /^\s*import\s[^;]*?['"][^'"]+\.mdx?['"]/m,
];

/**
 * Whether any cell of the site may show outputs in its static HTML: the
 * site runs cells at build (`execute.mode` not `off`), a page may turn that
 * on or hand a cell outputs, or code of the site renders cell parts itself.
 * It errs on the side of "yes". A "no" lets the server bundle leave out the
 * output renderers (serverOutputRenderers.ts), whose stand-in fails the
 * build with a clear message if a page renders outputs after all.
 */
export function siteMayHaveBuildOutputs(
  pages: readonly SitePage[],
  siteDir: string,
  execute: Pick<ExecuteOptions, 'mode'>,
): boolean {
  if (execute.mode !== 'off') return true;
  for (const source of siteSources(pages, siteDir)) {
    if (CELL_IMPORT.test(source.text)) return true;
    if (source.markdown && OUTPUT_MARKERS.some((marker) => marker.test(source.text))) return true;
  }
  return false;
}
