import type {RunEvent, RunOutcome} from '@pyodocs/runtime';
import type {PythonCellLabels} from '../labels/PythonCellLabels.js';
import type {CellOutput} from '../output/CellOutput.js';
import {isPackageDownloadEvent, type PackageDownload} from '../output/PackageProgress.js';

/** The public `data-state` of a cell root (a DOM contract). */
export type CellDataState = 'idle' | 'queued' | 'running' | 'done' | 'error';

/**
 * A run this cell submitted and that has not finished. `token` is the cell's
 * own number for it: events can arrive before `client.run()` has returned the
 * runtime's id.
 */
interface PendingRun {
  token: number;
  started: boolean;
}

export interface CellState {
  /** In submission order; the client runs them in that order. */
  pending: readonly PendingRun[];
  /** How the last finished run ended; shown when nothing is pending. */
  settled: 'idle' | 'done' | 'error';
  /** Why the last run ended in `error` without a Python exception (the status line says so). */
  failure: 'python' | 'runtime' | null;
  outputs: readonly CellOutput[];
  /** The package download in progress for the pending run (shown in the status line), if any. */
  download: PackageDownload | null;
  /** The running code waits in `input()` for this answer (a text field shows the prompt). */
  input?: {prompt: string; reply: (text: string) => void} | null;
}

export const initialCellState: CellState = {pending: [], settled: 'idle', failure: null, outputs: [], download: null};

export type CellAction =
  | {type: 'submitted'; token: number}
  | {type: 'event'; token: number; event: RunEvent}
  | {type: 'finished'; token: number; outcome: RunOutcome; labels: Readonly<PythonCellLabels>}
  /** Run was pressed but the cell cannot run at all (no provider). */
  | {type: 'unavailable'; message: string}
  /** The reader answered input(). */
  | {type: 'answered'}
  | {type: 'reset'};

export function cellDataState(state: CellState): CellDataState {
  if (state.pending.some((run) => run.started)) return 'running';
  if (state.pending.length > 0) return 'queued';
  return state.settled;
}

export function cellReducer(state: CellState, action: CellAction): CellState {
  switch (action.type) {
    case 'submitted':
      return {...state, pending: [...state.pending, {token: action.token, started: false}]};
    case 'event':
      return applyRunEvent(state, action.token, action.event);
    case 'finished':
      return applyOutcome(state, action.token, action.outcome, action.labels);
    case 'unavailable':
      return {
        pending: [],
        settled: 'error',
        failure: 'runtime',
        outputs: [{kind: 'notice', tone: 'error', text: action.message}],
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
        outputs: [],
      };
    case 'stream':
      return {...state, outputs: appendStream(state.outputs, event.name, event.text)};
    case 'display':
      return {...state, outputs: [...state.outputs, {kind: 'display', data: event.data, metadata: event.metadata}]};
    case 'result':
      return {...state, outputs: [...state.outputs, {kind: 'result', data: event.data, metadata: event.metadata}]};
    case 'error':
      return {...state, outputs: [...state.outputs, {kind: 'error', error: event.error}]};
  }
}

function appendStream(outputs: readonly CellOutput[], name: 'stdout' | 'stderr', text: string): CellOutput[] {
  const last = outputs[outputs.length - 1];
  if (last?.kind === 'stream' && last.name === name) {
    return [...outputs.slice(0, -1), {...last, text: last.text + text}];
  }
  return [...outputs, {kind: 'stream', name, text}];
}

function applyOutcome(
  state: CellState,
  token: number,
  outcome: RunOutcome,
  labels: Readonly<PythonCellLabels>,
): CellState {
  const run = state.pending.find((candidate) => candidate.token === token);
  if (!run) return state;
  const pending = state.pending.filter((candidate) => candidate !== run);
  const download = null;
  // A run that ends without having started (Python failed to load, say) still
  // answers the Run press, so its message replaces the older outputs.
  const outputs = run.started || outcome.status === 'cancelled' ? state.outputs : [];
  switch (outcome.status) {
    case 'ok':
      return {pending, settled: 'done', failure: null, outputs, download};
    case 'error': {
      const shown = outputs.some((output) => output.kind === 'error');
      return {
        pending,
        settled: 'error',
        failure: 'python',
        outputs: shown ? outputs : [...outputs, {kind: 'error', error: outcome.error}],
        download,
      };
    }
    case 'cancelled': {
      const text =
        outcome.reason === 'timeout'
          ? `${labels.timedOut.replace('{seconds}', String(outcome.seconds))}${outcome.restarted ? `. ${labels.restarted}` : ''}`
          : outcome.reason === 'restarted'
            ? labels.restarted
            : labels.stopped;
      return {
        pending,
        settled: 'idle',
        failure: null,
        outputs: [...outputs, {kind: 'notice', tone: 'info', text}],
        download,
      };
    }
    case 'failed':
      return {
        pending,
        settled: 'error',
        failure: 'runtime',
        outputs: [...outputs, {kind: 'notice', tone: 'error', text: `${labels.failed}: ${outcome.message}`}],
        download,
      };
  }
}
