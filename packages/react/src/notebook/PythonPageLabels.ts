/** Every string the page's actions show or announce; sites pass translations, the rest stays English. */
export interface PythonPageLabels {
  /** Accessible name of the group of actions. */
  actions: string;
  /** Button that runs every cell of the page, in order. */
  runAll: string;
  /** Button that empties the page's Python sessions. */
  restart: string;
  /** Button that saves the page as a Jupyter notebook. */
  downloadNotebook: string;
  /** Announced while Run all runs; `{count}` is the number of cells. */
  runningAll: string;
  /** Announced when Run all finished; `{count}` is the number of cells that ran. */
  ranAll: string;
  /** Announced when Run all stopped at a cell that failed. */
  runAllStopped: string;
  /** Announced after Restart. */
  restarted: string;
  /** Announced once the notebook was saved. */
  notebookSaved: string;
  /** Announced when an action's code could not be loaded (the console has the error); `{action}` is the button's label. */
  actionFailed: string;
}

/** The labels of what the page actions announce after Run all or Restart: with the run code (pageActivityText.ts). */
export type PageRunLabelKey = 'runningAll' | 'ranAll' | 'runAllStopped' | 'restarted';

/** English for what the page actions show before they are used: with the page. */
export const englishPageViewLabels: Readonly<Omit<PythonPageLabels, PageRunLabelKey>> = Object.freeze({
  actions: 'Python on this page',
  runAll: 'Run all',
  restart: 'Restart',
  downloadNotebook: 'Download notebook',
  notebookSaved: 'Notebook saved',
  actionFailed: '{action} could not load. Check your connection and try again.',
});
