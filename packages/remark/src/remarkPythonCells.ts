import type {Root} from 'mdast';
import type {VFile} from 'vfile';
import {
  resolvePythonCellsOptions,
  type RemarkPythonCellsOptions,
} from './options/resolveOptions.js';
import {pythonCellsTransform} from './pythonCellsTransform.js';

/**
 * unified plugin: python code fences become live cell elements (see
 * `pythonCellsTransform`). Options are checked here, when the processor is
 * configured, so a typo in a site config fails before any page is built.
 */
export function remarkPythonCells(
  options?: RemarkPythonCellsOptions | null,
): (tree: Root, file: VFile) => void {
  resolvePythonCellsOptions(options);
  return (tree, file) => {
    pythonCellsTransform(tree, file, options);
  };
}
