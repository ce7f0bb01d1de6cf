import {useCallback, useEffect, useMemo, useReducer, useRef, useState, useSyncExternalStore} from 'react';
import type {RunEvent, RunOutcome, RunRequest} from '@pyodocs/runtime';
import type {PythonCellLabels} from '../labels/PythonCellLabels.js';
import type {CellOutput} from '../output/CellOutput.js';
import {usePyodideContext} from '../provider/usePyodideContext.js';
import {
  type BlockedBy,
  type PageCell,
  type RunReason,
  registerPageCell,
  type SubmittedRun,
} from '../notebook/pageCells.js';
import {currentPageKey} from '../notebook/pageKey.js';
import {pageCells} from '../notebook/pageCells.js';
import {runInOrder} from '../notebook/runInOrder.js';
import type {CellRunRecord} from '../notebook/SessionLedger.js';
import {appendOutput, cellReducer, initialCellState, type CellState} from './cellState.js';

/** What one run sends: the code, and whether the runtime checks it as a doctest (C5). */
export type CellRunCode = Pick<RunRequest, 'code' | 'kind'>;

export interface CellRunner {
  state: CellState;
  /** The cell's last finished run in the tab's current Python (undefined while hydrating). */
  record: CellRunRecord | undefined;
  /** Runs the cell's current code; first, when run-previous is on, the earlier cells of its session on the page that have not run. */
  run(): void;
  /** Cancels this cell's queued runs (and those of its session) and interrupts its running one. */
  stop(): void;
  /** Drops this cell's runs and outputs; it counts as not run. */
  reset(): void;
  /** Answers the pending `input()` of the running code. */
  answer(text: string): void;
  /** Attach to the cell's root element: the page orders its cells by it. */
  rootRef(element: HTMLElement | null): void;
}

export interface CellRunnerOptions {
  id: string;
  session: string;
  labels: Readonly<PythonCellLabels>;
  /** MyST tags (`raises-exception` lets a run of the page go on after this cell raises). */
  tags: readonly string[];
  /** Packages to load before each run. */
  packages?: readonly string[] | undefined;
  /** Time limit in seconds; unset: the site's. */
  timeout?: number | undefined;
  /** Run the earlier cells of the session that have not run first (C8 `runPrevious`). */
  runPrevious: boolean;
  /** The code the cell holds now (the reader's edits, or the documented code). */
  getCode(): string;
  /** What a run sends now: that code, or for an unedited doctest the block as documented. */
  getRunCode(): CellRunCode;
}

const noRecord = () => undefined;
const noSubscription = () => () => {};

/**
 * Runs, their events and outcomes for one cell, and its place among the
 * page's cells (run-above, Run all, Restart, the notebook download). What
 * finished runs produced is kept in the tab's session ledger, so returning
 * to the page shows it while that Python lives. Nothing happens until a run:
 * no client, no subscription.
 */
