import type {Root, RootContent} from 'mdast';
import type {MdxJsxFlowElement} from 'mdast-util-mdx-jsx';
import type {Point} from 'unist';
import {visit} from 'unist-util-visit';
import type {PageNotebookCell} from './PageManifest.js';

declare module 'mdast' {
  interface Data {
    /** An element pyodocs made from Markdown (typeset math): the notebook keeps the Markdown it was made from. */
    pyodocsFromMarkdown?: true;
  }
}

/** Nodes that mean nothing in a notebook: front matter, imports/exports, JSX expressions and elements (but those made from Markdown). */
const DROPPED = new Set(['yaml', 'toml', 'mdxjsEsm', 'mdxFlowExpression', 'mdxJsxFlowElement']);

/**
 * The page as notebook cells, in page order: each block element (by its id)
 * becomes a code cell, and the Markdown source between blocks (sliced by
 * node positions, so it reads as written) becomes markdown cells. A
 * top-level node holding blocks (tabs, an admonition) contributes only its
 * blocks.
 */
export function pageNotebook(
  tree: Root,
  source: string,
  blockIds: ReadonlyMap<MdxJsxFlowElement, string>,
): PageNotebookCell[] {
  const offsetOf = pointOffsets(source);
  const cells: PageNotebookCell[] = [];
  // Markdown of the cell being gathered: source ranges read as written, and text of included files.
  const pieces: string[] = [];
  let start: number | undefined;
  let end: number | undefined;
  const endRange = () => {
    if (start !== undefined && end !== undefined) pieces.push(source.slice(start, end));
    start = end = undefined;
  };
  const flush = () => {
    endRange();
    const text = pieces
      .map((piece) => piece.trim())
      .filter((piece) => piece !== '')
      .join('\n\n');
    if (text) cells.push({type: 'markdown', source: text});
    pieces.length = 0;
  };
  for (const node of tree.children) {
    const ids = blockIdsIn(node, blockIds);
    if (ids.length > 0) {
      flush();
      for (const id of ids) cells.push({type: 'code', id});
      continue;
    }
    const included = node.data?.pyodocsNotebookSource;
    if (included !== undefined) {
      endRange();
      pieces.push(included);
      continue;
    }
    const from = node.position && offsetOf(node.position.start);
    const to = node.position && offsetOf(node.position.end);
    if ((DROPPED.has(node.type) && !node.data?.pyodocsFromMarkdown) || from === undefined || to === undefined) {
      flush();
      continue;
    }
    start ??= from;
    end = to;
  }
  flush();
  return cells;
}

function blockIdsIn(node: RootContent, blockIds: ReadonlyMap<MdxJsxFlowElement, string>): string[] {
  const found: string[] = [];
  visit(node, 'mdxJsxFlowElement', (element: MdxJsxFlowElement) => {
    const id = blockIds.get(element);
    if (id !== undefined) found.push(id);
  });
  return found;
}

/** A point's offset in the source: its own, or from its line and column (nodes the MyST transform made have no offsets). */
function pointOffsets(source: string): (point: Point) => number | undefined {
  let lineStarts: number[] | undefined;
  return (point) => {
    if (typeof point.offset === 'number') return point.offset;
    lineStarts ??= [0, ...Array.from(source.matchAll(/\n/g), (match) => match.index + 1)];
    const lineStart = lineStarts[point.line - 1];
    return lineStart === undefined ? undefined : Math.min(lineStart + point.column - 1, source.length);
  };
}
