import {translate} from '@docusaurus/Translate';
import type {PythonPageLabels} from '@pyodocs/react';

/** The translation ids of the page actions' labels, looked up with `useSiteTranslations`. */
export const pageLabelIds = {
  actions: 'pyodocs.page.actions',
  runAll: 'pyodocs.page.runAll',
  restart: 'pyodocs.page.restart',
  downloadNotebook: 'pyodocs.page.downloadNotebook',
  runningAll: 'pyodocs.page.runningAll',
  ranAll: 'pyodocs.page.ranAll',
  runAllStopped: 'pyodocs.page.runAllStopped',
  restarted: 'pyodocs.page.restarted',
  notebookSaved: 'pyodocs.page.notebookSaved',
} as const satisfies Record<keyof PythonPageLabels, string>;

/**
 * The catalogue of those labels for `docusaurus write-translations`: literal
 * calls it can extract, with their English messages and descriptions. Not
 * used at run time (`pageLabelIds` is); the tests check it names the same ids.
 */
export function translatedPageLabels(): Partial<PythonPageLabels> {
  return {
    actions: translate({
      id: 'pyodocs.page.actions',
      message: 'Python on this page',
      description: 'Accessible name of the group of page-level Python actions',
    }),
    runAll: translate({
      id: 'pyodocs.page.runAll',
      message: 'Run all',
      description: 'Button that runs every Python cell of the page, in order',
    }),
    restart: translate({
      id: 'pyodocs.page.restart',
      message: 'Restart',
      description: "Button that empties the page's Python sessions (its variables) and clears the outputs",
    }),
    downloadNotebook: translate({
      id: 'pyodocs.page.downloadNotebook',
      message: 'Download notebook',
      description: "Button that saves the page, with the reader's code and outputs, as a Jupyter notebook",
    }),
    runningAll: translate({
      id: 'pyodocs.page.runningAll',
      message: 'Running all {count} cells…',
      description: 'Announced while Run all runs; {count} is filled in',
    }),
    ranAll: translate({
      id: 'pyodocs.page.ranAll',
      message: 'Ran all {count} cells',
      description: 'Announced when Run all has finished; {count} is filled in',
    }),
    runAllStopped: translate({
      id: 'pyodocs.page.runAllStopped',
      message: 'Run all stopped: a cell failed',
      description: 'Announced when Run all stopped at a cell that raised an error',
    }),
    restarted: translate({
      id: 'pyodocs.page.restarted',
      message: 'Restarted: the variables of this page are gone',
      description: 'Announced after Restart',
    }),
    notebookSaved: translate({
      id: 'pyodocs.page.notebookSaved',
      message: 'Notebook saved',
      description: 'Announced once the notebook was downloaded',
    }),
  };
}
