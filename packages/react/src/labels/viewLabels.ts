import {defaultReaderWorkLabels} from '../persistence/ReaderWorkLabels.js';
import type {PythonCellLabels} from './PythonCellLabels.js';

/** The run labels (runLabels.ts): what only a run shows. */
export type RunLabelKey =
  | 'loadingPackage'
  | 'loadingPackageUnknownSize'
  | 'running'
  | 'queued'
  | 'pythonError'
  | 'stopped'
  | 'restarted'
  | 'timedOut'
  | 'inputField'
  | 'inputSubmit'
  | 'queuedNeeded'
  | 'runningNeeded'
  | 'neededFailed'
  | 'executionCount'
  | 'executionSummary'
  | 'durationMilliseconds'
  | 'durationSeconds'
  | 'loadingPackageStarted';

/**
 * English for what a cell shows before it runs (and what the server renders:
 * build outputs, doctest verdicts): with the page. The rest, what only a run
 * shows, comes with the run code (runLabels.ts; issue 13).
 */
export const englishViewLabels: Readonly<Omit<Required<PythonCellLabels>, RunLabelKey>> = Object.freeze({
  ...defaultReaderWorkLabels,
  run: 'Run',
  stop: 'Stop',
  reset: 'Reset',
  edit: 'Edit',
  editHint:
    'Click the code or press Enter to edit it. In the editor, Shift+Enter runs the cell; Escape then Tab leaves it.',
  editor: 'Python code',
  loading: 'Loading Python…',
  output: 'Output',
  failed: 'Python could not run',
  noProvider: 'This cell cannot run: no PyodideProvider is mounted above it.',
  editorFailed: 'The editor could not be loaded; the code is shown read-only.',
  unsupportedOutput: 'This output cannot be shown here yet. Types:',
  showCell: 'Show cell',
  showCode: 'Show code',
  showOutput: 'Show output',
  tryIt: 'Try it',
  doctestResults: 'Doctest results',
  doctestMatch: 'Matches the documented output',
  doctestMismatch: 'Differs from the documented output',
  doctestSkipped: 'Skipped (+SKIP)',
  doctestDocumented: 'Documented',
  doctestGot: 'Got',
  doctestNoOutput: '(no output)',
  errorDetails: 'Details',
  doctestStoppedAt: 'Stopped at example {number}',
  buildOutputs: 'Output from when the site was built',
  doctestBuildPassed: 'Checked when the site was built: all {count} examples match',
  doctestBuildFailed: 'Checked when the site was built: {failed} of {count} examples differ',
});
