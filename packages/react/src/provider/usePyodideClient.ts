import {useContext} from 'react';
import type {PyodideClient} from '@pyodocs/runtime';
import {PyodideContext} from './PyodideContext.js';
import {getSharedClient} from './sharedClients.js';

/**
 * The tab's `PyodideClient`. Calling it creates the client object if needed
 * (no worker, no download). Throws outside a `PyodideProvider`. (Cells do
 * not use it: they load the client code on intent or Run.)
 */
export function usePyodideClient(): PyodideClient {
  const settings = useContext(PyodideContext);
  if (!settings) {
    throw new Error('usePyodideClient() needs a <PyodideProvider> above this component.');
  }
  return settings.client ?? getSharedClient(settings.clientKey);
}
