import type {PythonCellLabels} from './PythonCellLabels.js';
import type {RunLabelKey} from './viewLabels.js';

/** English for what only a run shows (status while loading and running, durations, input()): part of the run code (issue 13). */
export const englishRunLabels: Readonly<Pick<Required<PythonCellLabels>, RunLabelKey>> = Object.freeze({
  loading: 'Loading Python…',
  loadingPackage: 'Loading {package}: {loaded} of {total} MiB',
  loadingPackageUnknownSize: 'Loading {package}: {loaded} MiB',
  running: 'Running…',
  queued: 'Queued',
  pythonError: 'Python error',
  stopped: 'Stopped before it ran',
  restarted: 'Restarted: the Python session was reset',
  timedOut: 'Stopped after {seconds} s (time limit)',
  inputField: 'Input for the running code',
  inputSubmit: 'Send',
  queuedNeeded: 'Queued: needed by a cell below',
  runningNeeded: 'Running: needed by a cell below',
  neededFailed: 'Not run: a cell above that it needs failed',
  executionCount: '[{count}]',
  executionSummary: 'Run {count} of this session, took {duration}',
  durationMilliseconds: '{value} ms',
  durationSeconds: '{value} s',
  loadingPackageStarted: 'Loading {package}…',
});
