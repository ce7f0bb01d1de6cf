import type {Code, RootContent} from 'mdast';
import type {PageContext} from '../page/PageContext.js';

/**
 * What Sphinx's HTML builder shows of `{raw}` and `{index}`, the directives
 * that write nothing of their own on a web page:
 *
 * - `{raw} html`: its content, as HTML, on a page read as CommonMark (a
 *   MyST notebook or a page with directives, see usesMystMarkdown); an MDX
 *   page cannot hold raw HTML, so there it is reported (write JSX). Raw
 *   content for another output (`latex`, `jupyter`, …) shows nothing.
 * - `{index}`: an entry of the generated index, which a Docusaurus site has
 *   not: nothing.
 *
 * Returns the nodes that replace the directive, or undefined where it stays
 * as written (reported).
 */
export function mystRawOrIndex(node: Code, directive: 'raw' | 'index', page: PageContext): RootContent[] | undefined {
  if (directive === 'index') return [];
  const formats = (node.meta ?? '').trim().toLowerCase().split(/\s+/).filter(Boolean);
  const fence = node.position?.start;
  const place = fence && {line: fence.line, column: fence.column};
  if (formats.length === 0) {
    page.problems.report(
      'pyodocs:invalid-directive',
      '{raw} names the output its content is for: write the format after the directive, as in ```{raw} html.',
      place,
    );
    return undefined;
  }
  if (!formats.includes('html')) return [];
  if (isMdxPage(page)) {
    page.problems.report(
      'pyodocs:invalid-directive',
      '{raw} html in an MDX page: MDX has no raw HTML. Write the HTML as JSX in the page instead, or name the page .md without MDX syntax, so that it is read as CommonMark.',
      place,
    );
    return undefined;
  }
  return [{type: 'html', value: node.value}];
}

/** Whether the page is parsed as MDX: its parser reads a tag as JSX, not as HTML. */
function isMdxPage(page: PageContext): boolean {
  const first = page.parseMarkdown?.('<b>html</b>').children[0];
  const inline = first?.type === 'paragraph' ? first.children[0] : first;
  return inline?.type === 'mdxJsxTextElement' || inline?.type === 'mdxJsxFlowElement';
}
