import {useCallback, useMemo, useSyncExternalStore} from 'react';
import {loadLiveCode} from '../live/loadLiveCode.js';
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
import {usePageCellCount} from './usePageCellCount.js';

/** The page's cells and what its actions did: Run all and Restart (usePythonPage adds the notebook). */
export interface PageRuns {
  /** Cells and doctest blocks mounted on the page (0 on the server and while hydrating). */
  cellCount: number;
  /** What the page's actions did last. */
  activity: PageActivity;
  /** Runs every cell of the page in document order (each session in its own namespace), stopping at the first cell that fails. */
  runAll(): void;
  /** Empties the page's sessions: stops their runs, forgets their variables, clears the cells' outputs (the reader's code stays). */
  restart(): Promise<void>;
}

/** Run all and Restart for the page's cells; no notebook code (the page actions load it on Download). */
export function usePageRuns(): PageRuns {
  const context = usePyodideContext();
  const cellCount = usePageCellCount();
  const activity = useSyncExternalStore(subscribePageActivity, pageActivity, idlePageActivity);

  const runAll = useCallback(() => {
    const cells = pageCells();
    if (cells.length === 0) return;
    const token = setPageActivity({state: 'running-all', total: cells.length});
    // The run code (a chunk of its own) may not have arrived: the cells run once it has.
    void loadLiveCode().then(({runInOrder}) =>
      runInOrder(pageCells(), () => 'run-all').then(({completed, failedAt}) =>
        setPageActivityIf(token, failedAt ? {state: 'run-all-stopped', completed} : {state: 'ran-all', completed}),
      ),
    );
  }, []);

  // Promise callbacks, not async/await: a site's Babel would add its regenerator runtime.
  const restart = useCallback((): Promise<void> => {
    if (!context) return Promise.resolve();
    const cells = pageCells();
    // Later cells first: their queued runs are cancelled before an earlier
    // running one is interrupted (which may restart the worker).
    for (const cell of [...cells].reverse()) cell.stop();
    const sessions = Array.from(new Set(cells.map((cell) => cell.session)));
    context.peekLedger()?.forgetSessions(sessions);
    for (const cell of cells) cell.clear();
    setPageActivity({state: 'restarted'});
    return loadLiveCode().then(({clientOf}) => {
      const client = clientOf(context.settings);
      return Promise.all(sessions.map((session) => client.resetSession(session))).then(() => {});
    });
  }, [context]);

  return useMemo(() => ({cellCount, activity, runAll, restart}), [cellCount, activity, runAll, restart]);
}
