import type {PyodideClient} from '@pyodocs/runtime';

/** A client that may start its worker without a run (the runtime's `preload()`, where it exists). */
type PreloadingClient = PyodideClient & {preload?: () => Promise<void>};

/**
 * Starts the client's worker ahead of the first Run, unless the reader asked
 * their browser to save data. Failures are left for the Run that follows,
 * which reports them in its cell.
 */
export function prewarmClient(client: PyodideClient): void {
  if (savesData()) return;
  const preloading = client as PreloadingClient;
  // The runtime's preload() when there is one (it may also fetch a snapshot), else start().
  const starting = typeof preloading.preload === 'function' ? preloading.preload() : client.start();
  starting.catch(() => undefined);
}

/** `navigator.connection.saveData` (Chromium's Save-Data / Lite mode): never download Python on a hover then. */
function savesData(): boolean {
  if (typeof navigator === 'undefined') return false;
  const connection = (navigator as Navigator & {connection?: {saveData?: unknown}}).connection;
  return connection?.saveData === true;
}
