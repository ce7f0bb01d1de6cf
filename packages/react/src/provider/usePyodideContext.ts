import {useContext} from 'react';
import type {PyodideClient} from '@pyodocs/runtime';
import type {CellBehaviour} from '../behaviour/CellBehaviour.js';
import {loadLiveCode} from '../live/loadLiveCode.js';
import type {SessionLedger} from '../notebook/SessionLedger.js';
import {PyodideContext, type PyodideSettings} from './PyodideContext.js';
import {ledgerRegistry, sharedClientRegistry} from './tabPython.js';

/**
 * The provider's settings as cells use them. Rendering creates nothing and
 * loads no run code: it only looks up what earlier runs created; the run
 * code (loadLiveCode) creates the client when a reader first runs something
 * or shows the intent to.
 */
export interface PyodideContextValue {
  settings: PyodideSettings;
  /** The client, if something created it (a run, a pre-warm). */
  peekClient(): PyodideClient | undefined;
  /** What ran in the client's Python, if anything did. */
  peekLedger(): SessionLedger | undefined;
  /** The site's cell behaviour (C8). */
  behaviour: Readonly<CellBehaviour>;
  /** The reader showed intent to run (hover, focus, touch): load the run code, and start Python if the site's `preload` says so. */
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

function contextValue(settings: PyodideSettings): PyodideContextValue {
  const {client, clientKey, behaviour} = settings;
  return {
    settings,
    peekClient: () => client ?? sharedClientRegistry().get(clientKey),
    peekLedger: () => (client ? ledgerRegistry().byClient.get(client) : ledgerRegistry().byKey.get(clientKey)),
    behaviour,
    prewarm: () => {
      loadLiveCode().then(
        (live) => live.prewarm(settings),
        // Run loads it again and says what failed, in the cell.
        () => {},
      );
    },
  };
}
