import type {RunEvent, RunOutcome, RunRequest} from '@pyodocs/runtime';
import {appendOutput} from '../cell/cellReducer.js';
import type {CellAction} from '../cell/cellState.js';
import type {CellRunCode, CellRunnerOptions} from '../cell/useCellRunner.js';
import type {CellOutput} from '../output/CellOutput.js';
import {type BlockedBy, type PageCell, pageCells, type RunReason, type SubmittedRun} from '../notebook/pageCells.js';
import {runInOrder} from '../notebook/runInOrder.js';
import type {PyodideSettings} from '../provider/PyodideContext.js';
import {clientOf, ledgerOf} from './tabClient.js';

/** What a mounted cell (useCellRunner) gives its runs: its latest props, its state's dispatch and its bookkeeping. */
export interface CellRunHost {
  settings: PyodideSettings;
  /** The page the cell is on (pageKey.ts). */
  page: string;
  latest: {readonly current: CellRunnerOptions};
  dispatch(action: CellAction): void;
  /** token -> runtime run id, for the runs of the cell that have not finished. */
  runIds: Map<number, string>;
  nextToken: {current: number};
  /** A run of the cell waiting in input() for the field only this cell shows. */
  waitingForInput: {current: string | undefined};
  mounted: {readonly current: boolean};
}

/** Queues one run of `what` for the cell; its events and outcome go to the cell's state and the session's ledger. */
export function submitCellRun(host: CellRunHost, what: CellRunCode, reason: RunReason): SubmittedRun {
  const {page, latest, dispatch, runIds, nextToken, waitingForInput, mounted} = host;
  const {id, session, packages = [], timeout} = latest.current;
  const client = clientOf(host.settings);
  const sessionLedger = ledgerOf(host.settings);
  sessionLedger.watch(client);
  const timeoutSeconds = timeout !== undefined && Number.isFinite(timeout) && timeout >= 0 ? timeout : undefined;
  const token = ++nextToken.current;
  dispatch({type: 'submitted', token, needed: reason === 'needed'});
  const settle = sessionLedger.runPending(page, id);
  let runId: string | undefined;
  let blockedBy: BlockedBy | undefined;
  // What the run produced, kept here as well as in the cell's state: the
  // run may end after the reader left the page, and its record must still
  // hold its outputs for when they come back.
  let outputs: readonly CellOutput[] = [];
  let started: {at: number; count: number; generation: string} | undefined;
  const finish = (outcome: RunOutcome) => {
    settle();
    // Not there any more: Reset (or the page's Restart) dropped the run, and what it did with it.
    const kept = runIds.delete(token);
    if (waitingForInput.current === runId) waitingForInput.current = undefined;
    if (kept && started && (outcome.status === 'ok' || outcome.status === 'error')) {
      const shown = outputs.some((output) => output.kind === 'error');
      sessionLedger.record(page, id, started.generation, {
        session,
        executionCount: started.count,
        durationMs: Math.max(0, now() - started.at),
        status: outcome.status === 'ok' ? 'done' : 'error',
        outputs: outcome.status === 'error' && !shown ? [...outputs, {kind: 'error', error: outcome.error}] : outputs,
      });
    }
    dispatch({type: 'finished', token, outcome, labels: latest.current.labels, blockedBy});
  };
  const onEvent = (event: RunEvent) => {
    if (event.type === 'started') {
      started = {
        at: now(),
        count: sessionLedger.nextExecutionCount(session),
        generation: sessionLedger.generation(session),
      };
    } else if (
      event.type === 'stream' ||
      event.type === 'display' ||
      event.type === 'result' ||
      event.type === 'error'
    ) {
      outputs = appendOutput(outputs, event);
    } else if (event.type === 'input') {
      // A run queued before the page was left asks after it: nobody can answer.
      if (!mounted.current) {
        if (runId !== undefined) client.stop(runId);
        return;
      }
      waitingForInput.current = runId;
    }
    dispatch({type: 'event', token, event});
  };
  const request: RunRequest = {
    code: what.code,
    session,
    cellId: id,
    ...(what.kind === 'doctest' ? {kind: what.kind} : {}),
    ...(packages.length > 0 ? {packages: [...packages]} : {}),
    ...(timeoutSeconds === undefined ? {} : {timeoutSeconds}),
  };
  let done: Promise<RunOutcome>;
  try {
    const handle = client.run(request, onEvent);
    runId = handle.id;
    runIds.set(token, handle.id);
    // The client's own promise, not one chained to it: whoever orders runs
    // after this one (runInOrder) must react before the client starts the next.
    done = handle.done;
    handle.done.then(finish, (error: unknown) => finish({status: 'failed', message: describe(error)}));
  } catch (error) {
    const outcome: RunOutcome = {status: 'failed', message: describe(error)};
    finish(outcome);
    done = Promise.resolve(outcome);
  }
  return {
    done,
    cancelBecause(reason) {
      if (runId === undefined || !runIds.has(token)) return;
      blockedBy = reason;
      client.stop(runId);
    },
  };
}

/** The cell's Run: first, when run-previous is on, the earlier cells of its session on the page that have not run. */
export function runCell(host: CellRunHost, cell: PageCell): void {
  const {session, runPrevious} = host.latest.current;
  if (!runPrevious) {
    submitCellRun(host, host.latest.current.getRunCode(), 'run');
    return;
  }
  // Like a notebook run top to bottom: what the earlier cells of this
  // session define is there when this one runs. Cells already queued run
  // first anyway (runs keep their order).
  const cells = pageCells();
  const index = cells.indexOf(cell);
  const earlier = index < 0 ? [] : cells.slice(0, index);
  const needed = earlier.filter((other) => other.session === session && !other.hasRun() && !other.isPending());
  if (needed.length === 0) {
    submitCellRun(host, host.latest.current.getRunCode(), 'run');
    return;
  }
  void runInOrder([...needed, cell], (other) => (other === cell ? 'run' : 'needed'));
}

function now(): number {
  return typeof performance === 'undefined' ? Date.now() : performance.now();
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
