import type {Root} from 'mdast';
import type {MdxJsxFlowElement} from 'mdast-util-mdx-jsx';
import {EXIT, visit} from 'unist-util-visit';
import type {VFile} from 'vfile';
import {pythonCellsTransform} from '../cell/pythonCellsTransform.js';
import {doctestTransform} from '../doctest/doctestTransform.js';
import {insertComponentImport} from '../esm/insertComponentImport.js';
import {insertSideEffectImport} from '../esm/insertSideEffectImport.js';
import {includeTransform} from '../include/includeTransform.js';
import {collectPageManifest} from '../manifest/collectPageManifest.js';
import {mathTransform} from '../math/mathTransform.js';
import {typesetPageMath} from '../math/typesetPageMath.js';
import {mystLabelLinks} from '../myst/mystLabelLinks.js';
import {mystRolesTransform} from '../myst/mystRolesTransform.js';
import {TAB_ITEM_COMPONENT, TABS_COMPONENT} from '../myst/mystTabs.js';
import {mystTransform} from '../myst/mystTransform.js';
import type {ResolvedPythonCellsOptions} from '../options/resolveOptions.js';
import {createPageContext, type PageContext, type ParseMarkdown} from './PageContext.js';
import {settlePageBlocks} from './settlePageBlocks.js';

declare module 'mdast' {
  interface RootData {
    /** Files a run of the plugin included into this tree, for the manifest of a second run. */
    pyodocsIncludes?: string[];
  }
}

/**
 * One pass over a page: one context (front matter read once, one problem
 * list, one id namespace) handed to the MyST, math, doctest, fence and
 * include transforms in turn — the same ones for each file the page
 * includes; then the math typeset, the blocks settled in document order,
 * the manifest set on `file.data.pyodocs`, the imports added, and, with
 * `onError: 'throw'`, one error listing every problem of the page.
 */
export function pagePass(
  tree: Root,
  file: VFile,
  options: ResolvedPythonCellsOptions,
  parseMarkdown?: ParseMarkdown,
): void {
  const page = createPageContext(tree, file, options, parseMarkdown);
  transformSource(tree, page);
  const hasMath = typesetPageMath(tree);
  const blocks = settlePageBlocks(tree, page);
  for (const path of tree.data?.pyodocsIncludes ?? []) page.includes.add(path);
  if (page.includes.size > 0) tree.data = {...tree.data, pyodocsIncludes: [...page.includes]};
  file.data.pyodocs = collectPageManifest(tree, page, blocks);

  const has = (kind: 'cell' | 'doctest') => blocks.some(({cell}) => cell.kind === kind);
  if (hasMath && options.mathStylesheet !== false) insertSideEffectImport(tree, options.mathStylesheet);
  if (has('doctest') && options.doctestImportSource !== undefined) {
    insertComponentImport(tree, options.doctestComponentName, options.doctestImportSource);
  }
  if (has('cell') && options.importSource !== undefined) {
    insertComponentImport(tree, options.componentName, options.importSource);
  }
  if (options.tabComponents && hasElement(tree, TABS_COMPONENT)) {
    insertComponentImport(tree, TABS_COMPONENT, options.tabComponents.tabs);
    insertComponentImport(tree, TAB_ITEM_COMPONENT, options.tabComponents.tabItem);
  }
  page.problems.settle(options.onError);
}

/** The transforms of one source: the page, or (recursively, through `{include}`) a file it includes. */
function transformSource(tree: Root, page: PageContext): void {
  mystTransform(tree, page);
  mathTransform(tree, page);
  mystRolesTransform(tree, page);
  mystLabelLinks(tree, page);
  doctestTransform(tree, page);
  pythonCellsTransform(tree, page);
  includeTransform(tree, page, transformSource);
}

/** The tree holds a JSX element of that name (made by a transform, so after the includes too). */
function hasElement(tree: Root, name: string): boolean {
  let found = false;
  visit(tree, 'mdxJsxFlowElement', (node: MdxJsxFlowElement) => {
    if (node.name === name) found = true;
    return found ? EXIT : undefined;
  });
  return found;
}
