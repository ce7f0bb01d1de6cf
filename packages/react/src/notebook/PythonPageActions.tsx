import {type ReactNode, useEffect, useState, useSyncExternalStore} from 'react';
import {type PageActivity, setPageActivity} from './pageActivity.js';
import {hasPageActionsPlace, mountPageActionsPlace, subscribePageActionsPlaces} from './pageActionsPlaces.js';
import type {PageNotebookSource} from './pageNotebook.js';
import {englishPageViewLabels, type PythonPageLabels} from './PythonPageLabels.js';
import {loadedLiveCode, subscribeLiveCode} from '../live/loadLiveCode.js';
import {usePyodideContext} from '../provider/usePyodideContext.js';
import {usePageRuns} from './usePageRuns.js';

export interface PythonPageActionsProps {
  /**
   * Loads the page's markdown and cell order for the downloaded notebook
   * (e.g. the Docusaurus plugin's page data, C7). Without it, or when it
   * fails, the notebook holds the page's cells only.
   */
  loadNotebookSource?: (() => Promise<PageNotebookSource>) | undefined;
  /** Name of the downloaded file, without `.ipynb`. Default: the last part of the page's URL. */
  notebookName?: string | undefined;
  /** Translations; the rest stays English. */
  labels?: Partial<PythonPageLabels> | undefined;
  /** Class of the group, besides `pyodocs-page-actions`. */
  className?: string | undefined;
  /**
   * Show the actions here only while no other (non-fallback) place on the
   * page shows them: e.g. in the footer of a page without a table of contents.
   */
  fallback?: boolean | undefined;
  /** More actions after the built-in ones (e.g. "Open in JupyterLite"). */
  children?: ReactNode;
}

/**
 * Run all, Restart and Download notebook for the page's cells: real
 * buttons, a polite status line that announces what they did once. Renders
 * nothing on pages without cells, on the server and while hydrating (the
 * page's cells are known once they have mounted).
 */
export function PythonPageActions({
  loadNotebookSource,
  notebookName,
  labels: labelOverrides,
  className,
  fallback = false,
  children,
}: PythonPageActionsProps): ReactNode {
  const page = usePageRuns();
  const context = usePyodideContext();
  // The activity when the notebook was last saved: "saved" is said until the page's actions do something else.
  const [savedDuring, setSavedDuring] = useState<PageActivity | null>(null);
  useEffect(() => (fallback ? undefined : mountPageActionsPlace()), [fallback]);
  const otherPlace = useSyncExternalStore(subscribePageActionsPlaces, hasPageActionsPlace, noOtherPlace);
  // What Run all and Restart did is said by the run code, which they load.
  const live = useSyncExternalStore(subscribeLiveCode, loadedLiveCode, notLoaded);
  if (page.cellCount === 0 || (fallback && otherPlace)) return null;
  const labels = labelOverrides ? {...englishPageViewLabels, ...labelOverrides} : englishPageViewLabels;
  const running = page.activity.state === 'running-all';

  // An action whose code did not arrive says so, and Run all is enabled again to retry.
  const unavailable = (action: string) => (error: unknown) => {
    console.warn('[pyodocs]', action, error);
    setPageActivity({state: 'unavailable', message: labels.actionFailed.replace('{action}', action)});
  };

  // The notebook code is a chunk of its own, loaded on the press (issue 13).
  const download = () => {
    const during = page.activity;
    const source = loadNotebookSource
      ? loadNotebookSource().catch((error: unknown) => {
          // Still a notebook: the cells, without the page's prose.
          console.warn('[pyodocs] could not load the page description; the notebook holds its cells only', error);
          return undefined;
        })
      : Promise.resolve(undefined);
    return Promise.all([source, import('./downloadPageNotebook.js')]).then(([loaded, {downloadPageNotebook}]) => {
      downloadPageNotebook(context?.peekLedger(), loaded, `${notebookName ?? pageFileName()}.ipynb`);
      setSavedDuring(during);
    });
  };

  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of buttons, not a form: a fieldset would bring form semantics.
    <div
      className={className ? `pyodocs-page-actions ${className}` : 'pyodocs-page-actions'}
      role="group"
      aria-label={labels.actions}
      data-pyodocs-page-actions=""
    >
      <div className="pyodocs-page-actions__buttons">
        <button
          type="button"
          className="pyodocs-page-action pyodocs-page-action--run-all"
          aria-disabled={running ? 'true' : undefined}
          onClick={() => {
            if (!running) page.runAll().catch(unavailable(labels.runAll));
          }}
        >
          {labels.runAll}
        </button>
        <button
          type="button"
          className="pyodocs-page-action pyodocs-page-action--restart"
          onClick={() => void page.restart().catch(unavailable(labels.restart))}
        >
          {labels.restart}
        </button>
        <button
          type="button"
          className="pyodocs-page-action pyodocs-page-action--download"
          onClick={() => void download().catch(unavailable(labels.downloadNotebook))}
        >
          {labels.downloadNotebook}
        </button>
        {children}
      </div>
      <p className="pyodocs-page-actions__status" role="status" aria-live="polite">
        {savedDuring === page.activity
          ? labels.notebookSaved
          : page.activity.state === 'unavailable'
            ? page.activity.message
            : (live?.pageActivityText(page.activity, labelOverrides ?? {}) ?? '')}
      </p>
    </div>
  );
}

const noOtherPlace = () => false;
const notLoaded = () => undefined;

/** The last part of the page's path (`/docs/intro/` → `intro`), or `index`. */
function pageFileName(): string {
  const segment = window.location.pathname.replace(/\/+$/, '').split('/').pop();
  return segment ? decodeURIComponent(segment) : 'index';
}
