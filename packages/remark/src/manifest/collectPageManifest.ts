import type {Root} from 'mdast';
import type {MdxJsxFlowElement} from 'mdast-util-mdx-jsx';
import type {PageContext} from '../page/PageContext.js';
import type {SettledBlock} from '../page/settlePageBlocks.js';
import type {PageManifest} from './PageManifest.js';
import {pageNotebook} from './pageNotebook.js';

/** The page manifest (contract C1) from the page's settled blocks, in document order. */
export function collectPageManifest(tree: Root, page: PageContext, blocks: readonly SettledBlock[]): PageManifest {
  const cells = blocks.map((block) => block.cell);
  const ids = new Map<MdxJsxFlowElement, string>(blocks.map(({block, cell}) => [block.element, cell.id]));
  return {
    path: page.path,
    cells,
    sessions: [...new Set(cells.map((cell) => cell.session))],
    packages: [...new Set(cells.flatMap((cell) => cell.packages))],
    imports: [...new Set(cells.flatMap((cell) => cell.imports))].sort(),
    notebook: cells.length > 0 ? pageNotebook(tree, page.source, ids) : [],
    includes: [...page.includes],
  };
}
