import type {BlockContent, Code, List, RootContent} from 'mdast';
import type {MdxJsxAttribute} from 'mdast-util-mdx-jsx';
import type {PageContext} from '../page/PageContext.js';
import {expressionAttribute, stringAttribute} from '../element/elementAttributes.js';
import {cssLength} from './cssLength.js';
import {type DirectiveOption, readDirectiveBody} from './directiveOptions.js';
import {labelAnchor} from './labelAnchor.js';
import {markupElement} from '../element/markupElement.js';

/** Its options, as docutils has them. */
const OPTIONS = ['header-rows', 'stub-columns', 'widths', 'width', 'align', 'class', 'name'];

/**
 * MyST's (docutils') `{list-table} Title`: a bulleted list of rows, each a
 * bulleted list of cells, as an HTML table whose cells hold any Markdown
 * (paragraphs, lists, code), which a pipe table cannot. `:header-rows:`
 * rows are the head, `:stub-columns:` columns row headers; the argument
 * is the caption, `name` an anchor; `widths` (relative column widths, or
 * `auto`/`grid`), `width`, `align` and `class` lay it out. A row that is not a list, or rows of
 * different lengths, are reported at their line (`parse`: the page's
 * Markdown, at the body's first file line).
 */
export function mystListTable(
  node: Code,
  page: PageContext,
  parse: (markdown: string, firstLine: number) => RootContent[],
): RootContent[] | undefined {
  const start = node.position?.start;
  const bodyLine = start ? start.line + 1 : 0;
  const body = readDirectiveBody('list-table', node.value, OPTIONS, start && {bodyLine, column: 1}, page.problems);
  if (body.invalid) return undefined;
  const option = (name: string) => body.options.find((candidate) => candidate.name === name);
  const count = (name: string): number | null => {
    const found = option(name);
    if (!found) return 0;
    if (/^\d+$/.test(found.value?.trim() ?? '')) return Number(found.value);
    page.problems.report(
      'pyodocs:invalid-directive',
      `The "${name}" option must be a number of ${name === 'header-rows' ? 'rows' : 'columns'}, got ${JSON.stringify(found.value ?? '')}.`,
      found.place,
    );
    return null;
  };
  const headerRows = count('header-rows');
  const stubColumns = count('stub-columns');
  if (headerRows === null || stubColumns === null) return undefined;
  const optionLines = body.content === '' ? 0 : node.value.split('\n').length - body.content.split('\n').length;
  const blocks = parse(body.content, bodyLine + optionLines);
  const list = blocks[0];
  const problem = (message: string, at: RootContent | undefined) => {
    page.problems.report('pyodocs:invalid-directive', message, at?.position?.start ?? start);
    return undefined;
  };
  if (list?.type !== 'list' || blocks.length > 1) {
    return problem(
      'A {list-table} holds one bulleted list of rows, each a bulleted list of its cells ("* - a" then "  - b").',
      list?.type === 'list' ? blocks[1] : list,
    );
  }
  const rows: BlockContent[][][] = [];
  for (const item of list.children) {
    const cells = item.children[0];
    if (item.children.length !== 1 || cells?.type !== 'list') {
      return problem('Each row of a {list-table} is a bulleted list of its cells.', item);
    }
    rows.push((cells as List).children.map((cell) => cell.children as BlockContent[]));
  }
  const width = rows[0]?.length ?? 0;
  const uneven = rows.findIndex((row) => row.length !== width);
  if (uneven >= 0) {
    return problem(
      `Row ${uneven + 1} of this {list-table} has ${rows[uneven]?.length} cells, the first row ${width}: every row has as many cells.`,
      list.children[uneven],
    );
  }
  const row = (cells: BlockContent[][], header: boolean) =>
    markupElement(
      'tr',
      [],
      cells.map((content, column) => {
        // Header cells say what they head, for screen readers.
        if (header) return markupElement('th', [scope('col')], unwrapped(content));
        if (column < stubColumns) return markupElement('th', [scope('row')], unwrapped(content));
        return markupElement('td', [], unwrapped(content));
      }),
    );
  const head = rows.slice(0, headerRows).map((cells) => row(cells, true));
  const bodyRows = rows.slice(headerRows).map((cells) => row(cells, false));
  const layout = tableLayout(option, width, page);
  if (!layout) return undefined;
  const title = node.meta?.trim();
  const table = markupElement('table', layout.attributes, [
    ...(title ? [markupElement('caption', [], unwrapped(parse(title, start?.line ?? 0) as BlockContent[]))] : []),
    ...layout.columns,
    ...(head.length > 0 ? [markupElement('thead', [], head)] : []),
    ...(bodyRows.length > 0 ? [markupElement('tbody', [], bodyRows)] : []),
  ]);
  if (node.position) table.position = node.position;
  const name = option('name')?.value;
  return name ? [labelAnchor(name, node.position), table] : [table];
}