export function useCellRunner(options: CellRunnerOptions): CellRunner {
  const context = usePyodideContext();
  const [state, dispatch] = useReducer(cellReducer, initialCellState);
  // The page this cell is on; never rendered, so reading the URL while hydrating is fine.
  const [page] = useState(currentPageKey);
  const ledger = context?.getLedger();
  const subscribe = useCallback(
    (onChange: () => void) => (ledger ? ledger.subscribe(onChange) : noSubscription()),
    [ledger],
  );
  // The server and hydration render no record (the server has none): the
  // record appears right after, and at once on client-side navigation.
  const record = useSyncExternalStore(subscribe, ledger ? () => ledger.get(page, options.id) : noRecord, noRecord);
  // token -> runtime run id, for the runs of this cell that have not finished.
  const runIds = useRef(new Map<number, string>());
  const nextToken = useRef(0);
  const latest = useRef(options);
  latest.current = options;
  // A run of this cell waiting in input() for the field only this cell shows.
  const waitingForInput = useRef<string | undefined>(undefined);
  const mounted = useRef(true);
  const root = useRef<HTMLElement | null>(null);

  // The Python outlives the page (client-side navigation keeps the worker):
  // a run left waiting for an answer nobody can give would hold up every
  // later run. Leaving the page stops it (KeyboardInterrupt, no restart).
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      const runId = waitingForInput.current;
      waitingForInput.current = undefined;
      if (runId !== undefined && context) context.getClient().stop(runId);
    };
  }, [context]);

  const submit = useCallback(
    (what: CellRunCode, reason: RunReason): SubmittedRun | undefined => {
      const {id, session, labels, packages = [], timeout} = latest.current;
      if (!context) {
        dispatch({type: 'unavailable', message: labels.noProvider});
        return undefined;
      }
      const client = context.getClient();
      const sessionLedger = context.getLedger();
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
        const kept = runIds.current.delete(token);
        if (waitingForInput.current === runId) waitingForInput.current = undefined;
        if (kept && started && (outcome.status === 'ok' || outcome.status === 'error')) {
          const shown = outputs.some((output) => output.kind === 'error');
          sessionLedger.record(page, id, started.generation, {
            session,
            executionCount: started.count,
            durationMs: Math.max(0, now() - started.at),
            status: outcome.status === 'ok' ? 'done' : 'error',
            outputs:
              outcome.status === 'error' && !shown ? [...outputs, {kind: 'error', error: outcome.error}] : outputs,
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
        runIds.current.set(token, handle.id);
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
          if (runId === undefined || !runIds.current.has(token)) return;
          blockedBy = reason;
          client.stop(runId);
        },
      };
    },
    [context, page],
  );

  // `session`: Stop also cancels the runs other cells queued in this session
  // (they would run on after an interrupted one); Reset touches only this cell.
  const stopRuns = useCallback(
    (session: boolean) => {
      if (!context) return;
      const client = context.getClient();
      // Newest first: cancelling the queued runs before interrupting the running
      // one keeps the restarted worker from picking them up.
      // Array.from, not [...iterator]: Babel's loose mode (Docusaurus) spreads
      // only arrays correctly.
      for (const runId of Array.from(runIds.current.values()).reverse())
        client.stop(runId, session ? {session: true} : {});
    },
    [context],
  );
  const stop = useCallback(() => stopRuns(true), [stopRuns]);

  const clear = useCallback(() => {
    runIds.current.clear();
    dispatch({type: 'reset'});
  }, []);

  const reset = useCallback(() => {
    stopRuns(false);
    clear();
    context?.getLedger().forget(page, latest.current.id);
  }, [stopRuns, clear, context, page]);

  // This cell as the page sees it, for the page's actions and for the runs
  // other cells need from it. Stable: it reads the latest props when called.
  const pageCell = useMemo<PageCell>(
    () => ({
      get id() {
        return latest.current.id;
      },
      get session() {
        return latest.current.session;
      },
      get tags() {
        return latest.current.tags;
      },
      element: () => root.current,
      getCode: () => latest.current.getCode(),
      hasRun: () => context?.getLedger().get(page, latest.current.id)?.session === latest.current.session,
      isPending: () => context?.getLedger().isPending(page, latest.current.id) ?? false,
      submit: (reason) => submit(latest.current.getRunCode(), reason),
      stop: () => stopRuns(false),
      clear,
    }),
    [context, page, submit, stopRuns, clear],
  );
  useEffect(() => registerPageCell(pageCell), [pageCell]);

  const run = useCallback(() => {
    const {session, runPrevious} = latest.current;
    if (!runPrevious) {
      submit(latest.current.getRunCode(), 'run');
      return;
    }
    // Like a notebook run top to bottom: what the earlier cells of this
    // session define is there when this one runs. Cells already queued run
    // first anyway (runs keep their order).
    const cells = pageCells();
    const index = cells.indexOf(pageCell);
    const earlier = index < 0 ? [] : cells.slice(0, index);
    const needed = earlier.filter((cell) => cell.session === session && !cell.hasRun() && !cell.isPending());
    if (needed.length === 0) {
      submit(latest.current.getRunCode(), 'run');
      return;
    }
    void runInOrder([...needed, pageCell], (cell) => (cell === pageCell ? 'run' : 'needed'));
  }, [submit, pageCell]);

  const answer = useCallback(
    (text: string) => {
      waitingForInput.current = undefined;
      state.input?.reply(text);
      dispatch({type: 'answered'});
    },
    [state.input],
  );

  const rootRef = useCallback((element: HTMLElement | null) => {
    root.current = element;
  }, []);

  return {state, record, run, stop, reset, answer, rootRef};
}

function now(): number {
  return typeof performance === 'undefined' ? Date.now() : performance.now();
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
