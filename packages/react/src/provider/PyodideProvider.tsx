import {useMemo, type ReactNode} from 'react';
import type {PyodideClient} from '@pyodocs/runtime';
import {defaultPythonCellLabels, type PythonCellLabels} from '../labels/PythonCellLabels.js';
import {PythonCellLabelsContext} from '../labels/PythonCellLabelsContext.js';
import {PyodideContext, type PyodideContextValue} from './PyodideContext.js';
import type {PyodideConfig} from './PyodideConfig.js';
import {getSharedClient} from './sharedClients.js';

export interface PyodideProviderProps {
  /** Where the worker and the Pyodide files are served. */
  config: PyodideConfig;
  /** A client the caller owns (tests, custom transports). Default: the tab's shared client for `config`. */
  client?: PyodideClient;
  /** Translated UI strings for every cell below; missing ones stay English. */
  labels?: Partial<PythonCellLabels>;
  children?: ReactNode;
}

/**
 * Gives cells below it the tab's Python. Mount it once at the app root: the
 * client it hands out is shared per config for the life of the tab, so
 * remounting (client-side navigation) never loads Pyodide a second time.
 */
export function PyodideProvider({config, client, labels, children}: PyodideProviderProps): ReactNode {
  const {workerUrl, indexURL, packageBaseUrl, timeoutSeconds} = config;
  const value = useMemo<PyodideContextValue>(
    () => ({
      getClient: client ? () => client : () => getSharedClient({workerUrl, indexURL, packageBaseUrl, timeoutSeconds}),
    }),
    [client, workerUrl, indexURL, packageBaseUrl, timeoutSeconds],
  );
  const mergedLabels = useMemo(
    () => (labels ? {...defaultPythonCellLabels, ...labels} : defaultPythonCellLabels),
    [labels],
  );
  return (
    <PyodideContext.Provider value={value}>
      <PythonCellLabelsContext.Provider value={mergedLabels}>{children}</PythonCellLabelsContext.Provider>
    </PyodideContext.Provider>
  );
}
