import {useCallback, useEffect, useMemo, useReducer, useRef, useState, useSyncExternalStore} from 'react';
import type {RunRequest} from '@pyodocs/runtime';
import type {PythonCellLabels} from '../labels/PythonCellLabels.js';
import type {CellRunHost} from '../live/cellRuns.js';
import {loadRunLabels, type RunLabelsLoader, runLabelsLoaded} from '../labels/loadRunLabels.js';
import {loadedLiveCode, loadLiveCode} from '../live/loadLiveCode.js';
import {type PageCell, registerPageCell} from '../notebook/pageCells.js';
import {currentPageKey} from '../notebook/pageKey.js';
import type {CellRunRecord} from '../notebook/SessionLedger.js';
import {subscribeTabPython} from '../provider/tabPython.js';
import {usePyodideContext} from '../provider/usePyodideContext.js';
import {type CellAction, type CellState, initialCellState, unavailableCell} from './cellState.js';

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
  /** Translations of the labels only a run shows: a run waits for them (and for the run code). */
  runLabels?: RunLabelsLoader | undefined;
  /** The code the cell holds now (the reader's edits, or the documented code). */
  getCode(): string;
  /** What a run sends now: that code, or for an unedited doctest the block as documented. */
  getRunCode(): CellRunCode;
}

const noRecord = () => undefined;
const noLedger = () => undefined;
const noSubscription = () => () => {};

// Runs change the state through the run code's reducer: they only happen
// once it has arrived. Reset, and a Run that cannot happen, need none.
function reduceCell(state: CellState, action: CellAction): CellState {
  if (action.type === 'reset') return initialCellState;
  if (action.type === 'unavailable') return unavailableCell(action.message);
  return loadedLiveCode()?.cellReducer(state, action) ?? state;
}

/**
 * Runs, their events and outcomes for one cell, and its place among the
 * page's cells (run-above, Run all, Restart, the notebook download). What
 * finished runs produced is kept in the tab's session ledger, so returning
 * to the page shows it while that Python lives. Nothing happens until a run:
 * no client, no subscription, and the code that runs (the client, the run
 * logic) is loaded on intent or on Run (live/loadLiveCode.ts).
 */
export function useCellRunner(options: CellRunnerOptions): CellRunner {
  const context = usePyodideContext();
  const [state, dispatch] = useReducer(reduceCell, initialCellState);
  // The page this cell is on; never rendered, so reading the URL while hydrating is fine.
  const [page] = useState(currentPageKey);
  // The ledger appears with the first run in the tab (any cell's, any page's).
  const ledger = useSyncExternalStore(subscribeTabPython, context ? context.peekLedger : noLedger, noLedger);
  const subscribe = useCallback(
    (onChange: () => void) => (ledger ? ledger.subscribe(onChange) : noSubscription()),
    [ledger],
  );
  // The server and hydration render no record (the server has none): the
  // record appears right after, and at once on client-side navigation.
  const record = useSyncExternalStore(subscribe, ledger ? () => ledger.get(page, options.id) : noRecord, noRecord);
  const latest = useRef(options);
  latest.current = options;
  const mounted = useRef(true);
  const root = useRef<HTMLElement | null>(null);
  // What the run code needs of this cell (stable while the provider's settings are).
  const host = useMemo<CellRunHost | undefined>(
    () =>
      context
        ? {
            settings: context.settings,
            page,
            latest,
            dispatch,
            runIds: new Map(),
            nextToken: {current: 0},
            waitingForInput: {current: undefined},
            mounted,
          }
        : undefined,
    [context, page],
  );

  // The Python outlives the page (client-side navigation keeps the worker):
  // a run left waiting for an answer nobody can give would hold up every
  // later run. Leaving the page stops it (KeyboardInterrupt, no restart).
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      if (!host) return;
      const runId = host.waitingForInput.current;
      host.waitingForInput.current = undefined;
      if (runId !== undefined) context?.peekClient()?.stop(runId);
    };
  }, [context, host]);

  // `session`: Stop also cancels the runs other cells queued in this session
  // (they would run on after an interrupted one); Reset touches only this cell.
  const stopRuns = useCallback(
    (session: boolean) => {
      // Runs exist only once the client does.
      const client = context?.peekClient();
      if (!host || !client) return;
      // Newest first: cancelling the queued runs before interrupting the running
      // one keeps the restarted worker from picking them up.
      // Array.from, not [...iterator]: Babel's loose mode (Docusaurus) spreads
      // only arrays correctly.
      for (const runId of Array.from(host.runIds.values()).reverse())
        client.stop(runId, session ? {session: true} : {});
    },
    [context, host],
  );
  const stop = useCallback(() => stopRuns(true), [stopRuns]);

  const clear = useCallback(() => {
    host?.runIds.clear();
    dispatch({type: 'reset'});
  }, [host]);

  const reset = useCallback(() => {
    stopRuns(false);
    clear();
    context?.peekLedger()?.forget(page, latest.current.id);
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
      hasRun: () => context?.peekLedger()?.get(page, latest.current.id)?.session === latest.current.session,
      isPending: () => context?.peekLedger()?.isPending(page, latest.current.id) ?? false,
      // Whoever submits runs of the page's cells (run-above, Run all) has loaded the run code.
      submit: (reason) =>
        host ? loadedLiveCode()?.submitCellRun(host, latest.current.getRunCode(), reason) : undefined,
      stop: () => stopRuns(false),
      clear,
    }),
    [context, host, page, stopRuns, clear],
  );
  useEffect(() => registerPageCell(pageCell), [pageCell]);

  const run = useCallback(() => {
    if (!host) {
      dispatch({type: 'unavailable', message: latest.current.labels.noProvider});
      return;
    }
    // At once when the run code is there (runs keep the order they were pressed in).
    const live = loadedLiveCode();
    const labels = latest.current.runLabels;
    if (live && runLabelsLoaded(labels)) {
      live.runCell(host, pageCell);
      return;
    }
    Promise.all([loadLiveCode(), loadRunLabels(labels)]).then(
      ([loaded]) => loaded.runCell(host, pageCell),
      (error: unknown) =>
        dispatch({
          type: 'unavailable',
          message: `${latest.current.labels.failed}: ${error instanceof Error ? error.message : String(error)}`,
        }),
    );
  }, [host, pageCell]);

  const answer = useCallback(
    (text: string) => {
      if (host) host.waitingForInput.current = undefined;
      state.input?.reply(text);
      dispatch({type: 'answered'});
    },
    [host, state.input],
  );

  const rootRef = useCallback((element: HTMLElement | null) => {
    root.current = element;
  }, []);

  return {state, record, run, stop, reset, answer, rootRef};
}
