import {useCallback, useMemo, useSyncExternalStore} from 'react';
import {usePyodideContext} from '../provider/usePyodideContext.js';
import {
  idlePageActivity,
  type PageActivity,
  pageActivity,
  setPageActivity,
  setPageActivityIf,
  subscribePageActivity,
} from './pageActivity.js';
import {pageCells} from './pageCells.js';
import {currentPageKey} from './pageKey.js';
import {createPageNotebook, type NotebookFile, type PageNotebookSource} from './pageNotebook.js';
import {runInOrder} from './runInOrder.js';
import {usePageCellCount} from './usePageCellCount.js';

/** The page's cells as a notebook: what page-level actions (Run all, Restart, Download notebook) use. */
export interface PythonPage {
  /** Cells and doctest blocks mounted on the page (0 on the server and while hydrating). */
  cellCount: number;
  /** What the page's actions did last. */
  activity: PageActivity;
  /** Runs every cell of the page in document order (each session in its own namespace), stopping at the first cell that fails. */
  runAll(): void;
  /** Empties the page's sessions: stops their runs, forgets their variables, clears the cells' outputs (the reader's code stays). */
  restart(): Promise<void>;
  /**
   * The page as an nbformat 4 notebook with the reader's current code and
   * the outputs of this session. `source` gives the page's markdown and cell
   * order (C7's page data); without it, the notebook holds the mounted cells.
   */
  notebook(source?: PageNotebookSource): NotebookFile;
}

/** The page's cells, seen from anywhere under the `PyodideProvider` (the table of contents, a footer…). */
export function usePythonPage(): PythonPage {
  const context = usePyodideContext();
  const cellCount = usePageCellCount();
  const activity = useSyncExternalStore(subscribePageActivity, pageActivity, idlePageActivity);

  const runAll = useCallback(() => {
    const cells = pageCells();
    if (cells.length === 0) return;
    const token = setPageActivity({state: 'running-all', total: cells.length});
    void runInOrder(cells, () => 'run-all').then(({completed, failedAt}) =>
      setPageActivityIf(token, failedAt ? {state: 'run-all-stopped', completed} : {state: 'ran-all', completed}),
    );
  }, []);

  const restart = useCallback(async () => {
    if (!context) return;
    const cells = pageCells();
    // Later cells first: their queued runs are cancelled before an earlier
    // running one is interrupted (which may restart the worker).
    for (const cell of [...cells].reverse()) cell.stop();
    const sessions = Array.from(new Set(cells.map((cell) => cell.session)));
    context.getLedger().forgetSessions(sessions);
    for (const cell of cells) cell.clear();
    setPageActivity({state: 'restarted'});
    const client = context.getClient();
    await Promise.all(sessions.map((session) => client.resetSession(session)));
  }, [context]);

  const notebook = useCallback(
    (source?: PageNotebookSource): NotebookFile => {
      const cells = pageCells();
      const page = currentPageKey();
      const runs = context ? context.getLedger().recordsOf(page) : new Map();
      const byId = new Map(cells.map((cell) => [cell.id, cell]));
      return createPageNotebook(source ?? mountedCellsSource(cells), {
        codeOf: (id) => byId.get(id)?.getCode(),
        runOf: (id) => runs.get(id),
      });
    },
    [context],
  );

  return useMemo(
    () => ({cellCount, activity, runAll, restart, notebook}),
    [cellCount, activity, runAll, restart, notebook],
  );
}

/** Without the site's description of the page: its mounted cells, in order, as code cells. */
function mountedCellsSource(cells: ReturnType<typeof pageCells>): PageNotebookSource {
  return {
    cells: cells.map((cell) => ({id: cell.id, code: cell.getCode(), tags: cell.tags})),
    notebook: cells.map((cell) => ({type: 'code', id: cell.id})),
  };
}
