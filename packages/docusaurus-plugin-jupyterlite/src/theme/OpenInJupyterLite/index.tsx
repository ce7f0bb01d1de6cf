import {useState, type ReactNode} from 'react';
import {useSiteColorMode} from '../../client/useSiteColorMode.js';
import {translate} from '@docusaurus/Translate';
import {usePluginData} from '@docusaurus/useGlobalData';
import {getCurrentCellCode} from '@pyodocs/react';
import type {Props} from '@theme/OpenInJupyterLite';
import {saveNotebook, saveTheme} from '../../client/liteStorage.js';
import {liteThemeName} from '../../client/liteTheme.js';
import {buildNotebook} from '../../client/pageNotebook.js';

interface JupyterLiteGlobalData {
  liteUrl: string;
  apps: string[];
}

function notebookName(): string {
  const slug = window.location.pathname.replace(/\/+$/, '').split('/').pop() || 'page';
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
  return `${slug}-${stamp}.ipynb`;
}

/**
 * Opens the page as a notebook in JupyterLite, with the reader's current
 * edits: the notebook is written into JupyterLite's browser storage under a
 * fresh name (so it never shadows another file) and opened in a new tab,
 * in the JupyterLab theme matching the site's colour mode.
 */
export default function OpenInJupyterLite({cells}: Props): ReactNode {
  const {liteUrl, apps} = usePluginData('docusaurus-plugin-jupyterlite') as JupyterLiteGlobalData;
  const colorMode = useSiteColorMode();
  const [error, setError] = useState<string | undefined>(undefined);
  const app = apps.includes('notebooks') ? 'notebooks' : apps.includes('lab') ? 'lab' : undefined;
  if (!app) return null;

  const open = () => {
    setError(undefined);
    // Opened now, inside the click, so popup blockers allow it; filled in once the notebook is stored.
    const tab = window.open('', '_blank');
    const name = notebookName();
    const notebook = buildNotebook(cells, getCurrentCellCode);
    // The notebook opens in the site's current colour mode.
    saveNotebook(liteUrl, name, notebook)
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
    <div className="pyodocs-open-in-jupyterlite" style={{margin: '0 0 1rem'}}>
      <button
        type="button"
        className="button button--secondary button--sm"
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
        <div className="alert alert--danger" role="alert" style={{marginTop: '0.5rem'}}>
          {error}
        </div>
      )}
    </div>
  );
}
