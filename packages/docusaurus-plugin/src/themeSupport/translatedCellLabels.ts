import {translate} from '@docusaurus/Translate';
import type {PythonCellLabels} from '@pyodocs/react';

/**
 * The catalogue of the labels a cell or a doctest block shows before it runs
 * (and the server renders) for `docusaurus write-translations`, with their
 * English messages and descriptions: literal calls it can extract (the
 * plugin's getPathsToWatch() names this folder for it). Not used at run
 * time: the theme looks the site's translations up by id prefix
 * (`useSiteLabels('pyodocs.cell.')`, siteTranslations.ts; the doctest
 * blocks' ids are in doctestLabelIds.ts); the tests check the ids. What only
 * a run shows is in translatedRunLabels.ts.
 */
export function translatedCellLabels(): Partial<PythonCellLabels> {
  return {
    run: translate({id: 'pyodocs.cell.run', message: 'Run', description: 'Button that runs a live Python cell'}),
    stop: translate({id: 'pyodocs.cell.stop', message: 'Stop', description: 'Button that stops a running Python cell'}),
    reset: translate({
      id: 'pyodocs.cell.reset',
      message: 'Reset',
      description: 'Button that restores the original code of a Python cell and clears its output',
    }),
    edit: translate({
      id: 'pyodocs.cell.edit',
      message: 'Edit',
      description: 'Button that turns the code into an editor',
    }),
    editHint: translate({
      id: 'pyodocs.cell.editHint',
      message:
        'Click the code or press Enter to edit it. In the editor, Shift+Enter runs the cell; Escape then Tab leaves it.',
      description: 'Accessible description of the static code of a Python cell',
    }),
    editor: translate({
      id: 'pyodocs.cell.editor',
      message: 'Python code',
      description: 'Accessible name of the editor',
    }),
    output: translate({
      id: 'pyodocs.cell.output',
      message: 'Output',
      description: 'Accessible name of the output area',
    }),
    failed: translate({
      id: 'pyodocs.cell.failed',
      message: 'Python could not run',
      description: 'Status when Python failed',
    }),
    noProvider: translate({
      id: 'pyodocs.cell.noProvider',
      message: 'This cell cannot run: no PyodideProvider is mounted above it.',
      description: 'Error when the provider is missing',
    }),
    editorFailed: translate({
      id: 'pyodocs.cell.editorFailed',
      message: 'The editor could not be loaded; the code is shown read-only.',
      description: 'Error when the editor code failed to download',
    }),
    unsupportedOutput: translate({
      id: 'pyodocs.cell.unsupportedOutput',
      message: 'This output cannot be shown here yet. Types:',
      description: 'Shown for an output of unknown MIME types; the types follow',
    }),
    showCell: translate({
      id: 'pyodocs.cell.showCell',
      message: 'Show cell',
      description: 'Summary of a folded hide-cell cell',
    }),
    showCode: translate({
      id: 'pyodocs.cell.showCode',
      message: 'Show code',
      description: 'Summary of folded hide-input code',
    }),
    showOutput: translate({
      id: 'pyodocs.cell.showOutput',
      message: 'Show output',
      description: 'Summary of folded hide-output output',
    }),
    tryIt: translate({
      id: 'pyodocs.doctest.tryIt',
      message: 'Try it',
      description: 'Button that turns a documented doctest example into a live cell',
    }),
    doctestResults: translate({
      id: 'pyodocs.doctest.results',
      message: 'Doctest results',
      description: 'Accessible name of the list of checked doctest examples',
    }),
    doctestMatch: translate({
      id: 'pyodocs.doctest.match',
      message: 'Matches the documented output',
      description: 'Verdict of a doctest example whose output is the documented one',
    }),
    doctestMismatch: translate({
      id: 'pyodocs.doctest.mismatch',
      message: 'Differs from the documented output',
      description: 'Verdict of a doctest example whose output differs',
    }),
    doctestSkipped: translate({
      id: 'pyodocs.doctest.skipped',
      message: 'Skipped (+SKIP)',
      description: 'Verdict of a skipped doctest example',
    }),
    doctestDocumented: translate({
      id: 'pyodocs.doctest.documented',
      message: 'Documented',
      description: 'Heading of the documented output of a doctest example',
    }),
    doctestGot: translate({
      id: 'pyodocs.doctest.got',
      message: 'Got',
      description: 'Heading of the real output of a doctest example',
    }),
    doctestStoppedAt: translate({
      id: 'pyodocs.doctest.stoppedAt',
      message: 'Stopped at example {number}',
      description:
        'Verdict of the doctest example a stop or time limit interrupted; {number} (1-based) is filled in by the cell',
    }),
    errorDetails: translate({
      id: 'pyodocs.cell.errorDetails',
      message: 'Details',
      description:
        'Summary of the toggle that shows the URLs and causes behind an error (e.g. a package that could not be loaded)',
    }),
    doctestNoOutput: translate({
      id: 'pyodocs.doctest.noOutput',
      message: '(no output)',
      description: 'Shown when a doctest example prints nothing',
    }),
    editedMarker: translate({
      id: 'pyodocs.cell.editedMarker',
      message: 'Your version',
      description: "Marker under a cell that holds the reader's edited code (kept in the browser)",
    }),
    editedMarkerHint: translate({
      id: 'pyodocs.cell.editedMarkerHint',
      message: 'This cell holds your edited code. Reset brings back the documented code.',
      description: 'What the edited-code marker means (screen readers, tooltip)',
    }),
    docsChanged: translate({
      id: 'pyodocs.cell.docsChanged',
      message:
        'The documentation changed this example since you edited it. The cell shows the new code; your version is kept.',
      description: 'Notice above a cell whose documented code changed since the reader edited it',
    }),
    showEarlierEdit: translate({
      id: 'pyodocs.cell.showEarlierEdit',
      message: 'Show your version',
      description: "Toggle that shows the reader's earlier version of a changed cell",
    }),
    hideEarlierEdit: translate({
      id: 'pyodocs.cell.hideEarlierEdit',
      message: 'Hide your version',
      description: "Toggle that hides the reader's earlier version of a changed cell",
    }),
    restoreEarlierEdit: translate({
      id: 'pyodocs.cell.restoreEarlierEdit',
      message: 'Use your version',
      description: "Button that puts the reader's earlier version in place of the new documented code",
    }),
    discardEarlierEdit: translate({
      id: 'pyodocs.cell.discardEarlierEdit',
      message: 'Discard your version',
      description: "Button that forgets the reader's earlier version of a changed cell",
    }),
    copy: translate({id: 'pyodocs.cell.copy', message: 'Copy', description: 'Button that copies the code of a cell'}),
    copied: translate({
      id: 'pyodocs.cell.copied',
      message: 'Copied',
      description: 'Shown and announced for a moment after the code was copied',
    }),
    copyFailed: translate({
      id: 'pyodocs.cell.copyFailed',
      message: 'Could not copy; select the code and copy it yourself',
      description: 'Shown when the browser refused to copy the code',
    }),
    buildOutputs: translate({
      id: 'pyodocs.cell.buildOutputs',
      message: 'Output from when the site was built',
      description: 'Note above outputs produced when the site was built, before the reader ran the cell',
    }),
    doctestBuildPassed: translate({
      id: 'pyodocs.doctest.buildPassed',
      message: 'Checked when the site was built: all {count} examples match',
      description: "A doctest block's verdict from the site's build, when every example matched; {count} is filled in",
    }),
    doctestBuildFailed: translate({
      id: 'pyodocs.doctest.buildFailed',
      message: 'Checked when the site was built: {failed} of {count} examples differ',
      description:
        "A doctest block's verdict from the site's build, when some examples differed; {failed} and {count} are filled in",
    }),
  };
}
