import {createContext} from 'react';
import type {PyodideClient} from '@pyodocs/runtime';
import type {CellBehaviour} from '../behaviour/CellBehaviour.js';
import type {SessionLedger} from '../notebook/SessionLedger.js';

/**
 * What `PyodideProvider` hands down: getters rather than the client, so that
 * rendering (server or hydration) of hundreds of cells creates nothing; the
 * client appears when a reader first runs something (or shows the intent to).
 */
export interface PyodideContextValue {
  getClient(): PyodideClient;
  /** What ran in the client's Python (records per page and cell, execution counts), for the life of the tab. */
  getLedger(): SessionLedger;
  /** The site's cell behaviour (C8). */
  behaviour: Readonly<CellBehaviour>;
  /** The reader showed intent to run (hover, focus, touch): start Python now if the site's `preload` says so. */
  prewarm(): void;
}

export const PyodideContext = createContext<PyodideContextValue | null>(null);
