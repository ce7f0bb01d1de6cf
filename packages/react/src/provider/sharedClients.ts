import {PyodideClient} from '@pyodocs/runtime';
import type {PyodideClientConfig} from '@pyodocs/runtime';
import {sharedClientRegistry, tabPythonChanged} from './tabPython.js';

// One client per tab and config. Kept on globalThis (not in a module variable)
// so that a second copy of this module (hot reload, a site bundling the
// package twice) still finds the client that already loaded Pyodide.

/**
 * The tab's client for the config whose key is `key` (see sharedClientKey.ts),
 * created on first use from that config, whole. Creating it starts no worker
 * and downloads nothing; the first run does.
 */
export function getSharedClient(key: string): PyodideClient {
  const clients = sharedClientRegistry();
  let client = clients.get(key);
  if (!client) {
    const config = JSON.parse(key) as PyodideClientConfig;
    client = new PyodideClient(config);
    clients.set(key, client);
    tabPythonChanged();
  }
  return client;
}
