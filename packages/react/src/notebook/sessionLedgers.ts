import type {PyodideClient} from '@pyodocs/runtime';
import {ledgerRegistry, tabPythonChanged} from '../provider/tabPython.js';
import {SessionLedger} from './SessionLedger.js';

// One ledger per tab and client, kept beside the shared clients on
// globalThis (see provider/tabPython.ts): it must outlive the pages, and
// a second copy of this module must find the same one.

/** The ledger of the shared client whose config key is `key` (created empty; it watches the client from the first run on). */
export function sharedLedger(key: string): SessionLedger {
  const {byKey} = ledgerRegistry();
  let ledger = byKey.get(key);
  if (!ledger) {
    ledger = new SessionLedger();
    byKey.set(key, ledger);
    tabPythonChanged();
  }
  return ledger;
}

/** The ledger of a client the caller owns. */
export function clientLedger(client: PyodideClient): SessionLedger {
  const {byClient} = ledgerRegistry();
  let ledger = byClient.get(client);
  if (!ledger) {
    ledger = new SessionLedger();
    byClient.set(client, ledger);
    tabPythonChanged();
  }
  return ledger;
}
