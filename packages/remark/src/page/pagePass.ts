import type {Root} from 'mdast';
import type {VFile} from 'vfile';
import {pythonCellsTransform} from '../cell/pythonCellsTransform.js';
import {doctestTransform} from '../doctest/doctestTransform.js';
import {insertComponentImport} from '../esm/insertComponentImport.js';
import {collectPageManifest} from '../manifest/collectPageManifest.js';
import {mystTransform} from '../myst/mystTransform.js';
import type {ResolvedPythonCellsOptions} from '../options/resolveOptions.js';
import {createPageContext} from './PageContext.js';
import {settlePageBlocks} from './settlePageBlocks.js';

/**
 * One pass over a page: one context (front matter read once, one problem
 * list, one id namespace) handed to the MyST, doctest and fence transforms in
 * turn; then the blocks settled in document order, the manifest set on
 * `file.data.pyodocs`, the component imports added, and, with
 * `onError: 'throw'`, one error listing every problem of the page.
 */
export function pagePass(
  tree: Root,
  file: VFile,
  options: ResolvedPythonCellsOptions,
  parseMarkdown?: (markdown: string) => Root,
): void {
  const page = createPageContext(tree, file, options, parseMarkdown);
  mystTransform(tree, page);
  doctestTransform(tree, page);
  pythonCellsTransform(tree, page);
  const blocks = settlePageBlocks(tree, page);
  file.data.pyodocs = collectPageManifest(tree, page, blocks);

  const has = (kind: 'cell' | 'doctest') => blocks.some(({cell}) => cell.kind === kind);
  if (has('doctest') && options.doctestImportSource !== undefined) {
    insertComponentImport(tree, options.doctestComponentName, options.doctestImportSource);
  }
  if (has('cell') && options.importSource !== undefined) {
    insertComponentImport(tree, options.componentName, options.importSource);
  }
  page.problems.settle(options.onError);
}
