import type {ExecuteOptions} from '../options.js';
import {CELL_IMPORT} from './siteMayHaveCells.js';
import {pyodideSetting, type SiteSource} from './siteSources.js';

/** An `execute` setting: front matter `pyodide.execute` in any syntax, a fence's `execute=`. */
const EXECUTE_SETTING = /\bexecute\b["']?\s*[:=]/;
/** An `outputs` prop or key handed to a cell (or a cell part) by hand. */
const OUTPUTS_PROP = /\boutputs\b["']?\s*[:=]/;
/** Text the scan cannot see, compiled with our remark plugins all the same: an `{include}`d file, an imported or re-exported Markdown partial. */
const HIDDEN_TEXT = [/\{include\}/, /^\s*(import|export)\s[^;]*?['"][^'"]+\.mdx?['"]/m];

/**
 * Whether any cell of the site may show outputs in its static HTML: the
 * site runs cells at build (`execute.mode` not `off`), a page may turn that
 * on (in its text or in the front matter the site's `parseFrontMatter`
 * gives it) or hand a cell outputs, or code of the site renders cell parts
 * itself or hands them outputs. It errs on the side of "yes". A "no" lets
 * the server bundle leave out the output renderers
 * (serverOutputRenderers.ts), whose stand-in fails the build with a clear
 * message if a page renders outputs after all (code outside `src/`, which
 * is not read, could hand a cell outputs).
 */
export function siteMayHaveBuildOutputs(
  sources: readonly SiteSource[],
  execute: Pick<ExecuteOptions, 'mode'>,
): boolean {
  if (execute.mode !== 'off') return true;
  for (const source of sources) {
    if (pyodideSetting(source, 'execute') !== undefined) return true;
    if (OUTPUTS_PROP.test(source.text)) return true;
    // A swizzled part renders what its cell hands it, unless it hands outputs itself (above).
    if (source.cellPart) continue;
    if (CELL_IMPORT.test(source.text) || HIDDEN_TEXT.some((marker) => marker.test(source.text))) return true;
    if (source.markdown && EXECUTE_SETTING.test(source.text)) return true;
  }
  return false;
}
