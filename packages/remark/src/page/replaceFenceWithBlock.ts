import type {Code, Parent, RootContent} from 'mdast';
import type {MdxJsxFlowElement} from 'mdast-util-mdx-jsx';
import {SKIP} from 'unist-util-visit';
import type {PageManifestCell} from '../manifest/PageManifest.js';
import type {SourcePoint} from '../meta/locateFenceMeta.js';
import type {FenceMeta} from '../meta/parseFenceMeta.js';
import type {PageContext} from './PageContext.js';

/** A fence being visited: the node, where it sits, its parsed meta and where the meta's offsets are in the page. */
export interface VisitedFence {
  node: Code;
  parent: Parent;
  index: number;
  meta: Pick<FenceMeta, 'id' | 'items'>;
  place: (offset: number) => SourcePoint | undefined;
}

/**
 * Puts a block's element where its fence was and registers it on the page
 * with its manifest entry, its `id=` and where that is written. The entry's
 * `execute` also goes on the element's data: not an attribute (React has no
 * use for it), but kept for a second run on this tree. Returns where the
 * visit goes on: past the element, not into the fence it holds.
 */
export function replaceFenceWithBlock(
  page: PageContext,
  fence: VisitedFence,
  element: MdxJsxFlowElement,
  cell: Omit<PageManifestCell, 'id'>,
): [typeof SKIP, number] {
  const {node, parent, index, meta, place} = fence;
  if (cell.execute) element.data = {...element.data, pyodocsExecute: cell.execute};
  const idItem = meta.items.find((item) => item.kind === 'pair' && item.name === 'id');
  page.blocks.set(element, {
    kind: cell.kind,
    element,
    original: node,
    explicitId: meta.id,
    idPlace: idItem && place(idItem.start),
    cell,
  });
  (parent.children as RootContent[]).splice(index, 1, element);
  return [SKIP, index + 1];
}
