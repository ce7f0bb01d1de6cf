import type {RunEvent, RunOutcome} from '@pyodocs/runtime';
import {defaultPythonCellLabels, type PythonCellLabels} from '../labels/PythonCellLabels.js';
import type {CellOutput} from '../output/CellOutput.js';
import {isPackageDownloadEvent, type PackageDownload} from '../output/PackageProgress.js';
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

const noOutputs: readonly CellOutput[] = [];

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

export function cellReducer(state: CellState, action: CellAction): CellState {
  switch (action.type) {
    case 'submitted':
      return {...state, pending: [...state.pending, {token: action.token, started: false, needed: action.needed}]};
    case 'event':
      return applyRunEvent(state, action.token, action.event);
    case 'finished':
      return applyOutcome(state, action);
    case 'unavailable':
      return {
        pending: [],
        live: noOutputs,
        notice: {kind: 'notice', tone: 'error', text: action.message},
        settled: 'error',
        download: null,
      };
    case 'answered':
      return {...state, input: null};
    case 'reset':
      return initialCellState;
  }
}

function applyRunEvent(state: CellState, token: number, event: RunEvent): CellState {
  const run = state.pending.find((candidate) => candidate.token === token);
  // Events of runs dropped by Reset are ignored.
  if (!run) return state;
  if (isPackageDownloadEvent(event)) {
    const {package: name, loaded, total} = event;
    return {...state, download: {package: name, loaded, total: total ?? null}};
  }
  // Output means the packages are in: the download line goes.
  if (
    state.download &&
    (event.type === 'stream' || event.type === 'display' || event.type === 'result' || event.type === 'error')
  ) {
    state = {...state, download: null};
  }
  switch (event.type) {
    case 'input':
      return {...state, input: {prompt: event.prompt, reply: event.reply}};
    case 'queued':
      return state;
    case 'started':
      // Like Jupyter, a run owns the output area from its start.
      return {
        ...state,
        pending: state.pending.map((candidate) => (candidate === run ? {...candidate, started: true} : candidate)),
        live: noOutputs,
        notice: null,
        settled: null,
      };
    case 'stream':
    case 'display':
    case 'result':
    case 'error':
      return {...state, live: appendOutput(state.live ?? noOutputs, event)};
  }
}

/** The output area after one more event: consecutive chunks of a stream merge into one block. */
export function appendOutput(
  outputs: readonly CellOutput[],
  event: Extract<RunEvent, {type: 'stream' | 'display' | 'result' | 'error'}>,
): readonly CellOutput[] {
  switch (event.type) {
    case 'stream': {
      const last = outputs[outputs.length - 1];
      if (last?.kind === 'stream' && last.name === event.name) {
        return [...outputs.slice(0, -1), {...last, text: last.text + event.text}];
      }
      return [...outputs, {kind: 'stream', name: event.name, text: event.text}];
    }
    case 'display':
      return [...outputs, {kind: 'display', data: event.data, metadata: event.metadata}];
    case 'result':
      return [...outputs, {kind: 'result', data: event.data, metadata: event.metadata}];
    case 'error':
      return [...outputs, {kind: 'error', error: event.error}];
  }
}

function applyOutcome(
  state: CellState,
  {token, outcome, labels, blockedBy}: Extract<CellAction, {type: 'finished'}>,
): CellState {
  const run = state.pending.find((candidate) => candidate.token === token);
  if (!run) return state;
  const pending = state.pending.filter((candidate) => candidate !== run);
  const download = null;
  switch (outcome.status) {
    case 'ok':
    case 'error':
      // Recorded in the session's ledger, which the cell shows from now on.
      return {pending, live: null, notice: null, settled: null, download};
    case 'cancelled':
      return {
        pending,
        live: state.live,
        notice: {kind: 'notice', tone: 'info', text: cancelledText(outcome, labels, blockedBy)},
        settled: 'idle',
        download,
      };
    case 'failed':
      return {
        pending,
        // A run that ends without having started (Python failed to load, say)
        // still answers the Run press, so its message replaces the older outputs.
        live: run.started ? state.live : noOutputs,
        notice: {kind: 'notice', tone: 'error', text: `${labels.failed}: ${outcome.message}`},
        settled: 'error',
        download,
      };
  }
}

function cancelledText(
  outcome: Extract<RunOutcome, {status: 'cancelled'}>,
  labels: Readonly<PythonCellLabels>,
  blockedBy: BlockedBy | undefined,
): string {
  if (blockedBy) {
    const text = labels.neededFailed ?? defaultPythonCellLabels.neededFailed;
    // The reader cannot see a removed cell's traceback: say what it raised.
    return blockedBy.hidden && blockedBy.error ? `${text} (${blockedBy.error.ename}: ${blockedBy.error.evalue})` : text;
  }
  if (outcome.reason === 'timeout') {
    return `${labels.timedOut.replace('{seconds}', String(outcome.seconds))}${outcome.restarted ? `. ${labels.restarted}` : ''}`;
  }
  return outcome.reason === 'restarted' ? labels.restarted : labels.stopped;
}
