import {PyodideClient} from '@pyodocs/runtime';
import type {PyodideClientConfig} from '@pyodocs/runtime';

// One client per tab and config. Kept on globalThis (not in a module variable)
// so that a second copy of this module (hot reload, a site bundling the
// package twice) still finds the client that already loaded Pyodide.
const registryKey = Symbol.for('pyodocs.react.sharedClients');

type Registry = Map<string, PyodideClient>;

function registry(): Registry {
  const holder = globalThis as typeof globalThis & {[registryKey]?: Registry};
  holder[registryKey] ??= new Map();
  return holder[registryKey];
}

/**
 * The tab's client for the config whose key is `key` (see sharedClientKey.ts),
 * created on first use from that config, whole. Creating it starts no worker
 * and downloads nothing; the first run does.
 */
export function getSharedClient(key: string): PyodideClient {
  const clients = registry();
  let client = clients.get(key);
  if (!client) {
    const config = JSON.parse(key) as PyodideClientConfig;
    client = new PyodideClient(config);
    clients.set(key, client);
  }
  return client;
}
