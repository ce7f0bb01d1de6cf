import {useContext} from 'react';
import type {PyodideClient} from '@pyodocs/runtime';
import {PyodideContext} from './PyodideContext.js';

/**
 * The tab's `PyodideClient`. Calling it creates the client object if needed
 * (no worker, no download). Throws outside a `PyodideProvider`.
 */
export function usePyodideClient(): PyodideClient {
  const context = useContext(PyodideContext);
  if (!context) {
    throw new Error('usePyodideClient() needs a <PyodideProvider> above this component.');
  }
  return context.getClient();
}
