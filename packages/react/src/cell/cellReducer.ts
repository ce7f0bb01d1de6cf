import type {RunEvent, RunOutcome} from '@pyodocs/runtime';
import {labelOf} from '../labels/labelOf.js';
import type {PythonCellLabels} from '../labels/PythonCellLabels.js';
import {englishRunLabels} from '../labels/runLabels.js';
import type {CellOutput} from '../output/CellOutput.js';
import {isPackageDownloadEvent} from '../output/PackageProgress.js';
import type {BlockedBy} from '../notebook/pageCells.js';
import {type CellAction, type CellState, initialCellState, noOutputs, unavailableCell} from './cellState.js';

// How runs change a cell's state: part of the run code (a chunk loaded on
// intent or Run), apart from cellState.ts, which rendering needs (issue 13).

export function cellReducer(state: CellState, action: CellAction): CellState {
  switch (action.type) {
    case 'submitted':
      return {...state, pending: [...state.pending, {token: action.token, started: false, needed: action.needed}]};
    case 'event':
      return applyRunEvent(state, action.token, action.event);
    case 'finished':
      return applyOutcome(state, action);
    case 'unavailable':
      return unavailableCell(action.message);
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
    const text = labelOf(labels, 'neededFailed', englishRunLabels);
    // The reader cannot see a removed cell's traceback: say what it raised.
    return blockedBy.hidden && blockedBy.error ? `${text} (${blockedBy.error.ename}: ${blockedBy.error.evalue})` : text;
  }
  if (outcome.reason === 'timeout') {
    return `${labels.timedOut.replace('{seconds}', String(outcome.seconds))}${outcome.restarted ? `. ${labels.restarted}` : ''}`;
  }
  return outcome.reason === 'restarted' ? labels.restarted : labels.stopped;
}
