import type {Code, RootContent} from 'mdast';
import type {PageContext} from '../page/PageContext.js';
import {readDirectiveBody} from './directiveOptions.js';
import {labelAnchor} from './labelAnchor.js';

/** MyST's (and Sphinx's) names for a static code block. */
export const CODE_BLOCK_DIRECTIVES: ReadonlySet<string> = new Set(['code-block', 'code', 'sourcecode']);

/** Their options; `force` and `class` are accepted and have no effect here (Pygments' and HTML class hooks). */
const OPTIONS = ['linenos', 'lineno-start', 'emphasize-lines', 'caption', 'name', 'dedent', 'force', 'class'];

/**
 * MyST's `{code-block} python` (and `{code}`, `{sourcecode}`): the fence of
 * that language, as if written ```` ```python ````, so it is what such a fence
 * is on the site (static, or a cell where fences are runnable). Its options
 * become Docusaurus's code block features: `caption` the title,
 * `linenos`/`lineno-start` line numbers, `emphasize-lines` highlighted
 * lines; `dedent` strips indentation, `name` is an anchor before the block.
 * Returns the nodes in its place; undefined (reported) for bad options.
 */
export function mystCodeBlock(node: Code, directive: string, page: PageContext): RootContent[] | undefined {
  const start = node.position?.start;
  const at = start && {bodyLine: start.line + 1, column: 1};
  const body = readDirectiveBody(directive, node.value, OPTIONS, at, page.problems);
  if (body.invalid) return undefined;
  const options = new Map(body.options.map((option) => [option.name, option]));
  const meta: string[] = [];
  const caption = options.get('caption')?.value;
  if (caption) meta.push(titleMeta(caption));
  const first = options.get('lineno-start');
  if (first) {
    if (!/^\d+$/.test(first.value?.trim() ?? '')) {
      page.problems.report(
        'pyodocs:invalid-directive',
        `The "lineno-start" option must be a line number such as 10, got ${JSON.stringify(first.value ?? '')}.`,
        first.place,
      );
      return undefined;
    }
    meta.push(`showLineNumbers=${first.value?.trim()}`);
  } else if (options.has('linenos')) meta.push('showLineNumbers');
  const emphasized = options.get('emphasize-lines');
  if (emphasized) {
    const lines = (emphasized.value ?? '').replace(/\s+/g, '');
    if (!/^\d+(?:-\d+)?(?:,\d+(?:-\d+)?)*$/.test(lines)) {
      page.problems.report(
        'pyodocs:invalid-directive',
        `The "emphasize-lines" option must list line numbers and ranges such as 1,3-5, got ${JSON.stringify(emphasized.value ?? '')}.`,
        emphasized.place,
      );
      return undefined;
    }
    meta.push(`{${lines}}`);
  }
  const dedent = options.get('dedent');
  let code = body.content.replace(/\n+$/, '');
  if (dedent) {
    const width = dedent.value?.trim();
    if (width !== undefined && width !== '' && !/^\d+$/.test(width)) {
      page.problems.report(
        'pyodocs:invalid-directive',
        `The "dedent" option must be a number of spaces, or empty to remove the common indentation, got ${JSON.stringify(dedent.value)}.`,
        dedent.place,
      );
      return undefined;
    }
    code = dedented(code, width ? Number(width) : undefined);
  }
  const language = node.meta?.trim().split(/\s+/)[0];
  node.lang = language || null;
  node.meta = meta.length > 0 ? meta.join(' ') : null;
  node.value = code;
  const name = options.get('name')?.value;
  return name ? [labelAnchor(name, node.position), node] : [node];
}

/** The lines without `width` leading spaces each, or without their common indentation. */
function dedented(code: string, width: number | undefined): string {
  const lines = code.split('\n');
  const common =
    width ??
    Math.min(...lines.filter((line) => line.trim() !== '').map((line) => line.length - line.trimStart().length));
  return lines.map((line) => line.slice(Math.min(common, line.length - line.trimStart().length))).join('\n');
}

/** `title="…"` as Docusaurus's CodeBlock reads it: in quotes the caption does not hold (it knows no escapes). */
function titleMeta(caption: string): string {
  if (!caption.includes('"')) return `title="${caption}"`;
  if (!caption.includes("'")) return `title='${caption}'`;
  return `title="${caption.replaceAll('"', '\u201d')}"`;
}
