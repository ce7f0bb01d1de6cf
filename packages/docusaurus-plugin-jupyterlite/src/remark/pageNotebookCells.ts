import type {Root, RootContent} from 'mdast';
import type {MdxJsxFlowElement} from 'mdast-util-mdx-jsx';
import {visit} from 'unist-util-visit';

/** A cell of the notebook a page becomes; code cells carry the live cell's id so the reader's edits can replace `code`. */
export type PageNotebookCell = {type: 'markdown'; source: string} | {type: 'code'; id: string; code: string};

/** Nodes that mean nothing in a notebook: front matter, imports/exports, JSX. */
const DROPPED = new Set(['yaml', 'toml', 'mdxjsEsm', 'mdxFlowExpression', 'mdxJsxFlowElement']);

/**
 * The page as notebook cells, in page order: each live cell (element
 * `cellName`, left by @pyodocs/remark) becomes a code cell, and the original
 * Markdown source between cells (sliced by node positions, so it reads as
 * written) becomes markdown cells. A top-level block that contains cells
 * (e.g. tabs) contributes only its cells.
 */
export function pageNotebookCells(tree: Root, source: string, cellName: string): PageNotebookCell[] {
  const cells: PageNotebookCell[] = [];
  let start: number | undefined;
  let end: number | undefined;
  const flush = () => {
    const text = start !== undefined && end !== undefined ? source.slice(start, end).trim() : '';
    if (text) cells.push({type: 'markdown', source: text});
    start = end = undefined;
  };
  for (const node of tree.children) {
    const liveCells = cellsIn(node, cellName);
    if (liveCells.length > 0) {
      flush();
      for (const cell of liveCells) cells.push(cell);
      continue;
    }
    const from = node.position?.start.offset;
    const to = node.position?.end.offset;
    if (DROPPED.has(node.type) || from === undefined || to === undefined) {
      flush();
      continue;
    }
    start ??= from;
    end = to;
  }
  flush();
  return cells;
}

function cellsIn(node: RootContent, cellName: string): PageNotebookCell[] {
  const found: PageNotebookCell[] = [];
  visit(node, 'mdxJsxFlowElement', (element: MdxJsxFlowElement) => {
    if (element.name !== cellName) return;
    const attribute = (name: string) => {
      const a = element.attributes.find((attr) => attr.type === 'mdxJsxAttribute' && attr.name === name);
      return typeof a?.value === 'string' ? a.value : undefined;
    };
    const id = attribute('id');
    const code = attribute('code');
    if (id !== undefined && code !== undefined) found.push({type: 'code', id, code});
  });
  return found;
}