/**
 * The table's attributes and `<colgroup>` from `width`, `align`, `class` and
 * `widths` (whole numbers, one a column, made percentages; `auto` and `grid`
 * leave the columns to the browser); undefined when reported.
 */
function tableLayout(
  option: (name: string) => DirectiveOption | undefined,
  columns: number,
  page: PageContext,
): {attributes: MdxJsxAttribute[]; columns: BlockContent[]} | undefined {
  const style: Record<string, string> = {};
  const widthOption = option('width');
  if (widthOption) {
    const width = cssLength(widthOption, page);
    if (width === null) return undefined;
    style['width'] = width;
  }
  const align = option('align');
  if (align) {
    const margins = ALIGNMENTS[align.value?.trim() ?? ''];
    if (!margins) {
      page.problems.report(
        'pyodocs:invalid-directive',
        `The "align" option must be left, center or right, got ${JSON.stringify(align.value ?? '')}.`,
        align.place,
      );
      return undefined;
    }
    Object.assign(style, margins);
  }
  const attributes: MdxJsxAttribute[] = [];
  const className = option('class')?.value;
  if (className) attributes.push(stringAttribute('className', className));
  if (Object.keys(style).length > 0) attributes.push(expressionAttribute('style', style));
  const widthsOption = option('widths');
  const widths = widthsOption?.value?.trim() ?? 'auto';
  if (widths === 'auto' || widths === 'grid') return {attributes, columns: []};
  const parts = widths.split(/[\s,]+/).map(Number);
  if (parts.length !== columns || parts.some((part) => !Number.isInteger(part) || part <= 0)) {
    page.problems.report(
      'pyodocs:invalid-directive',
      `The "widths" option must give ${columns} whole numbers, one a column (or auto), got ${JSON.stringify(widths)}.`,
      widthsOption?.place,
    );
    return undefined;
  }
  const total = parts.reduce((sum, part) => sum + part, 0);
  const cols = parts.map((part) =>
    markupElement('col', [expressionAttribute('style', {width: `${Math.round((part / total) * 1000) / 10}%`})], []),
  );
  return {
    attributes,
    columns: [markupElement('colgroup', [], cols as unknown as BlockContent[]) as unknown as BlockContent],
  };
}

/** `:align:` as the table's margins. */
const ALIGNMENTS: Readonly<Record<string, Record<string, string>>> = {
  left: {marginRight: 'auto'},
  center: {marginInline: 'auto'},
  right: {marginLeft: 'auto'},
};

function scope(value: 'col' | 'row'): MdxJsxAttribute {
  return stringAttribute('scope', value);
}

/** A cell of one paragraph holds its text, as a pipe table's cell does; others keep their blocks. */
function unwrapped(content: BlockContent[]): BlockContent[] {
  const [only] = content;
  return content.length === 1 && only?.type === 'paragraph' ? (only.children as unknown as BlockContent[]) : content;
}
