import {translate} from '@docusaurus/Translate';
import type {PythonPageLabels} from '@pyodocs/react';

/**
 * The catalogue of the page actions' labels for `docusaurus
 * write-translations`: literal calls it can extract, with their English
 * messages and descriptions. Not used at run time: the theme looks the
 * site's translations up by id prefix (`useSiteLabels('pyodocs.page.')`);
 * the tests check the ids.
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
    actionFailed: translate({
      id: 'pyodocs.page.actionFailed',
      message: '{action} could not load. Check your connection and try again.',
      description: "Announced when a page action's code could not be loaded; {action} is the button's label",
    }),
  };
}
