import type {Root} from 'mdast';
import type {MdxJsxFlowElement} from 'mdast-util-mdx-jsx';
import {visit} from 'unist-util-visit';
import {isDoctestFence} from '../doctest/isDoctestFence.js';
import {readElementAttribute as read} from '../element/elementAttributes.js';
import {blockManifestEntry} from '../manifest/blockManifestEntry.js';
import {fenceMetaPlace} from '../meta/fenceMetaPlace.js';
import {parseFenceMeta} from '../meta/parseFenceMeta.js';
import {mergePackageNames} from '../packages/packageNames.js';
import type {PageContext} from '../page/PageContext.js';
import {replaceFenceWithBlock} from '../page/replaceFenceWithBlock.js';
import {createCellElement} from './createCellElement.js';

/**
 * Runnable python fences (and MyST `{code-cell}`s, marked by the MyST
 * transform) become cell elements; every python fence's meta is checked,
 * static ones too (`rnu` would otherwise silently leave a block static).
 * Doctest blocks are the doctest transform's.
 */
export function pythonCellsTransform(tree: Root, page: PageContext): void {
  if (!page.settings.enabled) return;
  const {options} = page;

  visit(tree, 'code', (node, index, parent) => {
    const mystCell = node.data?.pyodocsCell;
    if (!mystCell && !options.languages.isPython(node.lang)) return;
    if (parent?.type === 'mdxJsxFlowElement' && parent.name === options.componentName) {
      registerMadeElement(page, parent);
      return;
    }
    if (isDoctestFence(node, options.languages)) return;

    const meta = parseFenceMeta(node.meta);
    const place = fenceMetaPlace(page.source, node);
    for (const problem of meta.problems) page.problems.report(problem.ruleId, problem.message, place(problem.start));
    if (meta.problems.length > 0) return;

    // MyST {code-cell}s are always cells (skip-execution only keeps them out of execution at build).
    const isRunnable = mystCell !== undefined || (page.runnable === 'all' ? !meta.norun : meta.run);
    if (!isRunnable || !parent || typeof index !== 'number') return;

    const tags = mystCell?.tags ?? [];
    const values = {
      code: node.value,
      session: meta.session ?? page.defaultSession,
      packages: mergePackageNames(page.settings.packages, meta.packages),
      // The flag is Jupyter Book's tag of the same name, written on a plain fence.
      tags: meta.raisesException && !tags.includes('raises-exception') ? [...tags, 'raises-exception'] : tags,
      timeout: meta.timeout,
      execute: meta.execute ?? page.execute,
    };
    const element = createCellElement(options.componentName, node, meta.passthroughMeta, {
      id: '',
      ...values,
      behaviour: page.behaviour,
    });
    const cell = blockManifestEntry({kind: 'cell', ...values}, node.position?.start);
    return replaceFenceWithBlock(page, {node, parent, index, meta, place}, element, cell);
  });
}

/** A cell made by an earlier run on this tree: kept as it is, in the manifest, its id taken. */
function registerMadeElement(page: PageContext, element: MdxJsxFlowElement): void {
  // Made by this pass (in a file the page includes): already registered.
  if (page.blocks.has(element)) return;
  const id = read.string(element, 'id');
  const code = read.string(element, 'code');
  const session = read.string(element, 'session');
  if (id === undefined || code === undefined || session === undefined) return;
  page.blocks.set(element, {
    kind: 'cell',
    element,
    original: undefined,
    explicitId: id,
    idPlace: undefined,
    cell: blockManifestEntry(
      {
        kind: 'cell',
        code,
        session,
        packages: read.stringList(element, 'packages') ?? [],
        tags: read.stringList(element, 'tags') ?? [],
        timeout: read.number(element, 'timeout'),
        execute: element.data?.pyodocsExecute,
      },
      element.position?.start,
    ),
  });
}
