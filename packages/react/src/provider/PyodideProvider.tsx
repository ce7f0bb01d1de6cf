import {useMemo, type ReactNode} from 'react';
import type {PyodideClient} from '@pyodocs/runtime';
import {defaultPythonCellLabels, type PythonCellLabels} from '../labels/PythonCellLabels.js';
import {PythonCellLabelsContext} from '../labels/PythonCellLabelsContext.js';
import {SavedEditsScope} from '../persistence/SavedEditsContext.js';
import {PyodideContext, type PyodideContextValue} from './PyodideContext.js';
import type {PyodideClientConfig} from '@pyodocs/runtime';
import {getSharedClient, sharedClientKey} from './sharedClients.js';

export interface PyodideProviderProps {
  /**
   * The client's options (where the worker, the Pyodide files and the
   * packages are served; time limits), handed whole to the tab's shared
   * client. Equal configs share one client, however they are built.
   */
  config: PyodideClientConfig;
  /** A client the caller owns (tests, custom transports). Default: the tab's shared client for `config`. */
  client?: PyodideClient;
  /** Translated UI strings for every cell below; missing ones stay English. */
  labels?: Partial<PythonCellLabels>;
  /** How cells behave (C8). `persistEdits` (default true): keep the reader's edits in browser storage; a cell's `behaviour` wins. */
  cells?: {persistEdits?: boolean} | undefined;
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
  const value = useMemo<PyodideContextValue>(
    () => ({getClient: client ? () => client : () => getSharedClient(key)}),
    [client, key],
  );
  const mergedLabels = useMemo(
    () => (labels ? {...defaultPythonCellLabels, ...labels} : defaultPythonCellLabels),
    [labels],
  );
  return (
    <PyodideContext.Provider value={value}>
      <PythonCellLabelsContext.Provider value={mergedLabels}>
        <SavedEditsScope namespace={storageNamespace} persistEdits={cells?.persistEdits}>
          {children}
        </SavedEditsScope>
      </PythonCellLabelsContext.Provider>
    </PyodideContext.Provider>
  );
}
