import {translate} from '@docusaurus/Translate';
import type {PythonCellLabels} from '@pyodocs/react';

/**
 * The catalogue of the labels only a run shows (status while Python loads
 * and runs, durations, `input()`) for `docusaurus write-translations`:
 * literal calls it can extract. Not used at run time: their translations
 * come with the other cell labels' (`useSiteLabels('pyodocs.cell.')`).
 */
export function translatedRunLabels(): Partial<PythonCellLabels> {
  return {
    loading: translate({
      id: 'pyodocs.cell.loading',
      message: 'Loading Python…',
      description: 'Status while Pyodide loads',
    }),
    loadingPackage: translate({
      id: 'pyodocs.cell.loadingPackage',
      message: 'Loading {package}: {loaded} of {total} MiB',
      description: 'Status while a package downloads; {loaded} and {total} are MiB with one decimal',
    }),
    loadingPackageUnknownSize: translate({
      id: 'pyodocs.cell.loadingPackageUnknownSize',
      message: 'Loading {package}: {loaded} MiB',
      description: 'Status while a package of unknown size downloads',
    }),
    loadingPackageStarted: translate({
      id: 'pyodocs.cell.loadingPackageStarted',
      message: 'Loading {package}…',
      description:
        'What screen readers hear once when a package starts downloading; {package} is filled in by the cell',
    }),
    running: translate({id: 'pyodocs.cell.running', message: 'Running…', description: 'Status while a cell runs'}),
    queued: translate({
      id: 'pyodocs.cell.queued',
      message: 'Queued',
      description: 'Status of a cell waiting for earlier runs',
    }),
    pythonError: translate({
      id: 'pyodocs.cell.pythonError',
      message: 'Python error',
      description: 'Status after an exception',
    }),
    stopped: translate({
      id: 'pyodocs.cell.stopped',
      message: 'Stopped before it ran',
      description: 'Notice for a cancelled queued run',
    }),
    restarted: translate({
      id: 'pyodocs.cell.restarted',
      message: 'Restarted: the Python session was reset',
      description: 'Notice when stopping a running cell restarted Python',
    }),
    timedOut: translate({
      id: 'pyodocs.cell.timedOut',
      message: 'Stopped after {seconds} s (time limit)',
      description: 'Notice when a run hit its time limit; {seconds} is filled in',
    }),
    inputField: translate({
      id: 'pyodocs.cell.inputField',
      message: 'Input for the running code',
      description: 'Accessible name of the text field shown while the code waits in input()',
    }),
    inputSubmit: translate({
      id: 'pyodocs.cell.inputSubmit',
      message: 'Send',
      description: 'Button that answers input()',
    }),
    queuedNeeded: translate({
      id: 'pyodocs.cell.queuedNeeded',
      message: 'Queued: needed by a cell below',
      description: 'Status of a cell that runs first because a cell below it, which the reader ran, needs it',
    }),
    runningNeeded: translate({
      id: 'pyodocs.cell.runningNeeded',
      message: 'Running: needed by a cell below',
      description: 'Status of such a cell while it runs',
    }),
    neededFailed: translate({
      id: 'pyodocs.cell.neededFailed',
      message: 'Not run: a cell above that it needs failed',
      description: 'Notice of a cell that did not run because an earlier cell it needs raised an error',
    }),
    executionCount: translate({
      id: 'pyodocs.cell.executionCount',
      message: '[{count}]',
      description: 'Execution count of a cell in its session, as Jupyter shows it; {count} is filled in by the cell',
    }),
    executionSummary: translate({
      id: 'pyodocs.cell.executionSummary',
      message: 'Run {count} of this session, took {duration}',
      description: 'What screen readers hear after a run; {count} and {duration} are filled in by the cell',
    }),
    durationMilliseconds: translate({
      id: 'pyodocs.cell.durationMilliseconds',
      message: '{value} ms',
      description: 'Duration of a run under a second; {value} is a whole number of milliseconds',
    }),
    durationSeconds: translate({
      id: 'pyodocs.cell.durationSeconds',
      message: '{value} s',
      description: 'Duration of a run of a second or more; {value} is seconds with one decimal',
    }),
  };
}
