import type {PluginOptions} from '../options.js';

/** The options that decide which fences become cells. */
export type CellOptions = Pick<PluginOptions, 'runnable' | 'doctest'>;

/** Fence languages of Python code, console sessions and kernels, as @pyodocs/remark knows them. */
const PYTHON_FENCE = /^(python3?|py|ipython3?|pyodide)$/i;
const CONSOLE_FENCE = /^(pycon|python-console|pytb-console|doctest)$/i;
/** An indented code block's line that is a doctest prompt (a `>>>` block without a language is a doctest block). */
const INDENTED_PROMPT = /^(?: {4,}|\t)\s*>>>( |$)/;

/**
 * Text that may make a cell however its fences look: MyST `{code-cell}`s,
 * `{include}`d files (read at compile time), cells written as JSX or a
 * swizzled cell part (`@theme/PythonCell`), imported Markdown partials.
 */
const CELL_MARKERS = [
  /\{code-cell\}/,
  /\{(literal)?include\}/,
  /@theme[\w-]*\/Python(Cell|Doctest)/,
  /@pyodocs\//,
  /^\s*import\s[^;]*?['"][^'"]+\.mdx?['"]/m,
];

/** An opening (or closing) fence line: its language and the rest of its info string. */
const FENCE_LINE = /^ {0,3}(`{3,}|~{3,})\s*([^\s`{]*)(.*)$/;

/**
 * Whether a Markdown or MDX file may hold a Python cell or doctest block,
 * decided from its text alone, before any page is compiled. It errs on the
 * side of "yes": a false "no" would build the site without the cell
 * components, a false "yes" only costs what every site with cells pays.
 * A front matter `runnable` setting counts as `runnable: 'all'` for the
 * file, and a `doctest` setting turns doctests on.
 */
export function mayHaveCells(text: string, options: CellOptions): boolean {
  if (CELL_MARKERS.some((marker) => marker.test(text))) return true;
  const runnableAll = options.runnable === 'all' || /runnable\s*:/.test(text);
  const doctests = options.doctest !== false || /doctest\s*:/.test(text);
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    const fence = FENCE_LINE.exec(lines[index] as string);
    if (!fence) continue;
    const [, , language = '', meta = ''] = fence;
    if (doctests && CONSOLE_FENCE.test(language)) return true;
    if (language !== '' && !PYTHON_FENCE.test(language)) continue;
    if (language !== '' && (runnableAll || /(^|\s)run(\s|=|$)/.test(meta))) return true;
    if (doctests) {
      let next = index + 1;
      while (next < lines.length && (lines[next] as string).trim() === '') next += 1;
      if (/^\s*>>>/.test(lines[next] ?? '')) return true;
    }
  }
  return doctests && lines.some((line) => INDENTED_PROMPT.test(line));
}
