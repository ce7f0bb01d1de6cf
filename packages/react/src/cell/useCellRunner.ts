import {useCallback, useContext, useEffect, useReducer, useRef} from 'react';
import type {RunEvent, RunOutcome} from '@pyodocs/runtime';
import type {PythonCellLabels} from '../labels/PythonCellLabels.js';
import {PyodideContext} from '../provider/PyodideContext.js';
import type {RunRequest} from '@pyodocs/runtime';
import {cellReducer, initialCellState, type CellState} from './cellState.js';

/** What one run sends: the code, and whether the runtime checks it as a doctest (C5). */
export type CellRunCode = Pick<RunRequest, 'code' | 'kind'>;

export interface CellRunner {
  state: CellState;
  /** Queues a run; runs pile up in order like Jupyter's. */
  run(what: CellRunCode): void;
  /** Cancels this cell's queued runs (and those of its session) and interrupts its running one. */
  stop(): void;
  /** Drops this cell's runs and outputs. */
  reset(): void;
  /** Answers the pending `input()` of the running code. */
  answer(text: string): void;
}

/** Runs, their events and outcomes for one cell. Nothing happens until Run: no client, no subscription. */
export function useCellRunner(options: {
  id: string;
  session: string;
  labels: Readonly<PythonCellLabels>;
  /** Packages to load before each run. */
  packages?: readonly string[] | undefined;
  /** Time limit in seconds; unset: the site's. */
  timeout?: number | undefined;
}): CellRunner {
  const context = useContext(PyodideContext);
  const [state, dispatch] = useReducer(cellReducer, initialCellState);
  // token -> runtime run id, for the runs of this cell that have not finished.
  const runIds = useRef(new Map<number, string>());
  const nextToken = useRef(0);
  const latest = useRef(options);
  latest.current = options;
  // A run of this cell waiting in input() for the field only this cell shows.
  const waitingForInput = useRef<string | undefined>(undefined);
  const mounted = useRef(true);

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

  const run = useCallback(
    ({code, kind}: CellRunCode) => {
      const {id, session, labels, packages = [], timeout} = latest.current;
      if (!context) {
        dispatch({type: 'unavailable', message: labels.noProvider});
        return;
      }
      const timeoutSeconds = timeout !== undefined && Number.isFinite(timeout) && timeout >= 0 ? timeout : undefined;
      const token = ++nextToken.current;
      dispatch({type: 'submitted', token});
      let runId: string | undefined;
      const finish = (outcome: RunOutcome) => {
        runIds.current.delete(token);
        if (waitingForInput.current === runId) waitingForInput.current = undefined;
        dispatch({type: 'finished', token, outcome, labels: latest.current.labels});
      };
      const onEvent = (event: RunEvent) => {
        if (event.type === 'input') {
          // A run queued before the page was left asks after it: nobody can answer.
          if (!mounted.current) {
            if (runId !== undefined) context.getClient().stop(runId);
            return;
          }
          waitingForInput.current = runId;
        }
        dispatch({type: 'event', token, event});
      };
      const request: RunRequest = {
        code,
        session,
        cellId: id,
        ...(kind === 'doctest' ? {kind} : {}),
        ...(packages.length > 0 ? {packages: [...packages]} : {}),
        ...(timeoutSeconds === undefined ? {} : {timeoutSeconds}),
      };
      try {
        const handle = context.getClient().run(request, onEvent);
        runId = handle.id;
        runIds.current.set(token, handle.id);
        handle.done.then(finish, (error: unknown) => finish({status: 'failed', message: describe(error)}));
      } catch (error) {
        finish({status: 'failed', message: describe(error)});
      }
    },
    [context],
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

  const reset = useCallback(() => {
    stopRuns(false);
    runIds.current.clear();
    dispatch({type: 'reset'});
  }, [stopRuns]);

  const answer = useCallback(
    (text: string) => {
      waitingForInput.current = undefined;
      state.input?.reply(text);
      dispatch({type: 'answered'});
    },
    [state.input],
  );

  return {state, run, stop, reset, answer};
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
