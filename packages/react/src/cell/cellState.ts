import type {RunEvent, RunOutcome} from '@pyodocs/runtime';
import type {PythonCellLabels} from '../labels/PythonCellLabels.js';
import type {CellOutput} from '../output/CellOutput.js';
import type {PackageDownload} from '../output/PackageProgress.js';
import type {BlockedBy} from '../notebook/pageCells.js';
import type {CellRunRecord} from '../notebook/SessionLedger.js';

/** The public `data-state` of a cell root (a DOM contract). */
export type CellDataState = 'idle' | 'queued' | 'running' | 'done' | 'error';

/** The cell's last run in the tab's current Python, as its status line shows it. */
export interface CellExecution {
  /** Its number among the runs of its session (Jupyter's execution count, `[3]`). */
  count: number;
  /** How long it took, from its start (packages included) to its end. */
  durationMs: number;
}

/**
 * A run this cell submitted and that has not finished. `token` is the cell's
 * own number for it: events can arrive before `client.run()` has returned the
 * runtime's id.
 */
interface PendingRun {
  token: number;
  started: boolean;
  /** Queued because a cell below needs it first (run-above). */
  needed: boolean;
}

/**
 * What this mounted cell knows beyond the session's record of it (the
 * ledger): runs in flight, and how the last Run press ended when that left
 * no record (stopped, Python could not run).
 */
export interface CellState {
  /** In submission order; the client runs them in that order. */
  pending: readonly PendingRun[];
  /**
   * Outputs shown instead of the session's record: those of a run that
   * started and has not been recorded (running, or stopped part-way).
   * null: the record's (or the build's).
   */
  live: readonly CellOutput[] | null;
  /** The cell's own message about its last run (stopped, restarted, timed out, not run, could not run), after the outputs. */
  notice: CellOutput | null;
  /** `idle`: the last run was stopped; `error`: Python could not run; null: the session's record says. */
  settled: 'idle' | 'error' | null;
  /** The package download in progress for the pending run (shown in the status line), if any. */
  download: PackageDownload | null;
  /** The running code waits in `input()` for this answer (a text field shows the prompt). */
  input?: {prompt: string; reply: (text: string) => void} | null;
}

export const initialCellState: CellState = {pending: [], live: null, notice: null, settled: null, download: null};

export type CellAction =
  | {type: 'submitted'; token: number; needed: boolean}
  | {type: 'event'; token: number; event: RunEvent}
  | {
      type: 'finished';
      token: number;
      outcome: RunOutcome;
      labels: Readonly<PythonCellLabels>;
      /** It was cancelled because an earlier cell it needed failed. */
      blockedBy?: BlockedBy | undefined;
    }
  /** Run was pressed but the cell cannot run at all (no provider). */
  | {type: 'unavailable'; message: string}
  /** The reader answered input(). */
  | {type: 'answered'}
  /** Reset, or the page restarted the cell's session: nothing pending, nothing shown. */
  | {type: 'reset'};

/** What the cell shows: its own state over the session's record of it, over the outputs made at build time. */
export interface CellView {
  dataState: CellDataState;
  failure: 'python' | 'runtime' | null;
  outputs: readonly CellOutput[];
  /** `build`: the outputs were produced when the site was built, not in this session. */
  outputsOrigin: 'build' | null;
  execution: CellExecution | null;
  /** The pending run was queued because a cell below needs it. */
  queuedBecause: 'needed' | null;
}

export const noOutputs: readonly CellOutput[] = [];

export function viewCell(
  state: CellState,
  record: CellRunRecord | undefined,
  buildOutputs: readonly CellOutput[] | undefined,
): CellView {
  const pending = state.pending.length > 0;
  const followsRecord = state.settled === null && record !== undefined;
  let outputs = state.live ?? record?.outputs ?? null;
  let outputsOrigin: 'build' | null = null;
  if (outputs === null && state.notice === null && !pending && buildOutputs && buildOutputs.length > 0) {
    outputs = buildOutputs;
    outputsOrigin = 'build';
  }
  outputs ??= noOutputs;
  if (state.notice) outputs = [...outputs, state.notice];
  const head = state.pending[0];
  let dataState: CellDataState;
  if (state.pending.some((run) => run.started)) dataState = 'running';
  else if (pending) dataState = 'queued';
  else if (state.settled !== null) dataState = state.settled;
  else dataState = record ? record.status : 'idle';
  return {
    dataState,
    failure: state.settled === 'error' ? 'runtime' : followsRecord && record.status === 'error' ? 'python' : null,
    outputs,
    outputsOrigin,
    execution: followsRecord && !pending ? {count: record.executionCount, durationMs: record.durationMs} : null,
    queuedBecause: head?.needed ? 'needed' : null,
  };
}

/** A cell whose Run cannot work at all (no provider, the run code failed to load): the message, as an error notice. */
export function unavailableCell(message: string): CellState {
  return {
    pending: [],
    live: noOutputs,
    notice: {kind: 'notice', tone: 'error', text: message},
    settled: 'error',
    download: null,
  };
}
