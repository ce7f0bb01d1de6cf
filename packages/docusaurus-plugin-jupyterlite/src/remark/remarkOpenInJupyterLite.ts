import type {Root, RootContent} from 'mdast';
import type {MdxJsxFlowElement} from 'mdast-util-mdx-jsx';
import type {MdxjsEsm} from 'mdast-util-mdxjs-esm';
import type {VFile} from 'vfile';
import {pageNotebookCells} from './pageNotebookCells.js';

export interface RemarkOpenInJupyterLiteOptions {
  /** Module the button component is imported from. */
  importSource: string;
  /** Local name of the button component. */
  componentName: string;
  /** Element name of live cells (set by @pyodocs/remark). */
  cellName: string;
}

/** Front matter key a page sets to `false` to hide the button. */
export const FRONT_MATTER_KEY = 'open_in_jupyterlite';

/**
 * unified plugin, to run after @pyodocs/remark's remarkPythonCells: on a
 * page with live cells, inserts the "Open in JupyterLite" button (after the
 * page's leading `# title`, else at the top) carrying the page as notebook
 * cells, and its import.
 */
export function remarkOpenInJupyterLite(options: RemarkOpenInJupyterLiteOptions) {
  return (tree: Root, file: VFile): void => {
    const frontMatter = file.data['frontMatter'] as Record<string, unknown> | undefined;
    if (frontMatter?.[FRONT_MATTER_KEY] === false) return;
    const cells = pageNotebookCells(tree, String(file.value), options.cellName);
    if (!cells.some((cell) => cell.type === 'code')) return;

    const button: MdxJsxFlowElement = {
      type: 'mdxJsxFlowElement',
      name: options.componentName,
      attributes: [{type: 'mdxJsxAttribute', name: 'cells', value: JSON.stringify(cells)}],
      children: [],
    };
    let index = tree.children.findIndex((node) => !isPreamble(node));
    if (index === -1) index = tree.children.length;
    const first = tree.children[index];
    if (first?.type === 'heading' && first.depth === 1) index += 1;
    tree.children.splice(index, 0, button);
    tree.children.splice(firstContentIndex(tree), 0, importNode(options.componentName, options.importSource));
  };
}

function isPreamble(node: RootContent): boolean {
  return node.type === 'yaml' || (node.type as string) === 'toml' || node.type === 'mdxjsEsm';
}

function isFrontMatter(node: RootContent | undefined): boolean {
  return node?.type === 'yaml' || (node?.type as string | undefined) === 'toml';
}

function firstContentIndex(tree: Root): number {
  let index = 0;
  while (isFrontMatter(tree.children[index])) index += 1;
  return index;
}

/** `import Name from 'source'` with the estree @mdx-js/mdx compiles from (it never re-parses `value`). */
function importNode(name: string, source: string): MdxjsEsm {
  const raw = JSON.stringify(source);
  return {
    type: 'mdxjsEsm',
    value: `import ${name} from ${raw}`,
    data: {
      estree: {
        type: 'Program',
        sourceType: 'module',
        comments: [],
        body: [
          {
            type: 'ImportDeclaration',
            specifiers: [{type: 'ImportDefaultSpecifier', local: {type: 'Identifier', name}}],
            source: {type: 'Literal', value: source, raw},
            attributes: [],
          },
        ],
      },
    },
  };
}
