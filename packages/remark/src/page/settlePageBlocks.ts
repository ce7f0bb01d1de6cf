import type {Parent, Root, RootContent} from 'mdast';
import type {MdxJsxFlowElement} from 'mdast-util-mdx-jsx';
import {visit} from 'unist-util-visit';
import {setStringAttribute} from '../element/elementAttributes.js';
import type {PageManifestCell} from '../manifest/PageManifest.js';
import {assignBlockIds} from './assignBlockIds.js';
import type {PageBlock, PageContext} from './PageContext.js';

/** A block with its final id. */
export interface SettledBlock {
  block: PageBlock;
  cell: PageManifestCell;
}

/**
 * Once every transform has run: the page's blocks in document order, a
 * second use of an explicit id reported (and that block put back as it was
 * written, for `onError: 'warn'`), then every id decided, so a generated id
 * never takes an explicit one that comes later, and set on its element.
 */
export function settlePageBlocks(tree: Root, page: PageContext): SettledBlock[] {
  const ordered: Array<{block: PageBlock; parent: Parent; index: number}> = [];
  visit(tree, 'mdxJsxFlowElement', (node: MdxJsxFlowElement, index, parent) => {
    const block = page.blocks.get(node);
    if (block && parent && typeof index === 'number') ordered.push({block, parent, index});
  });

  const firstUse = new Map<string, number | undefined>();
  const kept: PageBlock[] = [];
  for (const {block, parent, index} of ordered) {
    const id = block.explicitId;
    if (id !== undefined && firstUse.has(id)) {
      const line = firstUse.get(id);
      page.problems.report(
        'pyodocs:duplicate-cell-id',
        `Id "${id}" is already used on this page${line ? ` (line ${line})` : ''}. Give each cell and doctest block a unique id.`,
        block.idPlace ?? block.cell.position,
      );
      if (block.original) (parent.children as RootContent[]).splice(index, 1, block.original);
      page.blocks.delete(block.element);
      continue;
    }
    if (id !== undefined) firstUse.set(id, block.cell.position?.line);
    kept.push(block);
  }

  const ids = assignBlockIds(
    kept.map((block) => ({
      explicitId: block.explicitId,
      prefix: block.kind === 'cell' ? 'py-' : 'doctest-',
      hashed: block.cell.source ?? block.cell.code,
    })),
  );
  return kept.map((block, index) => {
    const id = ids[index] ?? '';
    setStringAttribute(block.element, 'id', id);
    const {kind, ...rest} = block.cell;
    return {block, cell: {kind, id, ...rest}};
  });
}
