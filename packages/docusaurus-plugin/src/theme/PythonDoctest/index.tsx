import {type ReactNode, useMemo} from 'react';
import {translate} from '@docusaurus/Translate';
import {PythonDoctest as Doctest, type PythonCellLabels, type PythonDoctestComponents} from '@pyodocs/react';
import Code from '@theme/PythonCell/Code';
import Output from '@theme/PythonCell/Output';
import Status from '@theme/PythonCell/Status';
import Toolbar from '@theme/PythonCell/Toolbar';
import type {Props} from '@theme/PythonDoctest';
import Results from '@theme/PythonDoctest/Results';

// The live cell looks like every other cell: the same (possibly swizzled) parts.
const components: PythonDoctestComponents = {Toolbar, Code, Status, Output, Results};

/**
 * A doctest example (```pycon or ```python starting with `>>> `) with a
 * "Try it" button. Our remark plugin emits one per doctest block, with the
 * original code block as children. Swizzle (`--wrap`) to add chrome, or
 * `PythonDoctest/Results` to change how the verdicts look.
 */
export default function PythonDoctest(props: Props): ReactNode {
  const labels = useMemo(notebookLabels, []);
  return <Doctest {...props} labels={labels} components={components} />;
}

// The labels of notebook behaviour a doctest block shows (the same ids as in
// PythonCell; the others come from Root). Literal calls for write-translations.
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
    doctestBuildPassed: translate({
      id: 'pyodocs.doctest.buildPassed',
      message: 'Checked when the site was built: all {count} examples match',
      description: 'Under a doctest block checked at build whose examples all matched; {count} is filled in',
    }),
    doctestBuildFailed: translate({
      id: 'pyodocs.doctest.buildFailed',
      message: 'Checked when the site was built: {failed} of {count} examples differ',
      description: 'Under a doctest block checked at build with differences; {failed} and {count} are filled in',
    }),
  };
}
