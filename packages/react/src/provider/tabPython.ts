import type {PyodideClient} from '@pyodocs/runtime';
import type {SessionLedger} from '../notebook/SessionLedger.js';

// The tab's Python as cells see it before they run anything: the shared
// clients (sharedClients.ts) and session ledgers (sessionLedgers.ts) are
// created by the run code, a chunk loaded on intent or on Run (issue 13);
// rendering only looks them up here, through the same globalThis keys,
// without importing the code that creates them.

const clientsKey = Symbol.for('pyodocs.react.sharedClients');
const ledgersKey = Symbol.for('pyodocs.react.sessionLedgers');
const listenersKey = Symbol.for('pyodocs.react.tabPythonListeners');

type Holder = typeof globalThis & {
  [clientsKey]?: Map<string, PyodideClient>;
  [ledgersKey]?: LedgerRegistry;
  [listenersKey]?: Set<() => void>;
};

/** The session ledgers of the tab: per shared client key, and per client a caller owns. */
export interface LedgerRegistry {
  byKey: Map<string, SessionLedger>;
  byClient: WeakMap<PyodideClient, SessionLedger>;
}

const holder = () => globalThis as Holder;

export function sharedClientRegistry(): Map<string, PyodideClient> {
  const global = holder();
  global[clientsKey] ??= new Map();
  return global[clientsKey];
}

export function ledgerRegistry(): LedgerRegistry {
  const global = holder();
  global[ledgersKey] ??= {byKey: new Map(), byClient: new WeakMap()};
  return global[ledgersKey];
}

function listeners(): Set<() => void> {
  const global = holder();
  global[listenersKey] ??= new Set();
  return global[listenersKey];
}

/** Called when a shared client or a ledger is created: cells rendered before it look again. */
export function subscribeTabPython(listener: () => void): () => void {
  const all = listeners();
  all.add(listener);
  return () => {
    all.delete(listener);
  };
}

/** A shared client or a ledger was created. */
export function tabPythonChanged(): void {
  for (const listener of Array.from(listeners())) listener();
}
