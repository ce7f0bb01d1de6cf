import {clientOf} from '../live/tabClient.js';
import type {PyodideContextValue} from '../provider/usePyodideContext.js';
import {setPageActivity, setPageActivityIf} from './pageActivity.js';
import {pageCells} from './pageCells.js';
import {runInOrder} from './runInOrder.js';

// Run all and Restart as they happen, with the run code (live/liveCode.ts):
// the page actions load it on the press, so what renders them stays small (issue 13).

/** Runs every cell of the page in document order; says how it went unless another action came after `token`. */
export function runAllCells(token: number): Promise<void> {
  return runInOrder(pageCells(), () => 'run-all').then(({completed, failedAt}) =>
    setPageActivityIf(token, failedAt ? {state: 'run-all-stopped', completed} : {state: 'ran-all', completed}),
  );
}

/** Empties the page's sessions: stops their runs, forgets their variables, clears the cells' outputs. */
export function restartPage(context: PyodideContextValue): Promise<void> {
  const cells = pageCells();
  // Later cells first: their queued runs are cancelled before an earlier
  // running one is interrupted (which may restart the worker).
  for (const cell of [...cells].reverse()) cell.stop();
  const sessions = Array.from(new Set(cells.map((cell) => cell.session)));
  context.peekLedger()?.forgetSessions(sessions);
  for (const cell of cells) cell.clear();
  setPageActivity({state: 'restarted'});
  const client = clientOf(context.settings);
  // Promise callbacks, not async/await: a site's Babel would add its regenerator runtime.
  return Promise.all(sessions.map((session) => client.resetSession(session))).then(() => {});
}
