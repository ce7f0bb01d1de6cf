import {expressionAttribute, insertComponentImport} from '@pyodocs/remark';
import type {Root, RootContent} from 'mdast';
import type {MdxJsxFlowElement} from 'mdast-util-mdx-jsx';
import type {VFile} from 'vfile';
import type {PageNotebookCell} from '../client/pageNotebook.js';

export interface RemarkOpenInJupyterLiteOptions {
  /** Module the button component is imported from. */
  importSource: string;
  /** Local name of the button component. */
  componentName: string;
}

/** Front matter key a page sets to `false` to hide the button. */
export const FRONT_MATTER_KEY = 'open_in_jupyterlite';

/**
 * unified plugin, to run after @pyodocs/remark's remarkPythonCells: on a
 * page with live cells or doctest blocks, inserts the "Open in JupyterLite"
 * button (after the page's leading `# title`, else at the top) carrying the
 * page as notebook cells — read from the page manifest
 * (`file.data.pyodocs.notebook`), the one contract with @pyodocs/remark.
 */
export function remarkOpenInJupyterLite(options: RemarkOpenInJupyterLiteOptions) {
  return (tree: Root, file: VFile): void => {
    const frontMatter = file.data['frontMatter'] as Record<string, unknown> | undefined;
    if (frontMatter?.[FRONT_MATTER_KEY] === false) return;
    const manifest = file.data.pyodocs;
    if (manifest === undefined || manifest.cells.length === 0) return;
    const codeById = new Map(manifest.cells.map((cell) => [cell.id, cell.code]));
    const cells: PageNotebookCell[] = manifest.notebook.map((cell) =>
      cell.type === 'markdown' ? cell : {type: 'code', id: cell.id, code: codeById.get(cell.id) ?? ''},
    );

    const button: MdxJsxFlowElement = {
      type: 'mdxJsxFlowElement',
      name: options.componentName,
      attributes: [expressionAttribute('cells', cells)],
      children: [],
    };
    let index = tree.children.findIndex((node) => !isPreamble(node));
    if (index === -1) index = tree.children.length;
    const first = tree.children[index];
    if (first?.type === 'heading' && first.depth === 1) index += 1;
    tree.children.splice(index, 0, button);
    insertComponentImport(tree, options.componentName, options.importSource);
  };
}

function isPreamble(node: RootContent): boolean {
  return node.type === 'yaml' || (node.type as string) === 'toml' || node.type === 'mdxjsEsm';
}
