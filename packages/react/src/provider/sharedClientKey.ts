import type {PyodideClientConfig} from '@pyodocs/runtime';

/**
 * The registry key of a config: its JSON with object keys sorted and unset
 * fields left out, so equal configs built in any order share one client.
 * Apart from the registry (sharedClients.ts): the provider needs the key on
 * every page, the client code only pages with cells load.
 */
export function sharedClientKey(config: PyodideClientConfig): string {
  return JSON.stringify(config, (_key, value: unknown) =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  );
}
