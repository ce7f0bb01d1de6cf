import {useMemo, type ReactNode} from 'react';
import type {PyodideClient, PyodideClientConfig} from '@pyodocs/runtime';
import {type CellBehaviour, resolveCellBehaviour} from '../behaviour/CellBehaviour.js';
import type {PythonCellLabels} from '../labels/PythonCellLabels.js';
import {SiteLabelsContext} from '../labels/SiteLabelsContext.js';
import {SavedEditsScope} from '../persistence/SavedEditsContext.js';
import {PyodideContext, type PyodideSettings} from './PyodideContext.js';
import {sharedClientKey} from './sharedClientKey.js';

export interface PyodideProviderProps {
  /**
   * The client's options (where the worker, the Pyodide files and the
   * packages are served; time limits), handed whole to the tab's shared
   * client. Equal configs share one client, however they are built.
   */
  config: PyodideClientConfig;
  /** A client the caller owns (tests, custom transports). Default: the tab's shared client for `config`. */
  client?: PyodideClient;
  /** How cells behave for the reader: run-above, keeping edits (`persistEdits`, default true; a cell's `behaviour` wins), when Python starts (C8). Missing fields keep their defaults. */
  cells?: Partial<CellBehaviour>;
  /** Translated UI strings for every cell below; missing ones stay English. */
  labels?: Partial<PythonCellLabels>;
  /**
   * Keeps the reader's saved edits of this site (and docs version) apart
   * from other sites and versions on the same origin: e.g. the base URL and
   * the docs version. Default `''`.
   */
  storageNamespace?: string | undefined;
  children?: ReactNode;
}

/**
 * Gives cells below it the tab's Python. Mount it once at the app root: the
 * client it hands out is shared per config for the life of the tab, so
 * remounting (client-side navigation) never loads Pyodide a second time.
 * It carries settings only: the client code comes with the cells.
 */
export function PyodideProvider({
  config,
  client,
  labels,
  cells,
  storageNamespace,
  children,
}: PyodideProviderProps): ReactNode {
  // The key, not the object: a new but equal config (a re-render, a remount
  // after navigation) keeps the same context value and client.
  const key = sharedClientKey(config);
  const {runPrevious, persistEdits, preload} = cells ?? {};
  const settings = useMemo<PyodideSettings>(
    () => ({clientKey: key, client, behaviour: resolveCellBehaviour({runPrevious, persistEdits, preload})}),
    [client, key, runPrevious, persistEdits, preload],
  );
  return (
    <PyodideContext.Provider value={settings}>
      <SiteLabelsContext.Provider value={labels}>
        <SavedEditsScope namespace={storageNamespace} persistEdits={persistEdits}>
          {children}
        </SavedEditsScope>
      </SiteLabelsContext.Provider>
    </PyodideContext.Provider>
  );
}
