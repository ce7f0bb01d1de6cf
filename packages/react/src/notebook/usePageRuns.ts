import {useCallback, useMemo, useSyncExternalStore} from 'react';
import {loadLiveCode} from '../live/loadLiveCode.js';
import {usePyodideContext} from '../provider/usePyodideContext.js';
import {
  idlePageActivity,
  type PageActivity,
  pageActivity,
  setPageActivity,
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
  /**
   * Runs every cell of the page in document order (each session in its own
   * namespace), stopping at the first cell that fails; settles when the run
   * ends, rejected if the run code could not be loaded.
   */
  runAll(): Promise<void>;
  /** Empties the page's sessions: stops their runs, forgets their variables, clears the cells' outputs (the reader's code stays); rejected if the run code could not be loaded. */
  restart(): Promise<void>;
}

/** Run all and Restart for the page's cells; they happen with the run code (pageRunActions.ts), the notebook code comes on Download. */
export function usePageRuns(): PageRuns {
  const context = usePyodideContext();
  const cellCount = usePageCellCount();
  const activity = useSyncExternalStore(subscribePageActivity, pageActivity, idlePageActivity);

  const runAll = useCallback(() => {
    const total = pageCells().length;
    if (total === 0) return Promise.resolve();
    // Said at once (and Run all disabled), even if the run code has not arrived yet.
    const token = setPageActivity({state: 'running-all', total});
    return loadLiveCode().then((live) => live.runAllCells(token));
  }, []);

  // With the run code, loaded on the press: nothing can have run before it arrived.
  const restart = useCallback(
    (): Promise<void> => (context ? loadLiveCode().then((live) => live.restartPage(context)) : Promise.resolve()),
    [context],
  );

  return useMemo(() => ({cellCount, activity, runAll, restart}), [cellCount, activity, runAll, restart]);
}
