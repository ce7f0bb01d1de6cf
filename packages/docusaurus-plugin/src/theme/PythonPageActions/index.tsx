import {type ReactNode, useCallback, useMemo} from 'react';
import {useLocation} from '@docusaurus/router';
import {translate} from '@docusaurus/Translate';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import {PythonPageActions as DefaultPageActions, type PythonPageLabels} from '@pyodocs/react';
import type {Props} from '@theme/PythonPageActions';
import {SitePyodideProvider} from '../../themeSupport/SitePyodideProvider.js';
import styles from './styles.module.css';

/**
 * Run all, Restart and Download notebook for the page's cells, where
 * Docusaurus puts page actions: at the top of the table of contents (and
 * above the content on narrow screens), else near the edit link. Rendered
 * only on pages with cells, once they have mounted. Other plugins wrap it
 * (`@theme-init/PythonPageActions`) to add their actions as children, as
 * the JupyterLite plugin does with "Open in JupyterLite".
 */
export default function PythonPageActions({placement, children}: Props): ReactNode {
  const {siteConfig} = useDocusaurusContext();
  const {pathname} = useLocation();
  const labels = useMemo(translatedLabels, []);
  // The page's markdown and cell order come from its page data file (C7), fetched on demand
  // (with the code that fetches it: a chunk of its own).
  const loadNotebookSource = useCallback(
    () => import('../../client/loadPageData.js').then(({loadPageData}) => loadPageData(pathname, siteConfig.baseUrl)),
    [pathname, siteConfig],
  );
  return (
    <SitePyodideProvider>
      <DefaultPageActions
        className={`${styles.actions} ${styles[placement] ?? ''}`}
        fallback={placement === 'footer'}
        labels={labels}
        loadNotebookSource={loadNotebookSource}
      >
        {children}
      </DefaultPageActions>
    </SitePyodideProvider>
  );
}

// Literal calls so `docusaurus write-translations` can extract them.
function translatedLabels(): Partial<PythonPageLabels> {
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
