import {PyodideClient} from '@pyodocs/runtime';
import type {PyodideConfig} from './PyodideConfig.js';

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
 * The tab's client for `config`, created on first use. Creating it starts no
 * worker and downloads nothing; the first run does.
 */
export function getSharedClient(config: PyodideConfig): PyodideClient {
  const key = `${config.workerUrl}\n${config.indexURL}\n${config.packageBaseUrl ?? ''}\n${config.timeoutSeconds ?? ''}`;
  const clients = registry();
  let client = clients.get(key);
  if (!client) {
    client = new PyodideClient({
      workerUrl: config.workerUrl,
      indexURL: config.indexURL,
      ...(config.packageBaseUrl ? {packageBaseUrl: config.packageBaseUrl} : {}),
      ...(config.timeoutSeconds ? {timeoutSeconds: config.timeoutSeconds} : {}),
    });
    clients.set(key, client);
  }
  return client;
}
