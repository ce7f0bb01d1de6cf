import {expressionAttribute, type AttributeValue} from '@pyodocs/remark';
import type {Root} from 'mdast';
import type {MdxJsxFlowElement} from 'mdast-util-mdx-jsx';
import {visit} from 'unist-util-visit';
import type {VFile} from 'vfile';
import type {BuildExecution} from './BuildExecution.js';

declare module 'vfile' {
  interface DataMap {
    /** Files (figures) the page's build outputs use, by name in the outputs folder. */
    pyodocsOutputFiles: string[];
  }
}

/**
 * unified plugin, after `remarkPythonCells`: runs the page's cells at build
 * (see BuildExecution) and gives each cell and doctest element its outputs
 * (`outputs={…}`, contract C9), so they are in the static HTML before anyone
 * clicks. A cell that fails unexpectedly fails the page (every failure
 * listed with file:line:col, the traceback and how to mark it expected),
 * unless the site asked for warnings.
 */
export function remarkBuildOutputs(options: {execution: BuildExecution; elementNames: readonly string[]}) {
  return async (tree: Root, file: VFile): Promise<void> => {
    const page = file.data.pyodocs;
    const cells = page === undefined || page.cells.length === 0 ? undefined : options.execution.cellsToRun(page);
    if (file.path) options.execution.notePage(file.path, cells);
    if (page === undefined || cells === undefined) return;
    const result = await options.execution.runPage(page, cells, String(file.value), file.path);
    file.data.pyodocsOutputFiles = result.fileNames;

    visit(tree, 'mdxJsxFlowElement', (element: MdxJsxFlowElement) => {
      if (!element.name || !options.elementNames.includes(element.name)) return;
      const id = element.attributes.find(
        (attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === 'id',
      );
      const outputs = typeof id?.value === 'string' ? result.outputs.get(id.value) : undefined;
      if (outputs !== undefined)
        element.attributes.push(expressionAttribute('outputs', outputs as unknown as AttributeValue));
    });

    if (result.failures.length === 0) return;
    const where = (line: number | undefined, column: number | undefined) =>
      [file.path ? file.path.slice(file.cwd.length + 1) : undefined, line, column]
        .filter((part) => part !== undefined)
        .join(':');
    const text = result.failures
      .map(({failure}) =>
        [
          `${where(failure.line, failure.column)}: this cell raised ${failure.summary} when the docs were built.`,
          failure.traceback.trimEnd().replace(/^/gm, '    '),
          failure.hint ?? '',
        ]
          .filter((line) => line !== '')
          .join('\n'),
      )
      .join('\n');
    const first = result.failures[0]?.failure;
    const place = first?.line === undefined ? undefined : {line: first.line, column: first.column ?? 1};
    if (options.execution.onError === 'fail') {
      file.fail(
        `${result.failures.length} cell${result.failures.length === 1 ? '' : 's'} failed at build:\n${text}\n(Set the plugin option execute.onError: 'warn' to build anyway.)`,
        {place, ruleId: 'pyodocs:cell-failed-at-build', source: 'pyodocs'},
      );
    }
    console.warn(`[pyodocs] Warning: ${text}`);
  };
}
