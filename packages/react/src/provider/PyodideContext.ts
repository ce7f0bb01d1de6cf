import {createContext} from 'react';
import type {PyodideClient} from '@pyodocs/runtime';

/**
 * What `PyodideProvider` hands down: a getter rather than the client, so that
 * rendering (server or hydration) of hundreds of cells creates nothing; the
 * client appears when a reader first runs something.
 */
export interface PyodideContextValue {
  getClient(): PyodideClient;
}

export const PyodideContext = createContext<PyodideContextValue | null>(null);
