import type {Root} from 'mdast';
import type {VFile} from 'vfile';

/**
 * unified plugin, after `remarkPythonCells`, only in a production build whose
 * scan of the sources (siteMayHaveCells.ts) found no cell: that build has no
 * cell components, so a cell the scan missed fails here, at its
 * file:line:col, instead of as a webpack "Module not found" far from it.
 */
export function remarkCellsNotScanned() {
  return (_tree: Root, file: VFile): void => {
    const first = file.data.pyodocs?.cells[0];
    if (first === undefined) return;
    file.fail(
      'this page has a Python cell or doctest block, but the scan of the site before the build found none, ' +
        'so the build has no cell components. This is a bug in pyodocs: please report it with this page. ' +
        'Until it is fixed, a comment that names @theme/PythonCell in any page (`{/* @theme/PythonCell */}` in MDX) ' +
        'makes the scan keep the cell components.',
      {place: first.position, ruleId: 'pyodocs:cells-not-scanned', source: 'pyodocs'},
    );
  };
}
