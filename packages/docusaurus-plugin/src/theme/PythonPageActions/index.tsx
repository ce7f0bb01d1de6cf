import {type ReactNode, useCallback} from 'react';
import {useLocation} from '@docusaurus/router';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import {PythonPageActions as DefaultPageActions, type PythonPageLabels} from '@pyodocs/react';
import type {Props} from '@theme/PythonPageActions';
import {SitePyodideProvider} from '../../themeSupport/SitePyodideProvider.js';
import {useSiteLabels} from '../../themeSupport/siteTranslations.js';
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
  const labels = useSiteLabels<PythonPageLabels>('pyodocs.page.');
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
