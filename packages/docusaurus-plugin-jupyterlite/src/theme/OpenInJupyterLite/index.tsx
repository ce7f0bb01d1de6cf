import {type ReactNode, useState} from 'react';
import {useLocation} from '@docusaurus/router';
import {translate} from '@docusaurus/Translate';
import {usePluginData} from '@docusaurus/useGlobalData';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import {loadPageData} from '@pyodocs/docusaurus-plugin/client';
import {usePythonPage} from '@pyodocs/react';
import type {Props} from '@theme/OpenInJupyterLite';
import {saveNotebook, saveTheme} from '../../client/liteStorage.js';
import {liteThemeName} from '../../client/liteTheme.js';
import {useSiteColorMode} from '../../client/useSiteColorMode.js';

interface JupyterLiteGlobalData {
  liteUrl: string;
  apps: string[];
}

function notebookName(pathname: string): string {
  const slug = decodeURIComponent(pathname.replace(/\/+$/, '').split('/').pop() || 'page');
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
  return `${slug}-${stamp}.ipynb`;
}

/**
 * Opens the page as a notebook in JupyterLite, with the reader's current
 * code and the outputs of their session: the page's markdown and cell order
 * come from its data file (C7), the notebook is written into JupyterLite's
 * browser storage under a fresh name (so it never shadows another file) and
 * opened in a new tab, in the JupyterLab theme matching the site's colour
 * mode. One of the page's Python actions (the core plugin's
 * `@theme/PythonPageActions`, which this plugin wraps).
 */
export default function OpenInJupyterLite(_props: Props): ReactNode {
  const {liteUrl, apps} = usePluginData('docusaurus-plugin-jupyterlite') as JupyterLiteGlobalData;
  const {siteConfig} = useDocusaurusContext();
  const {pathname} = useLocation();
  const page = usePythonPage();
  const colorMode = useSiteColorMode();
  const [error, setError] = useState<string | undefined>(undefined);
  const app = apps.includes('notebooks') ? 'notebooks' : apps.includes('lab') ? 'lab' : undefined;
  if (!app) return null;

  const open = () => {
    setError(undefined);
    // Opened now, inside the click, so popup blockers allow it; filled in once the notebook is stored.
    const tab = window.open('', '_blank');
    const name = notebookName(pathname);
    loadPageData(pathname, siteConfig.baseUrl)
      .catch((reason: unknown) => {
        // Still a notebook: the page's cells, without its prose.
        console.warn('[pyodocs-jupyterlite] no page data; the notebook holds the page’s cells only', reason);
        return undefined;
      })
      .then((source) => saveNotebook(liteUrl, name, page.notebook(source)))
      // The notebook opens in the site's current colour mode.
      .then(() => saveTheme(liteUrl, liteThemeName('auto', colorMode)))
      .then(
        () => {
          const url = `${liteUrl}${app}/index.html?path=${encodeURIComponent(name)}`;
          if (tab) tab.location.href = url;
          else window.location.assign(url);
        },
        (reason: unknown) => {
          tab?.close();
          setError(
            translate(
              {
                id: 'pyodocs.jupyterlite.storeFailed',
                message: 'Could not store the notebook in this browser: {reason}',
                description: 'Error when the notebook could not be written to the browser storage',
              },
              {reason: String(reason)},
            ),
          );
        },
      );
  };

  return (
    <>
      <button
        type="button"
        className="pyodocs-page-action pyodocs-page-action--jupyterlite"
        onClick={open}
        data-pyodocs-open-in-jupyterlite=""
      >
        {translate({
          id: 'pyodocs.jupyterlite.open',
          message: 'Open in JupyterLite',
          description: 'Button that opens the page as a notebook in JupyterLite',
        })}
      </button>
      {error && (
        <span className="pyodocs-page-actions__error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
