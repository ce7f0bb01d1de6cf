import {createContext} from 'react';
import type {PyodideClient} from '@pyodocs/runtime';
import type {CellBehaviour} from '../behaviour/CellBehaviour.js';

/**
 * What `PyodideProvider` hands down: data only. The code that creates the
 * client, its ledger and the pre-warm is the run code (live/), which cells
 * load on intent or Run: rendering hundreds of cells (server or hydration)
 * creates and loads nothing (issue 13).
 */
export interface PyodideSettings {
  /** The tab's shared client for this key (sharedClientKey of the config) is the one cells use… */
  clientKey: string;
  /** …unless the caller gave a client of its own (tests, custom transports). */
  client: PyodideClient | undefined;
  /** The site's cell behaviour (C8). */
  behaviour: Readonly<CellBehaviour>;
}

export const PyodideContext = createContext<PyodideSettings | null>(null);
