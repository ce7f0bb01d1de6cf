import type {PyodideClient} from '@pyodocs/runtime';
import {usePyodideContext} from './usePyodideContext.js';

/**
 * The tab's `PyodideClient`. Calling it creates the client object if needed
 * (no worker, no download). Throws outside a `PyodideProvider`.
 */
export function usePyodideClient(): PyodideClient {
  const context = usePyodideContext();
  if (!context) {
    throw new Error('usePyodideClient() needs a <PyodideProvider> above this component.');
  }
  return context.getClient();
}
