import {useCallback, useMemo} from 'react';
import {usePyodideContext} from '../provider/usePyodideContext.js';
import type {NotebookFile, PageNotebookSource} from './pageNotebook.js';
import {pageNotebookOf} from './pageNotebookOf.js';
import {type PageRuns, usePageRuns} from './usePageRuns.js';

/** The page's cells as a notebook: what page-level actions (Run all, Restart, Download notebook) use. */
export interface PythonPage extends PageRuns {
  /**
   * The page as an nbformat 4 notebook with the reader's current code and
   * the outputs of this session. `source` gives the page's markdown and cell
   * order (C7's page data); without it, the notebook holds the mounted cells.
   */
  notebook(source?: PageNotebookSource): NotebookFile;
}

/** The page's cells, seen from anywhere under the `PyodideProvider` (the table of contents, a footer…). */
export function usePythonPage(): PythonPage {
  const context = usePyodideContext();
  const runs = usePageRuns();
  const notebook = useCallback(
    (source?: PageNotebookSource): NotebookFile => pageNotebookOf(context?.peekLedger(), source),
    [context],
  );
  return useMemo(() => ({...runs, notebook}), [runs, notebook]);
}
