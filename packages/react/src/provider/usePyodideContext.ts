import {useContext} from 'react';
import type {PyodideClient} from '@pyodocs/runtime';
import type {CellBehaviour} from '../behaviour/CellBehaviour.js';
import {clientLedger, sharedLedger} from '../notebook/sessionLedgers.js';
import type {SessionLedger} from '../notebook/SessionLedger.js';
import {PyodideContext, type PyodideSettings} from './PyodideContext.js';
import {prewarmClient} from './prewarmClient.js';
import {getSharedClient} from './sharedClients.js';

/**
 * The provider's settings as cells use them: getters rather than the
 * client, so that rendering creates nothing; the client appears when a
 * reader first runs something (or shows the intent to).
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

// One value per settings object (the provider memoizes it): hooks that
// depend on the value keep their identity across renders.
const values = new WeakMap<PyodideSettings, PyodideContextValue>();

/** The tab's Python for the cells below a `PyodideProvider`; null without one. */
export function usePyodideContext(): PyodideContextValue | null {
  const settings = useContext(PyodideContext);
  if (settings === null) return null;
  let value = values.get(settings);
  if (value === undefined) {
    value = contextValue(settings);
    values.set(settings, value);
  }
  return value;
}

function contextValue({clientKey, client, behaviour}: PyodideSettings): PyodideContextValue {
  const getClient = client ? () => client : () => getSharedClient(clientKey);
  return {
    getClient,
    getLedger: client ? () => clientLedger(client) : () => sharedLedger(clientKey),
    behaviour,
    prewarm: behaviour.preload === 'off' ? () => {} : () => prewarmClient(getClient()),
  };
}
