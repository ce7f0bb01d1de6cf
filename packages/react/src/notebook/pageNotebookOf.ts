import type {SessionLedger} from './SessionLedger.js';
import {pageCells} from './pageCells.js';
import {currentPageKey} from './pageKey.js';
import {createPageNotebook, type NotebookFile, type PageNotebookSource} from './pageNotebook.js';

/**
 * The page as an nbformat 4 notebook with the reader's current code and the
 * outputs `ledger` holds for the page. `source` gives the page's markdown and
 * cell order (C7's page data); without it, the notebook holds the mounted cells.
 */
export function pageNotebookOf(ledger: SessionLedger | undefined, source?: PageNotebookSource): NotebookFile {
  const cells = pageCells();
  const runs = ledger?.recordsOf(currentPageKey()) ?? new Map();
  const byId = new Map(cells.map((cell) => [cell.id, cell]));
  return createPageNotebook(source ?? mountedCellsSource(cells), {
    codeOf: (id) => byId.get(id)?.getCode(),
    runOf: (id) => runs.get(id),
  });
}

/** Without the site's description of the page: its mounted cells, in order, as code cells. */
function mountedCellsSource(cells: ReturnType<typeof pageCells>): PageNotebookSource {
  return {
    cells: cells.map((cell) => ({id: cell.id, code: cell.getCode(), tags: cell.tags})),
    notebook: cells.map((cell) => ({type: 'code', id: cell.id})),
  };
}
