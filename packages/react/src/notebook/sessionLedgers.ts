import type {PyodideClient} from '@pyodocs/runtime';
import {SessionLedger} from './SessionLedger.js';

// One ledger per tab and client, kept beside the shared clients on
// globalThis (see provider/sharedClients.ts): it must outlive the pages, and
// a second copy of this module must find the same one.
const registryKey = Symbol.for('pyodocs.react.sessionLedgers');

interface Registry {
  byKey: Map<string, SessionLedger>;
  byClient: WeakMap<PyodideClient, SessionLedger>;
}

function registry(): Registry {
  const holder = globalThis as typeof globalThis & {[registryKey]?: Registry};
  holder[registryKey] ??= {byKey: new Map(), byClient: new WeakMap()};
  return holder[registryKey];
}

/** The ledger of the shared client whose config key is `key` (created empty; it watches the client from the first run on). */
export function sharedLedger(key: string): SessionLedger {
  const {byKey} = registry();
  let ledger = byKey.get(key);
  if (!ledger) {
    ledger = new SessionLedger();
    byKey.set(key, ledger);
  }
  return ledger;
}

/** The ledger of a client the caller owns. */
export function clientLedger(client: PyodideClient): SessionLedger {
  const {byClient} = registry();
  let ledger = byClient.get(client);
  if (!ledger) {
    ledger = new SessionLedger();
    byClient.set(client, ledger);
  }
  return ledger;
}
