import {type EarlierEditLabelKey, defaultReaderWorkLabels} from '../persistence/ReaderWorkLabels.js';
import type {PythonCellLabels} from './PythonCellLabels.js';

/** The run labels (runLabels.ts): what only a run shows. */
export type RunLabelKey =
  | 'loading'
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

/** The output renderers' labels (output/outputLabels.ts): with the renderers' chunk. */
export type OutputLabelKey = 'unsupportedOutput' | 'errorDetails';

/** The doctest blocks' labels (doctest/doctestLabels.ts): with the doctest blocks' own code. */
export type DoctestLabelKey =
  | 'tryIt'
  | 'doctestResults'
  | 'doctestMatch'
  | 'doctestMismatch'
  | 'doctestSkipped'
  | 'doctestDocumented'
  | 'doctestGot'
  | 'doctestNoOutput'
  | 'doctestStoppedAt'
  | 'doctestBuildPassed'
  | 'doctestBuildFailed';

/**
 * English for what a cell shows before it runs (and what the server renders:
 * build outputs): with the page. What only a run shows comes with the run
 * code (runLabels.ts), what only doctest blocks show with theirs, the
 * changed-docs notice's with the notice, the output renderers' with them
 * (issue 13).
 */
export const englishViewLabels: Readonly<
  Omit<Required<PythonCellLabels>, RunLabelKey | DoctestLabelKey | EarlierEditLabelKey | OutputLabelKey>
> = Object.freeze({
  ...defaultReaderWorkLabels,
  run: 'Run',
  stop: 'Stop',
  reset: 'Reset',
  edit: 'Edit',
  editHint:
    'Click the code or press Enter to edit it. In the editor, Shift+Enter runs the cell; Escape then Tab leaves it.',
  editor: 'Python code',
  output: 'Output',
  failed: 'Python could not run',
  noProvider: 'This cell cannot run: no PyodideProvider is mounted above it.',
  editorFailed: 'The editor could not be loaded; the code is shown read-only.',
  showCell: 'Show cell',
  showCode: 'Show code',
  showOutput: 'Show output',
  buildOutputs: 'Output from when the site was built',
});
