import {type ReactNode, useMemo} from 'react';
import {translate} from '@docusaurus/Translate';
import {PythonCell as Cell, type PythonCellComponents, type PythonCellLabels} from '@pyodocs/react';
import type {Props} from '@theme/PythonCell';
import Code from '@theme/PythonCell/Code';
import Output from '@theme/PythonCell/Output';
import Status from '@theme/PythonCell/Status';
import Toolbar from '@theme/PythonCell/Toolbar';

// Through @theme/ so that a swizzled part replaces the default in every cell.
// Module-level: the same component identities on every render.
const components: PythonCellComponents = {Toolbar, Code, Status, Output};

/**
 * A live Python cell. Our remark plugin emits one per runnable fence, with
 * the original code block as children (so the static HTML has highlighted
 * code), the page's behaviour overrides and, when the site executes its
 * cells at build, their outputs. Swizzle this component (`--wrap`) to add
 * chrome around every cell, or one of its parts (`PythonCell/Toolbar`,
 * `/Code`, `/Status`, `/Output`).
 */
export default function PythonCell(props: Props): ReactNode {
  const labels = useMemo(notebookLabels, []);
  return <Cell {...props} labels={labels} components={components} />;
}

// The labels of notebook behaviour (the others come from Root). Literal calls
// so `docusaurus write-translations` can extract them; the same ids as in
// PythonDoctest.
function notebookLabels(): Partial<PythonCellLabels> {
  return {
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
    buildOutputs: translate({
      id: 'pyodocs.cell.buildOutputs',
      message: 'Output from when the site was built',
      description: 'Note above outputs produced when the site was built, before the reader ran the cell',
    }),
  };
}
